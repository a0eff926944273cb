package org.madoguchi.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Catalogue administration on the real database: each change is written with one audit line holding who
 * and the values before and after; each refusal names its field and writes nothing, audit included.
 */
@MadoguchiIT
class CatalogueAdministrationIT {

  private static final String ADMIN = "catalogue-admin@madoguchi.example";

  @Autowired CatalogueAdministration administration;
  @Autowired CatalogueChanges changes;
  @Autowired FacilityCalendar calendar;
  @Autowired UnitCatalogue catalogue;
  @Autowired Accounts accounts;
  @Autowired JdbcTemplate jdbc;

  private String unitCode;
  private long instrumentId;
  private Account operator;

  @BeforeEach
  void aUnitWithAnInstrumentAndAnOperator() {
    String marker = Long.toString(System.nanoTime(), 36);
    unitCode = "t" + marker;
    administration.addUnit(ADMIN, new SupportUnit(unitCode, "試験ユニット", "Test unit", "For the test."));
    jdbc.update("insert into instruments (unit_code, name, instrument_class, location, hourly_upkeep_yen, operator_assisted, active)"
        + " values (?, ?, 'nmr', 'Room 1', 1000, true, true)", unitCode, "NMR " + marker);
    instrumentId = jdbc.queryForObject("select id from instruments where unit_code = ?", Long.class, unitCode);
    operator = accounts.ensure("op-" + marker + "@madoguchi.example", "operator password 1", "Op " + marker, "en", Set.of(Role.STAFF));
    accounts.assignStaffGroups(operator.id(), Set.of(StaffGroup.operators(unitCode)));
  }

  @Test
  void aNewUnitIsAuditedAndItsCodeIsUnique() {
    assertThat(catalogue.unit(unitCode)).hasValueSatisfying(u -> assertThat(u.nameEn()).isEqualTo("Test unit"));
    assertThat(changes.ofUnit(unitCode, 10)).singleElement().satisfies(c -> {
      assertThat(c.action()).isEqualTo("unit-added");
      assertThat(c.changedBy()).isEqualTo(ADMIN);
      assertThat(c.before()).isNull();
      assertThat(c.after()).contains("\"nameJa\":\"試験ユニット\"");
    });
    assertRefused(() -> administration.addUnit(ADMIN, new SupportUnit(unitCode, "別", "Other", "Again.")), "code");
    assertRefused(() -> administration.addUnit(ADMIN, new SupportUnit("Not-A-Code", "別", "Other", "Bad.")), "code");

    administration.editUnit(ADMIN, unitCode, "試験ユニット２", "Test unit 2", "Renamed.");
    assertThat(catalogue.unit(unitCode).orElseThrow().name("ja")).isEqualTo("試験ユニット２");
    assertThat(changes.ofUnit(unitCode, 1)).singleElement().satisfies(c -> {
      assertThat(c.action()).isEqualTo("unit-edited");
      assertThat(c.before()).contains("\"nameEn\":\"Test unit\"");
      assertThat(c.after()).contains("\"nameEn\":\"Test unit 2\"");
    });
  }

