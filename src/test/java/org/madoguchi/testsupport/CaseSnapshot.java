package org.madoguchi.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Everything stored about one case, to show that a refused request changed nothing of it. */
public final class CaseSnapshot {

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
      state.put(table, jdbc.queryForList("select * from `" + table + "` where case_id = ? order by 1", caseId));
    }
    return state;
  }
}
