package org.madoguchi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/** The side-by-side report: printed, and written as Markdown and JSON. */
final class Report {

  private final Map<String, String> machine;
  private final Map<String, String> settings;
  private final PhaseResult noop;
  private final PhaseResult real;

  Report(Map<String, String> machine, Map<String, String> settings, PhaseResult noop, PhaseResult real) {
    this.machine = machine;
    this.settings = settings;
    this.noop = noop;
    this.real = real;
  }

  /** Plain-text table for the console. */
  String text() {
    StringBuilder out = new StringBuilder();
    out.append("\n==== Madoguchi journey benchmark ====\n");
    machine.forEach((k, v) -> out.append(String.format("  %-22s %s%n", k, v)));
    settings.forEach((k, v) -> out.append(String.format("  %-22s %s%n", k, v)));
    out.append('\n');
    List<String[]> rows = summaryRows();
    String format = "  %-38s %12s %12s %12s%n";
    out.append(String.format(format, "metric", "no-op", "real", "real/no-op"));
    out.append(String.format(format, "-".repeat(38), "-".repeat(12), "-".repeat(12), "-".repeat(12)));
    rows.forEach(r -> out.append(String.format(format, (Object[]) r)));
    out.append('\n');
    String typeFormat = "  %-28s %6s %10s %10s %10s %10s %10s%n";
    out.append(String.format(typeFormat, "automated step (job type)", "jobs", "no-op p50", "no-op p99", "real p50", "real p99", "p50 ratio"));
    out.append(String.format(typeFormat, "-".repeat(28), "-".repeat(6), "-".repeat(10), "-".repeat(10), "-".repeat(10), "-".repeat(10), "-".repeat(10)));
    typeRows().forEach(r -> out.append(String.format(typeFormat, (Object[]) r)));
    out.append("\n  Latencies in ms (engine record time, whole ms). real/no-op > 1 means the real run is slower (for cases/s: < 1).\n");
    problems().forEach(p -> out.append("  ! ").append(p).append('\n'));
    return out.toString();
  }

