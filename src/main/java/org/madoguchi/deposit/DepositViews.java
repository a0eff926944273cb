package org.madoguchi.deposit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the applicant API returns about datasets and their deposits. */
public final class DepositViews {

  private DepositViews() {}

  /**
   * A dataset with every deposit version (oldest first) and every steward decision; {@code stewardNote}
   * is the latest decision's note, for a quick look.
   */
  public record DatasetView(
      long id,
      String unitCode,
      String title,
      String dataType,
      BigDecimal sizeGb,
      DatasetStatus status,
      Instant registeredAt,
      Instant updatedAt,
      String stewardNote,
      List<DepositView> deposits,
      List<ReviewView> reviews) {}

  public record DepositView(
      long id,
      int version,
      String title,
      String description,
      String licence,
      String embargo,
      LocalDate embargoUntil,
      String publicAccession,
      String relatedPublication,
      int fileCount,
      long totalBytes,
      Instant depositedAt,
      List<FileView> files) {}

  public record FileView(String path, long sizeBytes, String sha256) {}

  public record ReviewView(String verification, String stewardNote, Integer depositVersion, Instant reviewedAt) {}
}
