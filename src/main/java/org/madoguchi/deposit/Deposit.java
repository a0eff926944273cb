package org.madoguchi.deposit;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One submission of a dataset by the applicant: metadata, licence, embargo and file manifest. */
@Entity
@Table(name = "deposits")
class Deposit {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "dataset_id", nullable = false)
  private long datasetId;

  @Column(name = "version_no", nullable = false)
  private int versionNo;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String description;

  @Column(nullable = false)
  private String licence;

  @Column(nullable = false)
  private String embargo;

  @Column(name = "embargo_until")
  private LocalDate embargoUntil;

  @Column(name = "public_accession")
  private String publicAccession;

  @Column(name = "related_publication")
  private String relatedPublication;

  @Column(name = "file_count", nullable = false)
  private int fileCount;

  @Column(name = "total_bytes", nullable = false)
  private long totalBytes;

  @Column(name = "deposited_by", nullable = false)
  private String depositedBy;

  @Column(name = "deposited_at", nullable = false)
  private Instant depositedAt;

  @ElementCollection
  @CollectionTable(name = "deposit_files", joinColumns = @JoinColumn(name = "deposit_id"))
  @OrderColumn(name = "seq")
  private List<DepositFile> files = new ArrayList<>();

  protected Deposit() {}

  Deposit(
      long datasetId,
      int versionNo,
      DepositRules.Cleaned cleaned,
      LocalDate embargoUntil,
      String depositedBy,
      Instant now) {
    this.datasetId = datasetId;
    this.versionNo = versionNo;
    this.title = cleaned.title();
    this.description = cleaned.description();
    this.licence = cleaned.licence();
    this.embargo = cleaned.embargo();
    this.embargoUntil = embargoUntil;
    this.publicAccession = cleaned.publicAccession();
    this.relatedPublication = cleaned.relatedPublication();
    this.files = new ArrayList<>(cleaned.files());
    this.fileCount = files.size();
    this.totalBytes = files.stream().mapToLong(DepositFile::sizeBytes).sum();
    this.depositedBy = depositedBy;
    this.depositedAt = now;
  }

  /** How many manifest lines the steward's form lists; the rest are counted. */
  static final int MANIFEST_LINES_SHOWN = 50;

  /**
   * The deposit as the steward verifies it in Tasklist (variable {@code depositSummary}, markdown):
   * the metadata, then the file manifest with sizes and checksums.
   */
  String summary() {
    StringBuilder text = new StringBuilder("**").append(title).append("** (v").append(versionNo).append(")\n\n");
    if (description != null) {
      text.append(description).append("\n\n");
    }
    text.append("- ライセンス / Licence: ").append(licence).append('\n');
    text.append("- 公開 / Embargo: ").append(embargo).append(embargoUntil == null ? "" : " (" + embargoUntil + ")").append('\n');
    if (publicAccession != null) {
      text.append("- 公開ID / Accession: ").append(publicAccession).append('\n');
    }
    if (relatedPublication != null) {
      text.append("- 関連論文 / Publication: ").append(relatedPublication).append('\n');
    }
    text.append("- ファイル / Files: ").append(fileCount).append(fileCount == 1 ? " file, " : " files, ")
        .append(String.format("%,d", totalBytes)).append(" bytes\n\n");
    text.append("**ファイル一覧 / Manifest:**\n\n");
    files.stream().limit(MANIFEST_LINES_SHOWN).forEach(f ->
        text.append("- `").append(f.path()).append("` ").append(String.format("%,d", f.sizeBytes())).append(" bytes, sha256 `")
            .append(f.sha256()).append("`\n"));
    if (files.size() > MANIFEST_LINES_SHOWN) {
      text.append("- … ").append(files.size() - MANIFEST_LINES_SHOWN).append(" more\n");
    }
    return text.toString();
  }

  Long id() {
    return id;
  }

  long datasetId() {
    return datasetId;
  }

  int versionNo() {
    return versionNo;
  }

  String title() {
    return title;
  }

  String description() {
    return description;
  }

  String licence() {
    return licence;
  }

  String embargo() {
    return embargo;
  }

  LocalDate embargoUntil() {
    return embargoUntil;
  }

  String publicAccession() {
    return publicAccession;
  }

  String relatedPublication() {
    return relatedPublication;
  }

  int fileCount() {
    return fileCount;
  }

  long totalBytes() {
    return totalBytes;
  }

  String depositedBy() {
    return depositedBy;
  }

  Instant depositedAt() {
    return depositedAt;
  }

  List<DepositFile> files() {
    return files;
  }
}
