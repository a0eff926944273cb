package org.madoguchi.booking;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code booking.waitlist-expire}: the waiting window passed; the entry expires and the unit reschedules
 * (or, when released time was booked a moment before the timer fired, the process goes on with it).
 */
@Component
public class ExpireWaitWorker {

  private final Waitlist waitlist;

  ExpireWaitWorker(Waitlist waitlist) {
    this.waitlist = waitlist;
  }

  @JobWorker(type = "booking.waitlist-expire", fetchVariables = {"caseId"})
  public Map<String, Object> expire(ActivatedJob job) {
    return waitlist.expire(job.getProcessInstanceKey());
  }
}
