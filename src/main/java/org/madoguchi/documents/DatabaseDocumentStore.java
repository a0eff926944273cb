package org.madoguchi.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents' content in MariaDB, in chunks of {@link #CHUNK} bytes ({@code document_chunks}): one chunk in
 * memory at a time both ways, each statement far below the server's {@code max_allowed_packet}, and the
 * content in the same transaction and backup as its metadata.
 */
@Component
class DatabaseDocumentStore implements DocumentStore {

  static final int CHUNK = 1024 * 1024;

  private final JdbcTemplate jdbc;

  DatabaseDocumentStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void write(long documentId, InputStream content) throws IOException {
    int seq = 0;
    byte[] chunk;
    while ((chunk = content.readNBytes(CHUNK)).length > 0) {
      jdbc.update("insert into document_chunks (document_id, seq, data) values (?, ?, ?)", documentId, seq++, chunk);
    }
  }

  @Override
  public void copyTo(long documentId, OutputStream out) throws IOException {
    List<Integer> seqs =
        jdbc.queryForList("select seq from document_chunks where document_id = ? order by seq", Integer.class, documentId);
    for (int seq : seqs) {
      out.write(
          jdbc.queryForObject(
              "select data from document_chunks where document_id = ? and seq = ?", byte[].class, documentId, seq));
    }
  }
}
