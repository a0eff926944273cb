package org.madoguchi.accounts;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Demo sign-ins for the local run: an academic and an industry applicant, and an administrator. */
@Component
@Profile("local")
class DemoAccounts implements ApplicationRunner {

  static final String PASSWORD = "demo";
  private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

  private final Accounts accounts;

  DemoAccounts(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public void run(ApplicationArguments args) {
    accounts.ensure("aoi.tanaka@u-tokyo.example.ac.jp", PASSWORD, "田中 葵", "ja", Set.of(Role.APPLICANT));
    accounts.ensure("ken.sato@pharma.example.co.jp", PASSWORD, "佐藤 健", "ja", Set.of(Role.APPLICANT));
    accounts.ensure("emma.wright@institute.example.org", PASSWORD, "Emma Wright", "en", Set.of(Role.APPLICANT));
    accounts.ensure("admin@madoguchi.example", PASSWORD, "Administrator", "en", Set.of(Role.ADMIN, Role.APPLICANT));
    log.info("Demo accounts ready (password '{}'): aoi.tanaka@u-tokyo.example.ac.jp, ken.sato@pharma.example.co.jp, "
        + "emma.wright@institute.example.org, admin@madoguchi.example", PASSWORD);
  }
}
