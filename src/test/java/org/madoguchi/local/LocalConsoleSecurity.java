package org.madoguchi.local;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The local console (tasks, mail) is for the person running the embedded stack on 127.0.0.1: no sign-in. */
@Configuration
@Profile("local")
class LocalConsoleSecurity {

  @Bean
  @Order(10)
  SecurityFilterChain localConsole(HttpSecurity http) throws Exception {
    return http.securityMatcher("/local/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .build();
  }
}
