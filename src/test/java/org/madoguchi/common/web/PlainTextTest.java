package org.madoguchi.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

class PlainTextTest {

  record Form(@Size(max = 5) String text, @Size(max = 2) List<@Size(max = 3) String> items) {}

  private static LocalValidatorFactoryBean factory;
  private static Validator validator;

  @BeforeAll
  static void validator() {
    factory = new LocalValidatorFactoryBean();
    factory.setConfigurationInitializer(PlainText::addTo);
    factory.afterPropertiesSet();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  @Test
  void sizedTextRefusesControlCharactersButNotTabsAndLineBreaks() {
    assertThat(messages(new Form("a\u0007b", null))).containsExactly("{validation.controlCharacters}");
    assertThat(messages(new Form("a\u0000", null))).containsExactly("{validation.controlCharacters}");
    assertThat(messages(new Form("a\tb\r\n", null))).isEmpty();
  }

  @Test
  void theSizeIsStillCheckedForTextAndLists() {
    assertThat(violations(new Form("abcdef", null))).extracting(v -> v.getPropertyPath().toString()).containsExactly("text");
    assertThat(violations(new Form(null, List.of("a", "b", "c")))).extracting(v -> v.getPropertyPath().toString())
        .containsExactly("items");
    assertThat(violations(new Form(null, List.of("abcd")))).extracting(v -> v.getPropertyPath().toString())
        .containsExactly("items[0].<list element>");
  }

  private static Set<ConstraintViolation<Form>> violations(Form form) {
    return validator.validate(form);
  }

  private static List<String> messages(Form form) {
    return violations(form).stream().map(ConstraintViolation::getMessageTemplate).toList();
  }
}
