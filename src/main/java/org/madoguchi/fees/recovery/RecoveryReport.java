package org.madoguchi.fees.recovery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * Cost recovery of one fiscal year: per instrument, per unit and in all (docs/fees.md, "Cost recovery").
 *
 * @param units the units asked for, by code, each with its instruments by id
 */
@NamedInterface("api")
public record RecoveryReport(FiscalYear year, List<UnitSection> units, Figures total) {

  /**
   * The figures of an instrument, a unit or the whole report.
   *
   * @param costsYen costs recorded for the year, reversals deducted
   * @param hoursUsed actual hours of the sessions recorded in the year, unrounded
   * @param recoveredAcademicYen upkeep recovered through fees from academic cases (waivers deducted)
   */
  @NamedInterface("api")
  public record Figures(
      long costsYen, BigDecimal hoursUsed, long recoveredAcademicYen, long recoveredIndustryYen, long recoveredOtherYen) {

    public static final Figures NONE = new Figures(0, BigDecimal.ZERO, 0, 0, 0);

    public long recoveredYen() {
      return recoveredAcademicYen + recoveredIndustryYen + recoveredOtherYen;
    }

    /** What the facility bears: costs minus what fees recovered (negative when fees recovered more). */
    public long borneYen() {
      return costsYen - recoveredYen();
    }

    /** The borne share of the costs in percent, one decimal (half up); null without costs. */
    public BigDecimal bornePercent() {
      if (costsYen <= 0) {
        return null;
      }
      return BigDecimal.valueOf(borneYen()).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(costsYen), 1, RoundingMode.HALF_UP);
    }

    /** Hours with one decimal (half up), as shown. */
    public BigDecimal hours() {
      return hoursUsed.setScale(1, RoundingMode.HALF_UP);
    }

    boolean isZero() {
      return costsYen == 0 && hoursUsed.signum() == 0 && recoveredAcademicYen == 0 && recoveredIndustryYen == 0 && recoveredOtherYen == 0;
    }

    Figures plus(Figures other) {
      return new Figures(
          costsYen + other.costsYen, hoursUsed.add(other.hoursUsed), recoveredAcademicYen + other.recoveredAcademicYen,
          recoveredIndustryYen + other.recoveredIndustryYen, recoveredOtherYen + other.recoveredOtherYen);
    }
  }

  @NamedInterface("api")
  public record InstrumentRow(long instrumentId, String unitCode, String instrument, String instrumentClass, Figures figures) {}

  @NamedInterface("api")
  public record UnitSection(String unitCode, List<InstrumentRow> instruments, Figures total) {}
}
