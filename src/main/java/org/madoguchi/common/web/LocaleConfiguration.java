package org.madoguchi.common.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Japanese by default, English on request; validation messages come from the same bundles. */
@Configuration
class LocaleConfiguration {

  static final Locale JAPANESE = Locale.JAPANESE;

  @Bean
  LocaleResolver localeResolver() {
    AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
    resolver.setSupportedLocales(List.of(Locale.JAPANESE, Locale.ENGLISH));
    resolver.setDefaultLocale(JAPANESE);
    return resolver;
  }

  @Bean
  LocalValidatorFactoryBean validator(MessageSource messageSource) {
    LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
    validator.setValidationMessageSource(messageSource);
    validator.setConfigurationInitializer(PlainText::addTo);
    return validator;
  }
}
