package org.madoguchi.accounts;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Demo sign-ins for the local run: applicants (academic, industry, English) and one person per staff group.
 * Only with the {@code demo} profile, and never beside a production setting ({@link DemoProfileGuard}).
 */
@Component
@Profile(DemoProfileGuard.DEMO_PROFILE)
class DemoAccounts implements ApplicationRunner {

  static final String PASSWORD = "demo";
  private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

  private final Accounts accounts;

  DemoAccounts(Accounts accounts, Environment environment) {
    DemoProfileGuard.refuseInProduction(environment);
    this.accounts = accounts;
  }

  @Override
  public void run(ApplicationArguments args) {
    applicant("aoi.tanaka@u-tokyo.example.ac.jp", "田中 葵", "ja");
    applicant("ken.sato@pharma.example.co.jp", "佐藤 健", "ja");
    applicant("emma.wright@institute.example.org", "Emma Wright", "en");
    staff("desk@madoguchi.example", "窓口 コーディネーター", StaffGroup.DESK);
    staff("structure@madoguchi.example", "Structure unit coordinator", StaffGroup.unitCoordinators("structure"));
    staff("operator@madoguchi.example", "Cryo-EM operator", StaffGroup.operators("structure"));
    staff("imaging@madoguchi.example", "Imaging unit coordinator", StaffGroup.unitCoordinators("imaging"));
    staff("hana.mori@madoguchi.example", "Hana Mori", StaffGroup.operators("imaging"));
    staff("finance@madoguchi.example", "Finance officer", StaffGroup.FINANCE);
    staff("steward@madoguchi.example", "Data steward", StaffGroup.DATA_STEWARDS);
    staff("admin@madoguchi.example", "Administrator", StaffGroup.ADMINS);
    log.info("Demo accounts ready (password '{}'): applicants aoi.tanaka@u-tokyo.example.ac.jp, "
        + "ken.sato@pharma.example.co.jp, emma.wright@institute.example.org; staff desk@, structure@, operator@, imaging@, "
        + "hana.mori@, "
        + "finance@, steward@, admin@madoguchi.example", PASSWORD);
  }

  private void applicant(String email, String name, String language) {
    ensure(email, name, language, Role.APPLICANT);
  }

  private void staff(String email, String name, StaffGroup group) {
    Account account = ensure(email, name, "en", Role.STAFF);
    accounts.assignStaffGroups(account.id(), Set.of(group));
  }

  private Account ensure(String email, String name, String language, Role role) {
    try {
      return accounts.ensure(email, PASSWORD, name, language, Set.of(role));
    } catch (DataIntegrityViolationException createdByAnotherInstance) {
      // Instances starting together on an empty database race on the address's unique key: use theirs.
      return accounts.ensure(email, PASSWORD, name, language, Set.of(role));
    }
  }
}
