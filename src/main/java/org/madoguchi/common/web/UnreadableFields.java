package org.madoguchi.common.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Names the field a malformed JSON body broke on (e.g. a date that is not a date). */
final class UnreadableFields {

  private UnreadableFields() {}

  static String fieldOf(HttpMessageNotReadableException ex) {
    if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining("."))
          .replace(".[", "[");
    }
    return "body";
  }
}
