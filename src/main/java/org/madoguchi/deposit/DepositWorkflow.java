package org.madoguchi.deposit;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.ApplicantNotices;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.common.web.PageLinks;
import org.madoguchi.notify.Mail;
import org.madoguchi.notify.Mailer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's side of the data-deposit process: open the deposits of a case, remind, escalate and
 * record the data stewards' decisions. Each method is safe to repeat (jobs arrive at least once).
 */
@Service
class DepositWorkflow {

  private static final Actor STEWARDS = Actor.staff("data-stewards");

  private final DatasetRepository datasets;
  private final DepositRepository deposits;
  private final DatasetReviewRepository reviews;
  private final CaseFile caseFile;
  private final ApplicantNotices notices;
  private final Mailer mailer;
  private final MadoguchiProperties properties;
  private final PageLinks links;
  private final Clock clock;

  DepositWorkflow(
      DatasetRepository datasets,
      DepositRepository deposits,
      DatasetReviewRepository reviews,
      CaseFile caseFile,
      ApplicantNotices notices,
      Mailer mailer,
      MadoguchiProperties properties,
      PageLinks links,
      Clock clock) {
    this.datasets = datasets;
    this.deposits = deposits;
    this.reviews = reviews;
    this.caseFile = caseFile;
    this.notices = notices;
    this.mailer = mailer;
    this.properties = properties;
    this.links = links;
    this.clock = clock;
  }

  /**
   * {@code deposit.open}: moves the case to DATA_DEPOSIT, asks the applicant to deposit every dataset
   * produced and returns their ids (in registration order; the same list when repeated).
   */
  @Transactional
  public List<Long> open(long caseId) {
    // The case row first (as every step that moves the case does), then its datasets.
    caseFile.transition(
        caseId, CaseStatus.DATA_DEPOSIT, new CaseEvent.DepositOpened(datasets.countByCaseId(caseId)), Actor.system());
    List<Dataset> all = datasets.findByCaseIdForUpdate(caseId);
    List<Long> ids = new ArrayList<>();
    for (Dataset d : all) {
      if (d.status() == DatasetStatus.PENDING) {
        d.moveTo(DatasetStatus.AWAITING_DEPOSIT, clock.instant());
      }
      ids.add(d.id());
    }
    if (!all.isEmpty()) {
      Map<String, Object> values = new HashMap<>();
      values.put("datasetCount", all.size());
      values.put("datasets", listing(all));
      notices.send(caseId, "deposit-open", values, "deposit-open:" + caseId);
    }
    return ids;
  }

  /** {@code deposit.remind}: once per timer firing (job key), and only while the deposit is awaited. */
  @Transactional
  public boolean remind(long datasetId, long jobKey) {
    Dataset d = datasets.findById(datasetId).orElseThrow(() -> new NotFoundException("dataset"));
    if (!d.status().acceptsDeposit()) {
      return false;
    }
    boolean sent = notices.send(d.caseId(), "deposit-reminder", datasetValues(d), "deposit-remind:" + jobKey);
    caseFile.record(d.caseId(), new CaseEvent.DepositReminded(d.title()), Actor.timer(), "deposit-remind:" + jobKey);
    return sent;
  }

  /** {@code deposit.escalate}: tells the desk once per dataset that its deposit is overdue. */
  @Transactional
  public boolean escalate(long datasetId) {
    Dataset d = datasets.findById(datasetId).orElseThrow(() -> new NotFoundException("dataset"));
    if (!d.status().acceptsDeposit()) {
      return false;
    }
    CaseSummary c = caseFile.get(d.caseId());
    Map<String, Object> model = datasetValues(d);
    model.put("caseNumber", c.caseNumber());
    model.put("caseTitle", c.title());
    model.put("applicantName", c.applicantName() + " (" + c.affiliation() + ")");
    model.put("applicantEmail", c.email());
    model.put("datasetStatus", d.status().name());
    model.put("waitingSince", d.updatedAt().atZone(properties.timeZone()).toLocalDate().toString());
    model.put("staffCaseUrl", links.staffCasePage(c.caseNumber()));
    String key = "deposit-escalation:" + datasetId;
    boolean sent = mailer.enqueue(new Mail(properties.deskAddress(), "ja", "deposit-escalation", model, key, c.caseId()));
    caseFile.record(c.caseId(), new CaseEvent.DepositEscalated(d.title()), Actor.timer(), key);
    return sent;
  }

