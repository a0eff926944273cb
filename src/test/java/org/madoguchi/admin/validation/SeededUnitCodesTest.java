package org.madoguchi.admin.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The command line's unit codes are read from the seeding migration, whatever else names units. */
class SeededUnitCodesTest {

  @Test
  void everyUnitTheSuggestionTableProposesIsSeeded() throws IOException {
    String table = Files.readString(Path.of("bpmn/unit-suggestion.dmn"));
    Set<String> suggested = new TreeSet<>();
    Matcher output = Pattern.compile("<outputEntry[^>]*>\\s*<text>\"([a-z-]+)\"</text>").matcher(table);
    while (output.find()) {
      suggested.add(output.group(1));
    }
    assertThat(suggested).isNotEmpty();
    assertThat(SeededUnitCodes.read()).containsAll(suggested).doesNotContain("support_units", "code");
  }
}
