package org.madoguchi.fees;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Amounts and fee lines as text, for mails (in the applicant's language). */
@Component
public class FeeTexts {

  private final MessageSource messages;

  FeeTexts(MessageSource messages) {
    this.messages = messages;
  }

  /** Integer yen with thousands separators, e.g. {@code 12,345}. */
  public static String yen(long amount) {
    return String.format(Locale.ROOT, "%,d", amount);
  }

  /** A rate of 0..1 as a percentage, e.g. {@code 0.3} -> {@code 30}. */
  static String percent(BigDecimal rate) {
    return rate == null ? "" : rate.movePointRight(2).stripTrailingZeros().toPlainString();
  }

  /** The values the fee-statement, statement-reminder and invoice mails refer to. */
  Map<String, Object> statementModel(FeeStatement statement, String language) {
    Map<String, Object> model = new HashMap<>();
    model.put("subtotalYen", yen(statement.subtotalYen()));
    model.put("taxYen", yen(statement.taxYen()));
    model.put("totalYen", yen(statement.totalYen()));
    model.put("taxPercent", percent(statement.taxRate()));
    model.put("lines", linesSummary(statement, language));
    model.put("version", String.valueOf(statement.currentVersion()));
    return model;
  }

  /** One line per fee line: what, how much of it, at what share, for how much. */
  String linesSummary(FeeStatement statement, String language) {
    Locale locale = Locale.forLanguageTag(language == null ? "ja" : language);
    return statement.lines().stream()
        .map(
            line ->
                messages.getMessage(
                    "fees.mail.line",
                    new Object[] {
                      String.valueOf(line.lineNo()),
                      describe(line, locale),
                      line.quantity().stripTrailingZeros().toPlainString(),
                      yen(line.unitCostYen()),
                      percent(line.chargeRate()),
                      line.ruleName(),
                      yen(line.amountYen())
                    },
                    locale))
        .collect(Collectors.joining("\n"));
  }

  private String describe(FeeLine line, Locale locale) {
    String kind = messages.getMessage("fees.item-kind." + line.itemKind(), null, line.itemKind(), locale);
    return line.description() == null || line.description().isBlank() ? kind : line.description() + " (" + kind + ")";
  }
}
