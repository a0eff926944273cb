package org.madoguchi.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Clazz;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.common.web.PageLinks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a feed as an iCalendar (RFC 5545) object with ical4j. Times are in the facility's zone
 * ({@code madoguchi.time-zone}, with its VTIMEZONE); one VEVENT per booking, its UID stable for the
 * booking's life and its SEQUENCE the booking's version; DTSTAMP is the booking's last change, so the
 * same bookings always give the same bytes. Never personal data; a case that is not open shows only
 * its number: a feed lives in calendar services outside Madoguchi.
 */
@Component
class FeedWriter {

  private final MessageSource messages;
  private final PageLinks links;
  private final ZoneId zone;
  private final VTimeZone timeZone;
  private final String uidDomain;
  private final CalendarProperties properties;

  FeedWriter(MessageSource messages, PageLinks links, MadoguchiProperties facility, CalendarProperties properties) {
    this.messages = messages;
    this.links = links;
    this.zone = facility.timeZone();
    var registered = TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(zone.getId());
    if (registered == null) {
      throw new IllegalStateException("madoguchi.time-zone " + zone + " has no iCalendar time zone definition");
    }
    this.timeZone = registered.getVTimeZone();
    String host = URI.create(facility.portalUrl()).getHost();
    this.uidDomain = host == null ? "madoguchi" : host;
    this.properties = properties;
  }

  /** The feed's calendar: {@code name} is its display name, already in the feed's language. */
  String write(FeedKind kind, String name, List<FeedEntry> entries, Locale locale) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Madoguchi//Booking calendar//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(new Method(Method.VALUE_PUBLISH));
    calendar.add(new XProperty("X-WR-CALNAME", name));
    calendar.add(new XProperty("X-WR-TIMEZONE", zone.getId()));
    calendar.add(new RefreshInterval(new ParameterList(), properties.refresh()));
    calendar.add(new XProperty("X-PUBLISHED-TTL", properties.refresh().toString()));
    calendar.add(timeZone);
    for (FeedEntry entry : entries) {
      calendar.add(event(kind, entry, locale));
    }
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private VEvent event(FeedKind kind, FeedEntry entry, Locale locale) {
    var session = entry.session();
    var supportCase = entry.supportCase();
    VEvent event = new VEvent(false);
    event.add(new Uid("booking-" + session.id() + "@" + uidDomain));
    event.add(new DtStamp(session.updatedAt()));
    event.add(new DtStart<>(session.start().atZone(zone)));
    event.add(new DtEnd<>(session.end().atZone(zone)));
    event.add(new Sequence((int) Math.min(session.sequence(), Integer.MAX_VALUE)));
    event.add(new Created(session.createdAt()));
    event.add(new LastModified(session.updatedAt()));
    event.add(new Status(session.cancelled() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
    String summary =
        entry.restricted()
            ? text("calendar.event.summary.restricted", locale, entry.instrument().name(), supportCase.caseNumber())
            : text("calendar.event.summary", locale, entry.instrument().name(), supportCase.caseNumber(), supportCase.title());
    event.add(new Summary(session.cancelled() ? text("calendar.event.summary.cancelled", locale, summary) : summary));
    event.add(new Location(entry.instrument().name() + ", " + entry.instrument().location()));
    String link = kind == FeedKind.APPLICANT ? links.casePage(supportCase.caseNumber()) : links.staffCasePage(supportCase.caseNumber());
    event.add(new Description(String.join("\n",
        text("calendar.event.case", locale, supportCase.caseNumber()),
        entry.restricted() ? text("calendar.event.restricted", locale) : supportCase.title(),
        text("calendar.event.unit", locale, entry.unit().name(locale.getLanguage())),
        text("calendar.event.instrument", locale, entry.instrument().name()),
        text("calendar.event.status." + session.status(), locale),
        text("calendar.event.details", locale, link))));
    event.add(new Url(URI.create(link)));
    if (entry.restricted()) {
      event.add(new Clazz(Clazz.VALUE_CONFIDENTIAL));
    }
    return event;
  }

  String text(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }
}
