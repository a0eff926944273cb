package org.madoguchi.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.madoguchi.testsupport.Journey;

/**
 * The one journey both phases play, with the same inputs: an industry applicant asks for cryo-EM; the
 * desk plans one unit (structure); the unit accepts a 4 h cryo-EM session; the operator records it
 * with one reagent and one dataset; finance approves the non-zero statement; the applicant accepts it
 * and deposits the dataset; the data steward verifies it; the case closes. The staff forms carry what
 * {@link Journey} (the process tests' driver) sends for the same steps. The fault-injection suite
 * (org.madoguchi.faults) plays it too, against the local stack.
 */
public final class BenchJourney {

  static final ZoneId FACILITY_ZONE = ZoneId.of("Asia/Tokyo");
  static final String UNIT = "structure";
  static final String INSTRUMENT_CLASS = "cryo-em";
  static final double SESSION_HOURS = 4;

  /** The automated steps (job types) of the measured path, in process order. */
  static final List<String> PATH_JOB_TYPES =
      List.of(
          "case.register",
          "consultation.record",
          "units.record-assignment",
          "booking.reserve",
          "booking.record-usage",
          "fees.prepare",
          "fees.assess",
          "fees.send-statement",
          "fees.issue-invoice",
          "deposit.open",
          "deposit.record-verification",
          "case.close");

  private BenchJourney() {}

  /** The applicant's request, as the REST API receives it (and, in the no-op phase, as intake would pass it on). */
  public static Map<String, Object> request(String email) {
    Map<String, Object> request = new HashMap<>();
    request.put("applicantName", "佐藤 健");
    request.put("affiliation", "Discovery Research Laboratories, Example Pharma Co., Ltd.");
    request.put("email", email);
    request.put("applicantCategory", "industry");
    request.put("language", "ja");
    request.put("title", "Cryo-EM structure of a GPCR bound to a lead compound");
    request.put("summary", "Single-particle cryo-EM of a detergent-solubilised GPCR in complex with our lead compound.");
    request.put("aims", "A map below 3.5 Å around the ligand pocket to guide optimisation.");
    request.put("targets", "Purified receptor-G protein complex, 3 mg/ml, 100 µl");
    request.put("requestedServices", List.of("cryo-em"));
    request.put("confidentiality", "confidential");
    request.put("dataPolicyAccepted", true);
    return request;
  }

  /** The process variables intake starts {@code research-support} with (see IntakeService.processVariables). */
  static Map<String, Object> processVariables(long caseId, String caseNumber, Map<String, Object> request) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseId", caseId);
    variables.put("caseNumber", caseNumber);
    variables.put("caseTitle", request.get("title"));
    variables.put("applicantName", request.get("applicantName") + " (" + request.get("affiliation") + ")");
    variables.put("applicantCategory", request.get("applicantCategory"));
    variables.put("fastTrack", false);
    variables.put("requestedServices", request.get("requestedServices"));
    variables.put("language", request.get("language"));
    return variables;
  }

  /**
   * What staff enter in a user task's form, or null for a task this journey never meets.
   *
   * @param attempt how many times this case has met the task before (a second Reschedule asks later)
   */
  public static Map<String, Object> staffForm(String elementId, int attempt) {
    return switch (elementId) {
      case "Consultation" ->
          Map.of(
              "consultationOutcome", "accept",
              "plannedUnits", List.of(UNIT),
              "supportPlan", "One cryo-EM session on the structure unit's microscopes; data deposited to EMPIAR.");
      case "AcceptAssignment" -> {
        Map<String, Object> form = new HashMap<>();
        form.put("unitDecision", "accept");
        form.put("leadOperator", "Operator of " + UNIT);
        form.put("estimatedHours", SESSION_HOURS);
        form.put("instrumentClass", INSTRUMENT_CLASS);
        form.put("preferredStart", preferredStart(0));
        yield form;
      }
      case "Reschedule" ->
          Map.of(
              "preferredStart", preferredStart(attempt + 1),
              "estimatedHours", SESSION_HOURS,
              "instrumentClass", INSTRUMENT_CLASS);
      case "InstrumentSession" -> {
        Map<String, Object> form = new HashMap<>();
        form.put("actualHours", SESSION_HOURS);
        form.put("consumables", List.of(Journey.consumable("Quantifoil R1.2/1.3 grids", "reagent", 4, 2500)));
        form.put("elnReference", "ELN-2026-0042");
        form.put("datasets", List.of(Journey.dataset("Cryo-EM movies of the complex", "cryo-em-movies", 1.5)));
        form.put("sessionNotes", "Session went as planned.");
        yield form;
      }
      case "FinanceReview" -> Map.of("financeApproved", true, "financeNote", "Checked against usage.");
      case "VerifyDeposit" -> Map.of("verification", "verified", "stewardNote", "Manifest and accession checked.");
      default -> null;
    };
  }

  /** Two weeks ahead (as the process tests ask), a further week per reschedule. */
  static String preferredStart(int reschedules) {
    return LocalDate.now(FACILITY_ZONE).plusDays(14L + 7L * reschedules).toString();
  }
}
