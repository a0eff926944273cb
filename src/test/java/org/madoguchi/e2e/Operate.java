package org.madoguchi.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

/**
 * Camunda Operate 8.6 as the administrator uses it: sign in, open a process instance by its key
 * ({@code /operate/processes/<key>}), read its header (state icon), its instance history and its
 * variables. Operate imports the engine's records a few seconds late: the checks wait with Playwright's
 * assertions (reloading the instance page while they wait), never with fixed sleeps.
 */
final class Operate {

  private static final double PATIENCE_MS = Stack.PATIENCE.toMillis();

  private final Page page;

  Operate(Page page) {
    this.page = page;
  }

  Page page() {
    return page;
  }

  /** Signs in on Operate's login form (the one Tasklist has too). */
  Operate signIn() {
    Tasklist.signIn(page, "/operate");
    page.waitForURL(url -> !url.contains("/login"));
    return this;
  }

  /** Opens the instance page of a process instance and waits for its header. */
  Operate openInstance(long processInstanceKey) {
    page.navigate(Stack.CAMUNDA + "/operate/processes/" + processInstanceKey);
    assertThat(header()).containsText(String.valueOf(processInstanceKey),
        new LocatorAssertions.ContainsTextOptions().setTimeout(PATIENCE_MS));
    return this;
  }

  /** The instance header: state icon, process name, key, version, start and end dates. */
  Locator header() {
    return page.getByTestId("instance-header");
  }

  /** The header's state icon for {@code state} (e.g. COMPLETED, ACTIVE, INCIDENT). */
  Locator stateIcon(String state) {
    return header().getByTestId(state + "-icon");
  }

  /** The instance history (the tree of flow-node instances on the left under the diagram). */
  Locator history() {
    return page.getByTestId("instance-history");
  }

  /** The variables panel's row of one variable. */
  Locator variable(String name) {
    return page.getByTestId("variable-" + name);
  }
}
