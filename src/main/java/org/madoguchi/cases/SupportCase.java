package org.madoguchi.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** A research-support request and its state: the aggregate at the heart of the case file. */
@Entity
@Table(name = "cases")
public class SupportCase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_number", nullable = false, unique = true)
  private String caseNumber;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Column(name = "applicant_name", nullable = false)
  private String applicantName;

  @Column(nullable = false)
  private String affiliation;

  @Column(nullable = false)
  private String email;

  @Column(name = "applicant_category", nullable = false)
  private String applicantCategory;

  @Column(nullable = false)
  private String language;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String summary;

  @Column(nullable = false)
  private String aims;

  private String targets;

  @Column(name = "requested_services", nullable = false)
  private String requestedServices;

  @Column(name = "desired_start")
  private LocalDate desiredStart;

  @Column(name = "desired_end")
  private LocalDate desiredEnd;

  @Column(nullable = false)
  private String confidentiality;

  @Column(name = "fast_track_reason")
  private String fastTrackReason;

  /** The category the desk confirmed or set in consultation; null until then (the declared one counts). */
  @Column(name = "confirmed_category")
  private String confirmedCategory;

  /** Fast-track as the desk confirmed or set it; null until then (a given reason counts). */
  @Column(name = "confirmed_fast_track")
  private Boolean confirmedFastTrack;

  @Column(name = "declaration_confirmed_at")
  private Instant declarationConfirmedAt;

  @Column(name = "data_policy_accepted_at", nullable = false)
  private Instant dataPolicyAcceptedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CaseStatus status;

  @Column(name = "process_instance_key")
  private Long processInstanceKey;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected SupportCase() {}

  SupportCase(String caseNumber, long accountId, SupportRequest request, Instant now) {
    this.caseNumber = caseNumber;
    this.accountId = accountId;
    this.applicantName = request.applicantName().strip();
    this.affiliation = request.affiliation().strip();
    this.email = request.email().strip();
    this.applicantCategory = request.applicantCategory();
    this.language = request.language() == null ? "ja" : request.language();
    this.title = request.title().strip();
    this.summary = request.summary().strip();
    this.aims = request.aims().strip();
    this.targets = blankToNull(request.targets());
    this.requestedServices = request.requestedServices() == null ? "" : String.join(",", request.requestedServices());
    this.desiredStart = request.desiredStart();
    this.desiredEnd = request.desiredEnd();
    this.confidentiality = request.confidentiality();
    this.fastTrackReason = blankToNull(request.fastTrackReason());
    this.dataPolicyAcceptedAt = now;
    this.status = CaseStatus.SUBMITTED;
    this.submittedAt = now;
    this.updatedAt = now;
  }

  /**
   * Moves the case to {@code target}. Returns false, changing nothing, when it is already there
   * (jobs are delivered at least once); throws when the journey does not allow the move.
   */
  boolean moveTo(CaseStatus target, Instant now) {
    if (status == target) {
      return false;
    }
    if (!status.canMoveTo(target)) {
      throw new IllegalCaseTransitionException(caseNumber, status, target);
    }
    status = target;
    updatedAt = now;
    return true;
  }

  /** Links the engine instance; returns false if another instance is already linked (a duplicate start). */
  boolean linkProcessInstance(long key) {
    if (processInstanceKey == null) {
      processInstanceKey = key;
      return true;
    }
    return processInstanceKey == key;
  }

  /**
   * Records the desk's confirmation of the applicant category and fast-track; returns whether either
   * differs from what counted before (the first confirmation always counts as a change of record).
   */
  boolean confirmDeclaration(String category, boolean fastTrack, Instant now) {
    boolean changed = declarationConfirmedAt == null || !category.equals(confirmedCategory) || fastTrack != confirmedFastTrack;
    confirmedCategory = category;
    confirmedFastTrack = fastTrack;
    declarationConfirmedAt = now;
    updatedAt = now;
    return changed;
  }

  /** Fast-track as it counts for due dates, priority and fees: confirmed by the desk, else as requested. */
  public boolean isFastTrack() {
    return confirmedFastTrack != null ? confirmedFastTrack : isFastTrackRequested();
  }

  /** The applicant asked for fast-track (gave a reason). */
  public boolean isFastTrackRequested() {
    return fastTrackReason != null;
  }

  public boolean isDeclarationConfirmed() {
    return declarationConfirmedAt != null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public Long id() {
    return id;
  }

  public String caseNumber() {
    return caseNumber;
  }

  public long accountId() {
    return accountId;
  }

  public String applicantName() {
    return applicantName;
  }

  public String affiliation() {
    return affiliation;
  }

  public String email() {
    return email;
  }

  /** The category as it counts for fees: confirmed by the desk, else as declared. */
  public String applicantCategory() {
    return confirmedCategory != null ? confirmedCategory : applicantCategory;
  }

  /** The category the applicant declared on the request. */
  public String declaredCategory() {
    return applicantCategory;
  }

  public String language() {
    return language;
  }

  public String title() {
    return title;
  }

  public String summary() {
    return summary;
  }

  public String aims() {
    return aims;
  }

  public String targets() {
    return targets;
  }

  public List<String> requestedServices() {
    return requestedServices.isEmpty() ? List.of() : Arrays.asList(requestedServices.split(","));
  }

  public LocalDate desiredStart() {
    return desiredStart;
  }

  public LocalDate desiredEnd() {
    return desiredEnd;
  }

  public String confidentiality() {
    return confidentiality;
  }

  public String fastTrackReason() {
    return fastTrackReason;
  }

  public CaseStatus status() {
    return status;
  }

  public Long processInstanceKey() {
    return processInstanceKey;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
