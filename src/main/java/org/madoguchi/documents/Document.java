package org.madoguchi.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.madoguchi.cases.audit.Actor;

/** A document's metadata; its content is in the {@link DocumentStore} under the same id. */
@Entity
@Table(name = "documents")
class Document {

  static final int MAX_FILE_NAME = 200;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private long caseId;

  @Column(name = "attached_to", nullable = false, length = 24)
  private String attachedTo;

  @Column(name = "file_name", nullable = false, length = MAX_FILE_NAME)
  private String fileName;

  @Column(name = "content_type", nullable = false, length = 100)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "attached_by", nullable = false, length = 400)
  private String attachedBy;

  @Column(name = "attached_at", nullable = false)
  private Instant attachedAt;

  protected Document() {}

  /** A document whose content is still being written: size and digest follow with {@link #stored}. */
  Document(long caseId, AttachedTo attachedTo, String fileName, String contentType, Actor attachedBy, Instant attachedAt) {
    this.caseId = caseId;
    this.attachedTo = attachedTo.code();
    this.fileName = fileName;
    this.contentType = contentType;
    this.sizeBytes = 0;
    this.sha256 = "";
    this.attachedBy = attachedBy.stored();
    this.attachedAt = attachedAt;
  }

  void stored(long sizeBytes, String sha256) {
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
  }

  long id() {
    return id;
  }

  long caseId() {
    return caseId;
  }

  String fileName() {
    return fileName;
  }

  long sizeBytes() {
    return sizeBytes;
  }

  DocumentView view() {
    return new DocumentView(
        id, caseId, AttachedTo.ofCode(attachedTo).orElseThrow(), fileName, contentType, sizeBytes, sha256,
        Actor.parse(attachedBy), attachedAt);
  }
}
