package org.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every form staff work on in Tasklist links to the case file and stays within what Tasklist 8.6 renders. */
class StaffFormsTest {

  @ParameterizedTest
  @FieldSource("org.madoguchi.forms.StaffForms#NAMES")
  void linksToTheCaseFile(String name) {
    JsonNode form = StaffForms.read(name);
    assertThat(form.path("components").findValuesAsText("text")).anySatisfy(text -> assertThat(text).contains(StaffForms.CASE_FILE_LINK));
    assertThat(StaffForms.variablesRead(form)).contains("staffCaseUrl");
  }

  @ParameterizedTest
  @FieldSource("org.madoguchi.forms.StaffForms#NAMES")
  void usesSchemaVersion16(String name) {
    assertThat(StaffForms.read(name).path("schemaVersion").asInt()).isEqualTo(16);
  }

  @org.junit.jupiter.api.Test
  void readsPlaceholdersAndFeelNamesButNotItsOwnFields() {
    assertThat(StaffForms.variablesRead(StaffForms.read("consultation")))
        .contains("caseNumber", "caseRequest", "staffCaseUrl", "deskStaff", "unitStaff", "applicantCategory", "fastTrack")
        .doesNotContain("consultationOutcome", "plannedUnits", "confirmedCategory", "unitContacts", "this");
  }
}
