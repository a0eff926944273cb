package org.madoguchi.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReservationRequestTest {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @Test
  void readsTheFormsDateAndToleratesADateTime() {
    assertThat(ReservationRequest.parseDate("2026-03-02", TOKYO)).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(ReservationRequest.parseDate("2026-03-01T16:00:00Z", TOKYO)).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(ReservationRequest.parseDate(" ", TOKYO)).isNull();
    assertThat(ReservationRequest.parseDate(null, TOKYO)).isNull();
    assertThatThrownBy(() -> ReservationRequest.parseDate("next monday", TOKYO))
        .hasMessageContaining("preferredStart must be a date yyyy-MM-dd");
  }

  @Test
  void startsAtThePreferredDayUnlessThatIsPast() {
    Instant now = Instant.parse("2026-03-01T00:00:00Z");
    ReservationRequest later = request(LocalDate.of(2026, 3, 10));
    assertThat(later.earliest(now, TOKYO)).isEqualTo(Instant.parse("2026-03-09T15:00:00Z"));
    ReservationRequest past = request(LocalDate.of(2026, 2, 1));
    assertThat(past.earliest(now, TOKYO)).isEqualTo(now);
    assertThat(request(null).earliest(now, TOKYO)).isEqualTo(now);
  }

  @Test
  void needsPositiveHoursAndAUnit() {
    assertThatThrownBy(() -> new ReservationRequest(1, "structure", BigDecimal.ZERO, null, null, 1, 2))
        .hasMessageContaining("estimatedHours must be greater than 0");
    assertThatThrownBy(() -> new ReservationRequest(1, "structure", null, null, null, 1, 2))
        .hasMessageContaining("estimatedHours");
    assertThatThrownBy(() -> new ReservationRequest(1, " ", BigDecimal.ONE, null, null, 1, 2))
        .hasMessageContaining("unitCode");
    assertThat(new ReservationRequest(1, "structure", BigDecimal.ONE, "  ", null, 1, 2).instrumentClass()).isNull();
  }

  private static ReservationRequest request(LocalDate preferred) {
    return new ReservationRequest(1, "structure", new BigDecimal("2"), "cryo-em", preferred, 10, 20);
  }
}
