package org.madoguchi.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.hostile.HostileInput.Cast;
import org.madoguchi.hostile.HostileInput.Person;
import org.madoguchi.hostile.HostileInput.Report;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** 10,000 hostile requests against the whole application: no 5xx, nothing written, healthy after. */
@MadoguchiIT
class HostileInputIT {

  private static final String PASSWORD = "hostile-input-password";

  @LocalServerPort int port;
  @Autowired Accounts accounts;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Value("${spring.datasource.url}") String databaseUrl;
  @Value("${spring.datasource.username}") String databaseUser;
  @Value("${spring.datasource.password:}") String databasePassword;

  @Test
  void tenThousandHostileRequestsGetNoServerErrorAndWriteNothing() throws Exception {
    Cast cast = new Cast(applicant("hostile-a"), applicant("hostile-b"), staff("hostile-desk"));
    TableCounts tables = new TableCounts(databaseUrl, databaseUser, databasePassword);

    Report report = new HostileInput("http://127.0.0.1:" + port, cast, tables, 10).run(10_000);
    System.out.print(report.text());

    assertThat(report.serverErrorSamples()).filteredOn(s -> !s.startsWith("accepted")).isEmpty();
    assertThat(report.serverErrors()).isZero();
    assertThat(report.rowsWritten()).isEmpty();
    assertThat(report.healthy()).isTrue();
  }

  @Test
  void theGeneratorReadsTheSameEndpointsAsTheApplication() {
    Set<String> application =
        mappings.getHandlerMethods().entrySet().stream()
            .filter(e -> e.getValue().getBeanType().getName().startsWith("org.madoguchi.") && !Endpoints.isTestCode(e.getValue().getBeanType()))
            .flatMap(e -> Endpoints.of(e.getKey(), e.getValue().getMethod()).stream())
            .map(Object::toString)
            .collect(Collectors.toSet());

    Set<String> scanned = Endpoints.scan().stream().map(Object::toString).collect(Collectors.toSet());

    assertThat(scanned).isEqualTo(application);
  }

  private Person applicant(String name) {
    String email = name + "-" + System.nanoTime() + "@lab.example.ac.jp";
    accounts.ensure(email, PASSWORD, "Hostile Input", "en", Set.of(Role.APPLICANT));
    return new Person(email, PASSWORD);
  }

  private Person staff(String name) {
    String email = name + "-" + System.nanoTime() + "@madoguchi.example";
    Account account = accounts.ensure(email, PASSWORD, "Hostile Desk", "en", Set.of(Role.STAFF));
    accounts.assignStaffGroups(account.id(), Set.of(StaffGroup.DESK));
    return new Person(email, PASSWORD);
  }
}
