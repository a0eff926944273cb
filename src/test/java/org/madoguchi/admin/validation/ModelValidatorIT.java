package org.madoguchi.admin.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.madoguchi.admin.EngineVersion;
import org.madoguchi.admin.ModelProblem;
import org.madoguchi.admin.ModelValidator;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The validator in the running application: unit codes come from the catalogue in the database, so a
 * unit an administrator added is a valid candidate group at once.
 */
@MadoguchiIT
class ModelValidatorIT {

  @Autowired ModelValidator validator;
  @Autowired JdbcTemplate jdbc;

  @Test
  void candidateGroupsAreCheckedAgainstTheUnitCatalogueAsItIsNow() {
    var upload = OwnModels.changed("research-support.bpmn", "source=\"=&#34;finance&#34;\"", "source=\"=&#34;unit-glycomics&#34;\"");
    assertThat(validator.validate(List.of(upload), OwnModels.all(), EngineVersion.CAMUNDA_8_6, Locale.ENGLISH).problems())
        .extracting(ModelProblem::elementId, ModelProblem::code)
        .containsExactly(tuple("FinanceReview", "candidate-group-unknown"));

    jdbc.update("insert into support_units (code, name_ja, name_en, description) values ('glycomics', '糖鎖解析', 'Glycomics', 'Glycan analysis.')");
    try {
      assertThat(validator.validate(List.of(upload), OwnModels.all(), EngineVersion.CAMUNDA_8_6, Locale.ENGLISH).problems()).isEmpty();
    } finally {
      // The database is shared with the other tests, whose unit lists are the seeded ones.
      jdbc.update("delete from support_units where code = 'glycomics'");
    }
  }

  @Test
  void madoguchisOwnModelsAreDeployableOnBothVersions() {
    for (EngineVersion target : EngineVersion.values()) {
      assertThat(validator.validate(OwnModels.all(), List.of(), target, Locale.JAPANESE).deployable()).isTrue();
    }
  }
}
