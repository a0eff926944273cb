package org.madoguchi.common.web;

import java.nio.charset.MalformedInputException;

/**
 * Checks bytes, as they are read, against well-formed UTF-8 (Unicode's table 3-7): no overlong forms, no
 * surrogates, nothing past U+10FFFF, no sequence cut short. Jackson decodes an overlong {@code C0 AF} as
 * {@code /}, so a JSON body is checked before it reaches Jackson.
 */
final class WellFormedUtf8 {

  /** Continuation bytes still due, and the range the next one must fall in. */
  private int due;
  private int lowest = 0x80;
  private int highest = 0xBF;

  void check(byte[] bytes, int offset, int length) throws MalformedInputException {
    for (int i = offset; i < offset + length; i++) {
      check(bytes[i] & 0xFF);
    }
  }

  void check(int b) throws MalformedInputException {
    if (due > 0) {
      if (b < lowest || b > highest) {
        throw new MalformedInputException(1);
      }
      due--;
      lowest = 0x80;
      highest = 0xBF;
    } else if (b >= 0xC2 && b <= 0xDF) {
      due = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      due = 2;
      lowest = b == 0xE0 ? 0xA0 : 0x80;
      highest = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
      due = 3;
      lowest = b == 0xF0 ? 0x90 : 0x80;
      highest = b == 0xF4 ? 0x8F : 0xBF;
    } else if (b >= 0x80) {
      throw new MalformedInputException(1);
    }
  }

  /** At the end of the body: a sequence must not be left unfinished. */
  void end() throws MalformedInputException {
    if (due > 0) {
      throw new MalformedInputException(due);
    }
  }
}
