package org.madoguchi.common.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Bounds on what a request may carry, so that no input is materialised unbounded: the body's size
 * ({@link RequestBodyLimits}), JSON's nesting, string and document length (Jackson's stream constraints,
 * refused as unreadable before any object is built). Each field's own bound is its {@code @Size} (checked
 * against its column by {@code RequestColumnWidthsIT}), which also refuses control characters in text
 * ({@link PlainText}, added to the validator in {@link LocaleConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimitsProperties.class)
class RequestLimits {

  @Bean
  FilterRegistrationBean<RequestBodyLimits> requestBodyLimits(RequestLimitsProperties limits) {
    FilterRegistrationBean<RequestBodyLimits> registration = new FilterRegistrationBean<>(new RequestBodyLimits(limits));
    // Right after the character encoding filter: before authentication spends anything on the request.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  Jackson2ObjectMapperBuilderCustomizer jsonReadLimits(RequestLimitsProperties limits) {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.jsonNestingDepth())
            .maxStringLength(limits.jsonStringLength())
            .maxDocumentLength(limits.jsonBody().toBytes())
            .build();
    return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(constraints));
  }
}
