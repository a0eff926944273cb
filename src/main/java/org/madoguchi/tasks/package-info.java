/**
 * Staff tasks: an index of the Camunda user tasks staff have open, kept by the models' execution
 * listeners ({@code task.open}, {@code task.close}), so pages and mails know who has what to do by
 * when without a Tasklist or Operate query; and the mails staff get about their work (a new case to
 * the desk, an overdue task to its group once, a daily digest per person that each can switch off at
 * {@code /account/notifications}).
 */
@ApplicationModule(allowedDependencies = {"accounts :: api", "cases :: api", "common", "notify :: api"})
package org.madoguchi.tasks;

import org.springframework.modulith.ApplicationModule;
