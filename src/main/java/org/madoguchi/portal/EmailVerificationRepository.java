package org.madoguchi.portal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EmailVerificationRepository extends JpaRepository<EmailVerification, Long> {

  Optional<EmailVerification> findByTokenHash(String tokenHash);

  long countByAccountId(long accountId);

  long countByAccountIdAndCreatedAtAfter(long accountId, java.time.Instant since);
}
