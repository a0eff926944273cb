package org.madoguchi.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

  List<AuditEntry> findByCaseIdOrderByOccurredAtAscIdAsc(long caseId);

  boolean existsByDedupeKey(String dedupeKey);
}
