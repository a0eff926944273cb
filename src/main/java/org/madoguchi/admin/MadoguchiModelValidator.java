package org.madoguchi.admin;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.madoguchi.admin.validation.ModelChecks;
import org.madoguchi.admin.validation.ProcessContract;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.stereotype.Component;

/**
 * The validation of uploads in the running application: the unit codes of candidate groups are checked
 * against the unit catalogue as it is now; the workers are the application's, scanned on first use.
 */
@Component
class MadoguchiModelValidator implements ModelValidator {

  private final ModelChecks checks;
  private List<JobWorkers.Worker> workers;

  MadoguchiModelValidator(Clock clock, UnitCatalogue units) {
    this.checks = new ModelChecks(clock, ProcessContract.load(), this::workers, units::isKnownUnit);
  }

  private synchronized List<JobWorkers.Worker> workers() {
    if (workers == null) {
      workers = JobWorkers.scan();
    }
    return workers;
  }

  @Override
  public ValidationReport validate(List<ModelFile> upload, List<ModelFile> deployed, EngineVersion target, Locale locale) {
    return checks.validate(upload, deployed, target, locale);
  }

  @Override
  public ValidationReport validateForEngine(List<ModelFile> upload, EngineVersion target, Locale locale) {
    return checks.validateForEngine(upload, target, locale);
  }
}
