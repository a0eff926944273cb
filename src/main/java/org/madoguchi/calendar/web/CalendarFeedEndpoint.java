package org.madoguchi.calendar.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.madoguchi.calendar.CalendarFeeds;
import org.madoguchi.calendar.CalendarProperties;
import org.madoguchi.common.web.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A feed at its secret address, {@code /calendar/<secret>.ics}, as calendar applications poll it. Anything
 * that is not a current secret (rotated, unknown, malformed, too long) is 404, told apart by nothing.
 * The answer is private to its holder (no shared cache may keep it), reusable for a few minutes, and
 * revalidated with its ETag: an unchanged feed costs a 304.
 */
@RestController
class CalendarFeedEndpoint {

  static final String ROOT = "/calendar";
  static final String SUFFIX = ".ics";
  private static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

  private final CalendarFeeds feeds;
  private final CalendarProperties properties;

  CalendarFeedEndpoint(CalendarFeeds feeds, CalendarProperties properties) {
    this.feeds = feeds;
    this.properties = properties;
  }

  @GetMapping(ROOT + "/{file}")
  ResponseEntity<byte[]> feed(@PathVariable String file) {
    String secret = file.endsWith(SUFFIX) ? file.substring(0, file.length() - SUFFIX.length()) : null;
    byte[] body =
        feeds.calendar(secret).orElseThrow(() -> new NotFoundException("calendar")).getBytes(StandardCharsets.UTF_8);
    return ResponseEntity.ok()
        .contentType(TEXT_CALENDAR)
        .cacheControl(CacheControl.maxAge(properties.maxAge()).cachePrivate())
        .eTag(etag(body))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("madoguchi" + SUFFIX).build().toString())
        .header("X-Robots-Tag", "noindex, nofollow")
        .body(body);
  }

  private static String etag(byte[] body) {
    try {
      return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
