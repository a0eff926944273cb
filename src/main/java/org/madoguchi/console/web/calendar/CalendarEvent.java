package org.madoguchi.console.web.calendar;

import java.util.List;
import java.util.Map;

/**
 * One event as EventCalendar parses it. Times are facility-local ISO date-times without an offset (the
 * library shows them as they are; the page names the zone); closed days are all-day events.
 *
 * @param kind {@code booking}, {@code maintenance}, {@code downtime}, {@code holiday} or {@code closure}
 * @param extendedProps what the page's script needs besides: the booking's id, case and link, its facility-local times
 */
record CalendarEvent(
    String id, String title, String start, String end, Boolean allDay, String kind, List<String> classNames,
    String backgroundColor, boolean startEditable, Map<String, Object> extendedProps) {}
