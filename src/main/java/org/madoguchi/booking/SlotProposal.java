package org.madoguchi.booking;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Slots a unit coordinator offered for a case, and the applicant's answer. */
@Entity
@Table(name = "slot_proposals")
class SlotProposal {

  enum Status {
    OPEN,
    CHOSEN,
    OTHER_DATES,
    WITHDRAWN
  }

  /** One offered slot on one instrument, {@code [start, end)}. */
  @Embeddable
  static class Slot {
    @Column(name = "instrument_id", nullable = false)
    private long instrumentId;

    @Column(name = "slot_start", nullable = false)
    private Instant start;

    @Column(name = "slot_end", nullable = false)
    private Instant end;

    protected Slot() {}

    Slot(long instrumentId, Instant start, Instant end) {
      this.instrumentId = instrumentId;
      this.start = start;
      this.end = end;
    }

    long instrumentId() {
      return instrumentId;
    }

    Instant start() {
      return start;
    }

    Instant end() {
      return end;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private long caseId;

  @Column(name = "unit_code", nullable = false)
  private String unitCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "open_for")
  private String openFor;

  @Column(name = "proposed_by", nullable = false)
  private String proposedBy;

  @Column(name = "proposed_at", nullable = false)
  private Instant proposedAt;

  @Column(name = "answered_at")
  private Instant answeredAt;

  /** 0-based index of the slot the applicant chose. */
  @Column(name = "chosen_slot")
  private Integer chosenSlot;

  @Column(name = "booking_id")
  private Long bookingId;

  @Column(name = "applicant_comment")
  private String applicantComment;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "slot_proposal_slots", joinColumns = @JoinColumn(name = "proposal_id"))
  @OrderColumn(name = "slot_index")
  private List<Slot> slots = new ArrayList<>();

  @Version private long version;

  protected SlotProposal() {}

  SlotProposal(long caseId, String unitCode, List<Slot> slots, String proposedBy, Instant now) {
    this.caseId = caseId;
    this.unitCode = unitCode;
    this.slots = new ArrayList<>(slots);
    this.proposedBy = proposedBy;
    this.proposedAt = now;
    this.status = Status.OPEN;
    this.openFor = openKey(caseId, unitCode);
  }

  static String openKey(long caseId, String unitCode) {
    return caseId + "/" + unitCode;
  }

  void chosen(int slot, long bookingId, Instant now) {
    this.chosenSlot = slot;
    this.bookingId = bookingId;
    answer(Status.CHOSEN, now);
  }

  void otherDatesRequested(String comment, Instant now) {
    this.applicantComment = comment;
    answer(Status.OTHER_DATES, now);
  }

  void withdrawn(Instant now) {
    answer(Status.WITHDRAWN, now);
  }

  private void answer(Status answer, Instant now) {
    this.status = answer;
    this.answeredAt = now;
    this.openFor = null;
  }

  Long id() {
    return id;
  }

  long caseId() {
    return caseId;
  }

  String unitCode() {
    return unitCode;
  }

  Status status() {
    return status;
  }

  Instant proposedAt() {
    return proposedAt;
  }

  Instant answeredAt() {
    return answeredAt;
  }

  Integer chosenSlot() {
    return chosenSlot;
  }

  Long bookingId() {
    return bookingId;
  }

  String applicantComment() {
    return applicantComment;
  }

  List<Slot> slots() {
    return List.copyOf(slots);
  }
}
