package org.madoguchi.console.web.calendar;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDateTime;

/**
 * Where a dragged booking goes: facility-local start and end (as the calendar shows them, without an
 * offset) and the instrument, its own when absent.
 */
record MoveRequest(@NotNull LocalDateTime start, @NotNull LocalDateTime end, Long instrumentId) {}
