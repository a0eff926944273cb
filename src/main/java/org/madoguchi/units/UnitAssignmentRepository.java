package org.madoguchi.units;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UnitAssignmentRepository extends JpaRepository<UnitAssignment, Long> {

  Optional<UnitAssignment> findByProcessInstanceKey(long processInstanceKey);

  List<UnitAssignment> findByCaseIdOrderByIdAsc(long caseId);

  Optional<UnitAssignment> findFirstByCaseIdAndUnitCodeOrderByRoundNoDesc(long caseId, String unitCode);

  @Query("select coalesce(max(a.roundNo), 0) from UnitAssignment a where a.caseId = :caseId and a.unitCode = :unitCode")
  int lastRound(long caseId, String unitCode);
}
