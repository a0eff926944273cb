package org.madoguchi.fees.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * Makes the text of a PDF read as written. IPAex Gothic draws 大 (U+5927) and the Kangxi radical ⼤
 * (U+2F24) with one glyph, and PDFBox maps each embedded glyph back to its lowest code point, so copied,
 * searched or extracted text would say ⼤学 for 大学. This rewrites each composite font's ToUnicode map
 * so that a glyph shared with a Kangxi radical maps to the ideograph (the radical's NFKC form).
 */
final class IdeographMapping {

  private static final int KANGXI_FIRST = 0x2F00;
  private static final int KANGXI_LAST = 0x2FDF;
  private static final int ENTRIES_PER_BLOCK = 100;

  private IdeographMapping() {}

  static void apply(PDDocument document) throws IOException {
    Set<COSDictionary> done = new HashSet<>();
    for (PDPage page : document.getPages()) {
      PDResources resources = page.getResources();
      if (resources == null) {
        continue;
      }
      for (COSName name : resources.getFontNames()) {
        COSDictionary font = resources.getFont(name).getCOSObject();
        if (done.add(font) && COSName.TYPE0.equals(font.getCOSName(COSName.SUBTYPE))) {
          rewrite(document, font);
        }
      }
    }
  }

  private static void rewrite(PDDocument document, COSDictionary font) throws IOException {
    COSBase toUnicode = font.getDictionaryObject(COSName.TO_UNICODE);
    if (!(toUnicode instanceof COSStream stream)) {
      return;
    }
    CMap cmap;
    try (InputStream in = stream.createInputStream()) {
      cmap = new CMapParser().parse(new RandomAccessReadBuffer(in));
    }
    Map<Integer, String> mapping = new TreeMap<>();
    boolean changed = false;
    for (int code = 0; code <= 0xFFFF; code++) {
      String text = cmap.toUnicode(code, 2);
      if (text != null) {
        String ideograph = unified(text);
        changed |= !ideograph.equals(text);
        mapping.put(code, ideograph);
      }
    }
    if (changed) {
      COSStream rewritten = document.getDocument().createCOSStream();
      try (OutputStream out = rewritten.createOutputStream(COSName.FLATE_DECODE)) {
        out.write(cmapText(mapping).getBytes(StandardCharsets.US_ASCII));
      }
      font.setItem(COSName.TO_UNICODE, rewritten);
    }
  }

  private static String unified(String text) {
    int codePoint = text.codePointAt(0);
    boolean radical = text.length() == Character.charCount(codePoint) && codePoint >= KANGXI_FIRST && codePoint <= KANGXI_LAST;
    return radical ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
  }

  /** A ToUnicode CMap (two-byte codes, bfchar entries only) as PDF 32000-1 9.10.3 describes it. */
  private static String cmapText(Map<Integer, String> mapping) {
    HexFormat hex = HexFormat.of().withUpperCase();
    StringBuilder out = new StringBuilder();
    out.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
        .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
        .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
        .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    var entries = mapping.entrySet().stream().toList();
    for (int start = 0; start < entries.size(); start += ENTRIES_PER_BLOCK) {
      var block = entries.subList(start, Math.min(entries.size(), start + ENTRIES_PER_BLOCK));
      out.append(block.size()).append(" beginbfchar\n");
      for (Map.Entry<Integer, String> entry : block) {
        out.append('<').append(hex.toHexDigits((short) entry.getKey().intValue())).append("> <")
            .append(hex.formatHex(entry.getValue().getBytes(StandardCharsets.UTF_16BE))).append(">\n");
      }
      out.append("endbfchar\n");
    }
    out.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    return out.toString();
  }
}
