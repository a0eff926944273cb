package org.madoguchi.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Camunda Tasklist 8.6 as a staff member uses it: sign in, the task list on the left, a task opened from
 * its card, "Assign to me", the form rendered by form-js, "Complete Task". Form fields are found by the
 * component id of the form file ({@code Field_<key>}), so a missing field fails the test.
 */
final class Tasklist {

  private static final double PATIENCE_MS = Stack.PATIENCE.toMillis();

  private final Page page;
  private final Stack.CamundaApi api;

  Tasklist(Page page, Stack.CamundaApi api) {
    this.page = page;
    this.api = api;
  }

  Page page() {
    return page;
  }

  Tasklist signIn() {
    signIn(page, "/tasklist");
    assertThat(taskList()).isVisible();
    return this;
  }

  /** The login form Tasklist and Operate 8.6 share, as the staff user, on the app at {@code appPath}. */
  static void signIn(Page page, String appPath) {
    page.navigate(Stack.CAMUNDA + appPath);
    page.locator("#username").fill(Stack.STAFF_USER);
    page.locator("#password").fill(Stack.STAFF_PASSWORD);
    page.locator("button[type=submit]").click();
  }

  private Locator taskList() {
    return page.locator("section[aria-label='Tasks side panel']");
  }

  /**
   * Waits until the task {@code elementId} of the case is open in Tasklist (its search, which sees the
   * process's variables), then opens it from its card in the task list, as a person would.
   */
  String open(String caseNumber, String elementId) {
    List<Map<String, Object>> tasks = await(elementId + " of " + caseNumber + " in Tasklist")
        .atMost(Stack.PATIENCE).pollInterval(java.time.Duration.ofSeconds(1))
        .until(() -> api.openTasks(caseNumber, elementId), found -> !found.isEmpty());
    String taskId = String.valueOf(tasks.getFirst().get("id"));
    page.navigate(Stack.CAMUNDA + "/tasklist");
    Locator card = taskList().locator("a[href^='/tasklist/" + taskId + "']");
    // The list refreshes itself every few seconds: the new task's card shows up without a reload.
    assertThat(card).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(PATIENCE_MS));
    card.click();
    page.waitForURL("**/tasklist/" + taskId + "**");
    assertThat(form()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(PATIENCE_MS));
    return taskId;
  }

  /**
   * Waits until the open task's form shows {@code text}, reloading the page as a person would: Tasklist
   * imports a task's variables apart from the task, so its form can first render without them.
   */
  void awaitFormText(String text) {
    await("the form showing " + text).atMost(Stack.PATIENCE).pollInterval(java.time.Duration.ofSeconds(2)).until(() -> {
      if (form().textContent().contains(text)) {
        return true;
      }
      page.reload();
      assertThat(form()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(PATIENCE_MS));
      return false;
    });
  }

  /** The rendered form of the open task. */
  Locator form() {
    return page.locator(".fjs-form");
  }

  /** The task's details on the right (creation date, candidates, priority, due date). */
  Locator details() {
    return page.locator("aside[aria-label='Task details right panel']");
  }

  void assignToMe() {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign to me")).click();
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unassign")))
        .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(PATIENCE_MS));
    assertThat(completeButton()).isEnabled(new LocatorAssertions.IsEnabledOptions().setTimeout(PATIENCE_MS));
  }

  private Locator completeButton() {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete Task"));
  }

  /** The input form-js rendered for a component of the form file (its id ends with the component id). */
  Locator field(String componentId) {
    return form().locator("[id$='-" + componentId + "']");
  }

  private Locator group(String componentId) {
    return form().locator(".fjs-form-field:has([id*='-" + componentId + "-'])");
  }

  /** The input of an option of a radio group or checklist, by (part of) its label. */
  Locator option(String componentId, String label) {
    return group(componentId).getByLabel(label);
  }

  /** Fills a field, leaves it and checks the form kept the value (form-js takes typed text a moment after the input event). */
  void fill(String componentId, String value) {
    FormFields.fill(field(componentId), value);
  }

  /** Picks an option of a radio group or checklist by clicking its label (Tasklist's theme hides the input itself). */
  void choose(String componentId, String label) {
    group(componentId).locator("label.fjs-form-field-label", new Locator.LocatorOptions().setHasText(label)).click();
    assertThat(option(componentId, label)).isChecked();
  }

  /** Ticks a single checkbox by clicking its label. */
  void tick(String componentId) {
    form().locator("label[for$='-" + componentId + "']").click();
    assertThat(field(componentId)).isChecked();
  }

  /** A form-js select (plain or searchable): opens its list and picks the option by its label. */
  void select(String componentId, String label) {
    Locator searchable = form().locator("input.fjs-input[id$='-" + componentId + "']");
    Locator plain = form().locator("[id$='-" + componentId + "-display']");
    searchable.or(plain).click();
    form().locator(".fjs-dropdownlist-item", new Locator.LocatorOptions().setHasText(label)).first().click();
    if (searchable.count() > 0) { // (Playwright runs the pattern in JavaScript: no \\Q...\\E quoting)
      assertThat(searchable).hasValue(Pattern.compile(".*" + label.replaceAll("[.*+?^${}()|\\[\\]\\\\/]", "\\\\$0") + ".*"));
    } else {
      assertThat(plain).containsText(label);
    }
  }

  /** Adds a line to a dynamic list, found by (part of) its label. */
  void addLine(String listLabel) {
    form().locator(".fjs-form-field-dynamiclist", new Locator.LocatorOptions().setHasText(listLabel))
        .locator(".fjs-repeat-render-add").first().click();
  }

  /** Completes the task and waits until Tasklist has it as completed. */
  void complete(String taskId) {
    completeButton().click();
    assertThat(page.getByText("Task completed")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(PATIENCE_MS));
    await("task " + taskId + " completed").atMost(Stack.PATIENCE).pollInterval(java.time.Duration.ofSeconds(1))
        .until(() -> api.task(taskId).get("taskState"), "COMPLETED"::equals);
  }
}
