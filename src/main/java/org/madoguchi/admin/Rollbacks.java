package org.madoguchi.admin;

import java.util.ArrayList;
import java.util.List;
import org.madoguchi.admin.ModelDeployments.Deployment;
import org.madoguchi.admin.ModelDeployments.Kind;
import org.madoguchi.admin.ModelDeployments.Status;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Undoes a deployment by deploying, as the newest versions, what each of its resources was before it
 * (the engine keeps every version; nothing is removed). A deployment that brought a resource for the first
 * time cannot be undone this way: the engine has no earlier version to return to.
 */
@Component
public class Rollbacks {

  private final ModelDeployments deployments;
  private final ModelDeployer deployer;

  Rollbacks(ModelDeployments deployments, ModelDeployer deployer) {
    this.deployments = deployments;
    this.deployer = deployer;
  }

  public ModelDeployer.Outcome rollBack(long deploymentId, String by) {
    Deployment undone = deployments.find(deploymentId).orElseThrow(() -> new NotFoundException("deployment " + deploymentId));
    if (undone.status() != Status.DEPLOYED) {
      throw InvalidRequestException.of("deployment", "admin.rollback.not-deployed");
    }
    List<ModelFile> previous = new ArrayList<>();
    for (ModelFile resource : deployments.resourcesOf(deploymentId)) {
      previous.add(deployments.before(deploymentId, resource.name())
          .orElseThrow(() -> InvalidRequestException.of("deployment", "admin.rollback.first-version", resource.name())));
    }
    // The restored files carry the version tags they were deployed with; the record names what it undid.
    return deployer.deploy(Kind.ROLLBACK, by, null, null, deploymentId, previous);
  }
}
