package org.madoguchi.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;

/** Madoguchi's applicant portal as the applicant uses it: sign in, the form-js forms, the case page. */
final class Portal {

  private final Page page;

  Portal(Page page) {
    this.page = page;
  }

  Page page() {
    return page;
  }

  Portal signIn(String email) {
    page.navigate(Stack.MADOGUCHI + "/login");
    page.locator("#email").fill(email);
    page.locator("#password").fill(Stack.DEMO_PASSWORD);
    page.locator("#sign-in").click();
    page.waitForURL("**/portal/requests");
    return this;
  }

  /** The input form-js rendered for a component of the form file. */
  Locator field(String componentId) {
    return page.locator("#form [id$='-" + componentId + "']");
  }

  /**
   * Fills a field, leaves it and checks the form kept the value: form-js takes typed text a moment after
   * the input event, so a click right after a fill could lose it.
   */
  void fill(String componentId, String value) {
    FormFields.fill(field(componentId), value);
  }

  /** A radio or checklist option of a form field, by its label. */
  void choose(String componentId, String label) {
    Locator option = page.locator("#form .fjs-form-field:has([id*='-" + componentId + "-'])").getByLabel(label);
    option.check();
    assertThat(option).isChecked();
  }

  /** A form-js select: opens its list and picks the option by its label. */
  void select(String componentId, String label) {
    page.locator("#form [id$='-" + componentId + "-display']").click();
    page.locator(".fjs-dropdownlist-item", new Page.LocatorOptions().setHasText(label)).first().click();
  }

  void openCase(String caseNumber) {
    page.navigate(Stack.MADOGUCHI + "/portal/requests/" + caseNumber);
    assertThat(page.locator("#case-number")).hasText(caseNumber);
  }

  /** Submits a new request through the support-request form; returns the new case number. */
  String submitRequest(String title, String category, String service) {
    page.navigate(Stack.MADOGUCHI + "/portal/requests/new");
    page.locator("#submit-request").waitFor();
    fill("Field_affiliation", "Institute of Structural Biology, Example Pharma Research");
    choose("Field_applicantCategory", category);
    fill("Field_title", title);
    fill("Field_summary", "Live-cell imaging of a membrane transporter under an inhibitor candidate.");
    fill("Field_aims", "Localisation of the transporter before and after treatment.");
    choose("Field_requestedServices", service);
    page.locator("#form .fjs-form-field:has([id$='-Field_dataPolicyAccepted'])").getByRole(com.microsoft.playwright.options.AriaRole.CHECKBOX).check();
    page.locator("#submit-request").click();
    page.waitForURL(Pattern.compile(".*/portal/requests/[A-Z]+-\\d{4}-\\d+$"));
    return page.locator("#case-number").textContent().strip();
  }
}
