package org.madoguchi.admin;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which instances run on which process version: from Operate when Madoguchi runs against a Camunda
 * stack, from the in-memory engine's records when it runs on that ({@link RunningInstancesConfiguration}).
 */
public interface RunningInstances {

  /** The keys of the active instances of each of these process definitions (every key given is in the map). */
  Map<Long, List<Long>> byVersion(Collection<Long> processDefinitionKeys);

  /** The source of the counts could not be read (Operate down, refused the sign-in, did not answer in time). */
  class Unavailable extends RuntimeException {

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
