package org.madoguchi.booking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.madoguchi.units.Instrument;

/**
 * Turns a session report into chargeable lines (pure): instrument upkeep for the hours used, operator
 * time when an operator ran the instrument (up to the booked length; the hours past it are operator
 * overtime at the premium rate), and one line per reagent or consumable. Every line carries the
 * instrument's class, which the fee schedule keys on.
 */
final class UsageLines {

  static final String UPKEEP = "instrument-upkeep";
  static final String OPERATOR_TIME = "operator-time";
  static final String OPERATOR_OVERTIME = "operator-overtime";

  record Line(int lineNo, String instrumentClass, String itemKind, String description, BigDecimal quantity, long unitCostYen) {

    long amountYen() {
      return quantity.multiply(BigDecimal.valueOf(unitCostYen)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
  }

  private UsageLines() {}

  static List<Line> of(Instrument instrument, SessionReport report, BigDecimal bookedHours, OperatorCost operator) {
    List<Line> lines = new ArrayList<>();
    String instrumentClass = instrument.instrumentClass();
    BigDecimal hours = report.actualHours();
    if (hours.signum() > 0) {
      lines.add(new Line(lines.size() + 1, instrumentClass, UPKEEP, instrument.name(), hours, instrument.hourlyUpkeepYen()));
      if (instrument.operatorAssisted()) {
        BigDecimal overtime = hours.subtract(bookedHours).max(BigDecimal.ZERO);
        lines.add(new Line(lines.size() + 1, instrumentClass, OPERATOR_TIME, "Operator time: " + instrument.name(), hours.subtract(overtime),
            operator.hourlyYen()));
        if (overtime.signum() > 0) {
          lines.add(new Line(lines.size() + 1, instrumentClass, OPERATOR_OVERTIME, "Operator overtime: " + instrument.name(), overtime,
              operator.overtimeHourlyYen()));
        }
      }
    }
    for (SessionReport.Consumable c : report.consumables()) {
      lines.add(new Line(lines.size() + 1, instrumentClass, c.kind(), c.item(), c.quantity(), c.unitCostYen()));
    }
    return lines;
  }
}
