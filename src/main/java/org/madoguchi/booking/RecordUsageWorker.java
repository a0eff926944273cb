package org.madoguchi.booking;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code booking.record-usage}: records the operator's session report; the unit's support is complete. */
@Component
public class RecordUsageWorker {

  private final UsageRecording recording;

  RecordUsageWorker(UsageRecording recording) {
    this.recording = recording;
  }

  @JobWorker(
      type = "booking.record-usage",
      fetchVariables = {
        "caseId", "unitCode", "bookingId", "actualHours", "consumables", "elnReference", "datasets", "sessionNotes"
      })
  public Map<String, Object> recordUsage(
      @Variable Long caseId,
      @Variable String unitCode,
      @Variable Long bookingId,
      @Variable Object actualHours,
      @Variable List<Map<String, Object>> consumables,
      @Variable String elnReference,
      @Variable List<Map<String, Object>> datasets,
      @Variable String sessionNotes) {
    SessionReport report =
        SessionReport.of(caseId, unitCode, bookingId, actualHours, consumables, elnReference, datasets, sessionNotes);
    return Map.of("unitSupportResult", recording.record(report));
  }
}
