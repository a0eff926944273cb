package org.madoguchi.fees.invoicing;

import java.util.regex.Pattern;

/** Checks a qualified-invoice registration number: {@code T} + a corporate number (法人番号) with its check digit. */
final class RegistrationNumbers {

  private static final Pattern SHAPE = Pattern.compile("T[1-9][0-9]{12}");

  private RegistrationNumbers() {}

  /**
   * The check digit (the first of the 13 digits; 法人番号の指定等に関する省令 第二条) is 9 minus the remainder by 9
   * of the sum of the 12 base digits, each times 1 or 2 alternately, weight 1 on the least significant digit.
   */
  static boolean isValid(String number) {
    if (number == null || !SHAPE.matcher(number).matches()) {
      return false;
    }
    int sum = 0;
    for (int n = 1; n <= 12; n++) {
      int digit = number.charAt(number.length() - n) - '0';
      sum += digit * (n % 2 == 1 ? 1 : 2);
    }
    return number.charAt(1) - '0' == 9 - sum % 9;
  }
}
