/**
 * Staff tasks: an index of the Camunda user tasks staff have open, kept by the models' execution
 * listeners ({@code task.open}, {@code task.close}), so pages and mails know who has what to do by
 * when without a Tasklist or Operate query.
 */
@ApplicationModule(allowedDependencies = {"cases :: api", "common"})
package org.madoguchi.tasks;

import org.springframework.modulith.ApplicationModule;
