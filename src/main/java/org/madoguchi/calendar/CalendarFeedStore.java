package org.madoguchi.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The calendar_feeds table. Plain JDBC for its upsert: issuing a feed replaces the owner's secret in one
 * statement, so two rotations at once leave one secret, never two rows or a key violation. Times are
 * written and read as UTC wall-clock values, as Hibernate does.
 */
@Repository
class CalendarFeedStore {

  private static final String COLUMNS = "kind, account_id, instrument_id, language, issued_at, issued_by";

  private final JdbcTemplate jdbc;

  CalendarFeedStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Makes {@code tokenHash} the owner's only secret, creating the feed if it had none. */
  void issue(FeedOwner owner, String tokenHash, String language, Instant at, String by) {
    jdbc.update(
        "INSERT INTO calendar_feeds (kind, account_id, instrument_id, token_hash, language, issued_at, issued_by)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE token_hash = VALUES(token_hash),"
            + " language = VALUES(language), issued_at = VALUES(issued_at), issued_by = VALUES(issued_by)",
        owner.kind().name(), accountId(owner), instrumentId(owner), tokenHash, language, LocalDateTime.ofInstant(at, ZoneOffset.UTC), by);
  }

  Optional<IssuedFeed> byTokenHash(String tokenHash) {
    return first(jdbc.query("SELECT " + COLUMNS + " FROM calendar_feeds WHERE token_hash = ?", CalendarFeedStore::feed, tokenHash));
  }

  Optional<IssuedFeed> of(FeedOwner owner) {
    return owner.kind() == FeedKind.INSTRUMENT
        ? first(jdbc.query("SELECT " + COLUMNS + " FROM calendar_feeds WHERE instrument_id = ?", CalendarFeedStore::feed, owner.id()))
        : first(jdbc.query(
            "SELECT " + COLUMNS + " FROM calendar_feeds WHERE kind = ? AND account_id = ?", CalendarFeedStore::feed,
            owner.kind().name(), owner.id()));
  }

  private static Optional<IssuedFeed> first(List<IssuedFeed> rows) {
    return rows.stream().findFirst();
  }

  private static IssuedFeed feed(ResultSet row, int n) throws SQLException {
    FeedKind kind = FeedKind.valueOf(row.getString("kind"));
    long id = kind == FeedKind.INSTRUMENT ? row.getLong("instrument_id") : row.getLong("account_id");
    return new IssuedFeed(
        new FeedOwner(kind, id), row.getString("language"),
        row.getObject("issued_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), row.getString("issued_by"));
  }

  private static Long accountId(FeedOwner owner) {
    return owner.kind() == FeedKind.INSTRUMENT ? null : owner.id();
  }

  private static Long instrumentId(FeedOwner owner) {
    return owner.kind() == FeedKind.INSTRUMENT ? owner.id() : null;
  }
}
