package org.madoguchi.outcomes;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutcomeReportRepository extends JpaRepository<OutcomeReport, Long> {

  List<OutcomeReport> findByCaseIdOrderByIdAsc(long caseId);
}
