package org.madoguchi.units;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the catalogue made by administrators and unit coordinators: units, instruments, operators'
 * qualifications, maintenance and downtime windows and facility closures. Each change is checked whole
 * before anything is written (a refusal names the field: {@link InvalidRequestException}) and leaves one
 * line in {@link CatalogueChanges} in the same transaction. Who may change which unit is the caller's
 * decision; {@code by} is who did it.
 */
@NamedInterface("api")
@Service
public class CatalogueAdministration {

  /** {@code support_units.code}: lowercase words joined by hyphens, as the unit's staff groups name it. */
  public static final Pattern UNIT_CODE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  /** Windows are stored in TIMESTAMP columns, which end in January 2038. */
  static final Instant LATEST_WINDOW = Instant.parse("2038-01-01T00:00:00Z");

  static final Instant EARLIEST_WINDOW = Instant.parse("2000-01-01T00:00:00Z");

  /** A staff account of a unit's operators group. */
  @NamedInterface("api")
  public record Operator(long accountId, String name, String email) {}

  /** What an audit line keeps of a unit. */
  record UnitValues(String nameJa, String nameEn, String description) {}

  /** What an audit line keeps of a qualification. */
  record QualificationValues(String operator, LocalDate grantedOn, LocalDate expiresOn) {}

  /** What an audit line keeps of a window. */
  record WindowValues(String kind, Instant startsAt, Instant endsAt, String reason) {}

  /** What an audit line keeps of a closure. */
  record ClosureValues(LocalDate closedOn, String reason) {}

  private final UnitRecordRepository units;
  private final InstrumentRecordRepository instruments;
  private final MaintenanceRecordRepository windows;
  private final CatalogueChanges changes;
  private final Accounts accounts;
  private final JdbcClient jdbc;

  CatalogueAdministration(
      UnitRecordRepository units, InstrumentRecordRepository instruments, MaintenanceRecordRepository windows,
      CatalogueChanges changes, Accounts accounts, JdbcClient jdbc) {
    this.units = units;
    this.instruments = instruments;
    this.windows = windows;
    this.changes = changes;
    this.accounts = accounts;
    this.jdbc = jdbc;
  }

  @Transactional
  public SupportUnit addUnit(String by, SupportUnit unit) {
    if (!UNIT_CODE.matcher(unit.code()).matches()) {
      throw InvalidRequestException.of("code", "catalogue.unit.code.invalid");
    }
    if (units.existsById(unit.code())) {
      throw InvalidRequestException.of("code", "catalogue.unit.code.taken");
    }
    UnitRecord added = units.saveAndFlush(new UnitRecord(unit.code(), unit.nameJa(), unit.nameEn(), unit.description()));
    changes.record(by, "unit-added", unit.code(), null, null, values(unit));
    return added.view();
  }

  @Transactional
  public SupportUnit editUnit(String by, String code, String nameJa, String nameEn, String description) {
    UnitRecord unit = units.findById(code).orElseThrow(() -> new NotFoundException("unit " + code));
    SupportUnit before = unit.view();
    unit.rename(nameJa, nameEn, description);
    changes.record(by, "unit-edited", code, null, values(before), values(unit.view()));
    return unit.view();
  }

  /** Adds an instrument to the unit, with the default booking rules (its page edits them next). */
  @Transactional
  public Instrument addInstrument(String by, String unitCode, InstrumentDetails details) {
    if (!units.existsById(unitCode)) {
      throw new NotFoundException("unit " + unitCode);
    }
    checkDetails(details, instruments.existsByName(details.name()));
    InstrumentRecord instrument = instruments.saveAndFlush(new InstrumentRecord(unitCode, details));
    changes.record(by, "instrument-added", unitCode, instrument.view().id(), null, details);
    return instrument.view();
  }

  @Transactional
  public Instrument editInstrument(String by, long instrumentId, InstrumentDetails details) {
    InstrumentRecord instrument = instrument(instrumentId);
    checkDetails(details, instruments.existsByNameAndIdNot(details.name(), instrumentId));
    Instrument before = instrument.view();
    instrument.edit(details);
    instruments.flush();
    changes.record(by, "instrument-edited", before.unitCode(), instrumentId, InstrumentDetails.of(before), details);
    return instrument.view();
  }

  private static void checkDetails(InstrumentDetails details, boolean nameTaken) {
    List<InvalidRequestException.Violation> refused = new ArrayList<>();
    if (!InstrumentDetails.CLASSES.contains(details.instrumentClass())) {
      refused.add(new InvalidRequestException.Violation("instrumentClass", "catalogue.instrument.class.unknown"));
    }
    if (nameTaken) {
      refused.add(new InvalidRequestException.Violation("name", "catalogue.instrument.name.taken"));
    }
    if (!refused.isEmpty()) {
      throw new InvalidRequestException(refused);
    }
  }

