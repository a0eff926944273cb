package org.madoguchi.admin;

import java.util.Optional;
import org.madoguchi.fees.FeeScheduleVersions;
import org.springframework.stereotype.Component;

/**
 * The fee table fees are priced with, from the record of deployments (the start-up one included): the
 * decision {@code fee-schedule} of the latest successful deployment that contained it, as
 * {@code fee-schedule v7 (2027-04)}: the engine's version, and the deployment's version tag if it had one.
 * Empty when no deployment of it was recorded (start-up deployment turned off). A table deployed around
 * Madoguchi (straight from Modeler) is not recorded, so the one recorded last is named: deploy through the
 * admin console.
 */
@Component
class DeployedFeeSchedule implements FeeScheduleVersions {

  static final String DECISION_ID = "fee-schedule";

  private final ModelDeployments deployments;

  DeployedFeeSchedule(ModelDeployments deployments) {
    this.deployments = deployments;
  }

  @Override
  public Optional<String> current() {
    return deployments.latestDeployed(ResourceKind.DECISION, DECISION_ID).map(DeployedFeeSchedule::describe);
  }

  static String describe(ModelDeployments.DefinitionVersion latest) {
    String version = DECISION_ID + " v" + latest.definition().version();
    String tag = latest.deployment().versionTag();
    return tag == null ? version : version + " (" + tag + ")";
  }
}
