package org.madoguchi.documents;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.modulith.NamedInterface;

/**
 * A document ready to be served. Whoever serves it has checked that the caller may see its case; {@link
 * #send} always serves it the same way: as a download (never shown inline, so an image or PDF viewer of the
 * browser never runs it in the application's origin), as its detected type, never sniffed.
 */
@NamedInterface("api")
public final class DocumentContent {

  private final DocumentView document;
  private final DocumentStore store;

  DocumentContent(DocumentView document, DocumentStore store) {
    this.document = document;
    this.store = store;
  }

  public DocumentView document() {
    return document;
  }

  /** Writes the headers and streams the content into {@code response}. */
  public void send(HttpServletResponse response) throws IOException {
    response.setContentType(document.contentType());
    response.setContentLengthLong(document.sizeBytes());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(document.fileName()));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().cachePrivate().getHeaderValue());
    response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    store.copyTo(document.id(), response.getOutputStream());
  }

  /**
   * {@code attachment} with the name twice (RFC 6266): {@code filename*} in UTF-8 for browsers, and an
   * ASCII {@code filename} for clients that know only that.
   */
  static String contentDisposition(String fileName) {
    String ascii = fileName.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
