package org.madoguchi.fees.pdf;

import org.springframework.modulith.NamedInterface;

/** A fee document's PDF as archived: its download name, the SHA-256 of its bytes (hex), the bytes. */
@NamedInterface("api")
public record ArchivedPdf(String fileName, String sha256, byte[] content) {}
