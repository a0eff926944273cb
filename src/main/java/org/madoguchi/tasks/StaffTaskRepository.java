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

  boolean existsByCaseIdAndOpenedAtGreaterThanEqual(long caseId, Instant since);

  List<StaffTaskRecord> findByCaseIdAndClosedAtIsNullOrderByDueAtAscIdAsc(long caseId);

  List<StaffTaskRecord> findByCaseIdOrderByOpenedAtAscIdAsc(long caseId);

  List<StaffTaskRecord> findByCaseIdInAndClosedAtIsNullOrderByDueAtAscIdAsc(Collection<Long> caseIds);

  List<StaffTaskRecord> findByCandidateGroupInAndClosedAtIsNullOrderByDueAtAscIdAsc(Collection<String> groups);

  List<StaffTaskRecord> findByClosedAtIsNullAndDueAtBeforeOrderByDueAtAscIdAsc(Instant now);

  @Query("select distinct t.candidateGroup from StaffTaskRecord t where t.closedAt is null")
  List<String> groupsWithOpenTasks();

  /** Overdue open tasks whose group has not been reminded yet. */
  @Query(value = """
      select t.element_instance_key from staff_tasks t
       where t.closed_at is null and t.due_at < :now
         and not exists (select 1 from staff_task_reminders r where r.element_instance_key = t.element_instance_key)
       order by t.due_at
      """, nativeQuery = true)
  List<Long> overdueNotReminded(Instant now);

  Optional<StaffTaskRecord> findByElementInstanceKey(long elementInstanceKey);
}
