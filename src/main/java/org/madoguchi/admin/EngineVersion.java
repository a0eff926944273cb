package org.madoguchi.admin;

import org.springframework.modulith.NamedInterface;

/** The engine versions Madoguchi deploys to: 8.6 on the local stack, 8.8 in the compose stack and in-memory. */
@NamedInterface("api")
public enum EngineVersion {
  CAMUNDA_8_6("8.6"),
  CAMUNDA_8_8("8.8");

  private final String label;

  EngineVersion(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
