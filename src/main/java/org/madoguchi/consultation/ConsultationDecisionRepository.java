package org.madoguchi.consultation;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConsultationDecisionRepository extends JpaRepository<ConsultationDecision, Long> {

  boolean existsByElementInstanceKey(long elementInstanceKey);
}
