package org.madoguchi.fees.pdf;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.madoguchi.fees.ConsumptionTax;
import org.madoguchi.fees.TaxClass;
import org.springframework.context.MessageSource;

/**
 * How the PDF templates write amounts, dates and tax rates in one language: {@code 12,345円} and
 * {@code 2026年11月29日} in Japanese, {@code ¥12,345} and {@code 29 November 2026} in English.
 * The templates call it as {@code fmt}.
 */
public final class PdfFormat {

  private static final DateTimeFormatter JA_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.JAPANESE);
  private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  private final boolean japanese;
  private final Locale locale;
  private final MessageSource messages;
  private final ZoneId zone;

  PdfFormat(Locale locale, MessageSource messages, ZoneId zone) {
    this.locale = locale;
    this.japanese = "ja".equals(locale.getLanguage());
    this.messages = messages;
    this.zone = zone;
  }

  public String yen(long amount) {
    String digits = String.format(Locale.ROOT, "%,d", Math.abs(amount));
    String sign = amount < 0 ? "-" : "";
    return japanese ? sign + digits + "円" : sign + "¥" + digits;
  }

  public String date(LocalDate date) {
    return date == null ? "" : date.format(japanese ? JA_DATE : EN_DATE);
  }

  public String date(Instant instant) {
    return instant == null ? "" : date(instant.atZone(zone).toLocalDate());
  }

  /** {@code 2026年11月1日～2026年11月29日}, or one date when both are the same day. */
  public String period(LocalDate from, LocalDate to) {
    if (from == null || to == null || from.equals(to)) {
      return date(from == null ? to : from);
    }
    return date(from) + (japanese ? "～" : " to ") + date(to);
  }

  public String quantity(BigDecimal quantity) {
    return quantity == null ? "" : quantity.stripTrailingZeros().toPlainString();
  }

  /** A rate of 0..1 as a percentage, e.g. {@code 0.08} -> {@code 8}. */
  public String percent(BigDecimal rate) {
    return rate == null ? "" : rate.movePointRight(2).stripTrailingZeros().toPlainString();
  }

  /** What the amounts of a tax class are called: {@code 10%対象}, {@code 8%対象}, {@code 非課税}. */
  public String rateLabel(ConsumptionTax.RateTotal total) {
    return messages.getMessage("pdf.tax-class." + total.taxClass().name(), new Object[] {percent(total.rate())}, locale);
  }

  /** The mark of a reduced-rate line (※), empty for the others. */
  public String mark(TaxClass taxClass) {
    return taxClass == TaxClass.REDUCED ? "※" : "";
  }

  /** The label of a fee item kind, e.g. {@code instrument-upkeep}. */
  public String itemKind(String itemKind) {
    return itemKind == null ? "" : messages.getMessage("fees.item-kind." + itemKind, null, itemKind, locale);
  }
}
