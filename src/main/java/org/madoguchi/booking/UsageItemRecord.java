package org.madoguchi.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.madoguchi.units.Instrument;

/**
 * One chargeable line: of a recorded session, or the single line of a late-cancelled or no-show booking
 * (which has no session record and names its booking instead).
 */
@Entity
@Table(name = "usage_items")
class UsageItemRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "usage_record_id")
  private Long usageRecordId;

  @Column(name = "booking_id")
  private Long bookingId;

  @Column(name = "line_no", nullable = false)
  private int lineNo;

  @Column(name = "case_id", nullable = false)
  private long caseId;

  @Column(name = "unit_code", nullable = false)
  private String unitCode;

  @Column(name = "instrument_class", nullable = false)
  private String instrumentClass;

  @Column(name = "item_kind", nullable = false)
  private String itemKind;

  @Column(nullable = false)
  private String description;

  @Column(nullable = false)
  private BigDecimal quantity;

  @Column(name = "unit_cost_yen", nullable = false)
  private long unitCostYen;

  /** The facility-local day of the service (V240): the fee table's rates apply by it. */
  @Column(name = "used_on", nullable = false)
  private LocalDate usedOn;

  protected UsageItemRecord() {}

  UsageItemRecord(UsageRecord record, UsageLines.Line line, LocalDate usedOn) {
    this.usageRecordId = record.id();
    this.lineNo = line.lineNo();
    this.caseId = record.caseId();
    this.unitCode = record.unitCode();
    this.instrumentClass = line.instrumentClass();
    this.itemKind = line.itemKind();
    this.description = line.description();
    this.quantity = line.quantity();
    this.unitCostYen = line.unitCostYen();
    this.usedOn = usedOn;
  }

  /**
   * The line a late cancellation or no-show of {@code booking} costs: its booked hours at the instrument's
   * hourly rate, on the booked day.
   */
  UsageItemRecord(Booking booking, String itemKind, Instrument instrument, LocalDate bookedOn) {
    this.bookingId = booking.id();
    this.lineNo = 1;
    this.caseId = booking.caseId();
    this.unitCode = booking.unitCode();
    this.instrumentClass = instrument.instrumentClass();
    this.itemKind = itemKind;
    this.description = instrument.name();
    this.quantity = booking.bookedHours();
    this.unitCostYen = instrument.hourlyUpkeepYen();
    this.usedOn = bookedOn;
  }

  UsageItem view() {
    return view(false);
  }

  UsageItem view(boolean slotReused) {
    return new UsageItem(id, unitCode, instrumentClass, itemKind, description, quantity, unitCostYen, slotReused, usedOn);
  }

  /** Null for the line of a late cancellation or no-show. */
  Long usageRecordId() {
    return usageRecordId;
  }

  Long bookingId() {
    return bookingId;
  }

  int lineNo() {
    return lineNo;
  }
}
