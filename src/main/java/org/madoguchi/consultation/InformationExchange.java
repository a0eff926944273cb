package org.madoguchi.consultation;

import java.time.Instant;

/** A question from the desk and, once given, the applicant's answer. */
public record InformationExchange(String question, Instant askedAt, String reply, Instant repliedAt) {}
