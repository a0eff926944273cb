package org.madoguchi.accounts;

import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts with properly hashed passwords. */
@Service
public class Accounts {

  private final AccountRepository repository;
  private final PasswordEncoder passwordEncoder;

  Accounts(AccountRepository repository, PasswordEncoder passwordEncoder) {
    this.repository = repository;
    this.passwordEncoder = passwordEncoder;
  }

  /** Creates the account unless one with this e-mail address exists; returns the account either way. */
  @Transactional
  public Account ensure(String email, String rawPassword, String displayName, String language, Set<Role> roles) {
    return repository
        .findByEmail(email.toLowerCase())
        .orElseGet(
            () ->
                repository.save(
                    new Account(email, passwordEncoder.encode(rawPassword), displayName, language, roles)));
  }
}
