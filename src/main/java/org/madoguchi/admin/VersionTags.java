package org.madoguchi.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Writes the version tag into each resource, where the engine (8.6 and later) reads it: a
 * {@code zeebe:versionTag} extension element of each BPMN process and each DMN decision, and the
 * {@code versionTag} property of a form. Operate, Tasklist and the models page then show it, and a
 * call activity or business rule task may bind to it. Runs on validated files only.
 */
public final class VersionTags {

  /** Matches {@code model_deployments.version_tag}. */
  public static final int MAX_LENGTH = 100;

  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,99}");
  private static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final ObjectMapper JSON = new ObjectMapper();

  private VersionTags() {}

  public static boolean isValid(String tag) {
    return tag != null && TAG.matcher(tag).matches();
  }

  public static List<ModelFile> apply(List<ModelFile> files, String tag) {
    if (!isValid(tag)) {
      throw new IllegalArgumentException("not a version tag: " + tag);
    }
    return files.stream().map(file -> apply(file, tag)).toList();
  }

  static ModelFile apply(ModelFile file, String tag) {
    ResourceKind kind = ResourceKind.of(file.name()).orElse(ResourceKind.FORM_TEXTS);
    return switch (kind) {
      case PROCESS -> new ModelFile(file.name(), tagXml(file.content(), tag, BPMN, "process", "documentation"));
      case DECISION -> new ModelFile(file.name(), tagXml(file.content(), tag, null, "decision", "description"));
      case FORM -> new ModelFile(file.name(), tagForm(file.content(), tag));
      case FORM_TEXTS -> file;
    };
  }

  private static byte[] tagForm(byte[] content, String tag) {
    try {
      ObjectNode form = (ObjectNode) JSON.readTree(content);
      form.put("versionTag", tag);
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(form);
    } catch (IOException | ClassCastException e) {
      throw new IllegalArgumentException("not a form", e);
    }
  }

  /**
   * Each {@code owner} element (in {@code namespace}; any DMN version's when null) gets one
   * {@code zeebe:versionTag} in its extension elements, which follow its documentation or description.
   */
  private static byte[] tagXml(byte[] content, String tag, String namespace, String owner, String leading) {
    try {
      Document document = parser().newDocumentBuilder().parse(new ByteArrayInputStream(content));
      NodeList owners = document.getElementsByTagNameNS(namespace == null ? "*" : namespace, owner);
      for (int i = 0; i < owners.getLength(); i++) {
        Element element = (Element) owners.item(i);
        String ownNamespace = element.getNamespaceURI();
        Element extensions = child(element, ownNamespace, "extensionElements");
        if (extensions == null) {
          extensions = document.createElementNS(ownNamespace, qualified(element, "extensionElements"));
          element.insertBefore(extensions, firstAfter(element, leading));
        }
        Element existing = child(extensions, ZEEBE, "versionTag");
        if (existing != null) {
          extensions.removeChild(existing);
        }
        Element versionTag = document.createElementNS(ZEEBE, "zeebe:versionTag");
        versionTag.setAttribute("value", tag);
        extensions.appendChild(versionTag);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Transformer transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      transformer.transform(new DOMSource(document), new StreamResult(out));
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalArgumentException("cannot write the version tag", e);
    }
  }

  private static DocumentBuilderFactory parser() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }

  private static String qualified(Element like, String localName) {
    return like.getPrefix() == null ? localName : like.getPrefix() + ":" + localName;
  }

  private static Element child(Element parent, String namespace, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName()) && namespace != null && namespace.equals(e.getNamespaceURI())) {
        return e;
      }
    }
    return null;
  }

  /** The first child element that is not {@code leading}: where extension elements go. */
  private static Node firstAfter(Element parent, String leading) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && !leading.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }
}
