package org.madoguchi.booking;

import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * What {@code booking.reserve} asks for.
 *
 * @param hours estimated session length
 * @param instrumentClass narrows the unit's instruments; null for any
 * @param preferredStart earliest start (start of that day, facility time); null for "as soon as possible"
 * @param processInstanceKey the unit-support instance
 * @param elementInstanceKey the ReserveInstrument element instance: the idempotency key
 */
record ReservationRequest(
    long caseId,
    String unitCode,
    BigDecimal hours,
    String instrumentClass,
    LocalDate preferredStart,
    long processInstanceKey,
    long elementInstanceKey) {

  ReservationRequest {
    if (unitCode == null || unitCode.isBlank()) {
      throw new IllegalArgumentException("unitCode is required to reserve an instrument");
    }
    if (hours == null || hours.signum() <= 0) {
      throw new IllegalArgumentException("estimatedHours must be greater than 0 to reserve an instrument (was " + hours + ")");
    }
    hours = hours.setScale(2, RoundingMode.UP);
    instrumentClass = instrumentClass == null || instrumentClass.isBlank() ? null : instrumentClass.strip();
  }

  /** The request a job of the unit-support instance makes from the unit's form values; the job's element instance is the key. */
  static ReservationRequest ofJob(
      ActivatedJob job, long caseId, String unitCode, BigDecimal hours, String instrumentClass, String preferredStart, ZoneId zone) {
    return new ReservationRequest(
        caseId, unitCode, hours, instrumentClass, parseDate(preferredStart, zone), job.getProcessInstanceKey(), job.getElementInstanceKey());
  }

  /** Reads the form's {@code yyyy-MM-dd} (an ISO date-time is accepted too); blank means none. */
  static LocalDate parseDate(String value, ZoneId zone) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException notADate) {
      try {
        return OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDate();
      } catch (DateTimeParseException notADateTime) {
        throw new IllegalArgumentException("preferredStart must be a date yyyy-MM-dd (was " + value + ")");
      }
    }
  }

  /** The earliest start this request allows, given the current time. */
  Instant earliest(Instant now, ZoneId zone) {
    if (preferredStart == null) {
      return now;
    }
    Instant preferred = preferredStart.atStartOfDay(zone).toInstant();
    return preferred.isAfter(now) ? preferred : now;
  }
}
