package org.madoguchi.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.accounts.Role;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The new-token form with a lifetime that is not a number: the record cannot be built, so the page is
 * shown again (400) from what was sent, with the field's error, and no token is made.
 */
@MadoguchiIT
class ApiTokenFormIT {

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired ApiTokens tokens;

  @Test
  void aLifetimeThatIsNotANumberIsAFieldErrorOnThePage() {
    String email = "token-form-" + UUID.randomUUID() + "@lab.example.ac.jp";
    Account account = accounts.ensure(email, "token form password", "Token Form", "en", Set.of(Role.APPLICANT));
    PortalSession browser = new PortalSession(port);
    browser.signIn(email, "token form password");

    HttpResponse<String> refused = browser.postForm(ApiTokenPages.PAGE, Map.of("name", "nightly export", "days", "maybe"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("id=\"days-error\"", "Choose one of the offered periods.", "value=\"nightly export\"")
        .doesNotContain("Exception", "id=\"token-secret\"");
    assertThat(tokens.of(account.id())).isEmpty();
  }
}
