package org.madoguchi.consultation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConsultationDecisionRepository extends JpaRepository<ConsultationDecision, Long> {

  boolean existsByElementInstanceKey(long elementInstanceKey);

  List<ConsultationDecision> findByCaseIdOrderByDecidedAtAscIdAsc(long caseId);
}
