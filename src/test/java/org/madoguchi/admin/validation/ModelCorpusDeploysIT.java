package org.madoguchi.admin.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.admin.validation.ModelCorpus.problemsOf;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.madoguchi.admin.EngineVersion;
import org.madoguchi.admin.ModelFile;
import org.madoguchi.workflow.inmemory.InMemoryZeebe;

/**
 * The validator's verdict for 8.8 on the public corpus checked against the 8.8 engine itself: every file
 * it accepts deploys, every file it refuses (the fixtures no engine runs) is refused, and each variant with
 * one engine-level defect is refused by the engine too.
 */
class ModelCorpusDeploysIT {

  private static InMemoryZeebe engine;
  private static CamundaClient client;

  @BeforeAll
  static void startEngine() {
    engine = InMemoryZeebe.start();
    client = engine.newClient(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopEngine() {
    client.close();
    engine.close();
  }

  static List<String> corpus() {
    return ModelCorpus.all().stream().map(ModelFile::name).toList();
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void theEngineDeploysAFileExactlyWhenTheValidatorAcceptsItFor88(String name) {
    ModelFile file = ModelCorpus.file(name);
    boolean accepted = problemsOf(file, EngineVersion.CAMUNDA_8_8).isEmpty();
    Optional<String> refusal = deploy(file);
    if (accepted) {
      assertThat(refusal).as("the engine's answer to %s", file.name()).isEmpty();
    } else {
      assertThat(refusal).as("the engine's answer to %s", file.name()).isPresent();
    }
  }

  @ParameterizedTest
  @MethodSource("org.madoguchi.admin.validation.ModelCorpus#engineLevelDefects")
  void theEngineRefusesEachVariantTheValidatorRefuses(ModelCorpus.Broken broken) {
    assertThat(problemsOf(broken.file(), EngineVersion.CAMUNDA_8_8)).isNotEmpty();
    Optional<String> refusal = deploy(broken.file());
    assertThat(refusal).as(broken.description()).isPresent();
    assertThat(refusal.get()).contains(broken.engineNames());
  }

  /** One deployment of the file alone; empty when the engine took it, else the engine's reason. */
  private static Optional<String> deploy(ModelFile file) {
    try {
      client.newDeployResourceCommand().addResourceBytes(file.content(), file.name()).send().join();
      return Optional.empty();
    } catch (ClientException e) {
      return Optional.of(e.getMessage());
    }
  }
}
