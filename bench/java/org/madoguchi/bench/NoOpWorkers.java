package org.madoguchi.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One worker per job type of the models that completes each job at once with the smallest outputs that
 * keep the instance on the journey's main path, shaped as the real workers' outputs are. Same worker
 * settings as the application's, and each fetches the variables the real worker of its type fetches.
 */
final class NoOpWorkers implements AutoCloseable {

  /** Dataset ids far above MariaDB's, so a buffered no-op message can never meet a real dataset. */
  static final long DATASET_ID_BASE = 900_000_000L;

  /** The variables a no-op output is computed from, fetched even where no real worker exists yet. */
  private static final Map<String, List<String>> NEEDS =
      Map.of(
          "booking.reserve", List.of("caseId"),
          "booking.record-usage", List.of("unitCode"),
          "fees.prepare", List.of("caseId"),
          "deposit.open", List.of("caseId"));

  private static final String KRIOS = "Titan Krios G4 (Osaka)";
  private static final String GLACIOS = "Glacios (Yokohama)";

  private final List<JobWorker> workers = new ArrayList<>();
  private final AtomicLong sequence = new AtomicLong(1);

  NoOpWorkers(CamundaClient client, Set<String> jobTypes, RealWorkers real, WorkerSettings settings) {
    for (String type : jobTypes) {
      RealWorkers.Worker worker = real.get(type);
      var builder =
          client.newWorker()
              .jobType(type)
              .handler((jobClient, job) -> jobClient.newCompleteCommand(job).variables(outputs(job)).send())
              .name("noop-" + type)
              .maxJobsActive(settings.maxJobsActive())
              .pollInterval(settings.pollInterval())
              .timeout(settings.timeout())
              .streamEnabled(settings.streamEnabled());
      if (worker == null || worker.fetchVariables() != null) {
        Set<String> fetch = new LinkedHashSet<>(worker == null ? List.of() : worker.fetchVariables());
        fetch.addAll(NEEDS.getOrDefault(type, List.of()));
        builder = builder.fetchVariables(List.copyOf(fetch));
      }
      workers.add(builder.open());
    }
  }

  Map<String, Object> outputs(ActivatedJob job) {
    long n = sequence.getAndIncrement();
    return switch (job.getType()) {
      case "case.register" ->
          Map.of("taskPriority", 50, "consultationDue", OffsetDateTime.now(BenchJourney.FACILITY_ZONE).plusDays(5).toString());
      case "booking.reserve" -> {
        boolean krios = usesKrios(job);
        ZonedDateTime start =
            LocalDate.parse(BenchJourney.preferredStart(0)).atTime(LocalTime.of(9, 0)).atZone(BenchJourney.FACILITY_ZONE);
        yield Map.of(
            "bookingId", n,
            "instrumentName", krios ? KRIOS : GLACIOS,
            "slotStart", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start),
            "slotEnd", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start.plusHours((long) BenchJourney.SESSION_HOURS)));
      }
      case "booking.record-usage" ->
          Map.of("unitSupportResult", Map.of("unitCode", String.valueOf(job.getVariable("unitCode")), "outcome", "completed", "usageRecordId", n));
      case "fees.prepare" -> Map.of("feeItems", feeItems(n, usesKrios(job)));
      case "fees.assess" -> Map.of("feeTotal", 410_000L, "statementId", n);
      case "fees.issue-invoice" -> Map.of("invoiceNumber", "INV-NOOP-" + n);
      case "deposit.open" -> Map.of("datasetIds", List.of(DATASET_ID_BASE + ((Number) job.getVariable("caseId")).longValue()));
      default -> Map.of();
    };
  }

  /**
   * As booking records a 4 h session with one reagent: upkeep, operator time on the operator-assisted
   * Krios, and the reagent. The real run books the two cryo-EM microscopes in turn (the earliest free
   * slot wins), so the no-op run alternates them by case: 2.5 fee items per case in both phases.
   */
  private static List<Map<String, Object>> feeItems(long n, boolean krios) {
    List<Map<String, Object>> items = new ArrayList<>();
    items.add(feeItem(n * 10 + 1, "instrument-upkeep", BenchJourney.SESSION_HOURS, krios ? 50_000 : 20_000, krios ? KRIOS : GLACIOS));
    if (krios) {
      items.add(feeItem(n * 10 + 2, "operator-time", BenchJourney.SESSION_HOURS, 8_000, "Operator time: " + KRIOS));
    }
    items.add(feeItem(n * 10 + 3, "reagent", 4, 2_500, "Quantifoil R1.2/1.3 grids"));
    return items;
  }

  private static boolean usesKrios(ActivatedJob job) {
    return ((Number) job.getVariable("caseId")).longValue() % 2 == 1;
  }

  private static Map<String, Object> feeItem(long id, String kind, double quantity, long unitCostYen, String description) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("usageItemId", id);
    item.put("applicantCategory", "industry");
    item.put("instrumentClass", BenchJourney.INSTRUMENT_CLASS);
    item.put("itemKind", kind);
    item.put("fastTrack", false);
    item.put("quantity", quantity == Math.rint(quantity) ? (Object) (long) quantity : (Object) quantity);
    item.put("unitCostYen", unitCostYen);
    item.put("description", description);
    return item;
  }

  @Override
  public void close() {
    workers.forEach(JobWorker::close);
  }
}
