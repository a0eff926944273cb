package org.madoguchi.admin;

import java.util.List;

/** The outcome of validating an upload: deployable only when there is no problem. */
public record ValidationReport(EngineVersion target, List<ModelProblem> problems) {

  public boolean deployable() {
    return problems.isEmpty();
  }
}
