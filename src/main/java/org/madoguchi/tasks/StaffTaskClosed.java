package org.madoguchi.tasks;

import org.springframework.modulith.NamedInterface;

/** Published in the transaction that records a staff task as closed (once per task). */
@NamedInterface("api")
public record StaffTaskClosed(StaffTask task) {}
