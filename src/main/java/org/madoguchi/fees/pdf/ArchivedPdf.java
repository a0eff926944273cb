package org.madoguchi.fees.pdf;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.modulith.NamedInterface;

/** A fee document's PDF as archived: its download name, the SHA-256 of its bytes (hex), the bytes. */
@NamedInterface("api")
public record ArchivedPdf(String fileName, String sha256, byte[] content) {

  /** The answer of a download endpoint: the PDF as an attachment under its file name. */
  public ResponseEntity<byte[]> download() {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .cacheControl(CacheControl.noCache().cachePrivate())
        .eTag('"' + sha256 + '"')
        .body(content);
  }
}
