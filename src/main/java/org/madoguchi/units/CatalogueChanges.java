package org.madoguchi.units;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit of the catalogue ({@code catalogue_changes}): who changed what and when, with the values
 * before and after as JSON. Written in the changing transaction, so a refused change leaves no line.
 */
@NamedInterface("api")
@Service
public class CatalogueChanges {

  /**
   * One change. {@code action} is a code such as {@code instrument-edited}; {@code before} is null for
   * what was added, {@code after} for what was removed.
   */
  @NamedInterface("api")
  public record Change(
      long id, Instant changedAt, String changedBy, String action, String unitCode, Long instrumentId, String before, String after) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  CatalogueChanges(JdbcClient jdbc, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** Times are written as UTC wall-clock, as Hibernate writes the other tables' ({@code jdbc.time_zone}). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(String changedBy, String action, String unitCode, Long instrumentId, Object before, Object after) {
    jdbc.sql("insert into catalogue_changes (changed_at, changed_by, action, unit_code, instrument_id, before_value, after_value)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), changedBy, action, unitCode, instrumentId, toJson(before), toJson(after))
        .update();
  }

  /** The latest changes of a unit and its instruments, newest first. */
  @Transactional(readOnly = true)
  public List<Change> ofUnit(String unitCode, int limit) {
    return query("where unit_code = ?", unitCode, limit);
  }

  /** The latest changes of one instrument, newest first. */
  @Transactional(readOnly = true)
  public List<Change> ofInstrument(long instrumentId, int limit) {
    return query("where instrument_id = ?", instrumentId, limit);
  }

  /** The latest changes of the whole facility (closures and new units), newest first. */
  @Transactional(readOnly = true)
  public List<Change> ofFacility(int limit) {
    return query("where instrument_id is null and (unit_code is null or action = ?)", "unit-added", limit);
  }

  private List<Change> query(String where, Object key, int limit) {
    return jdbc.sql("select id, changed_at, changed_by, action, unit_code, instrument_id, before_value, after_value"
            + " from catalogue_changes " + where + " order by id desc limit ?")
        .params(key, limit)
        .query((row, n) -> new Change(
            row.getLong("id"), row.getObject("changed_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), row.getString("changed_by"), row.getString("action"),
            row.getString("unit_code"), (Long) row.getObject("instrument_id", Long.class), row.getString("before_value"),
            row.getString("after_value")))
        .list();
  }

  private String toJson(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a catalogue value that is no JSON: " + value, e);
    }
  }
}
