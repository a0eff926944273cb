package org.madoguchi.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.audit.CaseEventType;
import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of event has one type with its own code, and some feature records it. */
class CaseEventTypesTest {

  @Test
  void eachEventRecordHasExactlyOneTypeAndEachTypeItsOwnCode() {
    assertThat(Arrays.stream(CaseEventType.values()).<Class<?>>map(CaseEventType::eventClass))
        .containsExactlyInAnyOrder(CaseEvent.class.getPermittedSubclasses());
    assertThat(Arrays.stream(CaseEventType.values()).map(CaseEventType::code)).doesNotHaveDuplicates();
    for (CaseEventType type : CaseEventType.values()) {
      assertThat(CaseEventType.ofCode(type.code())).contains(type);
      assertThat(type.code()).matches("[a-z]+(-[a-z]+)*");
    }
  }

  @Test
  void everyEventTypeIsRecordedSomewhereInTheApplication() throws IOException {
    String mainCode;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      mainCode =
          files.filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !p.endsWith("CaseEvent.java") && !p.endsWith("CaseEventType.java"))
              .map(CaseEventTypesTest::read)
              .collect(Collectors.joining("\n"));
    }
    for (CaseEventType type : CaseEventType.values()) {
      assertThat(mainCode).as(type.code()).contains("new CaseEvent." + type.eventClass().getSimpleName() + "(");
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
