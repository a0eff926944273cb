package org.madoguchi.console.web.billing;

import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.console.StaffViewer;
import org.springframework.security.access.AccessDeniedException;

/** Billing (runs, invoices, credit notes, payers, exports) is finance's: anyone else gets the 403 page. */
final class BillingAccess {

  private BillingAccess() {}

  static void requireFinance(StaffViewer viewer) {
    if (viewer == null || !viewer.groups().contains(StaffGroup.FINANCE)) {
      throw new AccessDeniedException("billing is for the finance group");
    }
  }
}
