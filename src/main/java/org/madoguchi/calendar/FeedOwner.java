package org.madoguchi.calendar;

import org.springframework.modulith.NamedInterface;

/** Who a feed belongs to: an account (applicant or operator feed) or an instrument; {@code id} is its key. */
@NamedInterface("api")
public record FeedOwner(FeedKind kind, long id) {

  public static FeedOwner applicant(long accountId) {
    return new FeedOwner(FeedKind.APPLICANT, accountId);
  }

  public static FeedOwner operator(long accountId) {
    return new FeedOwner(FeedKind.OPERATOR, accountId);
  }

  public static FeedOwner instrument(long instrumentId) {
    return new FeedOwner(FeedKind.INSTRUMENT, instrumentId);
  }
}
