package org.madoguchi.common.web;

/** One bad field in a request: its name and a message in the caller's language. */
public record FieldProblem(String field, String message) {}
