package org.madoguchi.deposit;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DatasetRepository extends JpaRepository<Dataset, Long> {

  List<Dataset> findByCaseIdOrderByIdAsc(long caseId);

  long countByCaseId(long caseId);

  List<Dataset> findByUsageRecordId(long usageRecordId);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select d from Dataset d where d.id = :id")
  Optional<Dataset> findForUpdate(long id);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select d from Dataset d where d.caseId = :caseId order by d.id")
  List<Dataset> findByCaseIdForUpdate(long caseId);
}
