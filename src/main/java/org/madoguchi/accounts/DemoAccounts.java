package org.madoguchi.accounts;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
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
    accounts.ensure("aoi.tanaka@u-tokyo.example.ac.jp", PASSWORD, "田中 葵", "ja", Set.of(Role.APPLICANT));
    accounts.ensure("ken.sato@pharma.example.co.jp", PASSWORD, "佐藤 健", "ja", Set.of(Role.APPLICANT));
    accounts.ensure("emma.wright@institute.example.org", PASSWORD, "Emma Wright", "en", Set.of(Role.APPLICANT));
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

  private void staff(String email, String name, StaffGroup group) {
    Account account = accounts.ensure(email, PASSWORD, name, "en", Set.of(Role.STAFF));
    accounts.assignStaffGroups(account.id(), Set.of(group));
  }
}
