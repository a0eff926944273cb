package org.madoguchi.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A person who signs in: an applicant, or a staff member using Madoguchi's own pages. */
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

  /** Comma-separated roles, e.g. {@code APPLICANT} or {@code ADMIN}. */
  @Column(nullable = false)
  private String roles;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** When the owner proved the e-mail address; null until then (an unverified account cannot sign in). */
  @Column(name = "verified_at")
  private Instant verifiedAt;

  protected Account() {}

  public Account(String email, String passwordHash, String displayName, String language, Set<Role> roles) {
    this.email = email.toLowerCase();
    this.passwordHash = passwordHash;
    this.displayName = displayName;
    this.language = language;
    this.roles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    this.createdAt = Instant.now();
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

  Instant createdAtForSeed() {
    return createdAt;
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

  public Set<Role> roles() {
    return Arrays.stream(roles.split(",")).map(Role::valueOf).collect(Collectors.toSet());
  }
}
