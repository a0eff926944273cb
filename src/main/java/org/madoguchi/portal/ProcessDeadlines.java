package org.madoguchi.portal;

import java.io.InputStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * The applicant's deadlines as the deployed models set them (administrators change the timers in
 * Modeler, so they are read from the models, not written again in code): the information reply ends
 * with the {@code InfoTimeout} timer of research-support, a deposit is overdue at the
 * {@code DepositEscalation} timer of data-deposit. A timer that is an expression gives no deadline.
 */
@Component
class ProcessDeadlines {

  private final Optional<Duration> infoReply;
  private final Optional<Duration> deposit;

  ProcessDeadlines() {
    this.infoReply = timer("models/research-support.bpmn", "InfoTimeout");
    this.deposit = timer("models/data-deposit.bpmn", "DepositEscalation");
  }

  /** How long after the question the case expires without a reply. */
  Optional<Duration> infoReply() {
    return infoReply;
  }

  /** How long after the deposit was asked for (or sent back) it becomes overdue. */
  Optional<Duration> deposit() {
    return deposit;
  }

  static Optional<Duration> timer(String model, String elementId) {
    try (InputStream in = new ClassPathResource(model).getInputStream()) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(in);
      Node duration =
          (Node)
              XPathFactory.newInstance()
                  .newXPath()
                  .evaluate(
                      "//*[@id='" + elementId + "']//*[local-name()='timeDuration']", document, XPathConstants.NODE);
      return duration == null ? Optional.empty() : parse(duration.getTextContent());
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  static Optional<Duration> parse(String text) {
    String value = text == null ? "" : text.strip();
    if (value.isEmpty() || value.startsWith("=")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
