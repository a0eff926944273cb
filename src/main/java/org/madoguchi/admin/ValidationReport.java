package org.madoguchi.admin;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/** The outcome of validating an upload: deployable only when there is no problem. */
@NamedInterface("api")
public record ValidationReport(EngineVersion target, List<ModelProblem> problems) {

  public boolean deployable() {
    return problems.isEmpty();
  }
}
