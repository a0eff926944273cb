package org.madoguchi.documents;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.common.web.StateConflictException;
import org.springframework.core.io.InputStreamSource;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Attaching documents to a case and reading them back. An attachment is checked (type by content, size,
 * count per case), stored with its SHA-256 and recorded in the audit trail in one transaction: a refused
 * or failed upload leaves nothing behind. The applicant methods see only the applicant's own cases (404
 * otherwise); the others are for the staff console, which checks who may see the case before calling them.
 * Every document of a case, staff ones too, is visible to the applicant on the case page.
 */
@NamedInterface("api")
@Service
public class Documents {

  private final DocumentRepository documents;
  private final DocumentStore store;
  private final DocumentTypes types;
  private final CaseFile caseFile;
  private final DocumentProperties properties;
  private final Clock clock;

  Documents(
      DocumentRepository documents,
      DocumentStore store,
      DocumentTypes types,
      CaseFile caseFile,
      DocumentProperties properties,
      Clock clock) {
    this.documents = documents;
    this.store = store;
    this.types = types;
    this.caseFile = caseFile;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The applicant attaches a document to their request or to their answer to the desk's question, while
   * the case is open. {@code content} is read twice (type, then storage): a multipart file or a resource;
   * null when none was chosen (a refusal naming the field {@code file}, after the ownership check).
   */
  @Transactional
  public DocumentView attachByApplicant(
      String caseNumber, long accountId, String email, AttachedTo attachedTo, String fileName, InputStreamSource content) {
    if (attachedTo == AttachedTo.CASE) {
      throw new IllegalArgumentException("applicants attach to their request or a reply, not to the case file");
    }
    CaseSummary c = caseFile.getOwned(caseNumber, accountId);
    if (c.status().isFinal()) {
      throw new StateConflictException("documents.case-ended");
    }
    return attach(c.caseId(), attachedTo, Actor.applicant(email), fileName, content);
  }

  /** A staff member attaches a document to the case file; {@code staff} names their group and, if known, them. */
  @Transactional
  public DocumentView attachByStaff(long caseId, Actor staff, String fileName, InputStreamSource content) {
    if (staff.kind() != Actor.Kind.STAFF) {
      throw new IllegalArgumentException("not a staff actor: " + staff);
    }
    return attach(caseFile.get(caseId).caseId(), AttachedTo.CASE, staff, fileName, content);
  }

  /** The documents of the applicant's own case, oldest first. */
  @Transactional(readOnly = true)
  public List<DocumentView> forApplicant(String caseNumber, long accountId) {
    return forCase(caseFile.getOwned(caseNumber, accountId).caseId());
  }

  /** Every document of the case, oldest first; for callers that have checked who may see the case. */
  @Transactional(readOnly = true)
  public List<DocumentView> forCase(long caseId) {
    return documents.findByCaseIdOrderByAttachedAtAscIdAsc(caseId).stream().map(Document::view).toList();
  }

  /** A document of the applicant's own case; 404 for any other (never a hint that it exists). */
  @Transactional(readOnly = true)
  public DocumentContent openForApplicant(String caseNumber, long documentId, long accountId) {
    long caseId = caseFile.getOwned(caseNumber, accountId).caseId();
    DocumentContent content = open(documentId);
    if (content.document().caseId() != caseId) {
      throw new NotFoundException("document");
    }
    return content;
  }

  /**
   * A document by id, for callers that check, with {@code document().caseId()}, that the caller may see
   * its case before sending it.
   */
  @Transactional(readOnly = true)
  public DocumentContent open(long documentId) {
    Document document = documents.findById(documentId).orElseThrow(() -> new NotFoundException("document"));
    return new DocumentContent(document.view(), store);
  }

  /** The largest document accepted, for the pages' hints. */
  public DataSize maxSize() {
    return properties.maxSize();
  }

  private DocumentView attach(long caseId, AttachedTo attachedTo, Actor actor, String originalName, InputStreamSource content) {
    if (content == null) {
      throw InvalidRequestException.of("file", "documents.file-missing");
    }
    if (documents.countByCaseId(caseId) >= properties.maxPerCase()) {
      throw InvalidRequestException.of("file", "documents.too-many", properties.maxPerCase());
    }
    String name = FileNames.sanitize(originalName, Document.MAX_FILE_NAME);
    DocumentTypes.Detected type;
    try (InputStream in = limited(content.getInputStream())) {
      type = types.detect(in, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!type.extensions().contains(FileNames.extension(name))) {
      name = FileNames.withExtension(name, type.extensions().getFirst(), Document.MAX_FILE_NAME);
    }
    Document document =
        documents.saveAndFlush(new Document(caseId, attachedTo, name, type.contentType(), actor, clock.instant()));
    MessageDigest sha256 = sha256();
    try (SizeLimit in = limited(content.getInputStream())) {
      store.write(document.id(), new DigestInputStream(in, sha256));
      document.stored(in.count, HexFormat.of().formatHex(sha256.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    caseFile.record(caseId, new CaseEvent.DocumentAttached(document.fileName(), document.sizeBytes()), actor, null);
    return document.view();
  }

  private SizeLimit limited(InputStream in) {
    return new SizeLimit(in, properties.maxSize());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counts what is read and refuses the document once it passes the limit (whatever length was declared). */
  private static final class SizeLimit extends FilterInputStream {

    private final DataSize max;
    private long count;

    SizeLimit(InputStream in, DataSize max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      counted(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      counted(Math.max(n, 0));
      return n;
    }

    private void counted(int n) {
      count += n;
      if (count > max.toBytes()) {
        throw InvalidRequestException.of("file", "documents.too-large", max.toMegabytes());
      }
    }
  }
}
