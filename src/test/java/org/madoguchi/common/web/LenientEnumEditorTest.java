package org.madoguchi.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;

class LenientEnumEditorTest {

  private final LenientEnumEditor<DayOfWeek> editor = new LenientEnumEditor<>(DayOfWeek.class);

  @Test
  void aConstantsNameBindsToIt() {
    editor.setAsText(" MONDAY ");
    assertThat(editor.getValue()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(editor.getAsText()).isEqualTo("MONDAY");
  }

  @Test
  void anythingElseBindsAsNone() {
    for (String text : new String[] {"monday", "maybe\u0000", "", "-1e999", null}) {
      editor.setValue(DayOfWeek.FRIDAY);
      editor.setAsText(text);
      assertThat(editor.getValue()).as(text).isNull();
      assertThat(editor.getAsText()).isEmpty();
    }
  }
}
