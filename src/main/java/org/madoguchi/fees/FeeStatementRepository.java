package org.madoguchi.fees;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface FeeStatementRepository extends JpaRepository<FeeStatement, Long> {

  Optional<FeeStatement> findByCaseId(long caseId);

  List<FeeStatement> findByStatusAndRespondedAtBeforeOrderByRespondedAt(StatementStatus status, Instant respondedBefore);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select s from FeeStatement s where s.caseId = :caseId")
  Optional<FeeStatement> findByCaseIdForUpdate(long caseId);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select s from FeeStatement s where s.id = :id")
  Optional<FeeStatement> findForUpdate(long id);
}
