package org.madoguchi.common.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The action is valid in itself but not in the resource's current state (e.g. replying twice). Values a
 * client may act on (e.g. the current version of what it tried to change) go into the problem details as
 * properties ({@link #with}).
 */
public class StateConflictException extends RuntimeException {

  private final String messageKey;
  private final Object[] arguments;
  private final Map<String, Object> properties = new LinkedHashMap<>();

  public StateConflictException(String messageKey, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.arguments = arguments;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments;
  }

  /** Adds a property to the problem details. */
  public StateConflictException with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  public Map<String, Object> properties() {
    return Collections.unmodifiableMap(properties);
  }
}