  /**
   * {@code deposit.record-verification}: verified, sent back (the applicant deposits again) or exempted
   * (a note is required). A repeated job, or the same decision on a dataset already in its state,
   * changes nothing; a decision the dataset's state does not allow fails the job (an incident).
   */
  @Transactional
  public boolean recordVerification(long datasetId, String verificationCode, String stewardNote, long jobKey) {
    Verification verification = Verification.of(verificationCode);
    String note = stewardNote == null || stewardNote.isBlank() ? null : stewardNote.strip();
    if (verification == Verification.EXEMPT && note == null) {
      throw new IllegalArgumentException("exempting dataset " + datasetId + " needs a steward note");
    }
    if (reviews.existsByJobKey(jobKey)) {
      return false;
    }
    Dataset d = datasets.findForUpdate(datasetId).orElseThrow(() -> new NotFoundException("dataset"));
    if (d.status() == verification.result()) {
      return false;
    }
    if (!verification.appliesTo(d.status())) {
      throw new IllegalStateException(
          "dataset " + datasetId + " is " + d.status() + ": cannot record " + verification.code());
    }
    Long depositId = deposits.findFirstByDatasetIdOrderByVersionNoDesc(datasetId).map(Deposit::id).orElse(null);
    DatasetReview review = reviews.save(new DatasetReview(datasetId, depositId, verification, note, jobKey, clock.instant()));
    d.moveTo(verification.result(), clock.instant());
    CaseEvent decided =
        switch (verification) {
          case VERIFIED -> new CaseEvent.DatasetVerified(d.title(), note);
          case SEND_BACK -> new CaseEvent.DatasetSentBack(d.title(), note);
          case EXEMPT -> new CaseEvent.DatasetExempted(d.title(), note);
        };
    caseFile.record(d.caseId(), decided, STEWARDS, "deposit-review:" + jobKey);
    Map<String, Object> values = datasetValues(d);
    values.put("stewardNote", note == null ? "-" : note);
    switch (verification) {
      case VERIFIED -> notices.send(d.caseId(), "deposit-verified", values, "deposit-verified:" + datasetId);
      case SEND_BACK -> notices.send(d.caseId(), "deposit-sent-back", values, "deposit-sent-back:" + review.id());
      case EXEMPT -> {
        // No mail: an exemption is the facility's decision and shows in the applicant's timeline.
      }
    }
    return true;
  }

  /** A dataset's values for a mail, with the page where its applicant deposits it. */
  private Map<String, Object> datasetValues(Dataset d) {
    Map<String, Object> values = new HashMap<>();
    values.put("depositUrl", links.depositPage(caseFile.get(d.caseId()).caseNumber(), d.id()));
    values.put("datasetId", d.id());
    values.put("datasetTitle", d.title());
    values.put("dataType", d.dataType());
    return values;
  }

  /** One line per dataset, for the mail. */
  static String listing(List<Dataset> all) {
    StringBuilder text = new StringBuilder();
    for (Dataset d : all) {
      text.append("- ").append(d.title()).append(" (").append(d.dataType());
      BigDecimal size = d.sizeGb();
      if (size != null) {
        text.append(", ").append(size.stripTrailingZeros().toPlainString()).append(" GB");
      }
      text.append(", #").append(d.id()).append(")\n");
    }
    return text.toString().stripTrailing();
  }
}
