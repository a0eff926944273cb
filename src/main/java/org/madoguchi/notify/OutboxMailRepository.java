package org.madoguchi.notify;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface OutboxMailRepository extends JpaRepository<OutboxMail, Long> {

  boolean existsByDedupeKey(String dedupeKey);

  List<OutboxMail> findByCaseIdAndRecipientOrderByCreatedAtAscIdAsc(long caseId, String recipient);

  /** Claims due mail; SKIP LOCKED lets several application instances share the outbox safely. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
  @Query("select m from OutboxMail m where m.delivery.sentAt is null and m.delivery.nextAttemptAt <= :now order by m.id")
  List<OutboxMail> claimDue(Instant now, Limit limit);
}
