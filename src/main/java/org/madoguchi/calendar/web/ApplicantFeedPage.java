package org.madoguchi.calendar.web;

import java.util.Locale;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.calendar.CalendarFeeds;
import org.madoguchi.calendar.FeedKind;
import org.madoguchi.calendar.FeedOwner;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An applicant's calendar feed of their sessions: issue its address, or a new one (the old one stops
 * working); the address is shown once, on the page that follows, as only its hash is kept.
 */
@Controller
class ApplicantFeedPage {

  static final String PAGE = "/account/calendar";

  private final CalendarFeeds feeds;
  private final FeedAddresses addresses;

  ApplicantFeedPage(CalendarFeeds feeds, FeedAddresses addresses) {
    this.feeds = feeds;
    this.addresses = addresses;
  }

  @GetMapping(PAGE)
  String page(@AuthenticationPrincipal SignedInAccount account, Model model) {
    model.addAttribute("feed", feeds.of(FeedOwner.applicant(applicant(account))).orElse(null));
    return "calendar/applicant-feed";
  }

  /** The form names the feed it replaces: a post without it (a broken or foreign form) changes nothing. */
  @PostMapping(PAGE)
  String issue(
      @AuthenticationPrincipal SignedInAccount account, @RequestParam("feed") FeedKind feed, Locale locale, RedirectAttributes redirect) {
    if (feed != FeedKind.APPLICANT) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
    }
    String secret = feeds.issue(FeedOwner.applicant(applicant(account)), locale.getLanguage(), account.getUsername());
    redirect.addFlashAttribute("feedUrl", addresses.of(secret));
    return "redirect:" + PAGE;
  }

  /** Staff have their feeds in the console. */
  private static long applicant(SignedInAccount account) {
    if (!account.getAuthorities().contains(new SimpleGrantedAuthority("ROLE_" + Role.APPLICANT.name()))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    return account.accountId();
  }
}
