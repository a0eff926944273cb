package org.madoguchi.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Reads values of engine variables, whose numbers arrive as Integer, Long or Double. */
final class FeeVariables {

  private FeeVariables() {}

  static BigDecimal requiredNumber(Map<String, Object> map, String key, String list, int index) {
    Object value = map.get(key);
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Number number) {
      // toString keeps what the engine sent (0.3 stays 0.3, not 0.29999999999999998889776975...).
      return new BigDecimal(number.toString());
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return new BigDecimal(text.strip());
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    throw new FeeInputException(list + "[" + index + "]." + key + " must be a number but is " + value);
  }

  static String requiredText(Map<String, Object> map, String key, String list, int index) {
    String value = text(map, key);
    if (value == null || value.isBlank()) {
      throw new FeeInputException(list + "[" + index + "]." + key + " is missing");
    }
    return value;
  }

  /** An ISO date ({@code 2027-04-01}); null when absent. */
  static LocalDate date(Map<String, Object> map, String key, String list, int index) {
    String value = text(map, key);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new FeeInputException(list + "[" + index + "]." + key + " must be a date (yyyy-mm-dd) but is " + value);
    }
  }

  static String text(Map<String, Object> map, String key) {
    Object value = map.get(key);
    return value == null ? null : value.toString();
  }
}
