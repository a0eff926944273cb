package org.madoguchi.fees.pdf;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Table {@code fee_pdf_archive}: one PDF per document kind, reference and language, never replaced.
 * The insert leaves an existing row as it is, so of two concurrent first requests the later one finds
 * the winner's PDF and serves it.
 */
@Repository
class PdfArchive {

  /** What a stored PDF is, e.g. {@code INVOICE INV-2026-000042 ja}. */
  record Key(String kind, String reference, String language) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  PdfArchive(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The archived PDF of {@code key}; rendered with {@code render} and archived if there is none yet. */
  @Transactional
  ArchivedPdf fetchOrArchive(Key key, String fileName, Supplier<byte[]> render) {
    Optional<ArchivedPdf> archived = find(key, "");
    if (archived.isPresent()) {
      return archived.get();
    }
    byte[] content = render.get();
    // A concurrent first request that committed (or commits) the same key first wins: the row stays its.
    jdbc.sql(
            "insert into fee_pdf_archive (kind, reference, language, file_name, sha256, size_bytes, content, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?) on duplicate key update id = id")
        .params(key.kind(), key.reference(), key.language(), fileName, sha256(content), content.length, content,
            Timestamp.from(clock.instant()))
        .update();
    return find(key, " lock in share mode").orElseThrow(() -> new IllegalStateException("the archived PDF " + key + " vanished"));
  }

  /**
   * After the insert, a locking read: it sees a row another transaction committed after this one's snapshot
   * began. Before it, a plain one: shared gap locks of two first requests would deadlock their inserts.
   */
  private Optional<ArchivedPdf> find(Key key, String locking) {
    return jdbc.sql(
            "select file_name, sha256, content from fee_pdf_archive where kind = ? and reference = ? and language = ?"
                + locking)
        .params(key.kind(), key.reference(), key.language())
        .query((rs, row) -> new ArchivedPdf(rs.getString("file_name"), rs.getString("sha256"), rs.getBytes("content")))
        .optional();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }
}
