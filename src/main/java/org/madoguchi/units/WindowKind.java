package org.madoguchi.units;

import java.util.Arrays;
import org.springframework.modulith.NamedInterface;

/** Why an instrument is out of service: maintenance planned ahead, or downtime nobody planned. */
@NamedInterface("api")
public enum WindowKind {
  PLANNED("planned"),
  UNPLANNED("unplanned");

  private final String code;

  WindowKind(String code) {
    this.code = code;
  }

  /** As stored in {@code maintenance_windows.kind} and sent by forms. */
  public String code() {
    return code;
  }

  public static WindowKind of(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no window kind " + code));
  }
}
