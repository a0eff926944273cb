package org.madoguchi.common.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Checks bytes, as they are read, with the JDK's strict UTF-8 decoder: no overlong forms, no
 * surrogates, nothing past U+10FFFF, no sequence cut short. Jackson decodes an overlong {@code C0 AF}
 * as {@code /}, so a JSON body is checked before it reaches Jackson. The decoded text is dropped.
 */
final class WellFormedUtf8 {

  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final CharBuffer dropped = CharBuffer.allocate(4096);
  /** The start of a sequence that the last read cut off (at most 3 bytes). */
  private ByteBuffer unfinished = ByteBuffer.allocate(0);

  void check(byte[] bytes, int offset, int length) throws MalformedInputException {
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
    if (unfinished.hasRemaining()) {
      in = ByteBuffer.allocate(unfinished.remaining() + length).put(unfinished).put(in).flip();
    }
    decode(in, false);
    unfinished = ByteBuffer.allocate(in.remaining()).put(in).flip();
  }

  void check(int b) throws MalformedInputException {
    check(new byte[] {(byte) b}, 0, 1);
  }

  /** At the end of the body: a sequence must not be left unfinished. */
  void end() throws MalformedInputException {
    decode(unfinished, true);
  }

  private void decode(ByteBuffer in, boolean endOfInput) throws MalformedInputException {
    CoderResult result;
    do {
      dropped.clear();
      result = decoder.decode(in, dropped, endOfInput);
      if (result.isError()) {
        throw new MalformedInputException(result.length());
      }
    } while (result.isOverflow());
  }
}
