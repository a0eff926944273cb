package org.madoguchi.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.madoguchi.cases.CaseStatus;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Where a case stands on the process diagram, and the deadlines the models set.
 *
 * <p>The ONE place that maps the case file's status ({@link CaseStatus}) to element ids of
 * {@code bpmn/research-support.bpmn}. It reflects the case file, not the engine's live tokens: a case
 * "in support" is shown at the {@code UnitSupport} call activity whatever its units are doing, and a
 * case in fee assessment at the finance review even while the fees are still being computed.
 * {@code CaseProcessMapTest} checks every id against the model file, so renaming an element in
 * Modeler breaks the build instead of the diagram.
 *
 * <p>Timer durations (how long an applicant has to reply, to deposit) are read from the models
 * themselves, so an administrator who changes a timer in Modeler changes the dates the portal shows.
 */
@Component
class CaseProcessMap {

  static final String PROCESS_MODEL = "models/research-support.bpmn";
  static final String DEPOSIT_MODEL = "models/data-deposit.bpmn";

  /** Interrupting timer on AwaitApplicantReply: the case expires without a reply. */
  static final String INFO_TIMEOUT = "InfoTimeout";
  /** Reminder cycle on AwaitStatementResponse: no deadline, a reminder after each period. */
  static final String STATEMENT_REMINDER = "StatementReminder";
  /** Interrupting timer on AwaitDeposit (data-deposit.bpmn): the desk is told the deposit is overdue. */
  static final String DEPOSIT_ESCALATION = "DepositEscalation";

  private static final Map<CaseStatus, String> STEP = new EnumMap<>(CaseStatus.class);

  static {
    STEP.put(CaseStatus.SUBMITTED, "RegisterCase");
    STEP.put(CaseStatus.IN_CONSULTATION, "Consultation");
    STEP.put(CaseStatus.AWAITING_INFORMATION, "AwaitApplicantReply");
    STEP.put(CaseStatus.IN_SUPPORT, "UnitSupport");
    STEP.put(CaseStatus.FEE_ASSESSMENT, "FinanceReview");
    STEP.put(CaseStatus.AWAITING_STATEMENT_RESPONSE, "AwaitStatementResponse");
    STEP.put(CaseStatus.DATA_DEPOSIT, "DataDeposit");
    STEP.put(CaseStatus.CLOSED, "CloseCase");
    STEP.put(CaseStatus.DECLINED, "CaseDeclined");
    STEP.put(CaseStatus.EXPIRED, "CaseExpired");
    STEP.put(CaseStatus.CANCELLED, "CaseCancelled");
  }

  private static final Pattern CYCLE = Pattern.compile("R\\d*/(P.+)");

  private final Map<String, String> names;
  private final Map<String, Duration> timers;

  /** Reads both models from the classpath (the copies the engine deploys). */
  CaseProcessMap() {
    this.names = new HashMap<>();
    this.timers = new HashMap<>();
    read(PROCESS_MODEL, names, timers);
    read(DEPOSIT_MODEL, new HashMap<>(), timers);
  }

  /** The element of research-support.bpmn that stands for the status. */
  static String stepOf(CaseStatus status) {
    return STEP.get(status);
  }

  static Map<CaseStatus, String> steps() {
    return Map.copyOf(STEP);
  }

  /** The element's name in the model (English; the page translates known steps). */
  Optional<String> nameOf(String elementId) {
    return Optional.ofNullable(names.get(elementId));
  }

  boolean hasElement(String elementId) {
    return names.containsKey(elementId);
  }

  /** A timer's duration, or the period of a cycle; empty for an expression the portal cannot evaluate. */
  Optional<Duration> timer(String elementId) {
    return Optional.ofNullable(timers.get(elementId));
  }

  /** {@code P21D}, {@code PT36H}, {@code R/P7D}, {@code R3/P1D}; null for anything else (e.g. a FEEL expression). */
  static Duration parseTimer(String text) {
    if (text == null) {
      return null;
    }
    String value = text.strip();
    Matcher cycle = CYCLE.matcher(value);
    if (cycle.matches()) {
      value = cycle.group(1);
    }
    try {
      return Duration.parse(value);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void read(String resource, Map<String, String> names, Map<String, Duration> timers) {
    Document document = parse(resource);
    NodeList all = document.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      String id = element.getAttribute("id");
      if (id.isEmpty() || !"http://www.omg.org/spec/BPMN/20100524/MODEL".equals(element.getNamespaceURI())) {
        continue;
      }
      names.put(id, element.getAttribute("name"));
      if ("boundaryEvent".equals(element.getLocalName()) || "intermediateCatchEvent".equals(element.getLocalName())) {
        Duration duration = timerOf(element);
        if (duration != null) {
          timers.put(id, duration);
        }
      }
    }
  }

  private static Duration timerOf(Element event) {
    for (String kind : new String[] {"timeDuration", "timeCycle"}) {
      NodeList found = event.getElementsByTagNameNS("*", kind);
      if (found.getLength() > 0) {
        return parseTimer(found.item(0).getTextContent());
      }
    }
    return null;
  }

  private static Document parse(String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }
}
