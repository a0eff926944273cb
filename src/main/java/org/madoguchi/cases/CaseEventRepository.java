package org.madoguchi.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseEventRepository extends JpaRepository<CaseEvent, Long> {

  List<CaseEvent> findByCaseIdOrderByOccurredAtAscIdAsc(long caseId);

  boolean existsByDedupeKey(String dedupeKey);
}
