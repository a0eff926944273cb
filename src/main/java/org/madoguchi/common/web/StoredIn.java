package org.madoguchi.common.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The column ({@code table.column}) a request field's value is stored in. Its {@code @Size} maximum must fit
 * that column's width; {@code RequestLimitsIT} compares the two against the migrated schema. A list of
 * strings joined into one column is checked as joined: its maximum count of maximum-length elements, with
 * one separator between each.
 */
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface StoredIn {

  /** {@code table.column}, as in the migrations. */
  String value();
}
