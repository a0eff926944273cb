package org.madoguchi.console.web.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.madoguchi.common.web.StoredIn;
import org.madoguchi.units.SupportUnit;

/**
 * A unit's names in Japanese and English and its description; its code too when the unit is new (the
 * code names the unit's staff groups and never changes, so an edit does not send it).
 */
record UnitForm(
    @Pattern(regexp = "[a-z][a-z0-9]*(-[a-z0-9]+)*", message = "{catalogue.unit.code.invalid}")
        @Size(max = 40, message = "{catalogue.too-long}") @StoredIn("support_units.code") String code,
    @NotBlank(message = "{catalogue.required}") @Size(max = 200, message = "{catalogue.too-long}") @StoredIn("support_units.name_ja")
        String nameJa,
    @NotBlank(message = "{catalogue.required}") @Size(max = 200, message = "{catalogue.too-long}") @StoredIn("support_units.name_en")
        String nameEn,
    @NotBlank(message = "{catalogue.required}") @Size(max = 2000, message = "{catalogue.too-long}") @StoredIn("support_units.description")
        String description) {

  static UnitForm empty() {
    return new UnitForm("", "", "", "");
  }

  static UnitForm of(SupportUnit unit) {
    return new UnitForm(unit.code(), unit.nameJa(), unit.nameEn(), unit.description());
  }

  /** The unit as the form names it; a new unit without a code is refused by the catalogue. */
  SupportUnit unit() {
    return new SupportUnit(code == null ? "" : code.strip(), nameJa.strip(), nameEn.strip(), description.strip());
  }
}
