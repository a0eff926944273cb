package org.madoguchi.deposit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of a deposit's file manifest. */
@Embeddable
class DepositFile {

  @Column(nullable = false, length = 1000)
  private String path;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false, length = 64)
  private String sha256;

  protected DepositFile() {}

  DepositFile(String path, long sizeBytes, String sha256) {
    this.path = path;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
  }

  String path() {
    return path;
  }

  long sizeBytes() {
    return sizeBytes;
  }

  String sha256() {
    return sha256;
  }
}
