package org.madoguchi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.value.deployment.DecisionRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.FormMetadataValue;
import io.camunda.zeebe.protocol.record.value.deployment.ProcessMetadataValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.madoguchi.workflow.inmemory.InMemoryZeebe;

/** The engine reads the tag written into a process, a decision and a form, from one deployment. */
class VersionTagsIT {

  @Test
  void theEngineReadsTheTagOfEachKindOfResource() throws Exception {
    List<ModelFile> files = List.of(
        file("bpmn/unit-support.bpmn"), file("bpmn/fee-schedule.dmn"), file("forms/unit-assignment.form"), file("forms/reschedule.form"),
        file("forms/instrument-session.form"));
    try (InMemoryZeebe engine = InMemoryZeebe.start();
        CamundaClient client = engine.newClient(Duration.ofSeconds(30))) {
      List<ModelFile> tagged = VersionTags.apply(files, "tag-1");
      var withResources = client.newDeployResourceCommand().addResourceBytes(tagged.get(0).content(), tagged.get(0).name());
      for (ModelFile file : tagged.subList(1, tagged.size())) {
        withResources = withResources.addResourceBytes(file.content(), file.name());
      }
      withResources.send().join();
      List<Record<?>> records = StreamSupport.stream(engine.records().spliterator(), false).toList();
      assertThat(values(records, ValueType.PROCESS, ProcessMetadataValue.class)).extracting(ProcessMetadataValue::getVersionTag).containsOnly("tag-1");
      assertThat(values(records, ValueType.DECISION, DecisionRecordValue.class)).extracting(DecisionRecordValue::getVersionTag).containsOnly("tag-1");
      assertThat(values(records, ValueType.FORM, FormMetadataValue.class)).extracting(FormMetadataValue::getVersionTag).containsOnly("tag-1");
    }
  }

  private static <T> List<T> values(List<Record<?>> records, ValueType type, Class<T> valueType) {
    return records.stream().filter(r -> r.getValueType() == type).map(r -> valueType.cast(r.getValue())).toList();
  }

  private static ModelFile file(String path) throws Exception {
    return new ModelFile(Path.of(path).getFileName().toString(), Files.readAllBytes(Path.of(path)));
  }
}
