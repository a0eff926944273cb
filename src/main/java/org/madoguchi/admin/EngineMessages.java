package org.madoguchi.admin;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** The engine's own words for a refused command (its gRPC status description or REST problem detail). */
final class EngineMessages {

  private EngineMessages() {}

  static String of(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ClientStatusException status) {
      String description = status.getStatus().getDescription();
      return status.getStatusCode() + (description == null ? "" : ": " + description);
    }
    if (cause instanceof ProblemException problem && problem.details() != null) {
      return problem.details().getDetail();
    }
    if (cause instanceof TimeoutException) {
      return "no answer from the engine in time";
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
