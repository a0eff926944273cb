package org.madoguchi.cases;

import org.springframework.modulith.NamedInterface;

/** Published inside the cancelling transaction, so features release what they hold (bookings) atomically. */
@NamedInterface("api")
public record CaseCancelled(long caseId, String caseNumber) {}
