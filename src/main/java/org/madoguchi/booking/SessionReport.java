package org.madoguchi.booking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The instrument-session form's outcome as {@code booking.record-usage} delivers it, checked. Dynamic
 * lists arrive as lists of maps with JSON numbers of any type; a report that breaks the rules is refused
 * with a message naming every problem (the job fails and shows as an incident in Operate).
 */
record SessionReport(
    long caseId,
    String unitCode,
    long bookingId,
    BigDecimal actualHours,
    List<Consumable> consumables,
    String elnReference,
    List<Dataset> datasets,
    String sessionNotes) {

  static final Set<String> CONSUMABLE_KINDS = Set.of("reagent", "consumable");

  /** A reagent or consumable used in the session; cost per piece (or unit) in integer yen. */
  record Consumable(String item, String kind, BigDecimal quantity, long unitCostYen) {}

  /** A dataset produced in the session (it must be deposited later). */
  record Dataset(String title, String dataType, BigDecimal sizeGb) {}

  static SessionReport of(
      Long caseId,
      String unitCode,
      Long bookingId,
      Object actualHours,
      List<Map<String, Object>> consumables,
      String elnReference,
      List<Map<String, Object>> datasets,
      String sessionNotes) {
    List<String> problems = new ArrayList<>();
    if (caseId == null) {
      problems.add("caseId is missing");
    }
    if (unitCode == null || unitCode.isBlank()) {
      problems.add("unitCode is missing");
    }
    if (bookingId == null) {
      problems.add("bookingId is missing");
    }
    BigDecimal hours = decimal(actualHours, "actualHours", problems);
    if (isMissing(actualHours)) {
      problems.add("actualHours is required");
    } else if (hours != null && hours.signum() < 0) {
      problems.add("actualHours must not be negative (was " + actualHours + ")");
    } else if (hours != null && hours.compareTo(new BigDecimal("99999")) > 0) {
      problems.add("actualHours is implausibly large (" + actualHours + ")");
    }
    List<Consumable> used = new ArrayList<>();
    List<Map<String, Object>> consumableRows = consumables == null ? List.of() : consumables;
    for (int i = 0; i < consumableRows.size(); i++) {
      used.add(consumable(consumableRows.get(i), "consumables[" + i + "]", problems));
    }
    List<Dataset> produced = new ArrayList<>();
    List<Map<String, Object>> datasetRows = datasets == null ? List.of() : datasets;
    for (int i = 0; i < datasetRows.size(); i++) {
      produced.add(dataset(datasetRows.get(i), "datasets[" + i + "]", problems));
    }
    String eln = blankToNull(elnReference);
    if (eln != null && eln.length() > 500) {
      problems.add("elnReference must be at most 500 characters");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot record the session of booking " + bookingId + " (case " + caseId + "): " + String.join("; ", problems));
    }
    return new SessionReport(
        caseId, unitCode.strip(), bookingId, hours.setScale(2, RoundingMode.HALF_UP), List.copyOf(used), eln,
        List.copyOf(produced), blankToNull(sessionNotes));
  }

  private static Consumable consumable(Map<String, Object> row, String field, List<String> problems) {
    if (row == null) {
      problems.add(field + " is empty");
      return null;
    }
    String item = text(row.get("item"));
    if (item == null) {
      problems.add(field + ".item is required");
    } else if (item.length() > 300) {
      problems.add(field + ".item must be at most 300 characters");
    }
    String kind = text(row.get("kind"));
    if (kind == null || !CONSUMABLE_KINDS.contains(kind)) {
      problems.add(field + ".kind must be 'reagent' or 'consumable' (was " + row.get("kind") + ")");
    }
    BigDecimal quantity = decimal(row.get("quantity"), field + ".quantity", problems);
    if (isMissing(row.get("quantity"))) {
      problems.add(field + ".quantity is required");
    } else if (quantity != null && quantity.signum() < 0) {
      problems.add(field + ".quantity must not be negative (was " + row.get("quantity") + ")");
    } else if (quantity != null && quantity.stripTrailingZeros().scale() > 3) {
      problems.add(field + ".quantity has more than 3 decimals (" + row.get("quantity") + ")");
    }
    BigDecimal cost = decimal(row.get("unitCostYen"), field + ".unitCostYen", problems);
    long unitCost = 0;
    if (isMissing(row.get("unitCostYen"))) {
      problems.add(field + ".unitCostYen is required");
    } else if (cost != null && cost.signum() < 0) {
      problems.add(field + ".unitCostYen must not be negative (was " + row.get("unitCostYen") + ")");
    } else if (cost != null && cost.stripTrailingZeros().scale() > 0) {
      problems.add(field + ".unitCostYen must be whole yen (was " + row.get("unitCostYen") + ")");
    } else if (cost != null) {
      unitCost = cost.longValueExact();
    }
    return new Consumable(item, kind, quantity, unitCost);
  }

  private static Dataset dataset(Map<String, Object> row, String field, List<String> problems) {
    if (row == null) {
      problems.add(field + " is empty");
      return null;
    }
    String title = text(row.get("title"));
    if (title == null) {
      problems.add(field + ".title is required");
    }
    BigDecimal size = decimal(row.get("sizeGb"), field + ".sizeGb", problems);
    if (size != null && size.signum() < 0) {
      problems.add(field + ".sizeGb must not be negative (was " + row.get("sizeGb") + ")");
    }
    return new Dataset(title, text(row.get("dataType")), size);
  }

  /** A JSON number (any Java type) or a numeric string; null when absent; a problem when not a number. */
  static BigDecimal decimal(Object value, String field, List<String> problems) {
    if (isMissing(value)) {
      return null;
    }
    try {
      if (value instanceof BigDecimal d) {
        return d;
      }
      if (value instanceof Number || value instanceof String) {
        return new BigDecimal(value.toString().strip());
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(field + " must be a number (was " + value + ")");
    return null;
  }

  private static boolean isMissing(Object value) {
    return value == null || (value instanceof String s && s.isBlank());
  }

  private static String text(Object value) {
    return value == null ? null : blankToNull(value.toString());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
