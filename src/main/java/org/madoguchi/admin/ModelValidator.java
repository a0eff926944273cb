package org.madoguchi.admin;

import java.util.List;
import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/**
 * Checks an upload before anything reaches the engine: safe, well-formed XML and JSON within limits, the
 * BPMN and DMN schemas, Zeebe's own validators, the target engine version's features, and Madoguchi's
 * contract (workers, forms, candidate groups, translations, messages and variables).
 */
@NamedInterface("api")
public interface ModelValidator {

  /** The most files one upload may hold: every model of the platform at once, with room to grow. */
  int MAX_FILES = 64;

  /**
   * @param upload the files to deploy; a file named like a deployed one replaces it
   * @param deployed the models deployed now, which the upload may refer to (a form, a called process)
   */
  ValidationReport validate(List<ModelFile> upload, List<ModelFile> deployed, EngineVersion target, Locale locale);

  /**
   * The engine-level checks only (safe input, schemas, Zeebe's validators, the target version's features),
   * without Madoguchi's contract: for models that are not Madoguchi's, such as public examples.
   */
  ValidationReport validateForEngine(List<ModelFile> upload, EngineVersion target, Locale locale);
}
