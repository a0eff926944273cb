package org.madoguchi.notify;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboxMailRepository extends JpaRepository<OutboxMail, Long> {

  boolean existsByDedupeKey(String dedupeKey);

  List<OutboxMail> findByCaseIdAndRecipientOrderByCreatedAtAscIdAsc(long caseId, String recipient);

  List<OutboxMail> findByCaseIdOrderByCreatedAtAscIdAsc(long caseId);
}
