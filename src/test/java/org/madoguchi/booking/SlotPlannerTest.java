package org.madoguchi.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlotPlannerTest {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final Instant FAR = at("2027-01-01T00:00");
  private final SlotPlanner planner = new SlotPlanner(TOKYO, LocalTime.of(9, 0), LocalTime.of(18, 0));

  // 2026-03-02 is a Monday, 2026-03-06 a Friday.

  @Test
  void sessionsAreWholeHalfHoursRoundedUp() {
    assertThat(SlotPlanner.slotsFor(new BigDecimal("0.5"))).isEqualTo(1);
    assertThat(SlotPlanner.slotsFor(new BigDecimal("0.1"))).isEqualTo(1);
    assertThat(SlotPlanner.slotsFor(new BigDecimal("1"))).isEqualTo(2);
    assertThat(SlotPlanner.slotsFor(new BigDecimal("1.2"))).isEqualTo(3);
    assertThat(SlotPlanner.slotsFor(new BigDecimal("9"))).isEqualTo(18);
    assertThat(SlotPlanner.slotsFor(new BigDecimal("9.25"))).isEqualTo(19);
    assertThatThrownBy(() -> SlotPlanner.slotsFor(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SlotPlanner.slotsFor(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void alignsToTheNextHalfHourOfLocalTime() {
    assertThat(planner.alignUp(at("2026-03-02T10:07"))).isEqualTo(at("2026-03-02T10:30"));
    assertThat(planner.alignUp(at("2026-03-02T10:30"))).isEqualTo(at("2026-03-02T10:30"));
    assertThat(planner.alignUp(at("2026-03-02T10:30").plusNanos(1))).isEqualTo(at("2026-03-02T11:00"));
    assertThat(planner.alignUp(at("2026-03-02T23:45"))).isEqualTo(at("2026-03-03T00:00"));
  }

  @Test
  void aShortSessionStartsAtTheFirstWorkingSlot() {
    assertThat(free(4, at("2026-03-02T06:00"))).contains(period("2026-03-02T09:00", "2026-03-02T11:00"));
    assertThat(free(4, at("2026-03-02T10:10"))).contains(period("2026-03-02T10:30", "2026-03-02T12:30"));
  }

  @Test
  void weekendsAreSkipped() {
    assertThat(free(4, at("2026-03-07T10:00"))).contains(period("2026-03-09T09:00", "2026-03-09T11:00"));
  }

  @Test
  void aShortSessionStaysInsideOneWorkingDay() {
    // Friday 16:30 + 3 h would end after 18:00: next working day.
    assertThat(free(6, at("2026-03-06T16:30"))).contains(period("2026-03-09T09:00", "2026-03-09T12:00"));
    // Exactly until the end of the day is fine.
    assertThat(free(6, at("2026-03-06T15:00"))).contains(period("2026-03-06T15:00", "2026-03-06T18:00"));
    // A full working day.
    assertThat(free(18, at("2026-03-02T09:30"))).contains(period("2026-03-03T09:00", "2026-03-03T18:00"));
  }

  @Test
  void heldSlotsAreNotReused() {
    Set<Instant> held = slots("2026-03-02T09:00", 2);
    assertThat(free(4, at("2026-03-02T09:00"), held, List.of())).contains(period("2026-03-02T10:00", "2026-03-02T12:00"));
  }

  @Test
  void aSessionFitsBetweenHeldSlots() {
    Set<Instant> held = new HashSet<>(slots("2026-03-02T11:00", 1));
    // 2 h fits right before the held slot ...
    assertThat(free(4, at("2026-03-02T09:00"), held, List.of())).contains(period("2026-03-02T09:00", "2026-03-02T11:00"));
    // ... 4 h does not, so it starts right after it.
    assertThat(free(8, at("2026-03-02T09:00"), held, List.of())).contains(period("2026-03-02T11:30", "2026-03-02T15:30"));
  }

  @Test
  void maintenanceWindowsAreNeverOverlapped() {
    List<SlotPlanner.Period> maintenance = List.of(period("2026-03-02T09:45", "2026-03-02T10:15"));
    assertThat(free(2, at("2026-03-02T09:00"), Set.of(), maintenance))
        .contains(period("2026-03-02T10:30", "2026-03-02T11:30"));
    // A session may end exactly when maintenance starts.
    assertThat(free(1, at("2026-03-02T09:00"), Set.of(), maintenance))
        .contains(period("2026-03-02T09:00", "2026-03-02T09:30"));
    // A whole day of maintenance moves everything to the next day.
    List<SlotPlanner.Period> allMonday = List.of(period("2026-03-02T00:00", "2026-03-03T00:00"));
    assertThat(free(2, at("2026-03-02T09:00"), Set.of(), allMonday)).contains(period("2026-03-03T09:00", "2026-03-03T10:00"));
  }

  @Test
  void aLongSessionRunsOnThroughTheNight() {
    assertThat(free(24, at("2026-03-02T09:00"))).contains(period("2026-03-02T09:00", "2026-03-02T21:00"));
  }

  @Test
  void aLongSessionRunsOnThroughTheWeekendButStartsOnAWorkingDay() {
    assertThat(free(96, at("2026-03-06T09:00"))).contains(period("2026-03-06T09:00", "2026-03-08T09:00"));
    assertThat(free(96, at("2026-03-07T09:00"))).contains(period("2026-03-09T09:00", "2026-03-11T09:00"));
  }

  @Test
  void aLongSessionMayStartLateInTheWorkingDay() {
    Set<Instant> held = slots("2026-03-02T09:00", 17); // 09:00-17:30 taken
    assertThat(free(20, at("2026-03-02T09:00"), held, List.of())).contains(period("2026-03-02T17:30", "2026-03-03T03:30"));
  }

  @Test
  void aLongSessionAvoidsNightMaintenanceAndNightBookings() {
    List<SlotPlanner.Period> nightMaintenance = List.of(period("2026-03-02T20:00", "2026-03-02T22:00"));
    assertThat(free(24, at("2026-03-02T09:00"), Set.of(), nightMaintenance))
        .contains(period("2026-03-03T09:00", "2026-03-03T21:00"));
    Set<Instant> nightSlot = slots("2026-03-02T23:00", 1);
    // A Monday start up to 11:00 ends by 23:00, when the held night slot begins; later ones would cross it.
    assertThat(free(24, at("2026-03-02T11:00"), nightSlot, List.of())).contains(period("2026-03-02T11:00", "2026-03-02T23:00"));
    assertThat(free(24, at("2026-03-02T11:30"), nightSlot, List.of())).contains(period("2026-03-03T09:00", "2026-03-03T21:00"));
  }

  @Test
  void nothingStartsAtOrAfterTheHorizon() {
    Set<Instant> held = slots("2026-03-02T09:00", 6);
    Instant horizon = at("2026-03-02T12:00");
    assertThat(planner.firstFree(2, at("2026-03-02T09:00"), horizon, held, List.of(), Set.of())).isEmpty();
    assertThat(planner.firstFree(2, at("2026-03-02T09:00"), horizon.plus(Duration.ofMinutes(30)), held, List.of(), Set.of()))
        .contains(period("2026-03-02T12:00", "2026-03-02T13:00"));
  }

  @Test
  void closedDaysAreSkippedAndLongSessionsDoNotRunIntoThem() {
    // 2026-03-20 (a Friday) is the vernal equinox.
    Set<LocalDate> equinox = Set.of(LocalDate.of(2026, 3, 20));
    assertThat(planner.firstFree(2, at("2026-03-20T08:00"), FAR, Set.of(), List.of(), equinox))
        .contains(period("2026-03-23T09:00", "2026-03-23T10:00"));
    assertThat(planner.firstFree(48, at("2026-03-19T09:00"), FAR, Set.of(), List.of(), equinox))
        .as("24 h from Thursday would run into the holiday")
        .contains(period("2026-03-23T09:00", "2026-03-24T09:00"));
    assertThat(planner.firstFree(48, at("2026-03-19T09:00"), FAR, Set.of(), List.of(), Set.of()))
        .contains(period("2026-03-19T09:00", "2026-03-20T09:00"));
  }

  @Test
  void aSessionHoldsEverySlotItCovers() {
    assertThat(SlotPlanner.slotStarts(at("2026-03-02T09:00"), 3))
        .containsExactly(at("2026-03-02T09:00"), at("2026-03-02T09:30"), at("2026-03-02T10:00"));
  }

  @Test
  void workingHoursMustBeOnTheGrid() {
    assertThatThrownBy(() -> new SlotPlanner(TOKYO, LocalTime.of(9, 15), LocalTime.of(18, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SlotPlanner(TOKYO, LocalTime.of(18, 0), LocalTime.of(9, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new SlotPlanner(TOKYO, LocalTime.of(8, 30), LocalTime.of(17, 0)).workdaySlots()).isEqualTo(17);
  }

  private Optional<SlotPlanner.Period> free(int slots, Instant earliest) {
    return free(slots, earliest, Set.of(), List.of());
  }

  private Optional<SlotPlanner.Period> free(int slots, Instant earliest, Set<Instant> held, List<SlotPlanner.Period> blocked) {
    return planner.firstFree(slots, earliest, FAR, held, blocked, Set.of());
  }

  private static Set<Instant> slots(String start, int count) {
    return new HashSet<>(SlotPlanner.slotStarts(at(start), count));
  }

  private static SlotPlanner.Period period(String start, String end) {
    return new SlotPlanner.Period(at(start), at(end));
  }

  private static Instant at(String localTokyo) {
    return LocalDateTime.parse(localTokyo).atZone(TOKYO).toInstant();
  }
}
