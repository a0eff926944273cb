package org.madoguchi.accounts;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PasswordResetRepository extends OneTimeLinkRepository<PasswordReset> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from PasswordReset r where r.tokenHash = :tokenHash")
  Optional<PasswordReset> findByTokenHashForUpdate(String tokenHash);

  /** When the password last changed through a reset link; null if never. */
  @Query("select max(r.usedAt) from PasswordReset r where r.accountId = :accountId")
  Instant lastChangeOf(long accountId);
}
