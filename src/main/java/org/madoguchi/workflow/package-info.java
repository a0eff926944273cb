/**
 * The engine: the outbox of engine commands (process starts, messages). Models are deployed by the admin
 * module, at start-up and from the admin console, so that every deployment is recorded.
 */
@ApplicationModule(allowedDependencies = {"common"})
package org.madoguchi.workflow;

import org.springframework.modulith.ApplicationModule;
