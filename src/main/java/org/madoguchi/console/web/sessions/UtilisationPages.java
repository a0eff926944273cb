package org.madoguchi.console.web.sessions;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.booking.Utilisation;
import org.madoguchi.booking.Utilisation.InstrumentMonth;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.console.StaffViewer;
import org.madoguchi.console.web.CsvDownloads;
import org.madoguchi.units.SupportUnit;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Utilisation per instrument and month ({@link Utilisation}): a console page and the same table as CSV
 * for spreadsheets (UTF-8 with a byte-order mark, so Excel reads Japanese names; headers in the viewer's
 * language). Admins see every unit, unit coordinators their own.
 */
@Controller
class UtilisationPages {

  static final String PAGE = "/console/utilisation";
  static final String CSV = "/console/utilisation.csv";
  static final List<String> COLUMNS =
      List.of("unit", "instrument", "class", "opening", "booked", "used", "maintenance", "idle", "no-show");

  private final Utilisation utilisation;
  private final UnitCatalogue catalogue;
  private final MessageSource messages;
  private final MadoguchiProperties properties;
  private final Clock clock;

  UtilisationPages(
      Utilisation utilisation, UnitCatalogue catalogue, MessageSource messages, MadoguchiProperties properties, Clock clock) {
    this.utilisation = utilisation;
    this.catalogue = catalogue;
    this.messages = messages;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping(PAGE)
  String page(
      @ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @RequestParam(required = false) String month,
      Model model) {
    YearMonth chosen = month(month);
    model.addAttribute("month", chosen);
    model.addAttribute("previous", chosen.minusMonths(1));
    model.addAttribute("next", chosen.plusMonths(1));
    model.addAttribute("columns", COLUMNS);
    model.addAttribute("rows", rows(viewer, chosen));
    return "console/utilisation";
  }

  @GetMapping(CSV)
  void csv(
      @ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @RequestParam(required = false) String month,
      Locale locale, HttpServletResponse response) throws IOException {
    YearMonth chosen = month(month);
    List<InstrumentMonth> rows = rows(viewer, chosen);
    String[] header = COLUMNS.stream().map(c -> messages.getMessage("utilisation.column." + c, null, locale)).toArray(String[]::new);
    try (CSVPrinter printer = CsvDownloads.start(response, "utilisation-" + chosen + ".csv", header)) {
      for (InstrumentMonth row : rows) {
        printer.printRecord(CsvDownloads.text(row.unitCode()), CsvDownloads.text(row.instrument()), CsvDownloads.text(row.instrumentClass()),
            row.openingHours().toPlainString(), row.bookedHours().toPlainString(), row.usedHours().toPlainString(), row.maintenanceHours().toPlainString(),
            row.idleHours().toPlainString(), row.noShowHours().toPlainString());
      }
    }
  }

  private List<InstrumentMonth> rows(StaffViewer viewer, YearMonth month) {
    List<String> units = SessionAccess.utilisationUnits(viewer, catalogue.units().stream().map(SupportUnit::code).toList());
    return utilisation.month(month, units);
  }

  /** YYYY-MM; this month in facility time when absent. */
  private YearMonth month(String month) {
    if (month == null || month.isBlank()) {
      return YearMonth.now(clock.withZone(properties.timeZone()));
    }
    try {
      return YearMonth.parse(month.strip());
    } catch (DateTimeParseException e) {
      throw InvalidRequestException.of("month", "utilisation.month.invalid");
    }
  }
}
