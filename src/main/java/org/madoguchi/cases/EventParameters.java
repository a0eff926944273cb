package org.madoguchi.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.audit.CaseEventType;

/**
 * An event's parameters in {@code case_events.parameters}: its record components as a JSON object.
 * A mapper of its own, so the stored form does not follow the web API's JSON settings.
 */
final class EventParameters {

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          // Parameters added to an event later are absent from older lines, removed ones stay there.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private EventParameters() {}

  static String write(CaseEvent event) {
    try {
      return JSON.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store the parameters of " + event, e);
    }
  }

  static CaseEvent read(CaseEventType type, String parameters) {
    try {
      return JSON.readValue(parameters, type.eventClass());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable parameters of a " + type.code() + " event: " + parameters, e);
    }
  }
}
