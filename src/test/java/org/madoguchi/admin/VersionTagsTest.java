package org.madoguchi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The version tag lands where the engine reads it, in each kind of resource, replacing an earlier one. */
class VersionTagsTest {

  @Test
  void eachProcessGetsOneVersionTagExtension() throws IOException {
    ModelFile tagged = VersionTags.apply(file("bpmn/research-support.bpmn"), "2026.11-a");
    ModelFile retagged = VersionTags.apply(tagged, "2026.12");
    for (ModelFile file : List.of(tagged, retagged)) {
      Process process = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content())).getModelElementsByType(Process.class).iterator().next();
      assertThat(process.getExtensionElements().getChildElementsByType(ZeebeVersionTag.class)).hasSize(1);
    }
    Process process = Bpmn.readModelFromStream(new ByteArrayInputStream(retagged.content())).getModelElementsByType(Process.class).iterator().next();
    assertThat(process.getSingleExtensionElement(ZeebeVersionTag.class).getValue()).isEqualTo("2026.12");
    assertThat(ModelDiff.nodes(retagged)).isEqualTo(ModelDiff.nodes(file("bpmn/research-support.bpmn")));
  }

  @Test
  void eachDecisionGetsOneAfterItsDescriptionAndAFormItsProperty() throws IOException {
    String dmn = new String(VersionTags.apply(file("bpmn/fee-schedule.dmn"), "fees-2").content(), StandardCharsets.UTF_8);
    int decisions = dmn.split("<decision ", -1).length - 1;
    assertThat(decisions).isPositive();
    assertThat(dmn.split("versionTag value=\"fees-2\"", -1).length - 1).isEqualTo(decisions);
    assertThat(dmn).contains("xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\"");

    byte[] form = VersionTags.apply(file("forms/consultation.form"), "form-2").content();
    assertThat(new ObjectMapper().readTree(form).path("versionTag").asText()).isEqualTo("form-2");
    assertThat(new ObjectMapper().readTree(form).path("id").asText()).isEqualTo("consultation");
  }

  @Test
  void aTagIsAShortTokenAndTextsAreLeftAsTheyAre() throws IOException {
    assertThat(VersionTags.isValid("v1")).isTrue();
    assertThat(VersionTags.isValid("x".repeat(VersionTags.MAX_LENGTH))).isTrue();
    assertThat(VersionTags.isValid("x".repeat(VersionTags.MAX_LENGTH + 1))).isFalse();
    assertThat(VersionTags.isValid(" v1")).isFalse();
    assertThat(VersionTags.isValid("v1\"><x")).isFalse();
    assertThatThrownBy(() -> VersionTags.apply(List.of(), "")).isInstanceOf(IllegalArgumentException.class);
    ModelFile texts = file("forms/support-request.ja.json");
    assertThat(VersionTags.apply(texts, "v1")).isSameAs(texts);
  }

  private static ModelFile file(String path) throws IOException {
    return new ModelFile(Path.of(path).getFileName().toString(), Files.readAllBytes(Path.of(path)));
  }
}
