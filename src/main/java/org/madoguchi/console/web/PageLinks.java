package org.madoguchi.console.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The list's page links: first, last and a few around the current page, each the current URL with only
 * the page changed (so the filters stay). A null {@code href} is a gap (…).
 */
public record PageLinks(List<Link> links, String previous, String next) {

  public record Link(int number, String href, boolean current) {}

  private static final int AROUND = 2;

  static PageLinks of(String currentUrl, int page, int pages) {
    List<Link> links = new ArrayList<>();
    int last = 0;
    for (int n = 1; n <= pages; n++) {
      if (n == 1 || n == pages || Math.abs(n - page) <= AROUND) {
        if (n - last > 1) {
          links.add(new Link(0, null, false));
        }
        links.add(new Link(n, href(currentUrl, n), n == page));
        last = n;
      }
    }
    return new PageLinks(
        links, page > 1 ? href(currentUrl, page - 1) : null, page < pages ? href(currentUrl, page + 1) : null);
  }

  private static String href(String currentUrl, int page) {
    return UriComponentsBuilder.fromUriString(currentUrl).replaceQueryParam("page", page).build().toUriString();
  }
}
