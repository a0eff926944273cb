package org.madoguchi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every relative link and image in README.md and docs/*.md leads to a file of the repository. */
class DocsLinksTest {

  /** {@code [text](target)} and {@code ![alt](target)}, the target up to a space, {@code #} or {@code )}. */
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]+)(?:#[^)]*)?\\)");

  @Test
  void relativeLinksLeadToFiles() throws IOException {
    List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    List<String> broken = new ArrayList<>();
    int links = 0;
    for (Path document : documents) {
      Matcher link = LINK.matcher(Files.readString(document));
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("^[a-z]+:.*") || target.startsWith("{{")) {
          continue; // http:, https:, mailto:, and a form's link written with a variable
        }
        links++;
        if (!Files.exists(document.getParent() == null ? Path.of(target) : document.getParent().resolve(target))) {
          broken.add(document + " -> " + target);
        }
      }
    }
    assertThat(links).as("relative links found").isPositive();
    assertThat(broken).as("links to files that do not exist").isEmpty();
  }
}
