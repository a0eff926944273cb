package org.madoguchi.accounts;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The security principal: Spring's user plus the account id every ownership check needs; disabled until verified. */
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

  private static Collection<? extends GrantedAuthority> authorities(Account account) {
    return account.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
  }
}
