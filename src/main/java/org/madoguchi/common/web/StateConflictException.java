package org.madoguchi.common.web;

/** The action is valid in itself but not in the resource's current state (e.g. replying twice). */
public class StateConflictException extends RuntimeException {

  private final String messageKey;
  private final Object[] arguments;

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
}