  @Test
  void anInstrumentIsEditedWholeOrNotAtAll() {
    Instrument before = catalogue.instrument(instrumentId).orElseThrow();
    administration.editInstrument(ADMIN, instrumentId,
        new InstrumentDetails(before.name() + " (retired)", "saxs", "Room 2", 2500, false, false));
    Instrument after = catalogue.instrument(instrumentId).orElseThrow();
    assertThat(after).isEqualTo(new Instrument(instrumentId, unitCode, before.name() + " (retired)", "saxs", "Room 2", 2500, false, false));
    assertThat(changes.ofInstrument(instrumentId, 10)).singleElement().satisfies(c -> {
      assertThat(c.action()).isEqualTo("instrument-edited");
      assertThat(c.unitCode()).isEqualTo(unitCode);
      assertThat(c.before()).contains("\"instrumentClass\":\"nmr\"").contains("\"active\":true");
      assertThat(c.after()).contains("\"instrumentClass\":\"saxs\"").contains("\"active\":false");
    });

    String takenName = catalogue.instrument(1).orElseThrow().name();
    assertThatThrownBy(() -> administration.editInstrument(ADMIN, instrumentId,
            new InstrumentDetails(takenName, "telescope", "Room 3", 1, true, true)))
        .isInstanceOfSatisfying(InvalidRequestException.class, refused -> assertThat(refused.violations())
            .extracting(InvalidRequestException.Violation::field).containsExactlyInAnyOrder("name", "instrumentClass"));
    assertThat(catalogue.instrument(instrumentId)).hasValue(after);
    assertThat(changes.ofInstrument(instrumentId, 10)).hasSize(1);
    assertThatThrownBy(() -> administration.editInstrument(ADMIN, 999_999_999L, InstrumentDetails.of(after)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aNewInstrumentStartsWithTheDefaultBookingRulesAndIsAudited() {
    Instrument added = administration.addInstrument(ADMIN, unitCode,
        new InstrumentDetails("Glacios " + unitCode, "cryo-em", "Room 4", 30_000, true, true));
    assertThat(catalogue.instruments(unitCode)).contains(added);
    assertThat(catalogue.bookingRules(added.id())).hasValue(new InstrumentBookingRules(
        Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofHours(24), Duration.ofHours(48)));
    assertThat(jdbc.queryForMap("select booking_granularity_minutes g, min_session_minutes mn, max_session_minutes mx,"
            + " lead_time_hours l, late_cancellation_hours c from instruments where id = ?", added.id()))
        .as("the same as the columns' defaults")
        .isEqualTo(jdbc.queryForMap("select booking_granularity_minutes g, min_session_minutes mn, max_session_minutes mx,"
            + " lead_time_hours l, late_cancellation_hours c from instruments where id = ?", instrumentId));
    assertThat(changes.ofInstrument(added.id(), 10)).singleElement().satisfies(c -> {
      assertThat(c.action()).isEqualTo("instrument-added");
      assertThat(c.before()).isNull();
      assertThat(c.after()).contains("\"instrumentClass\":\"cryo-em\"");
    });
    assertRefused(() -> administration.addInstrument(ADMIN, unitCode, new InstrumentDetails(added.name(), "telescope", "Room 5", 1, true, true)),
        "name");
    assertThatThrownBy(() -> administration.addInstrument(ADMIN, "no-such-unit", new InstrumentDetails("X " + unitCode, "nmr", "Room", 1, true, true)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void bookingRulesKeepTheGridAndTheDatabasesLimits() {
    InstrumentBookingRules saved = administration.editBookingRules(ADMIN, instrumentId, new BookingRuleValues(60, 120, 480, 72, 24));
    assertThat(saved).isEqualTo(new InstrumentBookingRules(
        Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(8), Duration.ofHours(72), Duration.ofHours(24)));
    assertThat(catalogue.bookingRules(instrumentId)).hasValue(saved);
    assertThat(changes.ofInstrument(instrumentId, 1)).singleElement().satisfies(c -> {
      assertThat(c.action()).isEqualTo("booking-rules-edited");
      assertThat(c.before()).contains("\"granularityMinutes\":30");
      assertThat(c.after()).contains("\"granularityMinutes\":60").contains("\"leadTimeHours\":72");
    });

    assertRefused(() -> administration.editBookingRules(ADMIN, instrumentId, new BookingRuleValues(45, 90, 90, 0, 0)), "granularityMinutes");
    assertRefused(() -> administration.editBookingRules(ADMIN, instrumentId, new BookingRuleValues(60, 90, 120, 0, 0)), "minSessionMinutes");
    assertRefused(() -> administration.editBookingRules(ADMIN, instrumentId, new BookingRuleValues(60, 120, 60, 0, 0)), "maxSessionMinutes");
    assertRefused(() -> administration.editBookingRules(ADMIN, instrumentId, new BookingRuleValues(60, 60, 15 * 1440, 0, 0)), "maxSessionMinutes");
    assertRefused(() -> administration.editBookingRules(ADMIN, instrumentId, new BookingRuleValues(60, 60, 60, -1, 9000)), "leadTimeHours");
    assertRefused(() -> administration.editBookingRules(ADMIN, instrumentId, new BookingRuleValues(60, 60, 60, -1, 9000)), "lateCancellationHours");
    assertThat(catalogue.bookingRules(instrumentId)).hasValue(saved);
  }

  @Test
  void onlyTheUnitsOperatorsAreQualifiedAndGrantingAgainReplacesTheDates() {
    Account stranger = accounts.ensure("stranger-" + unitCode + "@madoguchi.example", "stranger password 1", "Stranger", "en", Set.of(Role.STAFF));
    accounts.assignStaffGroups(stranger.id(), Set.of(StaffGroup.operators("structure")));
    assertThat(administration.operators(unitCode)).extracting(CatalogueAdministration.Operator::email).containsExactly(operator.email());

    LocalDate granted = LocalDate.of(2027, 1, 4);
    assertRefused(() -> administration.grantQualification(ADMIN, instrumentId, stranger.email(), granted, null), "operator");
    assertRefused(() -> administration.grantQualification(ADMIN, instrumentId, operator.email(), granted, granted), "expiresOn");
    assertThat(qualificationRows()).isZero();

    administration.grantQualification(ADMIN, instrumentId, operator.email(), granted, LocalDate.of(2028, 1, 4));
    administration.grantQualification(ADMIN, instrumentId, operator.email(), granted, null);
    List<OperatorQualification> held = administration.qualifications(instrumentId);
    assertThat(held).singleElement().satisfies(q -> {
      assertThat(q.operatorEmail()).isEqualTo(operator.email());
      assertThat(q.expiresOn()).isNull();
      assertThat(q.validOn(granted)).isTrue();
      assertThat(q.validOn(granted.minusDays(1))).isFalse();
    });
    assertThat(changes.ofInstrument(instrumentId, 10)).extracting(CatalogueChanges.Change::action)
        .containsExactly("qualification-granted", "qualification-granted");
    assertThat(changes.ofInstrument(instrumentId, 1).get(0).before()).contains("2028-01-04");

    administration.revokeQualification(ADMIN, instrumentId, held.get(0).id());
    assertThat(qualificationRows()).isZero();
    assertThat(changes.ofInstrument(instrumentId, 1).get(0).action()).isEqualTo("qualification-revoked");
    assertThatThrownBy(() -> administration.revokeQualification(ADMIN, instrumentId, held.get(0).id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void downtimeBlocksLikeMaintenanceAndAWindowThatEndsBeforeItStartsIsRefused() {
    Instant start = Instant.parse("2037-01-10T00:00:00Z");
    Instant end = Instant.parse("2037-01-10T06:00:00Z");
    assertRefused(() -> administration.addWindow(ADMIN, instrumentId, WindowKind.UNPLANNED, end, start, "Vacuum leak"), "endsAt");
    assertRefused(() -> administration.addWindow(ADMIN, instrumentId, WindowKind.PLANNED, start, Instant.parse("2090-01-01T00:00:00Z"), "Later"),
        "endsAt");
    MaintenanceWindow down = administration.addWindow(ADMIN, instrumentId, WindowKind.UNPLANNED, start, end, "Vacuum leak");
    assertThat(administration.currentWindows(instrumentId, start)).containsExactly(down);
    assertThat(down.kind()).isEqualTo(WindowKind.UNPLANNED);
    assertThat(jdbc.queryForObject("select kind from maintenance_windows where id = ?", String.class, down.id())).isEqualTo("unplanned");
    assertThat(changes.ofInstrument(instrumentId, 10)).singleElement().satisfies(c -> assertThat(c.after())
        .contains("\"kind\":\"unplanned\"").contains("\"reason\":\"Vacuum leak\"").contains("2037-01-10T00:00:00Z"));

    administration.removeWindow(ADMIN, instrumentId, down.id());
    assertThat(administration.currentWindows(instrumentId, start)).isEmpty();
    assertThat(changes.ofInstrument(instrumentId, 1).get(0).action()).isEqualTo("window-removed");
    assertThatThrownBy(() -> administration.removeWindow(ADMIN, 1, down.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void theFacilityCalendarKnowsHolidaysAndClosures() {
    assertThat(calendar.isClosed(LocalDate.of(2027, 1, 1))).isTrue();
    assertThat(calendar.isClosed(LocalDate.of(2027, 2, 11))).isTrue();
    assertThat(calendar.isClosed(LocalDate.of(2027, 2, 23))).as("the Emperor's Birthday since 2020").isTrue();
    assertThat(calendar.isClosed(LocalDate.of(2027, 12, 23))).as("no holiday since 2019").isFalse();
    assertThat(calendar.isClosed(LocalDate.of(2027, 1, 4))).isFalse();
    assertThat(calendar.isClosed(LocalDate.of(2027, 3, 22))).as("the substitute for the vernal equinox on a Sunday").isTrue();
    assertThat(calendar.isClosed(LocalDate.of(2051, 1, 5))).as("beyond the holiday data set").isTrue();
    assertThat(calendar.facilityDate(Instant.parse("2027-01-03T15:00:00Z"))).isEqualTo(LocalDate.of(2027, 1, 4));

    LocalDate day = openDayFrom(LocalDate.of(2048, 1, 1).plusDays(System.nanoTime() % 300 + 30));
    assertThat(calendar.isClosed(day)).isFalse();
    FacilityClosure closure = administration.addClosure(ADMIN, day, "Building inspection");
    assertThat(calendar.isClosed(day)).isTrue();
    assertRefused(() -> administration.addClosure(ADMIN, day, "Again"), "closedOn");
    assertThat(calendar.closedDays(day.withDayOfYear(1), day)).contains(new FacilityCalendar.ClosedDay(day, null, "Building inspection", closure.id()))
        .anySatisfy(d -> assertThat(d.holidayName()).isEqualTo("元日"));
    assertThat(changes.ofFacility(1)).singleElement().satisfies(c -> {
      assertThat(c.action()).isEqualTo("closure-added");
      assertThat(c.after()).contains(day.toString());
    });
    administration.removeClosure(ADMIN, closure.id());
    assertThat(calendar.isClosed(day)).isFalse();
    assertThat(changes.ofFacility(1).get(0).action()).isEqualTo("closure-removed");
  }

  private LocalDate openDayFrom(LocalDate day) {
    return calendar.isClosed(day) ? openDayFrom(day.plusDays(1)) : day;
  }

  private void assertRefused(Runnable change, String field) {
    Map<String, Object> before = counts();
    assertThatThrownBy(change::run)
        .isInstanceOfSatisfying(InvalidRequestException.class, refused -> assertThat(refused.violations())
            .extracting(InvalidRequestException.Violation::field).contains(field));
    assertThat(counts()).as("nothing written").isEqualTo(before);
  }

  private Map<String, Object> counts() {
    return jdbc.queryForMap("select (select count(*) from catalogue_changes) changes, (select count(*) from support_units) units,"
        + " (select count(*) from operator_qualifications) qualifications, (select count(*) from maintenance_windows) windows,"
        + " (select count(*) from facility_closures) closures, (select count(*) from instruments) instruments,"
        + " (select sum(booking_granularity_minutes + min_session_minutes + max_session_minutes + lead_time_hours + late_cancellation_hours)"
        + " from instruments) rules");
  }

  private long qualificationRows() {
    return jdbc.queryForObject("select count(*) from operator_qualifications where instrument_id = ?", Long.class, instrumentId);
  }
}
