package org.madoguchi.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where documents' content lives, by document id. The store in use keeps it in MariaDB ({@link
 * DatabaseDocumentStore}); a folder or bucket store would implement the same two methods (and then has to
 * remove content whose metadata rolled back: see docs/documents.md).
 */
interface DocumentStore {

  /**
   * Writes the whole content, reading it as a stream; called inside the transaction that records the
   * document, so that both commit or neither does.
   */
  void write(long documentId, InputStream content) throws IOException;

  /** Copies the content to {@code out} as a stream, never holding the whole document in memory. */
  void copyTo(long documentId, OutputStream out) throws IOException;
}
