package org.madoguchi.booking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a session can go on one instrument. Pure: no database, no clock.
 *
 * <p>Time is cut into 30-minute slots aligned to :00 and :30 local time; a booking holds every slot it
 * covers (the database makes each slot of an instrument holdable by one booking only). The policy:
 *
 * <ul>
 *   <li>A session of up to one working day (09:00-18:00, so at most 9 h) is one contiguous block
 *       inside a single working day (Monday to Friday), starting on a slot boundary.
 *   <li>A longer session (e.g. a 48 h cryo-EM collection) starts on a slot boundary inside working
 *       hours of a working day and then runs contiguously in calendar time, through nights and weekends,
 *       holding every slot on the way.
 *   <li>No session overlaps a maintenance window or touches a closed day (a public holiday or a facility
 *       closure, in facility time); sessions start no earlier than {@code earliest} and before
 *       {@code horizonEnd}; the earliest fitting start wins.
 * </ul>
 */
final class SlotPlanner {

  static final Duration SLOT = Duration.ofMinutes(30);
  private static final long SLOT_MINUTES = SLOT.toMinutes();

  /** A half-open period {@code [start, end)}. */
  record Period(Instant start, Instant end) {

    boolean overlaps(Instant otherStart, Instant otherEnd) {
      return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
  }

  private final ZoneId zone;
  private final LocalTime dayStart;
  private final LocalTime dayEnd;

  SlotPlanner(ZoneId zone, LocalTime dayStart, LocalTime dayEnd) {
    if (!dayStart.isBefore(dayEnd)) {
      throw new IllegalArgumentException("the working day must end after it starts");
    }
    if (!onGrid(dayStart) || !onGrid(dayEnd)) {
      throw new IllegalArgumentException("working hours must start and end on :00 or :30");
    }
    this.zone = zone;
    this.dayStart = dayStart;
    this.dayEnd = dayEnd;
  }

  ZoneId zone() {
    return zone;
  }

  /** Slots of one working day (18 for 09:00-18:00). */
  int workdaySlots() {
    return (int) (Duration.between(dayStart, dayEnd).toMinutes() / SLOT_MINUTES);
  }

  /** Slots a session of {@code hours} needs: whole half hours, rounded up. */
  static int slotsFor(BigDecimal hours) {
    if (hours == null || hours.signum() <= 0) {
      throw new IllegalArgumentException("hours must be greater than 0 (was " + hours + ")");
    }
    return hours.multiply(BigDecimal.TWO).setScale(0, RoundingMode.CEILING).intValueExact();
  }

  /** The first slot boundary at or after {@code t}. */
  Instant alignUp(Instant t) {
    ZonedDateTime local = t.atZone(zone);
    ZonedDateTime truncated = local.truncatedTo(ChronoUnit.HOURS);
    while (truncated.toInstant().isBefore(t)) {
      truncated = truncated.plus(SLOT);
    }
    return truncated.toInstant();
  }

  /** The slot starts a session starting at {@code start} and lasting {@code slots} slots holds. */
  static List<Instant> slotStarts(Instant start, int slots) {
    List<Instant> starts = new ArrayList<>(slots);
    for (int i = 0; i < slots; i++) {
      starts.add(start.plus(SLOT.multipliedBy(i)));
    }
    return starts;
  }

  /**
   * The earliest free session of {@code slots} slots on one instrument.
   *
   * @param occupied slot starts already held by other bookings
   * @param blocked maintenance windows
   * @param closedDays facility-time dates no session may touch
   */
  Optional<Period> firstFree(
      int slots, Instant earliest, Instant horizonEnd, Set<Instant> occupied, Collection<Period> blocked, Set<LocalDate> closedDays) {
    if (slots <= 0) {
      throw new IllegalArgumentException("a session needs at least one slot");
    }
    boolean spanning = slots > workdaySlots();
    Duration length = SLOT.multipliedBy(slots);
    Instant from = alignUp(earliest);
    LocalTime lastStart = spanning ? dayEnd.minus(SLOT) : dayEnd.minus(length);
    for (LocalDate day = from.atZone(zone).toLocalDate();
        day.atStartOfDay(zone).toInstant().isBefore(horizonEnd);
        day = day.plusDays(1)) {
      if (!isWorkingDay(day) || closedDays.contains(day)) {
        continue;
      }
      for (LocalTime time = dayStart; !time.isAfter(lastStart); time = time.plus(SLOT)) {
        Instant start = day.atTime(time).atZone(zone).toInstant();
        if (start.isBefore(from)) {
          continue;
        }
        if (!start.isBefore(horizonEnd)) {
          return Optional.empty();
        }
        Instant end = start.plus(length);
        if (isFree(start, end, slots, occupied, blocked) && !touchesClosedDay(day, end, closedDays)) {
          return Optional.of(new Period(start, end));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isFree(Instant start, Instant end, int slots, Set<Instant> occupied, Collection<Period> blocked) {
    for (Period window : blocked) {
      if (window.overlaps(start, end)) {
        return false;
      }
    }
    for (Instant slot : slotStarts(start, slots)) {
      if (occupied.contains(slot)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a session from {@code startDay} until {@code end} runs into a later closed day. */
  private boolean touchesClosedDay(LocalDate startDay, Instant end, Set<LocalDate> closedDays) {
    LocalDate lastDay = end.minusNanos(1).atZone(zone).toLocalDate();
    for (LocalDate day = startDay.plusDays(1); !day.isAfter(lastDay); day = day.plusDays(1)) {
      if (closedDays.contains(day)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWorkingDay(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  private static boolean onGrid(LocalTime time) {
    return time.getSecond() == 0 && time.getNano() == 0 && time.getMinute() % SLOT_MINUTES == 0;
  }
}
