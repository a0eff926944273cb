package org.madoguchi.accounts;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-in with a password, with the lockout of {@link SignInAttempts}. Every attempt costs one BCrypt
 * check whatever the answer: for an unknown address Spring's {@link DaoAuthenticationProvider} checks
 * against a dummy hash, and the account's state (unconfirmed, locked) is looked at only after the
 * password, so neither the answer nor its time tells whether an address has an account or is locked.
 */
class PasswordSignIn implements AuthenticationProvider {

  private final DaoAuthenticationProvider passwords;
  private final SignInAttempts attempts;

  PasswordSignIn(UserDetailsService accounts, PasswordEncoder encoder, SignInAttempts attempts) {
    this.passwords = new DaoAuthenticationProvider(accounts);
    passwords.setPasswordEncoder(encoder);
    passwords.setPreAuthenticationChecks(account -> {});
    passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
    this.attempts = attempts;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    Authentication signedIn;
    try {
      signedIn = passwords.authenticate(authentication);
    } catch (BadCredentialsException wrongPassword) {
      attempts.failed(authentication.getName());
      throw wrongPassword;
    }
    if (!attempts.allowsSignIn(((SignedInAccount) signedIn.getPrincipal()).accountId())) {
      throw new BadCredentialsException("Bad credentials");
    }
    return signedIn;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
