package org.madoguchi.common.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WellFormedUtf8Test {

  @ParameterizedTest
  @ValueSource(strings = {"plain ASCII", "田中 葵, 3 Å", "😀 past the BMP", "\u07ff\u0800\uffff\ud7ff\ue000"})
  void textEncodedByJavaIsWellFormedAlsoWhenReadOneByteAtATime(String text) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    WellFormedUtf8 whole = new WellFormedUtf8();
    whole.check(bytes, 0, bytes.length);
    whole.end();
    WellFormedUtf8 byByte = new WellFormedUtf8();
    for (byte b : bytes) {
      byByte.check(b & 0xFF);
    }
    assertThatCode(byByte::end).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "c0af", // overlong "/"
        "c1bf", // overlong, two bytes
        "e08080", // overlong, three bytes
        "f08080af", // overlong, four bytes
        "eda080", // a surrogate
        "f4908080", // past U+10FFFF
        "f888808080", // a five-byte form
        "c328", // a lead byte without its continuation
        "80", // a continuation without its lead byte
        "fffe"
      })
  void illFormedSequencesAreRefused(String hex) {
    byte[] bytes = HexFormat.of().parseHex("61" + hex + "62");
    assertThatThrownBy(() -> new WellFormedUtf8().check(bytes, 0, bytes.length)).isInstanceOf(MalformedInputException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"c3", "e382", "f09f98"})
  void aSequenceCutShortAtTheEndIsRefused(String hex) throws Exception {
    byte[] bytes = HexFormat.of().parseHex("61" + hex);
    WellFormedUtf8 check = new WellFormedUtf8();
    check.check(bytes, 0, bytes.length);
    assertThatThrownBy(check::end).isInstanceOf(MalformedInputException.class);
  }
}
