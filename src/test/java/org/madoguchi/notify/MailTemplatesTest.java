package org.madoguchi.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class MailTemplatesTest {

  private final MailTemplates templates = new MailTemplates();
  private final Map<String, Object> caseModel =
      Map.of("caseNumber", "BINDS-2026-00042", "caseTitle", "Efflux pump", "applicantName", "田中 葵", "caseUrl", "http://x/cases/1");

  @Test
  void rendersSubjectAndBodyInTheApplicantsLanguage() {
    RenderedMail japanese = templates.render("case-confirmation", "ja", caseModel);
    RenderedMail english = templates.render("case-confirmation", "en", caseModel);

    assertThat(japanese.subject()).isEqualTo("【BINDS-2026-00042】支援申請を受け付けました");
    assertThat(japanese.body()).startsWith("田中 葵 様").contains("http://x/cases/1").doesNotContain("{{");
    assertThat(english.subject()).isEqualTo("[BINDS-2026-00042] Your support request has been received");
  }

  @Test
  void refusesToSendAMailWithAHole() {
    assertThatThrownBy(() -> templates.render("case-declined", "en", caseModel))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("reason");
  }

  @Test
  void fallsBackToJapaneseForALanguageWithoutTemplate() {
    assertThat(templates.languageFor("case-confirmation", "fr")).isEqualTo("ja");
    assertThat(templates.languageFor("case-confirmation", "en")).isEqualTo("en");
  }

  /** Every template exists in both languages and uses the same placeholders in both. */
  @Test
  void everyTemplateHasBothLanguagesWithTheSamePlaceholders() throws IOException {
    Resource[] japanese = new PathMatchingResourcePatternResolver().getResources("classpath:mail/*.ja.txt");
    assertThat(japanese).isNotEmpty();
    for (Resource ja : japanese) {
      String name = ja.getFilename().replace(".ja.txt", "");
      Resource en = new PathMatchingResourcePatternResolver().getResource("classpath:mail/" + name + ".en.txt");
      assertThat(en.exists()).as("English template for " + name).isTrue();
      assertThat(placeholders(en)).as(name).isEqualTo(placeholders(ja));
    }
  }

  private static java.util.Set<String> placeholders(Resource resource) throws IOException {
    Matcher matcher = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}").matcher(resource.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    java.util.Set<String> names = new java.util.TreeSet<>();
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
