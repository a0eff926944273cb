package org.madoguchi.consultation;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** A question from the desk and, once given, the applicant's answer. */
@NamedInterface("api")
public record InformationExchange(String question, Instant askedAt, String reply, Instant repliedAt) {}
