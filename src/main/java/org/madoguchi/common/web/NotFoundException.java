package org.madoguchi.common.web;

/** A resource that does not exist, or that the caller may not see (never tell the two apart). */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what + " not found");
  }
}
