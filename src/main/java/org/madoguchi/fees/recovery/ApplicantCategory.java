package org.madoguchi.fees.recovery;

import org.springframework.modulith.NamedInterface;

/** How the report splits recovered amounts: academic, industry, and every other category (public institutes). */
@NamedInterface("api")
public enum ApplicantCategory {
  ACADEMIC,
  INDUSTRY,
  OTHER;

  /** From a case's applicant category ({@code academic}, {@code public}, {@code industry}). */
  public static ApplicantCategory of(String caseCategory) {
    return switch (caseCategory == null ? "" : caseCategory) {
      case "academic" -> ACADEMIC;
      case "industry" -> INDUSTRY;
      default -> OTHER;
    };
  }
}
