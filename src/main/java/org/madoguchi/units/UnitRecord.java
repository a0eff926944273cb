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

  SupportUnit view() {
    return new SupportUnit(code, nameJa, nameEn, description);
  }
}
