package org.madoguchi.units;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of a case's team history: who held a role (for a unit) from when until when. */
@Entity
@Table(name = "case_team_members")
class TeamAssignment {

  static final int MAX_EMAIL = 320;
  static final int MAX_NAME = 200;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private long caseId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private TeamRole role;

  /** Empty for the desk's lead coordinator (a unique key cannot treat NULLs as equal). */
  @Column(name = "unit_code", nullable = false, length = 40)
  private String unitCode;

  @Column(name = "member_email", nullable = false, length = MAX_EMAIL)
  private String email;

  @Column(name = "member_name", nullable = false, length = MAX_NAME)
  private String name;

  @Column(name = "assigned_at", nullable = false)
  private Instant assignedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  protected TeamAssignment() {}

  TeamAssignment(long caseId, TeamRole role, String unitCode, String email, String name, Instant assignedAt) {
    this.caseId = caseId;
    this.role = role;
    this.unitCode = unitCode == null ? "" : unitCode;
    this.email = email.toLowerCase();
    this.name = name;
    this.assignedAt = assignedAt;
  }

  boolean isHeldBy(String email) {
    return this.email.equalsIgnoreCase(email);
  }

  void end(Instant at) {
    endedAt = at;
  }

  TeamMember view() {
    return new TeamMember(role, unitCode.isEmpty() ? null : unitCode, email, name, assignedAt, endedAt);
  }
}
