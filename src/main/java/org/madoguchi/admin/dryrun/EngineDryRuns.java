package org.madoguchi.admin.dryrun;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.madoguchi.admin.DryRuns;
import org.madoguchi.admin.JobWorkers;
import org.madoguchi.admin.ModelFile;
import org.madoguchi.workflow.inmemory.InMemoryZeebe;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A dry run on an engine of its own: each call starts a fresh in-memory engine, deploys the deployed
 * models with the upload in one deployment (an uploaded file replaces the deployed one of its name), runs
 * every smoke journey through it and discards engine and client, whatever happens. One dry run at a
 * time per instance: an engine costs memory, and the next administrator waits a moment or is told to
 * try again.
 */
@Service
class EngineDryRuns implements DryRuns {

  /** What the engine deploys; form translations and other files stay with the application. */
  private static final List<String> ENGINE_RESOURCES = List.of(".bpmn", ".dmn", ".form");

  private final Semaphore oneAtATime = new Semaphore(1);
  private final MessageSource messages;
  private final Duration waitForTurn;
  private final Duration stallTimeout;
  private final Duration journeyTimeout;
  private final Duration requestTimeout;
  private final List<JourneyPlan> plans = JourneyBook.load().plans();
  private final Map<String, List<String>> workerReads =
      JobWorkers.scan().stream()
          .collect(Collectors.toUnmodifiableMap(JobWorkers.Worker::jobType, JobWorkers.Worker::fetchVariables, (a, b) -> a));

  EngineDryRuns(
      MessageSource messages,
      @Value("${madoguchi.admin.dry-run.wait-for-turn:PT3S}") Duration waitForTurn,
      @Value("${madoguchi.admin.dry-run.stall-timeout:PT5S}") Duration stallTimeout,
      @Value("${madoguchi.admin.dry-run.journey-timeout:PT2M}") Duration journeyTimeout,
      @Value("${madoguchi.admin.dry-run.request-timeout:PT20S}") Duration requestTimeout) {
    this.messages = messages;
    this.waitForTurn = waitForTurn;
    this.stallTimeout = stallTimeout;
    this.journeyTimeout = journeyTimeout;
    this.requestTimeout = requestTimeout;
  }

  @Override
  public DryRunReport run(List<ModelFile> upload, List<ModelFile> deployed, Locale locale) {
    DryRunTexts texts = new DryRunTexts(messages, locale);
    if (!awaitTurn()) {
      return single("busy", texts.get("busy"));
    }
    try {
      Map<String, byte[]> resources = resources(upload, deployed);
      if (resources.isEmpty()) {
        return single("deployment", texts.get("nothing-to-deploy"));
      }
      return runOnOwnEngine(resources, texts);
    } finally {
      oneAtATime.release();
    }
  }

  private DryRunReport runOnOwnEngine(Map<String, byte[]> resources, DryRunTexts texts) {
    try (InMemoryZeebe engine = InMemoryZeebe.start(); CamundaClient client = engine.newClient(requestTimeout)) {
      Optional<String> refused = deploy(client, resources, texts);
      if (refused.isPresent()) {
        return single("deployment", refused.get());
      }
      JourneyDriver driver = new JourneyDriver(engine, client, workerReads, texts, stallTimeout, journeyTimeout);
      return new DryRunReport(plans.stream().map(driver::run).toList());
    }
  }

  private boolean awaitTurn() {
    try {
      return oneAtATime.tryAcquire(waitForTurn.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The deployed models with the upload over them, by file name; only what the engine deploys. */
  static Map<String, byte[]> resources(List<ModelFile> upload, List<ModelFile> deployed) {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (List<ModelFile> files : List.of(deployed, upload)) {
      for (ModelFile file : files) {
        if (ENGINE_RESOURCES.stream().anyMatch(file.name()::endsWith)) {
          resources.put(file.name(), file.content());
        }
      }
    }
    return resources;
  }

  /** One deployment, so the engine takes the set whole or refuses it whole; empty when it took it. */
  private static Optional<String> deploy(CamundaClient client, Map<String, byte[]> resources, DryRunTexts texts) {
    DeployResourceCommandStep2 command = null;
    for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
      command = command == null
          ? client.newDeployResourceCommand().addResourceBytes(resource.getValue(), resource.getKey())
          : command.addResourceBytes(resource.getValue(), resource.getKey());
    }
    try {
      command.send().join();
      return Optional.empty();
    } catch (ClientException e) {
      return Optional.of(texts.get("deployment-refused", JourneyDriver.engineMessage(e)));
    }
  }


  private static DryRunReport single(String name, String problem) {
    return new DryRunReport(List.of(new JourneyResult(name, false, List.of(), null, problem)));
  }
}
