package org.madoguchi.common.schedule;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @Scheduled} method that runs on every instance on purpose, instead of once through
 * {@link ScheduledRuns}; {@link #value} says why that is safe (e.g. the outbox's SKIP LOCKED claims).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EveryInstance {

  /** Why running on every instance at once is correct. */
  String value();
}
