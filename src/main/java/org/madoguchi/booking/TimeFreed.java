package org.madoguchi.booking;

import java.time.Instant;

/** A booking gave up {@code [start, end)} on an instrument (cancelled, no-show, moved away); published in that transaction. */
record TimeFreed(long instrumentId, Instant start, Instant end) {}
