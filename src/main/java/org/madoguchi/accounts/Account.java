package org.madoguchi.accounts;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;

/** A person who signs in: an applicant, or a staff member using Madoguchi's own pages. */
@NamedInterface("api")
@Entity
@Table(name = "accounts")
public class Account {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String email;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(nullable = false)
  private String language;

  /** Comma-separated roles, e.g. {@code APPLICANT} or {@code STAFF}. */
  @Column(nullable = false)
  private String roles;

  /** Staff groups (Tasklist's candidate groups); empty for applicants. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "account_staff_groups", joinColumns = @JoinColumn(name = "account_id"))
  @Column(name = "group_name", nullable = false, length = StaffGroup.MAX_LENGTH)
  private Set<String> staffGroups = new HashSet<>();

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** When the owner proved the e-mail address; null until then (an unverified account cannot sign in). */
  @Column(name = "verified_at")
  private Instant verifiedAt;

  /** Consecutive failed sign-ins since the last success or lockout. */
  @Column(name = "failed_sign_ins", nullable = false)
  private int failedSignIns;

  /** Lockouts since the last successful sign-in: each one lasts longer. */
  @Column(nullable = false)
  private int lockouts;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  protected Account() {}

  public Account(String email, String passwordHash, String displayName, String language, Set<Role> roles, Instant createdAt) {
    this.email = email.toLowerCase();
    this.passwordHash = passwordHash;
    this.displayName = displayName;
    this.language = language;
    this.roles = joined(roles);
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public String email() {
    return email;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public String displayName() {
    return displayName;
  }

  public String language() {
    return language;
  }

  public Instant verifiedAt() {
    return verifiedAt;
  }

  public boolean isVerified() {
    return verifiedAt != null;
  }

  void markVerified(Instant at) {
    if (verifiedAt == null) {
      verifiedAt = at;
    }
  }

  int lockouts() {
    return lockouts;
  }

  boolean isLocked(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /**
   * Counts a failed sign-in; the {@code limit}th in a row locks the account for {@code lock} and returns
   * true (once per lockout). Failures while locked count for nothing.
   */
  boolean failedSignIn(Instant now, int limit, Duration lock) {
    if (isLocked(now)) {
      return false;
    }
    failedSignIns++;
    if (failedSignIns < limit) {
      return false;
    }
    failedSignIns = 0;
    lockouts++;
    lockedUntil = now.plus(lock);
    return true;
  }

  /** The right password: refused while locked, otherwise the failures and lockouts are forgotten. */
  boolean signedIn(Instant now) {
    if (isLocked(now)) {
      return false;
    }
    forgetFailures();
    return true;
  }

  private void forgetFailures() {
    failedSignIns = 0;
    lockouts = 0;
    lockedUntil = null;
  }

  /** A repeated sign-up for an address nobody confirmed yet: the latest one is what the link will confirm. */
  void replacePending(String passwordHash, String displayName, String language) {
    this.passwordHash = passwordHash;
    this.displayName = displayName;
    this.language = language;
  }

  /** A new password (set by whoever proved the address) also ends a lockout. */
  void changePasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
    forgetFailures();
  }

  void changeLanguage(String language) {
    this.language = language;
  }

  public Set<StaffGroup> staffGroups() {
    return staffGroups.stream().map(StaffGroup::new).collect(Collectors.toUnmodifiableSet());
  }

  /** Replaces the account's staff groups; an account with any is staff. */
  void assignStaffGroups(Set<StaffGroup> groups) {
    staffGroups.clear();
    groups.forEach(group -> staffGroups.add(group.name()));
    Set<Role> kinds = roles();
    if (groups.isEmpty()) {
      kinds.remove(Role.STAFF);
    } else {
      kinds.add(Role.STAFF);
    }
    roles = joined(kinds.isEmpty() ? Set.of(Role.APPLICANT) : kinds);
  }

  public Set<Role> roles() {
    return Arrays.stream(roles.split(",")).map(Role::valueOf).collect(Collectors.toSet());
  }

  private static String joined(Set<Role> roles) {
    return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
  }
}
