package org.madoguchi.cases;

import java.time.Clock;
import java.time.Year;
import org.madoguchi.MadoguchiProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Issues case numbers PREFIX-YEAR-00001, gap-free per year and safe under concurrent submissions. */
@Component
class CaseNumbers {

  private final JdbcTemplate jdbc;
  private final MadoguchiProperties properties;
  private final Clock clock;

  CaseNumbers(JdbcTemplate jdbc, MadoguchiProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  String next() {
    int year = Year.now(clock.withZone(properties.timeZone())).getValue();
    String prefixYear = properties.caseNumberPrefix() + "-" + year;
    // The row lock taken by the upsert serialises concurrent submissions until the case commits.
    jdbc.update(
        "INSERT INTO case_number_sequences (prefix_year, last_value) VALUES (?, LAST_INSERT_ID(1)) "
            + "ON DUPLICATE KEY UPDATE last_value = LAST_INSERT_ID(last_value + 1)",
        prefixYear);
    Integer value = jdbc.queryForObject("SELECT LAST_INSERT_ID()", Integer.class);
    return "%s-%05d".formatted(prefixYear, value);
  }
}
