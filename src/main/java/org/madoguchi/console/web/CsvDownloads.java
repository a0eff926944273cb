package org.madoguchi.console.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * The console's CSV downloads, for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Japanese
 * names), Excel's dialect, sent as an attachment.
 */
public final class CsvDownloads {

  private CsvDownloads() {}

  /** Starts the download with its header row; the caller prints the records and closes the printer. */
  public static CSVPrinter start(HttpServletResponse response, String filename, String... header) throws IOException {
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString());
    Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    out.write('\uFEFF');
    return CSVFormat.EXCEL.builder().setHeader(header).get().print(out);
  }

  /** A name a spreadsheet would read as a formula is kept as text. */
  public static String text(String value) {
    return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }
}
