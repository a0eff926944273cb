package org.madoguchi.cases.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.madoguchi.cases.CaseFile;

/**
 * What happened to a case, with its parameters: one record per kind of event, recorded with
 * {@link CaseFile#record} or {@link CaseFile#transition} and kept under the stable code of its
 * {@link CaseEventType}. The timeline renders each one in the reader's language from i18n/cases: a
 * label per type and a detail from the parameters. A {@code note} component is free text (what a
 * person wrote, or a reason given by another system) and is shown as written.
 */
public sealed interface CaseEvent {

  default CaseEventType type() {
    return CaseEventType.of(this);
  }

  // The request and how the case ends.
  record Submitted(String title) implements CaseEvent {}

  record Registered() implements CaseEvent {}

  record CancellationRequested(String note) implements CaseEvent {}

  record Cancelled() implements CaseEvent {}

  record Declined(String note) implements CaseEvent {}

  record Expired() implements CaseEvent {}

  record Closed() implements CaseEvent {}

  // Consultation; the notes are the support plan, the desk's question and the applicant's reply.
  record ConsultationAccepted(List<String> units, String note) implements CaseEvent {}

  record InformationRequested(String note) implements CaseEvent {}

  record InformationProvided(String note) implements CaseEvent {}

  /** The desk confirmed or changed the declared applicant category and fast-track; the note is its reason. */
  record DeclarationConfirmed(String category, boolean fastTrack, String note) implements CaseEvent {}

  // Unit assignment; a returned request's note is the unit's reason.
  record UnitAccepted(
      String unit, String leadOperator, BigDecimal estimatedHours, String instrumentClass, LocalDate preferredStart)
      implements CaseEvent {}

  record UnitReturned(String unit, String note) implements CaseEvent {}

  // Instrument use; times are the facility's local time, the no-slot note is the reason the engine gets.
  record BookingReserved(String instrument, LocalDateTime start, LocalDateTime end) implements CaseEvent {}

  record BookingNoSlot(String unit, String note) implements CaseEvent {}

  record BookingReplaced(long bookingId, String unit, int slotsFreed) implements CaseEvent {}

  record BookingReleased(long bookingId, String unit, int slotsFreed) implements CaseEvent {}

  /** A person moved a reserved session: where and when it was, where and when it is now. */
  record BookingMoved(
      String fromInstrument, LocalDateTime fromStart, LocalDateTime fromEnd, String instrument, LocalDateTime start, LocalDateTime end)
      implements CaseEvent {}

  // Slots a unit proposes and the applicant's answer; {@code slots} counts the slots offered, {@code slot} is 1-based.
  record SlotsProposed(String unit, int slots) implements CaseEvent {}

  record SlotChosen(String unit, int slot) implements CaseEvent {}

  record OtherDatesRequested(String unit, String note) implements CaseEvent {}

  record ProposalReminded(String unit) implements CaseEvent {}

  record ProposalWithdrawn(String unit) implements CaseEvent {}

  /** No slot fitted: the request waits for released time of the unit until {@code until} (facility time). */
  record WaitlistJoined(String unit, LocalDateTime until) implements CaseEvent {}

  /** The waiting window passed with no released time that fitted. */
  record WaitlistExpired(String unit) implements CaseEvent {}

  record UsageRecorded(String instrument, BigDecimal hours, int consumableLines, int datasets, String elnReference)
      implements CaseEvent {}

  // Fees, in integer yen; the statement's note is finance's, the dispute's the applicant's reason.
  record FeeAssessmentStarted() implements CaseEvent {}

  record FeesAssessed(long subtotalYen, long taxYen, long totalYen) implements CaseEvent {}

  record FeeNoCharge() implements CaseEvent {}

  record StatementSent(long subtotalYen, long taxYen, long totalYen, String note) implements CaseEvent {}

  record StatementReminderSent() implements CaseEvent {}

  record StatementAccepted(long totalYen) implements CaseEvent {}

  record StatementDisputed(String note) implements CaseEvent {}

  record InvoiceIssued(String invoiceNumber, long totalYen) implements CaseEvent {}

  // Data deposit; dataset is the dataset's title, a steward's note their comment.
  record DatasetsRegistered(String unit, int datasets) implements CaseEvent {}

  record DepositOpened(long datasets) implements CaseEvent {}

  record DatasetDeposited(long datasetId, int version, String dataset, int files, String licence, String accession)
      implements CaseEvent {}

  record DepositReminded(String dataset) implements CaseEvent {}

  record DepositEscalated(String dataset) implements CaseEvent {}

  record DatasetVerified(String dataset, String note) implements CaseEvent {}

  record DatasetSentBack(String dataset, String note) implements CaseEvent {}

  record DatasetExempted(String dataset, String note) implements CaseEvent {}

  // Documents; the size in bytes as stored.
  record DocumentAttached(String fileName, long sizeBytes) implements CaseEvent {}

  // Outcomes.
  record OutcomesReported(int papers, int patents, int seeds) implements CaseEvent {}

  record OutcomeFollowUpRequested() implements CaseEvent {}

  // The staff console: a coordinator's note, and a staff member's view of a confidential case.
  /** The reconciliation found the case's record and the engine disagreeing; {@code reason} says how. */
  record EngineDisagreementFlagged(String reason) implements CaseEvent {}

  /** The reconciliation queued the process start again: the engine took the first and never ran it. */
  record ProcessRestarted() implements CaseEvent {}

  record NoteAdded(String note) implements CaseEvent {}

  record CaseViewed() implements CaseEvent {}

  // Attendance and cancellation of one booked session (facility-local times); late means within the
  // instrument's late-cancellation hours of the start, which the fee schedule may charge.
  record SessionCheckedIn(long bookingId, String instrument, LocalDateTime start, LocalDateTime end) implements CaseEvent {}

  record SessionNoShow(long bookingId, String instrument, LocalDateTime start, LocalDateTime end) implements CaseEvent {}

  record SessionCancelled(long bookingId, String instrument, LocalDateTime start, LocalDateTime end) implements CaseEvent {}

  record SessionCancelledLate(long bookingId, String instrument, LocalDateTime start, LocalDateTime end, long lateCancellationHours)
      implements CaseEvent {}

  /** Staff made version {@code version} of the fee statement; {@code note} gives each change's reason. */
  record StatementRevised(int version, long totalYen, String note) implements CaseEvent {}

  /** A waiver granted as version {@code version}: of line {@code lineNo}, or of the whole case when it is 0. */
  record FeeWaived(int version, int lineNo, long waivedYen, String note) implements CaseEvent {}

  /** A credit note against invoice {@code invoiceNumber} covers this case; {@code totalYen} is its (negative) total. */
  record CreditNoteIssued(String creditNoteNumber, String invoiceNumber, long totalYen) implements CaseEvent {}
}
