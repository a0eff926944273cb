package org.madoguchi.admin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models packaged with the application (bpmn/ and forms/, under models/ on the classpath) in
 * one deployment at start-up, first of the start-up runners, so forms exist before any instance links
 * them; recorded as the start-up of the application when it made a new version. A packaged resource an
 * administrator has replaced since it was deployed is left out: a restart must not undo their deployment
 * (a packaged version never deployed before, a new release's, goes out as usual).
 * {@code camunda.client.deployment.enabled=false} turns it off (Modeler, or the console, deploys).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = "camunda.client.deployment.enabled", havingValue = "true", matchIfMissing = true)
class StartupDeployment implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(StartupDeployment.class);
  private static final String[] PACKAGED = {"classpath*:/models/*.bpmn", "classpath*:/models/*.dmn", "classpath*:/models/*.form"};

  private final ModelDeployer deployer;
  private final ModelDeployments deployments;

  StartupDeployment(ModelDeployer deployer, ModelDeployments deployments) {
    this.deployer = deployer;
    this.deployments = deployments;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    List<ModelFile> current = deployments.current();
    List<ModelFile> toDeploy = new ArrayList<>();
    for (ModelFile packaged : packaged()) {
      if (replacedByAnAdministrator(packaged, current)) {
        log.info("{}: an administrator deployed another version since this one; the packaged file is not deployed", packaged.name());
      } else {
        toDeploy.add(packaged);
      }
    }
    if (!toDeploy.isEmpty()) {
      deployer.deployAtStartUp(toDeploy);
    }
  }

  private boolean replacedByAnAdministrator(ModelFile packaged, List<ModelFile> current) {
    String checksum = Checksums.sha256(packaged.content());
    return current.stream()
        .filter(c -> c.name().equals(packaged.name()))
        .anyMatch(c -> !Checksums.sha256(c.content()).equals(checksum) && deployments.everDeployed(packaged.name(), checksum));
  }

  static List<ModelFile> packaged() throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<ModelFile> files = new ArrayList<>();
    for (String pattern : PACKAGED) {
      for (Resource resource : resolver.getResources(pattern)) {
        try (var in = resource.getInputStream()) {
          files.add(new ModelFile(resource.getFilename(), in.readAllBytes()));
        }
      }
    }
    files.sort(Comparator.comparing(ModelFile::name));
    return files;
  }
}
