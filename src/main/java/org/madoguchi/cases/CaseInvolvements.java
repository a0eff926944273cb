package org.madoguchi.cases;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.madoguchi.cases.audit.CaseEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which units and kinds of work a case involves ({@code case_involvements}), read off the events of its
 * audit trail as they are recorded: a unit planned in an accepted consultation or deciding on its
 * assignment, a fee statement, datasets. The staff console scopes its list and pages by them.
 */
@Component
class CaseInvolvements {

  static final String FEES = "fees";
  static final String DATASETS = "datasets";

  private final JdbcTemplate jdbc;

  CaseInvolvements(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static String unit(String unitCode) {
    return "unit:" + unitCode;
  }

  /** What the event adds to the case's involvements (nothing for most events). */
  static Set<String> of(CaseEvent event) {
    return switch (event) {
      case CaseEvent.ConsultationAccepted accepted ->
          accepted.units().stream().map(CaseInvolvements::unit).collect(Collectors.toSet());
      case CaseEvent.UnitAccepted accepted -> Set.of(unit(accepted.unit()));
      case CaseEvent.UnitReturned returned -> Set.of(unit(returned.unit()));
      case CaseEvent.FeesAssessed ignored -> Set.of(FEES);
      case CaseEvent.FeeNoCharge ignored -> Set.of(FEES);
      case CaseEvent.DatasetsRegistered registered -> Set.of(DATASETS, unit(registered.unit()));
      default -> Set.of();
    };
  }

  /** Adds the event's involvements; ones the case already has stay as they are. */
  void add(long caseId, CaseEvent event) {
    Set<String> involvements = of(event);
    if (involvements.isEmpty()) {
      return;
    }
    // The case's confidentiality, copied so a scoped list answers its rule from the involvements' index
    // (it is fixed when the case is submitted).
    boolean confidential =
        "confidential".equals(jdbc.queryForObject("select confidentiality from cases where id = ?", String.class, caseId));
    List<Object[]> rows = involvements.stream().map(involvement -> new Object[] {caseId, involvement, confidential}).toList();
    jdbc.batchUpdate("insert ignore into case_involvements (case_id, involvement, confidential) values (?, ?, ?)", rows);
  }

  Set<String> of(long caseId) {
    return Set.copyOf(jdbc.queryForList("select involvement from case_involvements where case_id = ?", String.class, caseId));
  }
}
