package org.madoguchi.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** Everything stored about one case, to show that a refused request changed nothing of it. */
public final class CaseSnapshot {

  /**
   * The outboxes' delivery bookkeeping: the relay updates it in the background while a test runs, so it
   * is not something a request could have changed.
   */
  private static final Set<String> DELIVERY_COLUMNS =
      Set.of("claimed_by", "next_attempt_at", "attempts", "last_error", "sent_at", "dead_at");

  private CaseSnapshot() {}

  /** The case row and every row of every table with a case_id column that belongs to the case. */
  public static Map<String, Object> of(JdbcTemplate jdbc, long caseId) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("cases", jdbc.queryForList("select * from cases where id = ?", caseId));
    List<String> tables =
        jdbc.queryForList(
            "select table_name from information_schema.columns where table_schema = database() and column_name = 'case_id' order by table_name",
            String.class);
    for (String table : tables) {
      List<Map<String, Object>> rows = jdbc.queryForList("select * from `" + table + "` where case_id = ? order by 1", caseId);
      rows.forEach(row -> row.keySet().removeAll(DELIVERY_COLUMNS));
      state.put(table, rows);
    }
    return state;
  }
}
