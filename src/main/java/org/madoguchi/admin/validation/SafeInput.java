package org.madoguchi.admin.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.madoguchi.admin.ModelFile;
import org.madoguchi.admin.ModelValidator;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The limits an upload must keep before any parser sees it, and the only parsers that read it first: an
 * XML parser that refuses any DOCTYPE (so no external entity and no entity expansion ever happens) and a
 * JSON reader with bounded nesting, strings and numbers. Only bytes that passed here reach Camunda's
 * model API or the engine's DMN parser.
 */
final class SafeInput {

  static final int MAX_FILE_BYTES = 2 * 1024 * 1024;
  static final int MAX_FORM_COMPONENTS = 1_000;
  static final int MAX_FORM_DEPTH = 8;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,119}");
  private static final Pattern TRANSLATION = Pattern.compile("(.+)\\.(ja|en)\\.json");

  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(64)
          .maxStringLength(MAX_FILE_BYTES)
          .maxNumberLength(64)
          .maxNameLength(1_000)
          .build())
      .build());

  enum Kind { BPMN, DMN, FORM, TRANSLATION }

  private SafeInput() {}

  /** Whether an upload has no more files than accepted at once; adds the problem when it has. */
  static boolean fewEnoughFiles(List<ModelFile> upload, Problems problems) {
    if (upload.size() > ModelValidator.MAX_FILES) {
      problems.add(null, null, "upload-too-many-files", upload.size(), ModelValidator.MAX_FILES);
      return false;
    }
    return true;
  }

  /** The kind of a file by its name, or empty when Madoguchi deploys no such file. */
  static Optional<Kind> kindOf(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    if (name.endsWith(".bpmn")) {
      return Optional.of(Kind.BPMN);
    }
    if (name.endsWith(".dmn")) {
      return Optional.of(Kind.DMN);
    }
    if (name.endsWith(".form")) {
      return Optional.of(Kind.FORM);
    }
    return TRANSLATION.matcher(name).matches() ? Optional.of(Kind.TRANSLATION) : Optional.empty();
  }

  /** The form a translation file belongs to ({@code info-reply} for {@code info-reply.ja.json}). */
  static String translatedForm(String name) {
    var m = TRANSLATION.matcher(name);
    return m.matches() ? m.group(1) : null;
  }

  /**
   * Reads XML into a DOM with a parser that refuses DOCTYPE declarations, external entities and DTDs;
   * empty (with the problem added) when the bytes are not such XML.
   */
  static Optional<Document> xml(ModelFile file, Problems problems) {
    if (declaresDoctype(file.content())) {
      problems.add(file.name(), null, "xml-doctype");
      return Optional.empty();
    }
    try {
      DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler() {
        @Override
        public void warning(SAXParseException e) {
          // warnings do not make the file unusable
        }
      });
      return Optional.of(builder.parse(new ByteArrayInputStream(file.content())));
    } catch (SAXParseException e) {
      if (String.valueOf(e.getMessage()).contains("DOCTYPE")) {
        problems.add(file.name(), null, "xml-doctype");
      } else {
        problems.add(file.name(), null, "xml-malformed", e.getLineNumber(), e.getMessage());
      }
    } catch (SAXException | IOException e) {
      problems.add(file.name(), null, "xml-malformed", 0, e.getMessage());
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
    }
    return Optional.empty();
  }

  /** A DOCTYPE in the first bytes, in any of the encodings an XML declaration may announce. */
  private static boolean declaresDoctype(byte[] content) {
    String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.ISO_8859_1)
        .replace("\0", "");
    return head.toUpperCase(Locale.ROOT).contains("<!DOCTYPE");
  }

  private static DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }

  /** Reads JSON within the limits; empty (with the problem added) otherwise. */
  static Optional<JsonNode> json(ModelFile file, Problems problems) {
    try {
      return Optional.of(JSON.readTree(file.content()));
    } catch (StreamConstraintsException e) {
      problems.add(file.name(), null, "json-limits", e.getOriginalMessage());
    } catch (IOException e) {
      problems.add(file.name(), null, "json-malformed", e.getMessage().lines().findFirst().orElse(""));
    }
    return Optional.empty();
  }
}
