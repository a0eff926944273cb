package org.madoguchi.cases;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SupportCaseRepository extends JpaRepository<SupportCase, Long> {

  Optional<SupportCase> findByCaseNumber(String caseNumber);

  List<SupportCase> findByAccountIdOrderBySubmittedAtDesc(long accountId);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from SupportCase c where c.id = :id")
  Optional<SupportCase> findForUpdate(long id);
}
