package org.madoguchi.units;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the unit catalogue. */
@Entity
@Table(name = "support_units")
class UnitRecord {

  @Id private String code;

  @Column(name = "name_ja", nullable = false)
  private String nameJa;

  @Column(name = "name_en", nullable = false)
  private String nameEn;

  @Column(nullable = false)
  private String description;

  protected UnitRecord() {}

  UnitRecord(String code, String nameJa, String nameEn, String description) {
    this.code = code;
    rename(nameJa, nameEn, description);
  }

  void rename(String nameJa, String nameEn, String description) {
    this.nameJa = nameJa;
    this.nameEn = nameEn;
    this.description = description;
  }

  SupportUnit view() {
    return new SupportUnit(code, nameJa, nameEn, description);
  }
}
