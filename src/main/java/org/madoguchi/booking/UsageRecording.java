package org.madoguchi.booking;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.UnitCatalogue;
import org.madoguchi.units.UnitSupportResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records what an instrument session used, once per booking, and announces the datasets it produced. */
@Service
class UsageRecording {

  private final BookingRepository bookings;
  private final UsageRecordRepository records;
  private final UsageItemRecordRepository items;
  private final UnitCatalogue catalogue;
  private final CaseFile caseFile;
  private final ApplicationEventPublisher events;
  private final OperatorCost operatorCost;
  private final ZoneId zone;
  private final Clock clock;

  UsageRecording(
      BookingRepository bookings,
      UsageRecordRepository records,
      UsageItemRecordRepository items,
      UnitCatalogue catalogue,
      CaseFile caseFile,
      ApplicationEventPublisher events,
      @Value("${madoguchi.fees.operator-hourly-yen:6000}") long operatorHourlyYen,
      @Value("${madoguchi.fees.overtime-premium:1.25}") BigDecimal overtimePremium,
      MadoguchiProperties facility,
      Clock clock) {
    this.bookings = bookings;
    this.records = records;
    this.items = items;
    this.catalogue = catalogue;
    this.caseFile = caseFile;
    this.events = events;
    this.operatorCost = new OperatorCost(operatorHourlyYen, overtimePremium);
    this.zone = facility.timeZone();
    this.clock = clock;
  }

  /**
   * Writes the usage record and its chargeable lines, completes the booking and publishes
   * {@link UsageRecorded}, all in one transaction. A repeated report for the same booking changes
   * nothing and returns the first result.
   */
  @Transactional
  public UnitSupportResult record(SessionReport report) {
    Booking booking =
        bookings
            .findForUpdate(report.bookingId())
            .orElseThrow(() -> new IllegalArgumentException("No booking " + report.bookingId()));
    if (booking.caseId() != report.caseId() || !booking.unitCode().equals(report.unitCode())) {
      throw new IllegalArgumentException(
          "Booking " + booking.id() + " belongs to case " + booking.caseId() + " unit " + booking.unitCode()
              + ", not case " + report.caseId() + " unit " + report.unitCode());
    }
    Optional<UsageRecord> earlier = records.findByBookingId(booking.id());
    if (earlier.isPresent()) {
      return UnitSupportResult.completed(booking.unitCode(), earlier.get().id());
    }
    boolean calledOff =
        booking.status() == BookingStatus.NO_SHOW
            || booking.status() == BookingStatus.CANCELLED && caseFile.get(booking.caseId()).status() != CaseStatus.CANCELLED;
    if (calledOff) {
      // The session did not take place (no-show, or cancelled on its own): the desk decides what next.
      return UnitSupportResult.returned(
          booking.unitCode(), "No session took place: booking " + booking.id() + " is " + booking.status());
    }
    if (booking.status() != BookingStatus.RESERVED) {
      throw new IllegalStateException(
          "Booking " + booking.id() + " is " + booking.status() + "; usage can only be recorded on a reserved booking");
    }
    Instrument instrument =
        catalogue
            .instrument(booking.instrumentId())
            .orElseThrow(() -> new IllegalStateException("No instrument " + booking.instrumentId()));
    Instant now = clock.instant();
    UsageRecord record = records.save(new UsageRecord(booking, report, now));
    List<UsageLines.Line> lines = UsageLines.of(instrument, report, booking.bookedHours(), operatorCost);
    LocalDate usedOn = booking.serviceDate(zone);
    items.saveAll(lines.stream().map(line -> new UsageItemRecord(record, line, usedOn)).toList());
    booking.complete(now);
    events.publishEvent(
        new UsageRecorded(
            booking.caseId(),
            booking.unitCode(),
            record.id(),
            report.datasets().stream()
                .map(d -> new UsageRecorded.ProducedDataset(d.title(), d.dataType(), d.sizeGb()))
                .toList()));
    caseFile.record(
        booking.caseId(),
        new CaseEvent.UsageRecorded(
            instrument.name(), report.actualHours(), report.consumables().size(), report.datasets().size(),
            report.elnReference()),
        Actor.staff("operators-" + booking.unitCode()),
        "booking:usage:" + booking.id());
    return UnitSupportResult.completed(booking.unitCode(), record.id());
  }
}
