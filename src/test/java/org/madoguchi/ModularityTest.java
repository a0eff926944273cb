package org.madoguchi;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Feature packages only use each other's published types, and never in a cycle. */
class ModularityTest {

  private final ApplicationModules modules = ApplicationModules.of(MadoguchiApplication.class);

  @Test
  void featurePackagesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void documentsTheModules() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
