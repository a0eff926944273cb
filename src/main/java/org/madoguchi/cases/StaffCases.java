package org.madoguchi.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.madoguchi.cases.CaseViews.CaseDetail;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff console's read side of cases: the case list (search, filters, sort, pages) and a whole
 * case, both limited to a {@link Scope}, the cases a staff member may see. A case outside the scope is
 * not found, exactly like a case that does not exist.
 */
@NamedInterface("api")
@Service
public class StaffCases {

  /**
   * The cases one staff member may see: every case, or the non-confidential cases with one of the
   * involvements (a unit's, fees, datasets) plus the cases whose team they are on (confidential or not).
   */
  @NamedInterface("api")
  public record Scope(boolean all, Set<String> involvements, Set<Long> teamCases) {

    public static Scope allCases() {
      return new Scope(true, Set.of(), Set.of());
    }

    public static Scope of(Set<String> unitCodes, boolean fees, boolean datasets, Set<Long> teamCases) {
      Stream<String> units = unitCodes.stream().map(CaseInvolvements::unit);
      Stream<String> work =
          Stream.concat(fees ? Stream.of(CaseInvolvements.FEES) : Stream.empty(), datasets ? Stream.of(CaseInvolvements.DATASETS) : Stream.empty());
      return new Scope(false, Stream.concat(units, work).collect(Collectors.toUnmodifiableSet()), Set.copyOf(teamCases));
    }
  }

  @NamedInterface("api")
  public enum Sort {
    /** Newest submission first. */
    SUBMITTED("c.submitted_at desc, c.id desc"),
    /** Most recently changed first. */
    UPDATED("c.updated_at desc, c.id desc"),
    /** Fast-track first, then oldest submission first (the queue order). */
    PRIORITY("c.fast_track desc, c.submitted_at asc, c.id asc"),
    /** The earliest due open task first; cases without an open task last. */
    DUE("c.task_due_order asc, c.id asc");

    private final String orderBy;

    Sort(String orderBy) {
      this.orderBy = orderBy;
    }
  }

  /**
   * A list request; null (or blank) filters are off. {@code overdueOnly}: an open task was due before
   * {@code now}; {@code onlyCases} narrows to those ids ("my cases"); {@code page} counts from 1.
   */
  @NamedInterface("api")
  public record Query(
      String text,
      CaseStatus status,
      String unitCode,
      Boolean fastTrack,
      boolean overdueOnly,
      boolean flaggedOnly,
      Instant now,
      String confidentiality,
      String applicantCategory,
      Set<Long> onlyCases,
      Sort sort,
      int page,
      int size) {}

  @NamedInterface("api")
  public record Row(
      long caseId,
      String caseNumber,
      String title,
      String applicantName,
      String affiliation,
      String applicantCategory,
      String confidentiality,
      boolean fastTrack,
      CaseStatus status,
      Instant submittedAt,
      Instant updatedAt,
      Instant nextTaskDueAt,
      boolean flagged) {}

  /**
   * {@code total}: how many match, counted up to {@link #COUNT_CAP}; {@code capped}: more than that match
   * (the page links then reach the cap, and pages past it are still served).
   */
  @NamedInterface("api")
  public record ResultPage(List<Row> rows, long total, boolean capped, int page, int size) {

    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  /** A whole case for staff: the request as submitted, who filed it, its engine instance and full trail. */
  @NamedInterface("api")
  public record StaffCaseFile(
      long caseId, CaseDetail request, String email, String language, Long processInstanceKey, Instant updatedAt) {}

  /** Counting every match of a broad list costs more than the list itself; past this it shows "1,000+". */
  public static final int COUNT_CAP = 1_000;

  /** The shape of a case number (PREFIX-YEAR-00001); the search box looks such text up by its key first. */
  private static final Pattern CASE_NUMBER = Pattern.compile("\\p{Alpha}+(-\\d+)+");

  private static final String COLUMNS =
      "c.id, c.case_number, c.title, c.applicant_name, c.affiliation, c.applicant_category, c.confidentiality,"
          + " c.fast_track, c.status, c.submitted_at, c.updated_at, c.next_task_due_at,"
          + " exists (select 1 from case_flags f where f.case_id = c.id and f.resolved_at is null) as flagged";

  private final NamedParameterJdbcTemplate jdbc;
  private final SupportCaseRepository cases;
  private final CaseFile caseFile;
  private final CaseTimeline timeline;

  StaffCases(NamedParameterJdbcTemplate jdbc, SupportCaseRepository cases, CaseFile caseFile, CaseTimeline timeline) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.caseFile = caseFile;
    this.timeline = timeline;
  }

