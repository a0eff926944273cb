package org.madoguchi.console.web;

import java.util.Set;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.console.StaffViewer;
import org.springframework.stereotype.Component;

/** The signed-in staff member as the console's pages check and show them: name, e-mail and groups as stored now. */
@Component
public class StaffViewers {

  private final Accounts accounts;

  StaffViewers(Accounts accounts) {
    this.accounts = accounts;
  }

  public StaffViewer of(SignedInAccount account) {
    Account found = accounts.find(account.accountId()).orElseThrow();
    return new StaffViewer(found.id(), found.email(), found.displayName(), Set.copyOf(found.staffGroups()));
  }
}
