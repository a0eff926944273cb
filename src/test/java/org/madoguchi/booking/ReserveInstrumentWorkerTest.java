package org.madoguchi.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.madoguchi.MadoguchiProperties;

class ReserveInstrumentWorkerTest {

  private final Reservations reservations = mock(Reservations.class);
  private final ActivatedJob job = mock(ActivatedJob.class);
  private final ReserveInstrumentWorker worker =
      new ReserveInstrumentWorker(
          reservations,
          new MadoguchiProperties("BINDS", ZoneId.of("Asia/Tokyo"), "desk@x", "m@x", "http://x",
              new MadoguchiProperties.Sla(Duration.ofDays(5), Duration.ofDays(2)), "http://x/tasklist", "http://x/operate",
              new MadoguchiProperties.Oidc("groups")));

  @Test
  void returnsOnlyTheBookingAndKeysTheRequestOnTheElementInstance() {
    when(job.getProcessInstanceKey()).thenReturn(100L);
    when(job.getElementInstanceKey()).thenReturn(200L);
    when(reservations.reserve(any()))
        .thenReturn(new Reservations.Reserved(7, "Titan Krios G4 (Osaka)", "2026-03-02T09:00:00+09:00", "2026-03-02T11:00:00+09:00"));

    Map<String, Object> output = worker.reserve(job, 1, "structure", new BigDecimal("2"), "cryo-em", "2026-03-02");

    assertThat(output).containsOnly(
        Map.entry("bookingId", 7L),
        Map.entry("instrumentName", "Titan Krios G4 (Osaka)"),
        Map.entry("slotStart", "2026-03-02T09:00:00+09:00"),
        Map.entry("slotEnd", "2026-03-02T11:00:00+09:00"));
    ArgumentCaptor<ReservationRequest> request = ArgumentCaptor.forClass(ReservationRequest.class);
    verify(reservations).reserve(request.capture());
    assertThat(request.getValue())
        .isEqualTo(new ReservationRequest(1, "structure", new BigDecimal("2.00"), "cryo-em", LocalDate.of(2026, 3, 2), 100, 200));
  }

  @Test
  void noSlotBecomesTheBpmnErrorTheModelCatches() {
    when(reservations.reserve(any())).thenReturn(new Reservations.NoSlot("No free 2 h session on cryo-em instruments"));

    assertThatThrownBy(() -> worker.reserve(job, 1, "structure", BigDecimal.TWO, "cryo-em", null))
        .isInstanceOfSatisfying(BpmnError.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo("NO_SLOT");
          assertThat(e.getErrorMessage()).contains("No free 2 h session");
        });
  }
}
