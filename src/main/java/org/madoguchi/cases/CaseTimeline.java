package org.madoguchi.cases;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.madoguchi.cases.CaseViews.TimelineEntry;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.audit.CaseEventType;
import org.madoguchi.cases.audit.RecordedEvent;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A case's history as people read it, in their language (i18n/cases): the event type's label, who
 * did it, a detail from the event's parameters and the note someone wrote. Every page that shows a
 * case's history renders it here, so an event reads the same everywhere.
 */
@Component
public class CaseTimeline {

  /** Shown for a parameter the event does not have (e.g. no ELN reference). */
  private static final String MISSING = "—";

  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Pattern UNIT_GROUP = Pattern.compile("(unit|operators)-(.+)");

  private final MessageSource messages;

  CaseTimeline(MessageSource messages) {
    this.messages = messages;
  }

  public List<TimelineEntry> render(List<RecordedEvent> history, Locale locale) {
    return history.stream().map(recorded -> render(recorded, locale)).toList();
  }

  public TimelineEntry render(RecordedEvent recorded, Locale locale) {
    String label =
        CaseEventType.ofCode(recorded.action())
            .map(type -> messages.getMessage(type.messageKey(), null, locale))
            .orElse(recorded.action());
    String actor = actor(recorded.actor(), locale);
    CaseEvent event = recorded.event();
    if (event == null) {
      return new TimelineEntry(recorded.at(), recorded.action(), label, actor, recorded.detail(), null);
    }
    String detail = messages.getMessage(event.type().messageKey() + ".detail", arguments(event), null, locale);
    return new TimelineEntry(recorded.at(), recorded.action(), label, actor, detail, note(event));
  }

  private String actor(Actor actor, Locale locale) {
    String key = actor.kind().messageKey();
    return switch (actor.kind()) {
      case APPLICANT -> messages.getMessage(key, new Object[] {actor.name()}, locale);
      case STAFF ->
          actor.name() == null
              ? messages.getMessage(key, new Object[] {group(actor.group(), locale)}, locale)
              : messages.getMessage(key + ".named", new Object[] {group(actor.group(), locale), actor.name()}, locale);
      case SYSTEM, TIMER -> messages.getMessage(key, null, locale);
    };
  }

  /** A group by its name in the bundle; {@code unit-<code>} and {@code operators-<code>} with the unit's code. */
  private String group(String group, Locale locale) {
    String named = messages.getMessage("cases.group." + group, null, null, locale);
    if (named != null) {
      return named;
    }
    Matcher unit = UNIT_GROUP.matcher(group);
    return unit.matches() ? messages.getMessage("cases.group." + unit.group(1), new Object[] {unit.group(2)}, locale) : group;
  }

  /** The event's components in declaration order: the detail pattern's {0}, {1}... */
  private static Object[] arguments(CaseEvent event) {
    RecordComponent[] components = event.getClass().getRecordComponents();
    Object[] arguments = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      arguments[i] = shown(value(components[i], event));
    }
    return arguments;
  }

  private static Object shown(Object value) {
    return switch (value) {
      case null -> MISSING;
      case String text when text.isBlank() -> MISSING;
      case Collection<?> values when values.isEmpty() -> MISSING;
      case Collection<?> values -> values.stream().map(String::valueOf).collect(Collectors.joining(", "));
      case LocalDateTime time -> LOCAL_TIME.format(time);
      case LocalDate date -> date.toString();
      // 1 or 0, so a pattern words it in its language with {n,choice,0#...|1#...}.
      case Boolean flag -> flag ? 1 : 0;
      default -> value;
    };
  }

  private static String note(CaseEvent event) {
    for (RecordComponent component : event.getClass().getRecordComponents()) {
      if (component.getName().equals("note") && value(component, event) instanceof String note && !note.isBlank()) {
        return note;
      }
    }
    return null;
  }

  private static Object value(RecordComponent component, CaseEvent event) {
    try {
      return component.getAccessor().invoke(event);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of " + event.type(), e);
    }
  }
}
