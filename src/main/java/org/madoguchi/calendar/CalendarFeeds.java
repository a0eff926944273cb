package org.madoguchi.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.UnitCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.modulith.NamedInterface;

/**
 * The secret addresses of the feeds. A secret is 256 random bits (43 URL-safe characters); only its
 * SHA-256 is stored, so it is shown once, when issued. Issuing again (rotation) replaces it: the previous
 * address answers 404 from then on. Who may issue which feed is the pages' decision.
 */
@NamedInterface("api")
@Service
public class CalendarFeeds {

  /** Length of a secret: 32 bytes in unpadded base64url. */
  public static final int SECRET_LENGTH = 43;

  private static final Logger log = LoggerFactory.getLogger(CalendarFeeds.class);
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{" + SECRET_LENGTH + "}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CalendarFeedStore store;
  private final FeedContents contents;
  private final FeedWriter writer;
  private final UnitCatalogue catalogue;
  private final Clock clock;

  CalendarFeeds(CalendarFeedStore store, FeedContents contents, FeedWriter writer, UnitCatalogue catalogue, Clock clock) {
    this.store = store;
    this.contents = contents;
    this.writer = writer;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  /** A new secret for the owner's feed (its first, or replacing the one it had); returns the secret. */
  @Transactional
  public String issue(FeedOwner owner, String language, String issuedBy) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    store.issue(owner, hash(secret), "en".equals(language) ? "en" : "ja", clock.instant(), issuedBy);
    log.info("Calendar feed {} {} issued by {}", owner.kind(), owner.id(), issuedBy);
    return secret;
  }

  /** The feed whose secret this is; empty for anything that is not a current secret. */
  @Transactional(readOnly = true)
  public Optional<IssuedFeed> find(String secret) {
    if (secret == null || !SECRET.matcher(secret).matches()) {
      return Optional.empty();
    }
    return store.byTokenHash(hash(secret));
  }

  /** The iCalendar text of the feed at this secret, in the feed's language; empty if there is none. */
  @Transactional(readOnly = true)
  public Optional<String> calendar(String secret) {
    return find(secret).map(feed -> {
      Locale locale = Locale.forLanguageTag(feed.language());
      FeedOwner owner = feed.owner();
      String name =
          owner.kind() == FeedKind.INSTRUMENT
              ? writer.text("calendar.name.INSTRUMENT", locale, catalogue.instrument(owner.id()).map(Instrument::name).orElse(""))
              : writer.text("calendar.name." + owner.kind(), locale);
      return writer.write(owner.kind(), name, contents.entries(owner), locale);
    });
  }

  @Transactional(readOnly = true)
  public Optional<IssuedFeed> of(FeedOwner owner) {
    return store.of(owner);
  }

  private static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
