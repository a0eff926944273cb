package org.madoguchi.cases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.madoguchi.common.web.PageLinks;
import org.madoguchi.notify.Mail;
import org.madoguchi.notify.MailAttachment;
import org.madoguchi.notify.Mailer;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails the applicant of a case in their language, with the case's common template values: its number,
 * title and applicant, and the links to its pages ({@code caseUrl}, {@code replyUrl}, {@code statementUrl},
 * {@code reportUrl}), so a template picks the page its reader must open by name.
 */
@NamedInterface("api")
@Service
public class ApplicantNotices {

  private final CaseFile caseFile;
  private final Mailer mailer;
  private final PageLinks links;

  ApplicantNotices(CaseFile caseFile, Mailer mailer, PageLinks links) {
    this.caseFile = caseFile;
    this.mailer = mailer;
    this.links = links;
  }

  /** Queues {@code template} for the applicant once per dedupe key; returns whether it was new. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean send(long caseId, String template, Map<String, Object> values, String dedupeKey) {
    return send(caseId, template, values, dedupeKey, List.of());
  }

  /** As {@link #send(long, String, Map, String)}, the mail carrying {@code attachments} (fetched when it is sent). */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean send(long caseId, String template, Map<String, Object> values, String dedupeKey, List<MailAttachment> attachments) {
    CaseSummary c = caseFile.get(caseId);
    Map<String, Object> model = new HashMap<>(values);
    model.put("caseNumber", c.caseNumber());
    model.put("caseTitle", c.title());
    model.put("applicantName", c.applicantName());
    model.put("caseUrl", links.casePage(c.caseNumber()));
    model.put("replyUrl", links.replyPage(c.caseNumber()));
    model.put("statementUrl", links.statementPage(c.caseNumber()));
    model.put("reportUrl", links.outcomesPage(c.caseNumber()));
    return mailer.enqueue(new Mail(c.email(), c.language(), template, model, dedupeKey, caseId, attachments));
  }
}
