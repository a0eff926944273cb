package org.madoguchi.cases;

/** Published inside the cancelling transaction, so features release what they hold (bookings) atomically. */
public record CaseCancelled(long caseId, String caseNumber) {}
