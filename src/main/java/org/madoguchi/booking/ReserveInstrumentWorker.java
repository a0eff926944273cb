package org.madoguchi.booking;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.math.BigDecimal;
import java.util.Map;
import org.madoguchi.MadoguchiProperties;
import org.springframework.stereotype.Component;

/** {@code booking.reserve}: books a session on a suitable instrument, or throws {@code NO_SLOT}. */
@Component
public class ReserveInstrumentWorker {

  static final String NO_SLOT = "NO_SLOT";

  private final Reservations reservations;
  private final MadoguchiProperties facility;

  ReserveInstrumentWorker(Reservations reservations, MadoguchiProperties facility) {
    this.reservations = reservations;
    this.facility = facility;
  }

  @JobWorker(
      type = "booking.reserve",
      fetchVariables = {"caseId", "unitCode", "estimatedHours", "instrumentClass", "preferredStart"})
  public Map<String, Object> reserve(
      ActivatedJob job,
      @Variable long caseId,
      @Variable String unitCode,
      @Variable BigDecimal estimatedHours,
      @Variable String instrumentClass,
      @Variable String preferredStart) {
    ReservationRequest request =
        ReservationRequest.ofJob(job, caseId, unitCode, estimatedHours, instrumentClass, preferredStart, facility.timeZone());
    return switch (reservations.reserve(request)) {
      case Reservations.Reserved r ->
          Map.of(
              "bookingId", r.bookingId(),
              "instrumentName", r.instrumentName(),
              "slotStart", r.slotStart(),
              "slotEnd", r.slotEnd());
      case Reservations.NoSlot none -> throw CamundaError.bpmnError(NO_SLOT, none.message());
    };
  }
}
