package org.madoguchi.common.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.config.SessionRepositoryCustomizer;

/**
 * HTTP sessions live in MariaDB (Spring Session JDBC, tables by Flyway), so every instance serves every
 * session. The cookie keeps the {@code server.servlet.session.cookie.*} settings, which Spring Boot
 * applies to Spring Session's cookie; the timeout is {@code server.servlet.session.timeout}.
 */
@Configuration
class SharedSessions {

  /**
   * Writes a session's attributes with {@code INSERT ... ON DUPLICATE KEY UPDATE}: two requests of one
   * session (a page and its scripts) on two instances may add the same attribute at once.
   */
  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes() {
    return new MySqlJdbcIndexedSessionRepositoryCustomizer();
  }
}
