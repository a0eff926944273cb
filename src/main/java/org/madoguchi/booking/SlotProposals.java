package org.madoguchi.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.cases.ApplicantNotices;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.common.web.StateConflictException;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.UnitCatalogue;
import org.madoguchi.workflow.WorkflowCommands;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slots chosen by people: a unit coordinator proposes one to three free slots on the unit's instruments,
 * the applicant picks one (booked through {@link ExactBookings} in the same transaction that records the
 * choice and queues the {@code slot-chosen} message) or asks for other dates; an unanswered proposal is
 * reminded and withdrawn by the process's timers. Each answer is a message to the case's
 * {@code unit-support} instance, correlated by {@link #correlationKey}, written to the engine command
 * outbox in the deciding transaction.
 */
@NamedInterface("api")
@Service
public class SlotProposals {

  public static final int MIN_SLOTS = 1;
  public static final int MAX_SLOTS = 3;
  /** The column's limit: slot_proposals.applicant_comment. */
  public static final int MAX_COMMENT = 1000;

  static final String SLOTS_PROPOSED = "slots-proposed";
  static final String SLOT_CHOSEN = "slot-chosen";
  static final String OTHER_DATES_REQUESTED = "other-dates-requested";

  private static final DateTimeFormatter MAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** A slot to propose, {@code [start, end)} on one instrument. */
  @NamedInterface("api")
  public record ProposedSlot(long instrumentId, Instant start, Instant end) {}

  /**
   * An offered slot as pages show it, in facility time; {@code number} counts from 1, {@code free} says
   * whether it could still be booked (no booking holds part of it).
   */
  @NamedInterface("api")
  public record SlotView(int number, long instrumentId, String instrumentName, LocalDateTime start, LocalDateTime end, boolean free) {}

  /**
   * A proposal and its answer.
   *
   * @param status {@code OPEN}, {@code CHOSEN}, {@code OTHER_DATES} or {@code WITHDRAWN}
   * @param chosenNumber the slot the applicant picked (from 1), or null
   */
  @NamedInterface("api")
  public record ProposalView(
      long id, String unitCode, String status, LocalDateTime proposedAt, List<SlotView> slots, Integer chosenNumber,
      String applicantComment) {

    public boolean open() {
      return SlotProposal.Status.OPEN.name().equals(status);
    }

    public Optional<SlotView> chosen() {
      return chosenNumber == null ? Optional.empty() : Optional.of(slots.get(chosenNumber - 1));
    }
  }

  private final SlotProposalRepository proposals;
  private final BookingRepository bookings;
  private final BookingSlots bookingSlots;
  private final ExactBookings exactBookings;
  private final UnitCatalogue catalogue;
  private final CaseFile caseFile;
  private final ApplicantNotices notices;
  private final WorkflowCommands workflow;
  private final SlotRules rules;
  private final Clock clock;

  SlotProposals(
      SlotProposalRepository proposals,
      BookingRepository bookings,
      BookingSlots bookingSlots,
      ExactBookings exactBookings,
      UnitCatalogue catalogue,
      CaseFile caseFile,
      ApplicantNotices notices,
      WorkflowCommands workflow,
      MadoguchiProperties facility,
      Clock clock) {
    this.proposals = proposals;
    this.bookings = bookings;
    this.bookingSlots = bookingSlots;
    this.exactBookings = exactBookings;
    this.catalogue = catalogue;
    this.caseFile = caseFile;
    this.notices = notices;
    this.workflow = workflow;
    this.rules = new SlotRules(facility.timeZone());
    this.clock = clock;
  }

  /** The key the proposal messages of one case's support by one unit are correlated by (as in unit-support.bpmn). */
  public static String correlationKey(String caseNumber, String unitCode) {
    return caseNumber + "/" + unitCode;
  }

  /**
   * Stores the proposal, mails the applicant and queues {@code slots-proposed} (which ends the
   * coordinator's scheduling task), all in one transaction. Every slot must meet the rules of its
   * instrument and be free now; a refusal names each slot's field ({@code slots[0].start}).
   *
   * @throws BookingRefusedException a slot breaks a rule, or there are not one to three of them; nothing is stored
   * @throws StateConflictException the unit already has an open proposal or a booking for the case
   */
  @Transactional
  public ProposalView propose(long caseId, String unitCode, List<ProposedSlot> slots, Actor by) {
    if (slots.size() < MIN_SLOTS || slots.size() > MAX_SLOTS) {
      throw new BookingRefusedException(List.of(new BookingRefusal(BookingRule.SLOT_COUNT, "slots", MIN_SLOTS, MAX_SLOTS)));
    }
    List<BookingRefusal> refusals = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      refusals.addAll(refusalsOf(caseId, unitCode, i, slots.get(i)));
    }
    if (!refusals.isEmpty()) {
      throw new BookingRefusedException(refusals);
    }
    if (proposals.findOpenForUpdate(SlotProposal.openKey(caseId, unitCode)).isPresent()) {
      throw new StateConflictException("booking.proposal.already-open", unitCode);
    }
    boolean booked = bookings.findByCaseIdAndStatusOrderById(caseId, BookingStatus.RESERVED).stream()
        .anyMatch(b -> b.unitCode().equals(unitCode));
    if (booked) {
      throw new StateConflictException("booking.proposal.already-booked", unitCode);
    }
    Instant now = clock.instant();
    SlotProposal proposal;
    try {
      proposal = proposals.saveAndFlush(new SlotProposal(
          caseId, unitCode, slots.stream().map(s -> new SlotProposal.Slot(s.instrumentId(), s.start(), s.end())).toList(),
          by.stored(), now));
    } catch (DataIntegrityViolationException concurrent) {
      // Another coordinator's proposal committed a moment earlier: open_for is unique while open.
      throw new StateConflictException("booking.proposal.already-open", unitCode);
    }
    CaseSummary summary = caseFile.get(caseId);
    caseFile.record(caseId, new CaseEvent.SlotsProposed(unitCode, slots.size()), by, "proposal:proposed:" + proposal.id());
    ProposalView view = view(proposal);
    notices.send(caseId, "slots-proposed", Map.of("unitCode", unitCode, "slotList", slotList(view)), "slots-proposed:" + proposal.id());
    workflow.publishMessage(
        SLOTS_PROPOSED, correlationKey(summary.caseNumber(), unitCode), SLOTS_PROPOSED + ":" + proposal.id(),
        Map.of("slotProposalId", proposal.id()), caseId);
    return view;
  }

  /**
   * The applicant picks slot {@code number} (from 1): booked, recorded and {@code slot-chosen} queued in
   * one transaction; a repeated pick of the same slot returns the same booking.
   *
   * @throws SlotUnavailableException another booking took part of the slot meanwhile; nothing changed
   * @throws BookingRefusedException the slot no longer meets the instrument's rules (e.g. its lead time); nothing changed
   * @throws StateConflictException the proposal was answered or withdrawn already
   */
  @Transactional
  public ExactBookings.BookedSession choose(long caseId, long proposalId, int number, Actor applicant) {
    SlotProposal proposal = lockedOfCase(caseId, proposalId);
    SlotProposal.Slot slot = slotOf(proposal, number);
    if (proposal.status() == SlotProposal.Status.CHOSEN && proposal.chosenSlot() == number - 1) {
      return new ExactBookings.BookedSession(proposal.bookingId(), slot.instrumentId(), slot.start(), slot.end());
    }
    requireOpen(proposal);
    ExactBookings.BookedSession booked =
        exactBookings.book(caseId, proposal.unitCode(), slot.instrumentId(), slot.start(), slot.end(), applicant);
    proposal.chosen(number - 1, booked.bookingId(), clock.instant());
    caseFile.record(caseId, new CaseEvent.SlotChosen(proposal.unitCode(), number), applicant, "proposal:chosen:" + proposal.id());
    publish(proposal, SLOT_CHOSEN, chosenVariables(proposal));
    return booked;
  }

  /** What the process learns of a chosen slot: the booking as {@code booking.reserve} returns it. */
  private Map<String, Object> chosenVariables(SlotProposal proposal) {
    SlotProposal.Slot slot = proposal.slots().get(proposal.chosenSlot());
    Map<String, Object> variables = new HashMap<>();
    variables.put("bookingId", proposal.bookingId());
    variables.put("instrumentName", instrumentName(slot.instrumentId()));
    variables.put("slotStart", rules.isoOffset(slot.start()));
    variables.put("slotEnd", rules.isoOffset(slot.end()));
    variables.put("proposalOutcome", "chosen");
    return variables;
  }

  /** The applicant declines every slot with a comment the coordinator sees in the scheduling task. */
  @Transactional
  public void askForOtherDates(long caseId, long proposalId, String comment, Actor applicant) {
    String note = comment == null ? "" : comment.strip();
    if (note.isEmpty()) {
      throw InvalidRequestException.of("comment", "booking.proposal.comment-required");
    }
    if (note.length() > MAX_COMMENT) {
      throw InvalidRequestException.of("comment", "booking.proposal.comment-too-long", MAX_COMMENT);
    }
    SlotProposal proposal = lockedOfCase(caseId, proposalId);
    if (proposal.status() == SlotProposal.Status.OTHER_DATES) {
      return;
    }
    requireOpen(proposal);
    proposal.otherDatesRequested(note, clock.instant());
    caseFile.record(caseId, new CaseEvent.OtherDatesRequested(proposal.unitCode(), note), applicant, "proposal:other-dates:" + proposal.id());
    publish(proposal, OTHER_DATES_REQUESTED, Map.of("proposalOutcome", "other-dates", "schedulingNote", note));
  }

  /**
   * The unit's open proposal for the case ran out of time: it is withdrawn (outcome {@code withdrawn}). If
   * the applicant picked a slot a moment before the timer fired, the pick stands: the outcome is
   * {@code chosen} with the booking's variables, as {@code slot-chosen} carries them, so the process goes on
   * to the session instead of scheduling again. A repeated job finds the proposal withdrawn and answers the same.
   */
  @Transactional
  public Map<String, Object> withdraw(long caseId, String unitCode) {
    Optional<SlotProposal> open = proposals.findOpenForUpdate(SlotProposal.openKey(caseId, unitCode));
    if (open.isPresent()) {
      open.get().withdrawn(clock.instant());
      caseFile.record(caseId, new CaseEvent.ProposalWithdrawn(unitCode), Actor.timer(), "proposal:withdrawn:" + open.get().id());
      return Map.of("proposalOutcome", "withdrawn");
    }
    return proposals.findByCaseIdOrderByIdDesc(caseId).stream()
        .filter(p -> p.unitCode().equals(unitCode))
        .findFirst()
        .filter(p -> p.status() == SlotProposal.Status.CHOSEN)
        .filter(p -> bookings.findById(p.bookingId()).map(b -> b.status() == BookingStatus.RESERVED).orElse(false))
        .map(this::chosenVariables)
        .orElse(Map.of("proposalOutcome", "withdrawn"));
  }

  /** One reminder per timer firing (the job key) while the unit's proposal is open. */
  @Transactional
  public void remind(long caseId, String unitCode, long jobKey) {
    proposals.findOpenForUpdate(SlotProposal.openKey(caseId, unitCode)).ifPresent(proposal -> {
      if (notices.send(caseId, "slots-proposal-reminder", Map.of("unitCode", unitCode, "slotList", slotList(view(proposal))),
          "slots-proposal-reminder:" + jobKey)) {
        caseFile.record(caseId, new CaseEvent.ProposalReminded(unitCode), Actor.timer(), "proposal:reminded:" + jobKey);
      }
    });
  }

  /** The case's proposals, newest first (the caller checks the reader may see the case). */
  @Transactional(readOnly = true)
  public List<ProposalView> ofCase(long caseId) {
    return proposals.findByCaseIdOrderByIdDesc(caseId).stream().map(this::view).toList();
  }

  private List<BookingRefusal> refusalsOf(long caseId, String unitCode, int index, ProposedSlot slot) {
    String field = "slots[" + index + "].";
    List<BookingRefusal> refusals = new ArrayList<>();
    for (BookingRefusal refusal : exactBookings.refusals(caseId, unitCode, slot.instrumentId(), slot.start(), slot.end())) {
      refusals.add(new BookingRefusal(refusal.rule(), field + refusal.field(), refusal.arguments()));
    }
    if (refusals.isEmpty() && !bookingSlots.held(slot.instrumentId(), slot.start(), slot.end()).isEmpty()) {
      refusals.add(new BookingRefusal(
          BookingRule.SLOT_FREE, field + "start", instrumentName(slot.instrumentId()), rules.local(slot.start()), rules.local(slot.end())));
    }
    return refusals;
  }

  private SlotProposal lockedOfCase(long caseId, long proposalId) {
    return proposals.findForUpdate(proposalId)
        .filter(p -> p.caseId() == caseId)
        .orElseThrow(() -> new NotFoundException("booking.proposal.not-found"));
  }

  private static SlotProposal.Slot slotOf(SlotProposal proposal, int number) {
    List<SlotProposal.Slot> slots = proposal.slots();
    if (number < 1 || number > slots.size()) {
      throw InvalidRequestException.of("slot", "booking.proposal.no-such-slot", number, slots.size());
    }
    return slots.get(number - 1);
  }

  private static void requireOpen(SlotProposal proposal) {
    if (proposal.status() != SlotProposal.Status.OPEN) {
      throw new StateConflictException("booking.proposal.answered");
    }
  }

  private void publish(SlotProposal proposal, String message, Map<String, Object> variables) {
    String caseNumber = caseFile.get(proposal.caseId()).caseNumber();
    workflow.publishMessage(
        message, correlationKey(caseNumber, proposal.unitCode()), message + ":" + proposal.id(), variables, proposal.caseId());
  }

  private ProposalView view(SlotProposal proposal) {
    List<SlotView> slots = new ArrayList<>();
    List<SlotProposal.Slot> offered = proposal.slots();
    for (int i = 0; i < offered.size(); i++) {
      SlotProposal.Slot slot = offered.get(i);
      boolean free = proposal.bookingId() == null && bookingSlots.held(slot.instrumentId(), slot.start(), slot.end()).isEmpty();
      slots.add(new SlotView(
          i + 1, slot.instrumentId(), instrumentName(slot.instrumentId()), rules.localDateTime(slot.start()),
          rules.localDateTime(slot.end()), free));
    }
    return new ProposalView(
        proposal.id(), proposal.unitCode(), proposal.status().name(), rules.localDateTime(proposal.proposedAt()), slots,
        proposal.chosenSlot() == null ? null : proposal.chosenSlot() + 1, proposal.applicantComment());
  }

  private String instrumentName(long instrumentId) {
    return catalogue.instrument(instrumentId).map(Instrument::name).orElse("#" + instrumentId);
  }

  /** The slots as lines for a mail: the same in both languages (names and facility time). */
  private String slotList(ProposalView view) {
    return view.slots().stream()
        .map(s -> s.number() + ". " + s.instrumentName() + "  " + MAIL_TIME.format(s.start()) + " - " + MAIL_TIME.format(s.end())
            + " (" + rules.zoneId() + ")")
        .collect(Collectors.joining("\n"));
  }
}
