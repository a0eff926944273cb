package org.madoguchi.cases.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kinds of {@link CaseEvent}, each with the code stored in {@code case_events.action}. Codes never
 * change: lines recorded years ago are rendered by them.
 */
public enum CaseEventType {
  SUBMITTED("submitted", CaseEvent.Submitted.class),
  REGISTERED("registered", CaseEvent.Registered.class),
  CANCELLATION_REQUESTED("cancellation-requested", CaseEvent.CancellationRequested.class),
  CANCELLED("cancelled", CaseEvent.Cancelled.class),
  DECLINED("declined", CaseEvent.Declined.class),
  EXPIRED("expired", CaseEvent.Expired.class),
  CLOSED("closed", CaseEvent.Closed.class),
  CONSULTATION_ACCEPTED("consultation-accepted", CaseEvent.ConsultationAccepted.class),
  INFORMATION_REQUESTED("information-requested", CaseEvent.InformationRequested.class),
  INFORMATION_PROVIDED("information-provided", CaseEvent.InformationProvided.class),
  DECLARATION_CONFIRMED("declaration-confirmed", CaseEvent.DeclarationConfirmed.class),
  UNIT_ACCEPTED("unit-accepted", CaseEvent.UnitAccepted.class),
  UNIT_RETURNED("unit-returned", CaseEvent.UnitReturned.class),
  BOOKING_RESERVED("booking-reserved", CaseEvent.BookingReserved.class),
  BOOKING_NO_SLOT("booking-no-slot", CaseEvent.BookingNoSlot.class),
  BOOKING_REPLACED("booking-replaced", CaseEvent.BookingReplaced.class),
  BOOKING_RELEASED("booking-released", CaseEvent.BookingReleased.class),
  USAGE_RECORDED("usage-recorded", CaseEvent.UsageRecorded.class),
  FEE_ASSESSMENT_STARTED("fee-assessment-started", CaseEvent.FeeAssessmentStarted.class),
  FEES_ASSESSED("fees-assessed", CaseEvent.FeesAssessed.class),
  FEE_NO_CHARGE("fee-no-charge", CaseEvent.FeeNoCharge.class),
  STATEMENT_SENT("statement-sent", CaseEvent.StatementSent.class),
  STATEMENT_REMINDER_SENT("statement-reminder-sent", CaseEvent.StatementReminderSent.class),
  STATEMENT_ACCEPTED("statement-accepted", CaseEvent.StatementAccepted.class),
  STATEMENT_DISPUTED("statement-disputed", CaseEvent.StatementDisputed.class),
  INVOICE_ISSUED("invoice-issued", CaseEvent.InvoiceIssued.class),
  DATASETS_REGISTERED("datasets-registered", CaseEvent.DatasetsRegistered.class),
  DEPOSIT_OPENED("deposit-opened", CaseEvent.DepositOpened.class),
  DATASET_DEPOSITED("dataset-deposited", CaseEvent.DatasetDeposited.class),
  DEPOSIT_REMINDED("deposit-reminded", CaseEvent.DepositReminded.class),
  DEPOSIT_ESCALATED("deposit-escalated", CaseEvent.DepositEscalated.class),
  DATASET_VERIFIED("dataset-verified", CaseEvent.DatasetVerified.class),
  DATASET_SENT_BACK("dataset-sent-back", CaseEvent.DatasetSentBack.class),
  DATASET_EXEMPTED("dataset-exempted", CaseEvent.DatasetExempted.class),
  DOCUMENT_ATTACHED("document-attached", CaseEvent.DocumentAttached.class),
  OUTCOMES_REPORTED("outcomes-reported", CaseEvent.OutcomesReported.class),
  OUTCOME_FOLLOW_UP_REQUESTED("outcome-follow-up-requested", CaseEvent.OutcomeFollowUpRequested.class),
  NOTE_ADDED("note-added", CaseEvent.NoteAdded.class),
  CASE_VIEWED("case-viewed", CaseEvent.CaseViewed.class),
  ENGINE_DISAGREEMENT_FLAGGED("engine-disagreement-flagged", CaseEvent.EngineDisagreementFlagged.class),
  PROCESS_RESTARTED("process-restarted", CaseEvent.ProcessRestarted.class),
  BOOKING_MOVED("booking-moved", CaseEvent.BookingMoved.class),
  SESSION_CHECKED_IN("session-checked-in", CaseEvent.SessionCheckedIn.class),
  SESSION_NO_SHOW("session-no-show", CaseEvent.SessionNoShow.class),
  SESSION_CANCELLED("session-cancelled", CaseEvent.SessionCancelled.class),
  SESSION_CANCELLED_LATE("session-cancelled-late", CaseEvent.SessionCancelledLate.class),
  SLOTS_PROPOSED("slots-proposed", CaseEvent.SlotsProposed.class),
  SLOT_CHOSEN("slot-chosen", CaseEvent.SlotChosen.class),
  OTHER_DATES_REQUESTED("other-dates-requested", CaseEvent.OtherDatesRequested.class),
  PROPOSAL_REMINDED("proposal-reminded", CaseEvent.ProposalReminded.class),
  PROPOSAL_WITHDRAWN("proposal-withdrawn", CaseEvent.ProposalWithdrawn.class),
  WAITLIST_JOINED("waitlist-joined", CaseEvent.WaitlistJoined.class),
  WAITLIST_EXPIRED("waitlist-expired", CaseEvent.WaitlistExpired.class),
  STATEMENT_REVISED("statement-revised", CaseEvent.StatementRevised.class),
  FEE_WAIVED("fee-waived", CaseEvent.FeeWaived.class),
  CREDIT_NOTE_ISSUED("credit-note-issued", CaseEvent.CreditNoteIssued.class);

  private static final Map<String, CaseEventType> BY_CODE =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(CaseEventType::code, Function.identity()));
  private static final Map<Class<?>, CaseEventType> BY_CLASS =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(CaseEventType::eventClass, Function.identity()));

  private final String code;
  private final Class<? extends CaseEvent> eventClass;

  CaseEventType(String code, Class<? extends CaseEvent> eventClass) {
    this.code = code;
    this.eventClass = eventClass;
  }

  public String code() {
    return code;
  }

  public Class<? extends CaseEvent> eventClass() {
    return eventClass;
  }

  /** Staff's own lines (notes, views of a confidential case, the reconciliation's): never shown to the applicant. */
  public boolean isStaffOnly() {
    return this == NOTE_ADDED || this == CASE_VIEWED || this == ENGINE_DISAGREEMENT_FLAGGED || this == PROCESS_RESTARTED;
  }

  /** The label's key in i18n/cases; the detail's is this plus {@code .detail}. */
  public String messageKey() {
    return "cases.event." + code;
  }

  /** Empty for a code no event type has (none is written today; old databases may hold others). */
  public static Optional<CaseEventType> ofCode(String code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  public static CaseEventType of(CaseEvent event) {
    return BY_CLASS.get(event.getClass());
  }
}
