package org.madoguchi.booking;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.units.CatalogueChanges;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applicants' qualifications to run an instrument alone, and each instrument's self-use rules, as a
 * unit's coordinators set them on the instrument's catalogue page. A qualification lapses
 * {@code madoguchi.booking.self-use.expires-after} after its last self-use booking (or its grant, if
 * never used), on the facility date of the one {@link Clock}.
 */
@NamedInterface("api")
@Service
public class SelfUseQualifications {

  /** An instrument's self-use rules; an instrument without a row does not allow self-use. */
  @NamedInterface("api")
  public record SelfUseRules(long instrumentId, boolean allowed, int maxBookingsPerWeek, int quotaHoursPerCase) {
    public static final int DEFAULT_PER_WEEK = 3;
    public static final int DEFAULT_QUOTA_HOURS = 40;

    static SelfUseRules notAllowed(long instrumentId) {
      return new SelfUseRules(instrumentId, false, DEFAULT_PER_WEEK, DEFAULT_QUOTA_HOURS);
    }
  }

  /** Where a qualification stands today. */
  @NamedInterface("api")
  public enum Standing {
    VALID,
    EXPIRED,
    REVOKED
  }

  /** One applicant's qualification on one instrument; {@code lapsesOn} the first day it is no longer valid. */
  @NamedInterface("api")
  public record Qualification(
      long id, long instrumentId, long accountId, String email, String grantedBy, LocalDate grantedOn, LocalDate lastUsedOn,
      String revokedBy, LocalDate revokedOn, LocalDate lapsesOn, Standing standing) {
    public boolean valid() {
      return standing == Standing.VALID;
    }
  }

  private static final String SELECT =
      "SELECT q.id, q.instrument_id, q.account_id, a.email, q.granted_by, q.granted_on, q.last_used_on, q.revoked_by, q.revoked_on"
          + " FROM self_use_qualifications q JOIN accounts a ON a.id = q.account_id";

  private final JdbcClient jdbc;
  private final SelfUseProperties properties;
  private final UnitCatalogue catalogue;
  private final CatalogueChanges changes;
  private final ZoneId zone;
  private final Clock clock;

  @Autowired
  SelfUseQualifications(
      JdbcClient jdbc, SelfUseProperties properties, UnitCatalogue catalogue, CatalogueChanges changes, MadoguchiProperties facility,
      Clock clock) {
    this(jdbc, properties, catalogue, changes, facility.timeZone(), clock);
  }

  /** With another clock: expiry seen from another day (tests). */
  SelfUseQualifications(
      JdbcClient jdbc, SelfUseProperties properties, UnitCatalogue catalogue, CatalogueChanges changes, ZoneId zone, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.catalogue = catalogue;
    this.changes = changes;
    this.zone = zone;
    this.clock = clock;
  }

  /** Days without a self-use session after which a qualification lapses. */
  public long expiresAfterDays() {
    return properties.expiresAfter().toDays();
  }

  @Transactional(readOnly = true)
  public SelfUseRules rules(long instrumentId) {
    return jdbc.sql("SELECT allowed, max_bookings_per_week, quota_hours_per_case FROM instrument_self_use WHERE instrument_id = ?")
        .param(instrumentId)
        .query((row, n) -> new SelfUseRules(
            instrumentId, row.getBoolean("allowed"), row.getInt("max_bookings_per_week"), row.getInt("quota_hours_per_case")))
        .optional()
        .orElse(SelfUseRules.notAllowed(instrumentId));
  }

  /** Sets the instrument's self-use rules (limits already checked by the caller's form), audited with the catalogue's changes. */
  @Transactional
  public void setRules(SelfUseRules rules, String by) {
    SelfUseRules before = rules(rules.instrumentId());
    jdbc.sql("""
            INSERT INTO instrument_self_use (instrument_id, allowed, max_bookings_per_week, quota_hours_per_case, updated_by, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE allowed = VALUES(allowed), max_bookings_per_week = VALUES(max_bookings_per_week),
              quota_hours_per_case = VALUES(quota_hours_per_case), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)""")
        .params(rules.instrumentId(), rules.allowed(), rules.maxBookingsPerWeek(), rules.quotaHoursPerCase(), by,
            Timestamp.from(clock.instant()))
        .update();
    changes.record(by, "self-use-rules-edited", unitOf(rules.instrumentId()), rules.instrumentId(), before, rules);
  }

