package org.madoguchi.console.web.recovery;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.madoguchi.console.StaffViewer;
import org.madoguchi.console.web.CsvDownloads;
import org.madoguchi.fees.recovery.CostRecovery;
import org.madoguchi.fees.recovery.FiscalYear;
import org.madoguchi.fees.recovery.RecoveryReport;
import org.madoguchi.fees.recovery.RecoveryReport.Figures;
import org.madoguchi.fees.recovery.RecoveryReport.InstrumentRow;
import org.madoguchi.fees.recovery.RecoveryReport.UnitSection;
import org.madoguchi.fees.recovery.UpkeepCosts;
import org.madoguchi.units.SupportUnit;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The cost recovery report of a fiscal year ({@link CostRecovery}): a console page per unit and
 * instrument, and the same table as CSV (UTF-8 with a byte-order mark; the columns in docs/fees.md, "Cost
 * recovery"). Finance and admins see every unit, unit coordinators their own ({@link RecoveryAccess}).
 */
@Controller
class RecoveryPages {

  static final String PAGE = "/console/recovery";
  static final String CSV = "/console/recovery.csv";
  static final List<String> CSV_COLUMNS = List.of(
      "fiscal_year", "row", "unit", "instrument_id", "instrument", "instrument_class", "costs_yen", "hours_used", "recovered_yen",
      "recovered_academic_yen", "recovered_industry_yen", "recovered_other_yen", "borne_yen", "borne_percent");

  private final CostRecovery recovery;
  private final UpkeepCosts costs;
  private final UnitCatalogue catalogue;

  RecoveryPages(CostRecovery recovery, UpkeepCosts costs, UnitCatalogue catalogue) {
    this.recovery = recovery;
    this.costs = costs;
    this.catalogue = catalogue;
  }

  @GetMapping(PAGE)
  String page(
      @ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @RequestParam(required = false) String year, Model model) {
    FiscalYear current = costs.currentYear();
    FiscalYear chosen = FiscalYears.chosen(year, current);
    model.addAttribute("year", chosen);
    model.addAttribute("years", FiscalYears.offered(chosen, current));
    model.addAttribute("report", report(viewer, chosen));
    return "console/recovery";
  }

  @GetMapping(CSV)
  void csv(
      @ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @RequestParam(required = false) String year,
      HttpServletResponse response) throws IOException {
    FiscalYear chosen = FiscalYears.chosen(year, costs.currentYear());
    RecoveryReport report = report(viewer, chosen);
    try (CSVPrinter printer = CsvDownloads.start(response, "cost-recovery-" + chosen + ".csv", CSV_COLUMNS.toArray(String[]::new))) {
      for (UnitSection unit : report.units()) {
        for (InstrumentRow row : unit.instruments()) {
          print(printer, chosen, "instrument", unit.unitCode(), Long.toString(row.instrumentId()), row.instrument(), row.instrumentClass(), row.figures());
        }
        print(printer, chosen, "unit", unit.unitCode(), "", "", "", unit.total());
      }
      print(printer, chosen, "total", "", "", "", "", report.total());
    }
  }

  private static void print(
      CSVPrinter printer, FiscalYear year, String row, String unit, String instrumentId, String instrument, String instrumentClass,
      Figures f) throws IOException {
    BigDecimal percent = f.bornePercent();
    printer.printRecord(year.year(), row, CsvDownloads.text(unit), instrumentId, CsvDownloads.text(instrument),
        CsvDownloads.text(instrumentClass), f.costsYen(), f.hours().toPlainString(), f.recoveredYen(), f.recoveredAcademicYen(), f.recoveredIndustryYen(), f.recoveredOtherYen(),
        f.borneYen(), percent == null ? "" : percent.toPlainString());
  }

  private RecoveryReport report(StaffViewer viewer, FiscalYear year) {
    return recovery.report(year, RecoveryAccess.units(viewer, catalogue.units().stream().map(SupportUnit::code).toList()));
  }
}
