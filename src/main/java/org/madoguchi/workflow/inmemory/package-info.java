/** The in-memory engine, for the embedded run, the process tests and an administrator's dry run. */
@NamedInterface("inmemory")
package org.madoguchi.workflow.inmemory;

import org.springframework.modulith.NamedInterface;
