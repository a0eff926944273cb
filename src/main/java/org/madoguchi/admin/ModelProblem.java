package org.madoguchi.admin;

import org.springframework.modulith.NamedInterface;

/**
 * One thing wrong with an upload: the file, the element it concerns (null for the whole file), a stable
 * code for tests and the explanation, with what to change, in the reader's language.
 */
@NamedInterface("api")
public record ModelProblem(String file, String elementId, String code, String message) {}
