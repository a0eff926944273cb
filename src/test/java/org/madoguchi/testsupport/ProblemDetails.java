package org.madoguchi.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;

/** Reads the {@code errors} list of a 400 problem-details body: which fields, and what was said of them. */
public final class ProblemDetails {

  private ProblemDetails() {}

  public static List<String> fields(ResponseEntity<Map<String, Object>> response) {
    return errors(response).stream().map(e -> (String) e.get("field")).toList();
  }

  public static String messageFor(ResponseEntity<Map<String, Object>> response, String field) {
    return errors(response).stream()
        .filter(e -> field.equals(e.get("field")))
        .map(e -> (String) e.get("message"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no error for field " + field + " in " + response.getBody()));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> errors(ResponseEntity<Map<String, Object>> response) {
    Object errors = response.getBody() == null ? null : response.getBody().get("errors");
    if (errors == null) {
      throw new AssertionError("no errors list in " + response.getStatusCode() + " " + response.getBody());
    }
    return (List<Map<String, Object>>) errors;
  }
}
