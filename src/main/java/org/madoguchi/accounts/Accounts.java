package org.madoguchi.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts with properly hashed passwords. */
@NamedInterface("api")
@Service
public class Accounts {

  private final AccountRepository repository;
  private final PasswordEncoder passwordEncoder;
  private final Clock clock;

  Accounts(AccountRepository repository, PasswordEncoder passwordEncoder, Clock clock) {
    this.repository = repository;
    this.passwordEncoder = passwordEncoder;
    this.clock = clock;
  }

  /**
   * Creates the account, already verified (seeded and administrator-made accounts), unless one with
   * this e-mail address exists; returns the account either way.
   */
  @Transactional
  public Account ensure(String email, String rawPassword, String displayName, String language, Set<Role> roles) {
    return repository
        .findByEmail(email.toLowerCase())
        .orElseGet(
            () -> {
              Instant now = clock.instant();
              Account account = new Account(email, passwordEncoder.encode(rawPassword), displayName, language, roles, now);
              account.markVerified(now);
              return repository.save(account);
            });
  }

  /**
   * Self-service sign-up: an unverified applicant account that cannot sign in until {@link #verify}.
   * Empty if the address is already registered (nothing changes then).
   */
  @Transactional
  public Optional<Account> register(String email, String rawPassword, String displayName, String language) {
    if (repository.findByEmail(email.toLowerCase()).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        repository.save(
            new Account(email, passwordEncoder.encode(rawPassword), displayName, language, Set.of(Role.APPLICANT), clock.instant())));
  }

  /** Gives an unconfirmed account the name, password and language of the latest sign-up for its address. */
  @Transactional
  Account replacePending(long accountId, String rawPassword, String displayName, String language) {
    Account account = repository.findById(accountId).orElseThrow();
    if (account.isVerified()) {
      throw new IllegalStateException("account " + accountId + " is confirmed");
    }
    account.replacePending(passwordEncoder.encode(rawPassword), displayName, language);
    return account;
  }

  /** Marks the address proven; verifying twice keeps the first time. */
  @Transactional
  public void verify(long accountId, Instant at) {
    repository.findById(accountId).orElseThrow().markVerified(at);
  }

  /** Sets a new password (hashed like every other); the old one stops working at once. */
  @Transactional
  public void changePassword(long accountId, String rawPassword) {
    repository.findById(accountId).orElseThrow().changePasswordHash(passwordEncoder.encode(rawPassword));
  }

  /** Replaces the account's staff groups (none makes it an applicant account again). */
  @Transactional
  public void assignStaffGroups(long accountId, Set<StaffGroup> groups) {
    repository.findById(accountId).orElseThrow().assignStaffGroups(groups);
  }

  /** The language of the account's pages and mails ({@code ja} or {@code en}). */
  @Transactional
  public void updateLanguage(long accountId, String language) {
    if (!"ja".equals(language) && !"en".equals(language)) {
      throw new IllegalArgumentException("language must be ja or en");
    }
    repository.findById(accountId).orElseThrow().changeLanguage(language);
  }

  @Transactional(readOnly = true)
  public Optional<Account> find(long accountId) {
    return repository.findById(accountId);
  }

  /**
   * The verified staff accounts in the group, by name: the people Tasklist offers the group's tasks to
   * and a form may name for a role.
   */
  @Transactional(readOnly = true)
  public List<Account> staffIn(StaffGroup group) {
    return repository.findVerifiedInStaffGroup(group.name());
  }

  /** The account if it is a member of the group: a person a form named for a role of that group. */
  @Transactional(readOnly = true)
  public Optional<Account> staffMember(String email, StaffGroup group) {
    return repository.findByEmail(email.strip().toLowerCase()).filter(account -> account.staffGroups().contains(group));
  }

  /** The staff groups that have at least one member. */
  @Transactional(readOnly = true)
  public List<StaffGroup> staffGroupsInUse() {
    return repository.findStaffGroupNames().stream().flatMap(name -> StaffGroup.parse(name).stream()).toList();
  }

  @Transactional(readOnly = true)
  public Optional<Account> findByEmail(String email) {
    return repository.findByEmail(email.toLowerCase());
  }
}
