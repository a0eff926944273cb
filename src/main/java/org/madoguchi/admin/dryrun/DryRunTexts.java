package org.madoguchi.admin.dryrun;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** The dry run's explanations in the administrator's language (bundle {@code i18n/admin-dryrun}). */
final class DryRunTexts {

  private final MessageSource messages;
  private final Locale locale;

  DryRunTexts(MessageSource messages, Locale locale) {
    this.messages = messages;
    this.locale = locale;
  }

  String get(String code, Object... arguments) {
    return messages.getMessage("dryrun." + code, arguments, locale);
  }
}
