package org.madoguchi.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens, the API's credential: created by the owner in the portal, shown once, kept only
 * as the SHA-256 of a 256-bit secret (a hash is enough for a secret that cannot be guessed, and costs
 * microseconds where a password's BCrypt costs tens of milliseconds per request), revocable, and
 * expiring. A token acts as its owner, so every ownership check of the API applies unchanged.
 */
@Service
public class ApiTokens {

  /** What every secret starts with: recognisable in logs and by secret scanners. */
  public static final String PREFIX = "mdg_";
  /** The lifetimes the portal offers, in days. */
  public static final List<Integer> LIFETIMES_DAYS = List.of(7, 30, 90, 365);

  /** A token as its owner's list shows it (never the secret). */
  public record Listed(
      long id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {}

  /** A new token: the secret is in this answer and nowhere else. */
  public record Created(long id, String secret) {}

  private final ApiTokenRepository tokens;
  private final Clock clock;

  ApiTokens(ApiTokenRepository tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  @Transactional
  public Created create(long accountId, String name, Duration lifetime) {
    String secret = PREFIX + OneTimeTokens.newToken();
    Instant now = clock.instant();
    ApiToken token =
        tokens.save(
            new ApiToken(accountId, name.strip(), secret.substring(0, 12), OneTimeTokens.hash(secret), now, now.plus(lifetime)));
    return new Created(token.id(), secret);
  }

  @Transactional(readOnly = true)
  public List<Listed> of(long accountId) {
    return tokens.findByAccountIdOrderByCreatedAtDesc(accountId).stream().map(ApiToken::listed).toList();
  }

  /** Revokes the owner's token at once; another account's token id changes nothing. */
  @Transactional
  public boolean revoke(long accountId, long tokenId) {
    Optional<ApiToken> token = tokens.findByIdAndAccountId(tokenId, accountId);
    token.ifPresent(t -> t.revoke(clock.instant()));
    return token.isPresent();
  }

  /** The owner of a valid (unrevoked, unexpired) token, noting its use; empty for anything else. */
  @Transactional
  Optional<Long> ownerOf(String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<ApiToken> token = tokens.findBySecretHash(OneTimeTokens.hash(secret)).filter(t -> t.isValid(now));
    token.ifPresent(t -> t.usedAt(now));
    return token.map(ApiToken::accountId);
  }
}
