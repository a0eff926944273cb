package org.madoguchi.units;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A unit coordinator's decision on a case: accept (with a lead operator and an estimate) or return. */
@Entity
@Table(name = "unit_assignments")
class UnitAssignment {

  static final String ACCEPT = "accept";
  static final String RETURN = "return";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private long caseId;

  @Column(name = "unit_code", nullable = false)
  private String unitCode;

  @Column(name = "round_no", nullable = false)
  private int roundNo;

  @Column(name = "process_instance_key", nullable = false, unique = true)
  private long processInstanceKey;

  @Column(nullable = false)
  private String decision;

  @Column(name = "lead_operator")
  private String leadOperator;

  @Column(name = "estimated_hours")
  private BigDecimal estimatedHours;

  @Column(name = "instrument_class")
  private String instrumentClass;

  @Column(name = "preferred_start")
  private LocalDate preferredStart;

  @Column(name = "return_reason")
  private String returnReason;

  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  protected UnitAssignment() {}

  UnitAssignment(AssignmentDecision d, int roundNo, Instant decidedAt) {
    this.caseId = d.caseId();
    this.unitCode = d.unitCode();
    this.roundNo = roundNo;
    this.processInstanceKey = d.processInstanceKey();
    this.decision = d.decision();
    this.leadOperator = d.leadOperator();
    this.estimatedHours = d.estimatedHours();
    this.instrumentClass = d.instrumentClass();
    this.preferredStart = d.preferredStart();
    this.returnReason = d.returnReason();
    this.decidedAt = decidedAt;
  }

  boolean isReturned() {
    return RETURN.equals(decision);
  }

  Long id() {
    return id;
  }

  long caseId() {
    return caseId;
  }

  String unitCode() {
    return unitCode;
  }

  int roundNo() {
    return roundNo;
  }

  long processInstanceKey() {
    return processInstanceKey;
  }

  String decision() {
    return decision;
  }

  String leadOperator() {
    return leadOperator;
  }

  BigDecimal estimatedHours() {
    return estimatedHours;
  }

  String instrumentClass() {
    return instrumentClass;
  }

  LocalDate preferredStart() {
    return preferredStart;
  }

  String returnReason() {
    return returnReason;
  }

  Instant decidedAt() {
    return decidedAt;
  }
}
