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

  void changePasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
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
