package org.madoguchi.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.NoRepositoryBean;

/** What both kinds of one-time links are looked up by. */
@NoRepositoryBean
interface OneTimeLinkRepository<T extends OneTimeLink> extends JpaRepository<T, Long> {

  Optional<T> findByTokenHash(String tokenHash);

  long countByAccountIdAndCreatedAtAfter(long accountId, Instant since);

  /** The account's links not used yet (to void them). */
  List<T> findByAccountIdAndUsedAtIsNull(long accountId);

  /** The link a token from a request belongs to; empty for a malformed token (not even looked up). */
  default Optional<T> findByToken(String token) {
    return OneTimeTokens.isWellFormed(token) ? findByTokenHash(OneTimeTokens.hash(token)) : Optional.empty();
  }
}
