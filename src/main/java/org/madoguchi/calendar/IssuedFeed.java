package org.madoguchi.calendar;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** A feed whose secret address exists: since when, by whom, in which language its texts are. */
@NamedInterface("api")
public record IssuedFeed(FeedOwner owner, String language, Instant issuedAt, String issuedBy) {}
