package org.madoguchi.admin.validation;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.madoguchi.admin.EngineVersion;
import org.madoguchi.admin.JobWorkers;
import org.madoguchi.admin.ModelFile;
import org.madoguchi.admin.ModelValidator;
import org.madoguchi.admin.ValidationReport;

/**
 * The validation of uploads, with or without Spring: the admin console's component and the command line
 * each build one with their own sources of workers and unit codes. Engine-level checks on the uploaded
 * files, then Madoguchi's contract on the set they make with the deployed models (an uploaded file
 * replaces the deployed one of its name).
 * The contract is checked only when every uploaded file passed the engine-level checks: what the engine
 * would refuse is reported first, without the follow-on problems it would cause.
 */
public final class ModelChecks implements ModelValidator {

  private final EngineChecks engine;
  private final ProcessContract contract;
  private final Supplier<List<JobWorkers.Worker>> workers;
  private final Predicate<String> unitExists;

  /**
   * @param workers the application's job workers (asked once per validation: supply a cached list)
   * @param unitExists whether a unit code exists now (candidate groups {@code unit-<code>}, {@code operators-<code>})
   */
  public ModelChecks(
      Clock clock, ProcessContract contract, Supplier<List<JobWorkers.Worker>> workers, Predicate<String> unitExists) {
    this.engine = new EngineChecks(clock);
    this.contract = contract;
    this.workers = workers;
    this.unitExists = unitExists;
  }

  @Override
  public ValidationReport validate(List<ModelFile> upload, List<ModelFile> deployed, EngineVersion target, Locale locale) {
    Problems problems = new Problems(locale);
    if (!SafeInput.fewEnoughFiles(upload, problems)) {
      return new ValidationReport(target, problems.list());
    }
    ParsedModels uploaded = engine.check(upload, target, problems);
    if (problems.any()) {
      return new ValidationReport(target, problems.list());
    }
    List<String> replaced = upload.stream().map(ModelFile::name).toList();
    List<ModelFile> kept = deployed.stream().filter(file -> !replaced.contains(file.name())).toList();
    // The deployed models passed when they were deployed; their engine-level findings are not this upload's.
    ParsedModels set = engine.check(kept, target, new Problems(locale));
    set.bpmn.putAll(uploaded.bpmn);
    set.decisions.putAll(uploaded.decisions);
    set.forms.putAll(uploaded.forms);
    set.translations.putAll(uploaded.translations);
    new ContractChecks(contract, workers.get(), unitExists).check(set, problems);
    return new ValidationReport(target, problems.list());
  }

  @Override
  public ValidationReport validateForEngine(List<ModelFile> upload, EngineVersion target, Locale locale) {
    Problems problems = new Problems(locale);
    if (SafeInput.fewEnoughFiles(upload, problems)) {
      engine.check(upload, target, problems);
    }
    return new ValidationReport(target, problems.list());
  }
}
