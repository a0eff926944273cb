package org.madoguchi.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordAssignmentWorkerTest {

  private final UnitAssignments assignments = mock(UnitAssignments.class);
  private final ActivatedJob job = mock(ActivatedJob.class);
  private final RecordAssignmentWorker worker = new RecordAssignmentWorker(assignments);

  @Test
  void aReturnAnswersWithTheUnitSupportResultOnly() {
    when(assignments.record(any())).thenReturn(Optional.of(UnitSupportResult.returned("omics", "Out of scope")));

    Map<String, Object> output = worker.record(job, 1, "omics", "return", null, null, null, null, "Out of scope");

    assertThat(output).containsOnly(Map.entry("unitSupportResult", UnitSupportResult.returned("omics", "Out of scope")));
  }

  @Test
  void anAcceptanceAnswersNothing() {
    when(assignments.record(any())).thenReturn(Optional.empty());

    assertThat(worker.record(job, 1, "structure", "accept", "Sato", BigDecimal.TEN, "cryo-em", "2026-04-01", null)).isEmpty();
  }

  @Test
  void anIncompleteAcceptanceFailsTheJobBeforeAnythingIsRecorded() {
    assertThatThrownBy(() -> worker.record(job, 1, "structure", "accept", null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leadOperator is required");
    verifyNoInteractions(assignments);
  }
}
