package org.madoguchi.portal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.Submissions;
import org.madoguchi.cases.SupportRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the portal's form pages call from the browser (session + CSRF): the form files themselves, as
 * the engine uses them, in the user's language (see {@link FormTranslations}; read on every request, so a
 * changed form file shows without code changes), initial values, and the submission, validated exactly
 * as the applicant API does.
 */
@RestController
class PortalRequestApi {

  private final Submissions submissions;
  private final Accounts accounts;
  private final FormTranslations forms;

  PortalRequestApi(Submissions submissions, Accounts accounts, FormTranslations forms) {
    this.submissions = submissions;
    this.accounts = accounts;
    this.forms = forms;
  }

  @GetMapping(value = "/portal/api/forms/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<JsonNode> form(@PathVariable String name, Locale locale) throws IOException {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_JSON)
        .body(forms.form(name, locale));
  }

  /** Initial values of the support-request form: who is signed in. */
  @GetMapping("/portal/api/forms/support-request/data")
  Map<String, Object> initialData(@AuthenticationPrincipal SignedInAccount account) {
    Map<String, Object> data = new LinkedHashMap<>();
    accounts
        .find(account.accountId())
        .ifPresent(
            a -> {
              data.put("applicantName", a.displayName());
              data.put("email", a.email());
              data.put("language", a.language());
            });
    return data;
  }

  @PostMapping("/portal/api/requests")
  ResponseEntity<Map<String, String>> submit(
      @AuthenticationPrincipal SignedInAccount account, @Valid @RequestBody SupportRequest request) {
    CaseSummary created = submissions.submit(account.accountId(), request);
    return ResponseEntity.status(201)
        .body(Map.of("caseNumber", created.caseNumber(), "location", "/portal/requests/" + created.caseNumber()));
  }
}
