package org.madoguchi.workflow;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface WorkflowCommandRepository extends JpaRepository<WorkflowCommand, Long> {

  /** Claims due commands; SKIP LOCKED lets several application instances share the outbox. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
  @Query("select c from WorkflowCommand c where c.delivery.sentAt is null and c.delivery.nextAttemptAt <= :now order by c.id")
  List<WorkflowCommand> claimDue(Instant now, Limit limit);

}
