package org.madoguchi.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A question from the desk to the applicant, open until the applicant answers it. */
@Entity
@Table(name = "information_requests")
class InformationRequest {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private long caseId;

  @Column(name = "element_instance_key", nullable = false, unique = true)
  private long elementInstanceKey;

  @Column(nullable = false)
  private String question;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  private String reply;

  @Column(name = "replied_at")
  private Instant repliedAt;

  protected InformationRequest() {}

  InformationRequest(long caseId, long elementInstanceKey, String question, Instant requestedAt) {
    this.caseId = caseId;
    this.elementInstanceKey = elementInstanceKey;
    this.question = question;
    this.requestedAt = requestedAt;
  }

  void answer(String text, Instant at) {
    if (reply != null) {
      throw new IllegalStateException("information request " + id + " is already answered");
    }
    this.reply = text;
    this.repliedAt = at;
  }

  Long id() {
    return id;
  }

  String question() {
    return question;
  }

  Instant requestedAt() {
    return requestedAt;
  }

  String reply() {
    return reply;
  }

  Instant repliedAt() {
    return repliedAt;
  }

  InformationExchange exchange() {
    return new InformationExchange(question, requestedAt, reply, repliedAt);
  }
}
