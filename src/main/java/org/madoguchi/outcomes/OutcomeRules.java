package org.madoguchi.outcomes;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.madoguchi.common.web.InvalidRequestException.Violation;
import org.madoguchi.cases.CaseStatus;

/**
 * Outcome-report rules beyond single fields: at least one paper, patent or seed; each DOI and patent
 * application number once per case (DOIs compared case-insensitively, application numbers ignoring
 * case and blanks), whether repeated within the report or reported before.
 */
final class OutcomeRules {

  static final String DOI = "^10\\.\\d{4,9}/\\S+$";
  static final String STAGES = "hit|lead|candidate|clinical";

  /** A case can report outcomes from the start of the support on, unless it ended without support. */
  static final Set<CaseStatus> REPORTABLE =
      EnumSet.of(
          CaseStatus.IN_SUPPORT,
          CaseStatus.FEE_ASSESSMENT,
          CaseStatus.AWAITING_STATEMENT_RESPONSE,
          CaseStatus.DATA_DEPOSIT,
          CaseStatus.CLOSED);

  private OutcomeRules() {}

  static List<Violation> check(OutcomeRequest request, Set<String> reportedDois, Set<String> reportedApplications) {
    List<Violation> violations = new ArrayList<>();
    if (request.paperList().isEmpty() && request.patentList().isEmpty() && request.seedList().isEmpty()) {
      violations.add(new Violation("report", "outcomes.validation.empty"));
      return violations;
    }
    Set<String> dois = new HashSet<>(reportedDois);
    for (int i = 0; i < request.paperList().size(); i++) {
      OutcomeRequest.Paper paper = request.paperList().get(i);
      if (paper == null || paper.doi() == null || paper.doi().isBlank()) {
        continue;
      }
      if (!dois.add(doiKey(paper.doi()))) {
        violations.add(new Violation("papers[" + i + "].doi", "outcomes.validation.doi.duplicate", paper.doi().strip()));
      }
    }
    Set<String> applications = new HashSet<>(reportedApplications);
    for (int i = 0; i < request.patentList().size(); i++) {
      OutcomeRequest.Patent patent = request.patentList().get(i);
      if (patent == null || patent.applicationNumber() == null || patent.applicationNumber().isBlank()) {
        continue;
      }
      if (!applications.add(applicationKey(patent.applicationNumber()))) {
        violations.add(
            new Violation(
                "patents[" + i + "].applicationNumber",
                "outcomes.validation.application.duplicate",
                patent.applicationNumber().strip()));
      }
    }
    return violations;
  }

  /** DOIs are case-insensitive: stored and compared in lower case. */
  static String doiKey(String doi) {
    return doi.strip().toLowerCase(Locale.ROOT);
  }

  /** Application numbers as stored: upper case, without blanks ("PCT/JP 2026/001" = "pct/jp2026/001"). */
  static String applicationKey(String number) {
    return number.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