  /** Every qualification on the instrument, revoked ones too, newest grant first. */
  @Transactional(readOnly = true)
  public List<Qualification> onInstrument(long instrumentId) {
    return jdbc.sql(SELECT + " WHERE q.instrument_id = ? ORDER BY q.granted_on DESC, q.id DESC")
        .param(instrumentId)
        .query(this::qualification)
        .list();
  }

  @Transactional(readOnly = true)
  public Optional<Qualification> of(long accountId, long instrumentId) {
    return jdbc.sql(SELECT + " WHERE q.account_id = ? AND q.instrument_id = ?")
        .params(accountId, instrumentId)
        .query(this::qualification)
        .optional();
  }

  /** Grants (or grants again, after a revocation or lapse) the applicant's qualification, from today; audited. */
  @Transactional
  public void grant(long instrumentId, long accountId, String by) {
    Optional<Qualification> before = of(accountId, instrumentId);
    jdbc.sql("""
            INSERT INTO self_use_qualifications (instrument_id, account_id, granted_by, granted_on) VALUES (?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE granted_by = VALUES(granted_by), granted_on = VALUES(granted_on),
              last_used_on = NULL, revoked_by = NULL, revoked_on = NULL""")
        .params(instrumentId, accountId, by, Date.valueOf(today()))
        .update();
    changes.record(by, "self-use-granted", unitOf(instrumentId), instrumentId, before.orElse(null), of(accountId, instrumentId).orElseThrow());
  }

  /**
   * Revokes the qualification (kept with who revoked it and when), audited; false if the instrument has no
   * such qualification in force.
   */
  @Transactional
  public boolean revoke(long instrumentId, long qualificationId, String by) {
    Optional<Qualification> before = jdbc.sql(SELECT + " WHERE q.id = ? AND q.instrument_id = ?")
        .params(qualificationId, instrumentId)
        .query(this::qualification)
        .optional();
    boolean revoked = jdbc.sql("UPDATE self_use_qualifications SET revoked_by = ?, revoked_on = ? WHERE id = ? AND instrument_id = ? AND revoked_on IS NULL")
        .params(by, Date.valueOf(today()), qualificationId, instrumentId)
        .update() == 1;
    if (revoked) {
      changes.record(by, "self-use-revoked", unitOf(instrumentId), instrumentId, before.orElseThrow(), null);
    }
    return revoked;
  }

  private String unitOf(long instrumentId) {
    return catalogue.instrument(instrumentId).map(Instrument::unitCode).orElseThrow(() -> new NotFoundException("instrument " + instrumentId));
  }

  /** The qualification, its row locked until the caller's transaction ends (one self-use booking at a time per applicant and instrument). */
  Optional<Qualification> lockedOf(long accountId, long instrumentId) {
    return jdbc.sql(SELECT + " WHERE q.account_id = ? AND q.instrument_id = ? FOR UPDATE")
        .params(accountId, instrumentId)
        .query(this::qualification)
        .optional();
  }

  void markUsed(long qualificationId, LocalDate on) {
    jdbc.sql("UPDATE self_use_qualifications SET last_used_on = ? WHERE id = ? AND (last_used_on IS NULL OR last_used_on < ?)")
        .params(Date.valueOf(on), qualificationId, Date.valueOf(on))
        .update();
  }

  LocalDate today() {
    return clock.instant().atZone(zone).toLocalDate();
  }

  private Qualification qualification(ResultSet row, int n) throws SQLException {
    LocalDate grantedOn = row.getDate("granted_on").toLocalDate();
    LocalDate lastUsedOn = date(row, "last_used_on");
    LocalDate revokedOn = date(row, "revoked_on");
    LocalDate lapsesOn = (lastUsedOn == null ? grantedOn : lastUsedOn).plusDays(expiresAfterDays());
    Standing standing = revokedOn != null ? Standing.REVOKED : today().isBefore(lapsesOn) ? Standing.VALID : Standing.EXPIRED;
    return new Qualification(
        row.getLong("id"), row.getLong("instrument_id"), row.getLong("account_id"), row.getString("email"), row.getString("granted_by"),
        grantedOn, lastUsedOn, row.getString("revoked_by"), revokedOn, lapsesOn, standing);
  }

  private static LocalDate date(ResultSet row, String column) throws SQLException {
    Date value = row.getDate(column);
    return value == null ? null : value.toLocalDate();
  }
}