  /**
   * Changes the rules sessions chosen by people must keep on the instrument. Bookings already made keep
   * their times; the rules apply to the next booking or move.
   */
  @Transactional
  public InstrumentBookingRules editBookingRules(String by, long instrumentId, BookingRuleValues rules) {
    InstrumentRecord instrument = instrument(instrumentId);
    rules.check();
    BookingRuleValues before = BookingRuleValues.of(instrument.bookingRules());
    instrument.editBookingRules(rules.rules());
    instruments.flush();
    changes.record(by, "booking-rules-edited", instrument.view().unitCode(), instrumentId, before, rules);
    return instrument.bookingRules();
  }

  /** The staff accounts of the unit's operators group, by name. */
  @Transactional(readOnly = true)
  public List<Operator> operators(String unitCode) {
    return accounts.staffIn(StaffGroup.operators(unitCode)).stream()
        .map(account -> new Operator(account.id(), account.displayName(), account.email()))
        .toList();
  }

  /** The qualifications held on the instrument, by operator name. */
  @Transactional(readOnly = true)
  public List<OperatorQualification> qualifications(long instrumentId) {
    Map<Long, Account> holders = new LinkedHashMap<>();
    List<OperatorQualification> found = jdbc.sql(
            "select id, account_id, granted_on, expires_on from operator_qualifications where instrument_id = ?")
        .param(instrumentId)
        .query((row, n) -> {
          long accountId = row.getLong("account_id");
          Account holder = holders.computeIfAbsent(accountId, id -> accounts.find(id).orElseThrow());
          Date expires = row.getDate("expires_on");
          return new OperatorQualification(row.getLong("id"), instrumentId, accountId, holder.displayName(), holder.email(),
              row.getDate("granted_on").toLocalDate(), expires == null ? null : expires.toLocalDate());
        })
        .list();
    return found.stream().sorted((a, b) -> a.operatorName().compareToIgnoreCase(b.operatorName())).toList();
  }

  /** The instruments the account is qualified to run on {@code day} (a facility-time date), by id. */
  @Transactional(readOnly = true)
  public List<Long> qualifiedInstruments(long accountId, LocalDate day) {
    return jdbc.sql("select instrument_id from operator_qualifications where account_id = ? and granted_on <= ?"
            + " and (expires_on is null or expires_on > ?) order by instrument_id")
        .params(accountId, Date.valueOf(day), Date.valueOf(day))
        .query(Long.class)
        .list();
  }

  /**
   * Qualifies an operator of the instrument's unit to run it from {@code grantedOn} until {@code
   * expiresOn} (null: no end); granting again replaces the dates.
   */
  @Transactional
  public void grantQualification(String by, long instrumentId, String operatorEmail, LocalDate grantedOn, LocalDate expiresOn) {
    Instrument instrument = instrument(instrumentId).view();
    Optional<Operator> operator = operators(instrument.unitCode()).stream()
        .filter(o -> o.email().equalsIgnoreCase(operatorEmail.strip())).findFirst();
    List<InvalidRequestException.Violation> refused = new ArrayList<>();
    if (operator.isEmpty()) {
      refused.add(new InvalidRequestException.Violation("operator", "catalogue.qualification.operator.unknown"));
    }
    if (outOfRange(grantedOn)) {
      refused.add(new InvalidRequestException.Violation("grantedOn", "catalogue.date.range"));
    }
    if (expiresOn != null && outOfRange(expiresOn)) {
      refused.add(new InvalidRequestException.Violation("expiresOn", "catalogue.date.range"));
    } else if (expiresOn != null && !expiresOn.isAfter(grantedOn)) {
      refused.add(new InvalidRequestException.Violation("expiresOn", "catalogue.qualification.expires.order"));
    }
    if (!refused.isEmpty()) {
      throw new InvalidRequestException(refused);
    }
    long accountId = operator.get().accountId();
    Optional<QualificationValues> before = jdbc.sql(
            "select granted_on, expires_on from operator_qualifications where instrument_id = ? and account_id = ? for update")
        .params(instrumentId, accountId)
        .query((row, n) -> new QualificationValues(operator.get().email(), row.getDate("granted_on").toLocalDate(),
            row.getDate("expires_on") == null ? null : row.getDate("expires_on").toLocalDate()))
        .optional();
    jdbc.sql("insert into operator_qualifications (instrument_id, account_id, granted_on, expires_on) values (?, ?, ?, ?)"
            + " on duplicate key update granted_on = values(granted_on), expires_on = values(expires_on)")
        .params(instrumentId, accountId, Date.valueOf(grantedOn), expiresOn == null ? null : Date.valueOf(expiresOn))
        .update();
    changes.record(by, "qualification-granted", instrument.unitCode(), instrumentId, before.orElse(null),
        new QualificationValues(operator.get().email(), grantedOn, expiresOn));
  }

