package org.madoguchi.calendar.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.calendar.CalendarFeeds;
import org.madoguchi.calendar.FeedKind;
import org.madoguchi.calendar.FeedOwner;
import org.madoguchi.calendar.IssuedFeed;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.SupportUnit;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff's calendar feeds in the console: an operator's own (the sessions they run), and the feeds of
 * the instruments a person manages: every instrument for {@code admins}, their unit's for its
 * coordinators ({@code unit-<code>}). Issuing again rotates the address; it is shown once.
 */
@Controller
class StaffFeedPage {

  static final String PAGE = "/console/calendar-feeds";

  /** The console header's "who is signed in". */
  record Viewer(String name, List<StaffGroup> groups) {}

  record InstrumentFeed(Instrument instrument, SupportUnit unit, IssuedFeed feed) {}

  private final CalendarFeeds feeds;
  private final FeedAddresses addresses;
  private final UnitCatalogue catalogue;
  private final Accounts accounts;
  private final MadoguchiProperties properties;

  StaffFeedPage(CalendarFeeds feeds, FeedAddresses addresses, UnitCatalogue catalogue, Accounts accounts, MadoguchiProperties properties) {
    this.feeds = feeds;
    this.addresses = addresses;
    this.catalogue = catalogue;
    this.accounts = accounts;
    this.properties = properties;
  }

  @ModelAttribute("tasklistUrl")
  String tasklistUrl() {
    return properties.tasklistUrl();
  }

  @GetMapping(PAGE)
  String page(@AuthenticationPrincipal SignedInAccount signedIn, Model model) {
    Account account = accounts.find(signedIn.accountId()).orElseThrow();
    Set<StaffGroup> groups = account.staffGroups();
    model.addAttribute("viewer", new Viewer(account.displayName(), groups.stream().sorted(Comparator.comparing(StaffGroup::name)).toList()));
    model.addAttribute("operator", isOperator(groups));
    model.addAttribute("operatorFeed", feeds.of(FeedOwner.operator(account.id())).orElse(null));
    model.addAttribute("instruments",
        catalogue.units().stream()
            .filter(unit -> manages(groups, unit.code()))
            .flatMap(unit -> catalogue.instruments(unit.code()).stream()
                .map(i -> new InstrumentFeed(i, unit, feeds.of(FeedOwner.instrument(i.id())).orElse(null))))
            .toList());
    return "calendar/staff-feeds";
  }

  /** The form names the feed it replaces ({@code OPERATOR}, or {@code INSTRUMENT} with the instrument's id). */
  @PostMapping(PAGE)
  String issue(
      @AuthenticationPrincipal SignedInAccount signedIn,
      @RequestParam("feed") FeedKind feed,
      @RequestParam(name = "instrument", required = false) Long instrumentId,
      Locale locale,
      RedirectAttributes redirect) {
    Account account = accounts.find(signedIn.accountId()).orElseThrow();
    FeedOwner owner =
        switch (feed) {
          case OPERATOR -> {
            if (!isOperator(account.staffGroups())) {
              throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            }
            yield FeedOwner.operator(account.id());
          }
          case INSTRUMENT -> {
            if (instrumentId == null) {
              throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
            }
            Instrument instrument = catalogue.instrument(instrumentId).orElseThrow(() -> new NotFoundException("instrument"));
            if (!manages(account.staffGroups(), instrument.unitCode())) {
              throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            }
            yield FeedOwner.instrument(instrument.id());
          }
          case APPLICANT -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        };
    redirect.addFlashAttribute("feedUrl", addresses.of(feeds.issue(owner, locale.getLanguage(), account.email())));
    return "redirect:" + PAGE;
  }

  private static boolean isOperator(Set<StaffGroup> groups) {
    return groups.stream().anyMatch(g -> g.name().startsWith("operators-"));
  }

  private static boolean manages(Set<StaffGroup> groups, String unitCode) {
    return groups.contains(StaffGroup.ADMINS) || groups.contains(StaffGroup.unitCoordinators(unitCode));
  }
}
