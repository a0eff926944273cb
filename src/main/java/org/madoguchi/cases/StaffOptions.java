package org.madoguchi.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.StaffGroup;
import org.springframework.stereotype.Component;

/**
 * The people the staff forms offer for a case's team, as form-js select options ({@code label}, {@code
 * value} = e-mail): {@code deskStaff} for the lead coordinator, {@code unitStaff} (unit code to its
 * coordinators) for the unit contacts, {@code operatorStaff} (unit code to its operators) for the lead
 * operator. Small: a few people per group.
 */
@Component
class StaffOptions {

  private final Accounts accounts;

  StaffOptions(Accounts accounts) {
    this.accounts = accounts;
  }

  Map<String, Object> variables() {
    Map<String, Object> unitStaff = new LinkedHashMap<>();
    Map<String, Object> operatorStaff = new LinkedHashMap<>();
    for (StaffGroup group : accounts.staffGroupsInUse()) {
      group.unitCode().ifPresent(unit -> (group.name().startsWith("unit-") ? unitStaff : operatorStaff).put(unit, options(group)));
    }
    return Map.of("deskStaff", options(StaffGroup.DESK), "unitStaff", unitStaff, "operatorStaff", operatorStaff);
  }

  private List<Map<String, String>> options(StaffGroup group) {
    return accounts.staffIn(group).stream().map(StaffOptions::option).toList();
  }

  private static Map<String, String> option(Account person) {
    return Map.of("label", person.displayName() + " <" + person.email() + ">", "value", person.email());
  }
}
