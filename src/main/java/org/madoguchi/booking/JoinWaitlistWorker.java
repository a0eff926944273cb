package org.madoguchi.booking;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.util.Map;
import org.madoguchi.MadoguchiProperties;
import org.springframework.stereotype.Component;

/** {@code booking.waitlist-join}: the request waits for released time until the end of {@code waitUntil}. */
@Component
public class JoinWaitlistWorker {

  private final Waitlist waitlist;
  private final MadoguchiProperties facility;

  JoinWaitlistWorker(Waitlist waitlist, MadoguchiProperties facility) {
    this.waitlist = waitlist;
    this.facility = facility;
  }

  @JobWorker(
      type = "booking.waitlist-join",
      fetchVariables = {"caseId", "unitCode", "estimatedHours", "instrumentClass", "preferredStart", "waitUntil"})
  public Map<String, Object> join(
      ActivatedJob job,
      @Variable long caseId,
      @Variable String unitCode,
      @Variable BigDecimal estimatedHours,
      @Variable String instrumentClass,
      @Variable String preferredStart,
      @Variable String waitUntil) {
    ReservationRequest request =
        ReservationRequest.ofJob(job, caseId, unitCode, estimatedHours, instrumentClass, preferredStart, facility.timeZone());
    return waitlist.join(request, ReservationRequest.parseDate(waitUntil, facility.timeZone()));
  }
}
