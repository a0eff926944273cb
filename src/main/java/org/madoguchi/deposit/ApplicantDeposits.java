package org.madoguchi.deposit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.InvalidRequestException.Violation;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.common.web.StateConflictException;
import org.madoguchi.deposit.DepositViews.DatasetView;
import org.madoguchi.deposit.DepositViews.DepositView;
import org.madoguchi.deposit.DepositViews.FileView;
import org.madoguchi.deposit.DepositViews.ReviewView;
import org.madoguchi.workflow.WorkflowCommands;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The applicant's side of data deposit: see one's datasets, deposit one (again, after a send-back). */
@NamedInterface("api")
@Service
public class ApplicantDeposits {

  /**
   * A deposit made while a steward reviews the overdue dataset reaches the process only when waiting
   * resumes, possibly days later: the message stays buffered until then.
   */
  static final Duration DEPOSIT_MESSAGE_TTL = Duration.ofDays(90);

  static final String MESSAGE = "dataset-deposited";

  private final DatasetRepository datasets;
  private final DepositRepository deposits;
  private final DatasetReviewRepository reviews;
  private final CaseFile caseFile;
  private final WorkflowCommands workflow;
  private final MadoguchiProperties properties;
  private final DepositProperties depositProperties;
  private final Clock clock;

  ApplicantDeposits(
      DatasetRepository datasets,
      DepositRepository deposits,
      DatasetReviewRepository reviews,
      CaseFile caseFile,
      WorkflowCommands workflow,
      MadoguchiProperties properties,
      DepositProperties depositProperties,
      Clock clock) {
    this.datasets = datasets;
    this.deposits = deposits;
    this.reviews = reviews;
    this.caseFile = caseFile;
    this.workflow = workflow;
    this.properties = properties;
    this.depositProperties = depositProperties;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<DatasetView> list(String caseNumber, long accountId) {
    return forStaff(caseFile.getOwned(caseNumber, accountId).caseId());
  }

  /** Every dataset of the case with its deposits and reviews (the caller checks the viewer may see the case). */
  @Transactional(readOnly = true)
  public List<DatasetView> forStaff(long caseId) {
    List<Dataset> all = datasets.findByCaseIdOrderByIdAsc(caseId);
    if (all.isEmpty()) {
      return List.of();
    }
    List<Long> ids = all.stream().map(Dataset::id).toList();
    Map<Long, List<Deposit>> depositsByDataset =
        deposits.findByDatasetIdInOrderByDatasetIdAscVersionNoAsc(ids).stream()
            .collect(Collectors.groupingBy(Deposit::datasetId));
    Map<Long, List<DatasetReview>> reviewsByDataset =
        reviews.findByDatasetIdInOrderByIdAsc(ids).stream().collect(Collectors.groupingBy(DatasetReview::datasetId));
    return all.stream()
        .map(d -> view(d, depositsByDataset.getOrDefault(d.id(), List.of()), reviewsByDataset.getOrDefault(d.id(), List.of())))
        .toList();
  }

  /**
   * Stores a deposit version of the dataset and tells the engine (message {@code dataset-deposited},
   * sent after commit). Only while the deposit is awaited or after a send-back; all or nothing.
   */
  @Transactional
  public DatasetView deposit(String caseNumber, long accountId, String actor, long datasetId, DepositRequest request) {
    CaseSummary c = caseFile.getOwned(caseNumber, accountId);
    Dataset d =
        datasets.findForUpdate(datasetId).filter(found -> found.caseId() == c.caseId())
            .orElseThrow(() -> new NotFoundException("dataset"));
    if (!d.status().acceptsDeposit()) {
      throw new StateConflictException("deposit.not-awaited", d.status().name());
    }
    List<Violation> violations =
        DepositRules.check(request, new DepositRules.CaseContext(c.confidentiality(), c.applicantCategory()));
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    Instant now = clock.instant();
    int version = deposits.findFirstByDatasetIdOrderByVersionNoDesc(datasetId).map(v -> v.versionNo() + 1).orElse(1);
    LocalDate today = now.atZone(properties.timeZone()).toLocalDate();
    Deposit deposit =
        deposits.save(
            new Deposit(
                datasetId,
                version,
                DepositRules.clean(request),
                DepositRules.embargoUntil(request.embargo(), today, depositProperties.maxEmbargo()),
                actor,
                now));
    d.moveTo(DatasetStatus.DEPOSITED, now);
    String summary = deposit.summary();
    caseFile.record(
        c.caseId(),
        new CaseEvent.DatasetDeposited(
            datasetId, version, deposit.title(), deposit.fileCount(), deposit.licence(), deposit.publicAccession()),
        Actor.applicant(actor),
        null);
    workflow.publishMessage(
        MESSAGE, String.valueOf(datasetId), "deposit:" + deposit.id(), Map.of("depositSummary", summary), c.caseId(),
        DEPOSIT_MESSAGE_TTL);
    return view(d, deposits.findByDatasetIdOrderByVersionNoAsc(datasetId), reviews.findByDatasetIdOrderByIdAsc(datasetId));
  }

  private static DatasetView view(Dataset d, List<Deposit> versions, List<DatasetReview> decisions) {
    Map<Long, Integer> versionOf = versions.stream().collect(Collectors.toMap(Deposit::id, Deposit::versionNo));
    List<DepositView> depositViews = versions.stream().map(ApplicantDeposits::view).toList();
    List<ReviewView> reviewViews =
        decisions.stream()
            .map(r -> new ReviewView(r.verification(), r.stewardNote(), r.depositId() == null ? null : versionOf.get(r.depositId()), r.reviewedAt()))
            .toList();
    String latestNote = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1).stewardNote();
    return new DatasetView(
        d.id(), d.unitCode(), d.title(), d.dataType(), d.sizeGb(), d.status(), d.createdAt(), d.updatedAt(),
        latestNote, depositViews, reviewViews);
  }

  private static DepositView view(Deposit v) {
    List<FileView> files = v.files().stream().map(f -> new FileView(f.path(), f.sizeBytes(), f.sha256())).toList();
    return new DepositView(
        v.id(), v.versionNo(), v.title(), v.description(), v.licence(), v.embargo(), v.embargoUntil(),
        v.publicAccession(), v.relatedPublication(), v.fileCount(), v.totalBytes(), v.depositedAt(), files);
  }
}
