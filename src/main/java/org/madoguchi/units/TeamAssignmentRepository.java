package org.madoguchi.units;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface TeamAssignmentRepository extends JpaRepository<TeamAssignment, Long> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select t from TeamAssignment t where t.caseId = :caseId and t.role = :role and t.unitCode = :unitCode and t.endedAt is null")
  Optional<TeamAssignment> findCurrentForUpdate(long caseId, TeamRole role, String unitCode);

  List<TeamAssignment> findByCaseIdOrderByAssignedAtAscIdAsc(long caseId);

  boolean existsByCaseIdAndEmailAndEndedAtIsNull(long caseId, String email);

  @Query("select distinct t.caseId from TeamAssignment t where t.email = :email and t.endedAt is null")
  List<Long> findCurrentCaseIdsOf(String email);
}
