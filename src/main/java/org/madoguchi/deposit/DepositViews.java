package org.madoguchi.deposit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/** What the applicant API returns about datasets and their deposits. */
@NamedInterface("api")
public final class DepositViews {

  private DepositViews() {}

  /**
   * A dataset with every deposit version (oldest first) and every steward decision; {@code stewardNote}
   * is the latest decision's note, for a quick look.
   */
  @NamedInterface("api")
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

  @NamedInterface("api")
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

  @NamedInterface("api")
  public record FileView(String path, long sizeBytes, String sha256) {}

  @NamedInterface("api")
  public record ReviewView(String verification, String stewardNote, Integer depositVersion, Instant reviewedAt) {}
}
