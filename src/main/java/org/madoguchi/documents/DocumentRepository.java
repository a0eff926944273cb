package org.madoguchi.documents;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DocumentRepository extends JpaRepository<Document, Long> {

  List<Document> findByCaseIdOrderByAttachedAtAscIdAsc(long caseId);

  long countByCaseId(long caseId);
}
