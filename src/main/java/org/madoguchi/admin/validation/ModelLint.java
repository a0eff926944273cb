package org.madoguchi.admin.validation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.madoguchi.admin.EngineVersion;
import org.madoguchi.admin.JobWorkers;
import org.madoguchi.admin.ModelFile;
import org.madoguchi.admin.ModelProblem;
import org.madoguchi.admin.ValidationReport;

/**
 * {@code bin/madoguchi lint [--engine 8.6|8.8] [--lang ja|en] [dir]}: the admin console's validation of
 * the models in {@code dir} (bpmn/*.bpmn, bpmn/*.dmn, forms/*.form, forms/*.json; default the current
 * directory), for the given engine version or, without --engine, for every version Madoguchi deploys to.
 * One line per problem, then a summary line per version; exit status 1 when there is a problem.
 */
public final class ModelLint {

  private ModelLint() {}

  public static void main(String[] args) throws IOException {
    List<EngineVersion> targets = new ArrayList<>(List.of(EngineVersion.values()));
    Locale locale = Locale.ENGLISH;
    Path dir = Path.of(".");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--engine" -> targets = List.of(engine(value(args, ++i)));
        case "--lang" -> locale = Locale.forLanguageTag(value(args, ++i));
        default -> dir = Path.of(args[i]);
      }
    }
    System.exit(run(dir, targets, locale, System.out) ? 0 : 1);
  }

  /** Lints {@code dir} for each target; true when no problem was found. */
  static boolean run(Path dir, List<EngineVersion> targets, Locale locale, PrintStream out) throws IOException {
    List<ModelFile> files = read(dir);
    List<JobWorkers.Worker> workers = JobWorkers.scan();
    Set<String> units = SeededUnitCodes.read();
    ModelChecks checks = new ModelChecks(Clock.systemUTC(), ProcessContract.load(), () -> workers, units::contains);
    boolean clean = true;
    for (EngineVersion target : targets) {
      ValidationReport report = checks.validate(files, List.of(), target, locale);
      for (ModelProblem problem : report.problems()) {
        out.printf("%s%s: [%s] %s%n", problem.file() == null ? "(upload)" : problem.file(), problem.elementId() == null ? "" : ":" + problem.elementId(),
            problem.code(), problem.message());
      }
      out.printf("%d problems for Camunda %s; %s%n", report.problems().size(), target.label(), counts(files));
      clean &= report.deployable();
    }
    return clean;
  }

  private static List<ModelFile> read(Path dir) throws IOException {
    List<ModelFile> files = new ArrayList<>();
    for (String folder : List.of("bpmn", "forms")) {
      Path path = dir.resolve(folder);
      if (!Files.isDirectory(path)) {
        continue;
      }
      try (Stream<Path> listed = Files.list(path)) {
        for (Path file : listed.filter(Files::isRegularFile).sorted().toList()) {
          String name = file.getFileName().toString();
          if (Stream.of(".bpmn", ".dmn", ".form", ".json").anyMatch(name::endsWith)) {
            files.add(new ModelFile(name, Files.readAllBytes(file)));
          }
        }
      }
    }
    return files;
  }

  private static String counts(List<ModelFile> files) {
    return Stream.of("bpmn", "dmn", "form", "json")
        .map(kind -> files.stream().filter(f -> f.name().endsWith("." + kind)).count() + " " + kind)
        .reduce((a, b) -> a + ", " + b).orElse("");
  }

  private static EngineVersion engine(String label) {
    return Arrays.stream(EngineVersion.values()).filter(v -> v.label().equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("--engine takes 8.6 or 8.8, not " + label));
  }

  private static String value(String[] args, int index) {
    if (index >= args.length) {
      throw new IllegalArgumentException(args[index - 1] + " needs a value");
    }
    return args[index];
  }
}
