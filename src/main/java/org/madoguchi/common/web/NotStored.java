package org.madoguchi.common.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request field whose value is not stored as sent (a filter, a token that is looked up, a choice turned
 * into something else), so no column bounds it; its {@code @Size} is still required. The reason is for
 * the reader.
 */
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotStored {

  /** Why nothing is stored as sent. */
  String value();
}