  /** One page of the cases in scope that match the query, in its order, and how many match in all. */
  @Transactional(readOnly = true)
  public ResultPage search(Query query, Scope scope) {
    Optional<ResultPage> byNumber = byCaseNumber(query, scope);
    if (byNumber.isPresent()) {
      return byNumber.get();
    }
    MapSqlParameterSource parameters = new MapSqlParameterSource();
    String from = from(scope, parameters);
    String where = where(query, scope, parameters);
    parameters.addValue("countLimit", COUNT_CAP + 1);
    long counted =
        jdbc.queryForObject(
            "select count(*) from (select 1 from " + from + " where " + where + " limit :countLimit) matches", parameters, Long.class);
    boolean capped = counted > COUNT_CAP;
    long total = Math.min(counted, COUNT_CAP);
    long offset = (long) (query.page() - 1) * query.size();
    if (!capped && offset >= total) {
      // Nothing on this page: without matches the page query would walk the whole sort index to find none.
      return new ResultPage(List.of(), total, false, query.page(), query.size());
    }
    parameters.addValue("limit", query.size()).addValue("offset", offset);
    // The page's ids first (from the sort's index alone), then only those 25 rows: a deep page stays cheap.
    String sql =
        "select " + COLUMNS + " from cases c join (select c.id from " + from + " where " + where + " order by "
            + query.sort().orderBy + " limit :limit offset :offset) page on page.id = c.id order by " + query.sort().orderBy;
    return new ResultPage(jdbc.query(sql, parameters, StaffCases::row), total, capped, query.page(), query.size());
  }

