package org.madoguchi.common.web;

/** One broken rule in a request: the field, the rule's code and a message in the caller's language. */
public record RuleProblem(String field, String rule, String message) {}
