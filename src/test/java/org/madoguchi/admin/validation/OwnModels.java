package org.madoguchi.admin.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.madoguchi.admin.EngineVersion;
import org.madoguchi.admin.JobWorkers;
import org.madoguchi.admin.ModelFile;
import org.madoguchi.admin.ModelProblem;

/**
 * Madoguchi's own models (bpmn/, forms/) and the checks as the command line builds them, shared by the
 * tests; {@link #changed} makes a variant of one file with one defect.
 */
final class OwnModels {

  static final Set<String> UNITS = SeededUnitCodes.read();
  static final List<JobWorkers.Worker> WORKERS = JobWorkers.scan();
  static final ModelChecks CHECKS = new ModelChecks(Clock.systemUTC(), ProcessContract.load(), () -> WORKERS, UNITS::contains);

  private OwnModels() {}

  /** Every file of bpmn/ and forms/, as deployed. */
  static List<ModelFile> all() {
    List<ModelFile> files = new ArrayList<>();
    for (String folder : List.of("bpmn", "forms")) {
      try (Stream<Path> listed = Files.list(Path.of(folder))) {
        for (Path file : listed.sorted().toList()) {
          files.add(new ModelFile(file.getFileName().toString(), Files.readAllBytes(file)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  static ModelFile file(String name) {
    return all().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  /** {@code name} with the first {@code from} replaced by {@code to}; fails when {@code from} is not there. */
  static ModelFile changed(String name, String from, String to) {
    String text = new String(file(name).content(), StandardCharsets.UTF_8);
    if (!text.contains(from)) {
      throw new IllegalArgumentException(name + " has no " + from);
    }
    return new ModelFile(name, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to))
        .getBytes(StandardCharsets.UTF_8));
  }

  /** The problems of uploading {@code upload} over Madoguchi's own models. */
  static List<ModelProblem> problemsOf(EngineVersion target, ModelFile... upload) {
    return CHECKS.validate(List.of(upload), all(), target, Locale.ENGLISH).problems();
  }

  static List<ModelProblem> problemsOf(ModelFile... upload) {
    return problemsOf(EngineVersion.CAMUNDA_8_8, upload);
  }

  static ModelFile text(String name, String content) {
    return new ModelFile(name, content.getBytes(StandardCharsets.UTF_8));
  }
}