  @Transactional
  public void revokeQualification(String by, long instrumentId, long qualificationId) {
    Instrument instrument = instrument(instrumentId).view();
    OperatorQualification revoked = qualifications(instrumentId).stream().filter(q -> q.id() == qualificationId).findFirst()
        .orElseThrow(() -> new NotFoundException("qualification " + qualificationId));
    jdbc.sql("delete from operator_qualifications where id = ?").param(qualificationId).update();
    changes.record(by, "qualification-revoked", instrument.unitCode(), instrumentId,
        new QualificationValues(revoked.operatorEmail(), revoked.grantedOn(), revoked.expiresOn()), null);
  }

  /** The instrument's windows that have not ended by {@code now}, by start. */
  @Transactional(readOnly = true)
  public List<MaintenanceWindow> currentWindows(long instrumentId, Instant now) {
    return windows.findByInstrumentIdAndEndsAtAfterOrderByStartsAt(instrumentId, now).stream().map(MaintenanceRecord::view).toList();
  }

  /**
   * Blocks {@code [start, end)} on the instrument. Sessions already booked in it stay where they are:
   * the page lists them to be moved.
   */
  @Transactional
  public MaintenanceWindow addWindow(String by, long instrumentId, WindowKind kind, Instant start, Instant end, String reason) {
    Instrument instrument = instrument(instrumentId).view();
    List<InvalidRequestException.Violation> refused = new ArrayList<>();
    if (start.isBefore(EARLIEST_WINDOW) || !start.isBefore(LATEST_WINDOW)) {
      refused.add(new InvalidRequestException.Violation("startsAt", "catalogue.window.range"));
    }
    if (end.isBefore(EARLIEST_WINDOW) || end.isAfter(LATEST_WINDOW)) {
      refused.add(new InvalidRequestException.Violation("endsAt", "catalogue.window.range"));
    } else if (!end.isAfter(start)) {
      refused.add(new InvalidRequestException.Violation("endsAt", "catalogue.window.order"));
    }
    if (!refused.isEmpty()) {
      throw new InvalidRequestException(refused);
    }
    MaintenanceWindow added = windows.save(new MaintenanceRecord(instrumentId, kind, start, end, reason)).view();
    changes.record(by, "window-added", instrument.unitCode(), instrumentId, null, values(added));
    return added;
  }

  @Transactional
  public void removeWindow(String by, long instrumentId, long windowId) {
    Instrument instrument = instrument(instrumentId).view();
    MaintenanceRecord window = windows.findById(windowId).filter(w -> w.instrumentId() == instrumentId)
        .orElseThrow(() -> new NotFoundException("window " + windowId));
    windows.delete(window);
    changes.record(by, "window-removed", instrument.unitCode(), instrumentId, values(window.view()), null);
  }

  @Transactional
  public FacilityClosure addClosure(String by, LocalDate closedOn, String reason) {
    if (outOfRange(closedOn)) {
      throw InvalidRequestException.of("closedOn", "catalogue.date.range");
    }
    KeyHolder key = new GeneratedKeyHolder();
    try {
      jdbc.sql("insert into facility_closures (closed_on, reason) values (?, ?)").params(Date.valueOf(closedOn), reason).update(key);
    } catch (DuplicateKeyException taken) {
      throw InvalidRequestException.of("closedOn", "catalogue.closure.taken");
    }
    changes.record(by, "closure-added", null, null, null, new ClosureValues(closedOn, reason));
    return new FacilityClosure(key.getKey().longValue(), closedOn, reason);
  }

  @Transactional
  public void removeClosure(String by, long closureId) {
    ClosureValues removed = jdbc.sql("select closed_on, reason from facility_closures where id = ? for update")
        .param(closureId)
        .query((row, n) -> new ClosureValues(row.getDate("closed_on").toLocalDate(), row.getString("reason")))
        .optional()
        .orElseThrow(() -> new NotFoundException("closure " + closureId));
    jdbc.sql("delete from facility_closures where id = ?").param(closureId).update();
    changes.record(by, "closure-removed", null, null, removed, null);
  }

  /** Dates are kept in DATE columns; years outside these are typing mistakes. */
  private static boolean outOfRange(LocalDate date) {
    return date.getYear() < 2000 || date.getYear() > 9999;
  }

  private InstrumentRecord instrument(long instrumentId) {
    return instruments.findById(instrumentId).orElseThrow(() -> new NotFoundException("instrument " + instrumentId));
  }

  private static UnitValues values(SupportUnit unit) {
    return new UnitValues(unit.nameJa(), unit.nameEn(), unit.description());
  }

  private static WindowValues values(MaintenanceWindow window) {
    return new WindowValues(window.kind().code(), window.startsAt(), window.endsAt(), window.reason());
  }
}