  /**
   * A search for one whole case number: that case alone, found by its unique key (when it exists, is in
   * scope and passes the other filters), instead of scanning every case's search text. Empty otherwise.
   */
  private Optional<ResultPage> byCaseNumber(Query query, Scope scope) {
    if (query.text() == null || !CASE_NUMBER.matcher(query.text().strip()).matches()) {
      return Optional.empty();
    }
    MapSqlParameterSource parameters = new MapSqlParameterSource("number", query.text().strip());
    String sql =
        "select " + COLUMNS + " from " + from(scope, parameters) + " where c.case_number = :number and "
            + filters(query, scope, parameters);
    List<Row> found = jdbc.query(sql, parameters, StaffCases::row);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ResultPage(query.page() == 1 ? found : List.of(), found.size(), false, query.page(), query.size()));
  }

  /**
   * Keeps the list's due date: when the case's earliest open staff task is due (null: none open). The
   * task index tells; the case itself does not change (no audit line, no new {@code updated_at}).
   */
  @Transactional
  public void markNextTaskDue(long caseId, Instant dueAt) {
    jdbc.update(
        "update cases set next_task_due_at = :due where id = :id",
        new MapSqlParameterSource("id", caseId).addValue("due", dueAt == null ? null : Timestamp.from(dueAt)));
  }

  /** Whether the case is in the scope (false for a case that does not exist). */
  @Transactional(readOnly = true)
  public boolean isVisible(long caseId, Scope scope) {
    MapSqlParameterSource parameters = new MapSqlParameterSource("id", caseId);
    String sql = "select c.id from " + from(scope, parameters) + " where c.id = :id and " + scopeCondition(scope);
    return !jdbc.queryForList(sql, parameters, Long.class).isEmpty();
  }

  /** The case's id; empty when it does not exist or is out of scope. */
  @Transactional(readOnly = true)
  public Optional<Long> idOf(String caseNumber, Scope scope) {
    return cases.findByCaseNumber(caseNumber).map(SupportCase::id).filter(id -> isVisible(id, scope));
  }

  /** The whole case with its trail in {@code locale}; empty when it does not exist or is out of scope. */
  @Transactional(readOnly = true)
  public Optional<StaffCaseFile> find(String caseNumber, Scope scope, Locale locale) {
    return cases
        .findByCaseNumber(caseNumber)
        .filter(c -> isVisible(c.id(), scope))
        .map(
            c ->
                new StaffCaseFile(
                    c.id(),
                    new CaseDetail(
                        c.caseNumber(), c.title(), c.status(), c.applicantName(), c.affiliation(), c.applicantCategory(),
                        c.summary(), c.aims(), c.targets(), c.requestedServices(), c.desiredStart(), c.desiredEnd(),
                        c.confidentiality(), c.fastTrackReason(), c.submittedAt(),
                        timeline.render(caseFile.history(c.id()), locale)),
                    c.email(), c.language(), c.processInstanceKey(), c.updatedAt()));
  }

  private static String where(Query query, Scope scope, MapSqlParameterSource parameters) {
    String filters = filters(query, scope, parameters);
    if (query.text() == null || query.text().isBlank()) {
      return filters;
    }
    // search_text: number, title, applicant and affiliation, lower-cased, compared byte by byte (fast).
    parameters.addValue("text", "%" + escapeLike(query.text().strip().toLowerCase(Locale.ROOT)) + "%");
    return filters + " and c.search_text like :text";
  }

  /** The scope and every filter but the search text. */
  private static String filters(Query query, Scope scope, MapSqlParameterSource parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add(scopeCondition(scope));
    if (query.status() != null) {
      parameters.addValue("status", query.status().name());
      conditions.add("c.status = :status");
    }
    if (query.unitCode() != null && !query.unitCode().isBlank()) {
      parameters.addValue("unit", CaseInvolvements.unit(query.unitCode()));
      conditions.add("c.id in (select u.case_id from case_involvements u where u.involvement = :unit)");
    }
    if (query.fastTrack() != null) {
      parameters.addValue("fastTrack", query.fastTrack());
      conditions.add("c.fast_track = :fastTrack");
    }
    if (query.overdueOnly()) {
      parameters.addValue("now", Timestamp.from(query.now()));
      conditions.add("c.next_task_due_at < :now");
    }
    if (query.flaggedOnly()) {
      conditions.add("c.id in (select f.case_id from case_flags f where f.resolved_at is null)");
    }
    if (query.confidentiality() != null && !query.confidentiality().isBlank()) {
      parameters.addValue("confidentiality", query.confidentiality());
      conditions.add("c.confidentiality = :confidentiality");
    }
    if (query.applicantCategory() != null && !query.applicantCategory().isBlank()) {
      parameters.addValue("category", query.applicantCategory());
      conditions.add("c.applicant_category = :category");
    }
    if (query.onlyCases() != null) {
      conditions.add(idsCondition("only", query.onlyCases(), parameters));
    }
    return String.join(" and ", conditions);
  }

  /**
   * The cases table, joined for a limited scope to the ids it may see: the non-confidential cases with
   * one of its involvements and the cases whose team the viewer is on. Driving from the involvements'
   * (involvement, confidential, case_id) index is what keeps a unit's list fast: the confidentiality
   * rule is answered there, without looking up each case.
   */
  private static String from(Scope scope, MapSqlParameterSource parameters) {
    if (scope.all()) {
      return "cases c";
    }
    List<String> sources = new ArrayList<>();
    if (!scope.involvements().isEmpty()) {
      parameters.addValue("involvements", scope.involvements());
      // A case has each involvement once; only several of them can repeat it.
      String distinct = scope.involvements().size() > 1 ? "distinct " : "";
      sources.add(
          "select " + distinct + "i.case_id from case_involvements i where i.involvement in (:involvements) and i.confidential = 0");
    }
    if (!scope.teamCases().isEmpty()) {
      parameters.addValue("team", scope.teamCases());
      sources.add("select t.id from cases t where t.id in (:team)");
    }
    if (sources.isEmpty()) {
      return "cases c";
    }
    return "cases c join (" + String.join(" union ", sources) + ") s on s.case_id = c.id";
  }

  /** With {@link #from}, which already holds the scope's rule: nothing at all for an empty scope. */
  private static String scopeCondition(Scope scope) {
    if (scope.all() || !scope.involvements().isEmpty() || !scope.teamCases().isEmpty()) {
      return "1 = 1";
    }
    return "1 = 0";
  }

  private static String idsCondition(String name, Set<Long> ids, MapSqlParameterSource parameters) {
    if (ids.isEmpty()) {
      return "1 = 0";
    }
    parameters.addValue(name, ids);
    return "c.id in (:" + name + ")";
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Row row(ResultSet rs, int rowNum) throws SQLException {
    return new Row(
        rs.getLong("id"), rs.getString("case_number"), rs.getString("title"), rs.getString("applicant_name"),
        rs.getString("affiliation"), rs.getString("applicant_category"), rs.getString("confidentiality"),
        rs.getBoolean("fast_track"), CaseStatus.valueOf(rs.getString("status")),
        rs.getTimestamp("submitted_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
        rs.getTimestamp("next_task_due_at") == null ? null : rs.getTimestamp("next_task_due_at").toInstant(),
        rs.getBoolean("flagged"));
  }
}
