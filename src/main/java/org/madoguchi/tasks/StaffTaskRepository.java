package org.madoguchi.tasks;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface StaffTaskRepository extends JpaRepository<StaffTaskRecord, Long> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select t from StaffTaskRecord t where t.elementInstanceKey = :key")
  Optional<StaffTaskRecord> findForUpdate(long key);

  boolean existsByElementInstanceKey(long elementInstanceKey);

  List<StaffTaskRecord> findByCaseIdAndClosedAtIsNullOrderByDueAtAscIdAsc(long caseId);

  List<StaffTaskRecord> findByCaseIdOrderByOpenedAtAscIdAsc(long caseId);

  List<StaffTaskRecord> findByCaseIdInAndClosedAtIsNullOrderByDueAtAscIdAsc(Collection<Long> caseIds);

  List<StaffTaskRecord> findByCandidateGroupInAndClosedAtIsNullOrderByDueAtAscIdAsc(Collection<String> groups);

  List<StaffTaskRecord> findByClosedAtIsNullAndDueAtBeforeOrderByDueAtAscIdAsc(Instant now);
}
