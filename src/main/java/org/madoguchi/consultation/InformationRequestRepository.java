package org.madoguchi.consultation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InformationRequestRepository extends JpaRepository<InformationRequest, Long> {

  Optional<InformationRequest> findByElementInstanceKey(long elementInstanceKey);

  Optional<InformationRequest> findFirstByCaseIdAndReplyIsNullOrderByRequestedAtDesc(long caseId);

  List<InformationRequest> findByCaseIdOrderByRequestedAtAsc(long caseId);
}