  String markdown() {
    StringBuilder md = new StringBuilder("# Madoguchi journey benchmark\n\n");
    machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    settings.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    md.append("\n| metric | no-op | real | real/no-op |\n|---|---:|---:|---:|\n");
    summaryRows().forEach(r -> md.append("| ").append(String.join(" | ", r)).append(" |\n"));
    md.append("\n| automated step (job type) | jobs | no-op p50 | no-op p99 | real p50 | real p99 | p50 ratio |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|\n");
    typeRows().forEach(r -> md.append("| ").append(String.join(" | ", r)).append(" |\n"));
    md.append("\nLatencies in ms (engine record time, whole ms).\n");
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      md.append("\nProblems seen:\n\n");
      problems.forEach(p -> md.append("- ").append(p).append('\n'));
    }
    return md.toString();
  }

  String json() throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("machine", machine);
    doc.put("settings", settings);
    doc.put("noop", noop);
    doc.put("real", real);
    doc.put("ratios", ratios());
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
  }

  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("report.md"), markdown(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("report.json"), json(), StandardCharsets.UTF_8);
  }

  private Map<String, Double> ratios() {
    Map<String, Double> ratios = new LinkedHashMap<>();
    if (noop != null && real != null) {
      ratios.put("casesPerSecond", real.casesPerSecond() / noop.casesPerSecond());
      ratios.put("caseP50", real.caseMillis().p50() / noop.caseMillis().p50());
      ratios.put("caseP99", real.caseMillis().p99() / noop.caseMillis().p99());
      ratios.put("jobP50", real.jobMillis().p50() / noop.jobMillis().p50());
      ratios.put("jobP99", real.jobMillis().p99() / noop.jobMillis().p99());
      ratios.put("jobMean", real.jobMillis().mean() / noop.jobMillis().mean());
    }
    return ratios;
  }

  private List<String[]> summaryRows() {
    List<String[]> rows = new ArrayList<>();
    rows.add(row("measured cases", p -> p.cases(), "%.0f", false));
    rows.add(row("wall time (s)", PhaseResult::wallSeconds, "%.1f", true));
    rows.add(row("cases per second", PhaseResult::casesPerSecond, "%.2f", true));
    rows.add(row("case end-to-end p50 (ms)", p -> p.caseMillis().p50(), "%.0f", true));
    rows.add(row("case end-to-end p99 (ms)", p -> p.caseMillis().p99(), "%.0f", true));
    rows.add(row("automated step p50 (ms)", p -> p.jobMillis().p50(), "%.0f", true));
    rows.add(row("automated step p99 (ms)", p -> p.jobMillis().p99(), "%.0f", true));
    rows.add(row("automated step mean (ms)", p -> p.jobMillis().mean(), "%.1f", true));
    rows.add(row("automated steps per case", PhaseResult::jobsPerCase, "%.1f", false));
    rows.add(row("fee items per case (DMN runs)", PhaseResult::feeItemsPerCase, "%.1f", false));
    rows.add(row("engine records per case", PhaseResult::recordsPerCase, "%.0f", true));
    rows.add(row("CPU per case, JVM + MariaDB (ms)", PhaseResult::cpuMillisPerCase, "%.0f", true));
    rows.add(row("  of which MariaDB (ms)", PhaseResult::dbCpuMillisPerCase, "%.0f", false));
    rows.add(row("  of which the robot (ms)", p -> p.robotCpuSecondsPerCase() * 1000, "%.0f", false));
    rows.add(row("CPU use (% of all cores)", PhaseResult::cpuPercent, "%.0f", false));
    rows.add(row("  idle, no case open (%)", PhaseResult::idleCpuPercent, "%.1f", false));
    rows.add(row("CPU per case above idle (ms)", PhaseResult::cpuMillisPerCaseAboveIdle, "%.0f", true));
    for (String step : new TreeSet<>(steps())) {
      rows.add(row("applicant " + step + " p50 (ms)", p -> stat(p, step).p50(), "%.0f", true));
    }
    rows.add(row("failed jobs / timed-out jobs", p -> p.failedJobs() + p.jobTimeouts(), "%.0f", false));
    rows.add(row("NO_SLOT errors / reschedules", p -> p.bpmnErrors() + p.reschedules(), "%.0f", false));
    rows.add(row("start-up before the phase (s)", PhaseResult::startupSeconds, "%.1f", false));
    return rows;
  }

  private List<String[]> typeRows() {
    TreeSet<String> types = new TreeSet<>();
    if (noop != null) {
      types.addAll(noop.jobMillisByType().keySet());
    }
    if (real != null) {
      types.addAll(real.jobMillisByType().keySet());
    }
    List<String> ordered = new ArrayList<>(BenchJourney.PATH_JOB_TYPES);
    types.stream().filter(t -> !ordered.contains(t)).forEach(ordered::add);
    List<String[]> rows = new ArrayList<>();
    for (String type : ordered) {
      Stats n = noop == null ? Stats.EMPTY : noop.jobMillisByType().getOrDefault(type, Stats.EMPTY);
      Stats r = real == null ? Stats.EMPTY : real.jobMillisByType().getOrDefault(type, Stats.EMPTY);
      if (n.count() == 0 && r.count() == 0) {
        continue;
      }
      rows.add(new String[] {
        type, String.valueOf(Math.max(n.count(), r.count())), num(n.p50(), "%.0f"), num(n.p99(), "%.0f"),
        num(r.p50(), "%.0f"), num(r.p99(), "%.0f"), ratio(r.p50(), n.p50())
      });
    }
    return rows;
  }

  private String[] row(String name, ToDoubleFunction<PhaseResult> value, String format, boolean withRatio) {
    double n = noop == null ? Double.NaN : value.applyAsDouble(noop);
    double r = real == null ? Double.NaN : value.applyAsDouble(real);
    return new String[] {name, num(n, format), num(r, format), withRatio ? ratio(r, n) : ""};
  }

  private List<String> steps() {
    List<String> steps = new ArrayList<>();
    for (PhaseResult p : new PhaseResult[] {noop, real}) {
      if (p != null) {
        p.applicantStepMillis().keySet().stream().filter(s -> !steps.contains(s)).forEach(steps::add);
      }
    }
    return steps;
  }

  private static Stats stat(PhaseResult p, String step) {
    return p.applicantStepMillis().getOrDefault(step, Stats.EMPTY);
  }

  private List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (PhaseResult p : new PhaseResult[] {noop, real}) {
      if (p != null) {
        p.problems().forEach(problem -> problems.add(p.name() + ": " + problem));
      }
    }
    if (noop != null && real != null && Math.abs(noop.jobsPerCase() - real.jobsPerCase()) > 0.01) {
      problems.add("the phases ran a different number of automated steps per case: the paths differ");
    }
    return problems;
  }

  private static String num(double value, String format) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, format, value);
  }

  private static String ratio(double real, double noop) {
    if (Double.isNaN(real) || Double.isNaN(noop) || noop == 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.2f", real / noop);
  }
}
