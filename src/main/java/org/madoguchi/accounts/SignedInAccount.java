package org.madoguchi.accounts;

import java.util.Collection;
import java.util.stream.Stream;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The security principal: Spring's user plus the account id every ownership check needs; disabled until verified. */
@NamedInterface("api")
public class SignedInAccount extends User {

  private final long accountId;
  private final String language;

  SignedInAccount(Account account) {
    super(account.email(), account.passwordHash(), account.isVerified(), true, true, true, authorities(account));
    this.accountId = account.id();
    this.language = account.language();
  }

  public long accountId() {
    return accountId;
  }

  public String language() {
    return language;
  }

  /** Whether the account belongs to the staff group (and so sees what Tasklist shows that group). */
  public boolean inGroup(StaffGroup group) {
    return getAuthorities().contains(new SimpleGrantedAuthority(group.authority()));
  }

  /** {@code ROLE_APPLICANT} / {@code ROLE_STAFF}, and one {@code GROUP_<name>} per staff group. */
  private static Collection<? extends GrantedAuthority> authorities(Account account) {
    Stream<String> roles = account.roles().stream().map(role -> "ROLE_" + role.name());
    Stream<String> groups = account.staffGroups().stream().map(StaffGroup::authority);
    return Stream.concat(roles, groups).map(SimpleGrantedAuthority::new).toList();
  }
}
