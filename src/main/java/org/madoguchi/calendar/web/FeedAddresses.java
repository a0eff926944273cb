package org.madoguchi.calendar.web;

import org.madoguchi.MadoguchiProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The absolute address of a feed, at the portal's public address ({@code madoguchi.portal-url}), as calendar applications need it. */
@Component
class FeedAddresses {

  private final String portalUrl;

  FeedAddresses(MadoguchiProperties properties) {
    this.portalUrl = properties.portalUrl();
  }

  String of(String secret) {
    return UriComponentsBuilder.fromUriString(portalUrl)
        .path(CalendarFeedEndpoint.ROOT + "/{file}")
        .buildAndExpand(secret + CalendarFeedEndpoint.SUFFIX)
        .toUriString();
  }
}
