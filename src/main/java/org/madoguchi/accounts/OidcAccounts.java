package org.madoguchi.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account behind an OpenID Connect identity: the linked one; else the account with the same
 * (IdP-verified) e-mail address, now linked (an unconfirmed one loses its password, which whoever
 * signed up with the address chose); else a new applicant account created from the claims,
 * confirmed (the IdP verified the address) and with an unusable random password (a password can
 * be set later with "forgot password").
 */
@Service
public class OidcAccounts {

  private final OidcLinkRepository links;
  private final Accounts accounts;
  private final Clock clock;

  OidcAccounts(OidcLinkRepository links, Accounts accounts, Clock clock) {
    this.links = links;
    this.accounts = accounts;
    this.clock = clock;
  }

  /**
   * The account's e-mail address (the portal's user name). When the token lists groups, the account's
   * staff groups become exactly the Madoguchi groups among them (none: an applicant account), so the
   * IdP stays the one place where staff membership is managed.
   */
  @Transactional
  public String accountFor(OidcApplicant applicant, Optional<Set<StaffGroup>> staffGroups) {
    Account account = account(applicant);
    staffGroups.ifPresent(groups -> accounts.assignStaffGroups(account.id(), groups));
    return account.email();
  }

  private Account account(OidcApplicant applicant) {
    Instant now = clock.instant();
    Optional<OidcLink> linked = links.findByIssuerAndSubject(applicant.issuer(), applicant.subject());
    if (linked.isPresent()) {
      return accounts.find(linked.get().accountId()).orElseThrow();
    }
    Account account =
        accounts.findByEmail(applicant.email())
            .orElseGet(
                () -> accounts
                    .register(applicant.email(), OneTimeTokens.newToken(), applicant.displayName(), applicant.language())
                    .orElseThrow());
    if (!account.isVerified()) {
      // An unconfirmed sign-up for this address may be someone else's: its password must not survive.
      accounts.changePassword(account.id(), OneTimeTokens.newToken());
      accounts.verify(account.id(), now);
    }
    links.save(new OidcLink(applicant.issuer(), applicant.subject(), account.id(), now));
    return account;
  }
}
