/**
 * The engine: model deployment and the outbox of engine commands (process starts, messages).
 */
@ApplicationModule(allowedDependencies = {"common"})
package org.madoguchi.workflow;

import org.springframework.modulith.ApplicationModule;
