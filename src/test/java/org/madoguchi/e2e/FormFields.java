package org.madoguchi.e2e;

import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import java.time.Duration;

/**
 * Filling a form-js field reliably: form-js takes typed text a moment after the input event (debounced),
 * and a change still pending for another field can re-render the form with the older state, wiping what
 * was just typed. So: fill, leave the field, and fill again until the form keeps the value through two
 * looks 0.5 s apart. A missing field still fails at once (Playwright's locator times out).
 */
final class FormFields {

  private FormFields() {}

  static void fill(Locator field, String value) {
    field.fill(value);
    field.blur();
    await("the form keeps " + value).atMost(Duration.ofSeconds(20)).pollDelay(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(500))
        .until(() -> {
          if (value.equals(field.inputValue())) {
            return true;
          }
          field.fill(value);
          field.blur();
          return false;
        });
  }
}
