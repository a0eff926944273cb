package org.madoguchi.tasks;

import org.springframework.modulith.NamedInterface;

/** Published in the transaction that records a newly opened staff task (once per task). */
@NamedInterface("api")
public record StaffTaskOpened(StaffTask task) {}
