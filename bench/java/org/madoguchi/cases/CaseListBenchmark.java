package org.madoguchi.cases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.madoguchi.cases.StaffCases.Query;
import org.madoguchi.cases.StaffCases.Scope;
import org.madoguchi.cases.StaffCases.Sort;
import org.madoguchi.testsupport.EmbeddedMariaDb;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The staff console's case list over many cases: generates them (default 100,000) in an embedded
 * MariaDB migrated by the application's Flyway scripts, then runs each kind of list query (the
 * console's own SQL, {@link StaffCases#search}: count and page) many times and prints p50/p95 per kind.
 * It lives in the cases package to build {@link StaffCases} on a plain JDBC template, without the
 * application (only the list's SQL is measured, not page rendering). See bench/README.md.
 */
public final class CaseListBenchmark {

  private static final String[] WORDS = {
    "kinase", "efflux pump", "GPCR", "antibody", "ribosome", "membrane transporter", "protease", "ion channel",
    "metabolome", "proteome", "organoid", "zebrafish", "peptide", "nucleic acid", "fragment screen", "cryo-EM",
    "crystal structure", "lead series", "toxicity", "single cell"};
  private static final String[] FAMILY = {"田中", "佐藤", "鈴木", "高橋", "伊藤", "渡辺", "山本", "中村", "Smith", "Wright", "García", "Müller"};
  private static final String[] GIVEN = {"葵", "健", "陽菜", "蓮", "結衣", "大翔", "Emma", "Liam", "Noah", "Mia"};
  private static final String[] AFFILIATIONS = {
    "The University of Tokyo", "Kyoto University", "Osaka University", "Tohoku University", "RIKEN", "Kyushu University",
    "Hokkaido University", "Nagoya University", "Example Pharma Co., Ltd.", "National Institute of Genetics"};
  private static final String[] UNITS = {"structure", "imaging", "omics", "invivo", "screening", "medchem", "admet", "biologics", "insilico", "data"};
  private static final String[] STATUSES = {
    "IN_CONSULTATION", "AWAITING_INFORMATION", "IN_SUPPORT", "IN_SUPPORT", "FEE_ASSESSMENT", "AWAITING_STATEMENT_RESPONSE",
    "DATA_DEPOSIT", "CLOSED", "CLOSED", "CLOSED", "CLOSED", "DECLINED", "CANCELLED"};

  private CaseListBenchmark() {}

  public static void main(String[] args) throws Exception {
    int cases = Integer.getInteger("bench.cases", 100_000);
    int runs = Integer.getInteger("bench.runs", 50);
    Path reportDir = Path.of(System.getProperty("bench.reportDir", "target/bench"));

    String url = EmbeddedMariaDb.start().createDatabase("console_bench") + "?rewriteBatchedStatements=true";
    Flyway.configure().dataSource(url, "root", "").locations("classpath:db/migration").cleanDisabled(false).load().clean();
    Flyway.configure().dataSource(url, "root", "").locations("classpath:db/migration").load().migrate();
    Instant now = Instant.parse("2026-06-01T00:00:00Z");
    long started = System.nanoTime();
    generate(url, cases, now);
    System.out.printf("generated %,d cases in %.1f s%n", cases, (System.nanoTime() - started) / 1e9);

    StaffCases list = new StaffCases(new NamedParameterJdbcTemplate(new DriverManagerDataSource(url, "root", "")), null, null, null);
    Scope desk = Scope.allCases();
    Set<Long> myCases = new TreeSet<>();
    for (long id = 1; id <= 40; id++) {
      myCases.add(id * 2_417 % cases + 1);
    }
    Scope omics = Scope.of(Set.of("omics"), false, false, myCases);
    Scope finance = Scope.of(Set.of(), true, false, Set.of());
    int deepPage = cases / 2 / 25;

    Map<String, Supplier<Query>> kinds = new LinkedHashMap<>();
    kinds.put("desk, page 1 (submitted)", () -> query(null, null, null, null, false, now, null, null, null, Sort.SUBMITTED, 1));
    kinds.put("desk, deep page " + deepPage, () -> query(null, null, null, null, false, now, null, null, null, Sort.SUBMITTED, deepPage));
    kinds.put("search title fragment", () -> query("efflux", null, null, null, false, now, null, null, null, Sort.SUBMITTED, 1));
    kinds.put("search applicant name", () -> query("Wright", null, null, null, false, now, null, null, null, Sort.SUBMITTED, 1));
    kinds.put("search exact number", () -> query(String.format("BENCH-%06d", cases / 3), null, null, null, false, now, null, null, null, Sort.SUBMITTED, 1));
    kinds.put("search, no match (mistyped number)", () -> query("BENCH-" + (cases / 3), null, null, null, false, now, null, null, null, Sort.SUBMITTED, 1));
    kinds.put("filter status", () -> query(null, CaseStatus.AWAITING_INFORMATION, null, null, false, now, null, null, null, Sort.SUBMITTED, 1));
    kinds.put("filter unit", () -> query(null, null, "omics", null, false, now, null, null, null, Sort.SUBMITTED, 1));
    kinds.put("filter fast-track", () -> query(null, null, null, true, false, now, null, null, null, Sort.SUBMITTED, 1));
    kinds.put("filter overdue", () -> query(null, null, null, null, true, now, null, null, null, Sort.DUE, 1));
    kinds.put("filter confidentiality", () -> query(null, null, null, null, false, now, "confidential", null, null, Sort.SUBMITTED, 1));
    kinds.put("filter category", () -> query(null, null, null, null, false, now, null, "industry", null, Sort.SUBMITTED, 1));
    kinds.put("my cases", () -> query(null, null, null, null, false, now, null, null, myCases, Sort.SUBMITTED, 1));
    kinds.put("sort last change", () -> query(null, null, null, null, false, now, null, null, null, Sort.UPDATED, 1));
    kinds.put("sort priority", () -> query(null, null, null, null, false, now, null, null, null, Sort.PRIORITY, 1));
    kinds.put("sort due", () -> query(null, null, null, null, false, now, null, null, null, Sort.DUE, 1));
    kinds.put("all filters + search", () -> query("kinase", CaseStatus.IN_SUPPORT, "structure", false, false, now, "open", "academic", null, Sort.PRIORITY, 1));

    Map<String, Scope> scopes = new LinkedHashMap<>();
    scopes.put("desk", desk);
    scopes.put("unit-omics", omics);
    scopes.put("finance", finance);

    StringBuilder report = new StringBuilder();
    report.append(String.format("Case list over %,d cases, %d runs per query (after 5 warm-up runs); milliseconds per list (count + page)%n%n", cases, runs));
    report.append("| query | scope | matches | p50 ms | p95 ms |\n|---|---|---:|---:|---:|\n");
    for (Map.Entry<String, Supplier<Query>> kind : kinds.entrySet()) {
      for (Map.Entry<String, Scope> scope : scopes.entrySet()) {
        boolean deskOnly = !kind.getKey().startsWith("desk") && !kind.getKey().startsWith("search title") && !kind.getKey().startsWith("filter unit");
        if (!scope.getKey().equals("desk") && deskOnly) {
          continue;
        }
        double[] millis = new double[runs];
        long matches = 0;
        for (int i = -5; i < runs; i++) {
          long t0 = System.nanoTime();
          matches = list.search(kind.getValue().get(), scope.getValue()).total();
          if (i >= 0) {
            millis[i] = (System.nanoTime() - t0) / 1e6;
          }
        }
        Arrays.sort(millis);
        String line = String.format("| %s | %s | %,d | %.1f | %.1f |%n", kind.getKey(), scope.getKey(), matches, percentile(millis, 50), percentile(millis, 95));
        System.out.print(line);
        report.append(line);
      }
    }
    Files.createDirectories(reportDir);
    Files.writeString(reportDir.resolve("console-list.md"), report.toString());
    System.out.println("report: " + reportDir.resolve("console-list.md"));
    System.exit(0);
  }

  private static Query query(
      String text, CaseStatus status, String unit, Boolean fastTrack, boolean overdue, Instant now, String confidentiality,
      String category, Set<Long> only, Sort sort, int page) {
    return new Query(text, status, unit, fastTrack, overdue, false, now, confidentiality, category, only, sort, page, 25);
  }

  private static double percentile(double[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** Batch inserts: the cases (over three years), their involvements, and an open task's due date for the open ones. */
  private static void generate(String url, int count, Instant now) throws SQLException {
    Random random = new Random(42);
    try (Connection connection = DriverManager.getConnection(url, "root", "")) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "insert into accounts (id, email, password_hash, display_name, language, roles, created_at)"
                + " values (1, 'bench@example.org', 'x', 'Bench', 'en', 'APPLICANT', now())");
      }
      String insertCase =
          "insert into cases (id, case_number, account_id, applicant_name, affiliation, email, applicant_category, language, title, summary,"
              + " aims, requested_services, confidentiality, fast_track_reason, data_policy_accepted_at, status, submitted_at, updated_at,"
              + " next_task_due_at) values (?, ?, 1, ?, ?, 'bench@example.org', ?, 'ja', ?, 'A summary.', 'Aims.', 'cryo-em', ?, ?, ?, ?, ?, ?, ?)";
      try (PreparedStatement cases = connection.prepareStatement(insertCase);
          PreparedStatement involvements = connection.prepareStatement("insert ignore into case_involvements (case_id, involvement, confidential) values (?, ?, ?)")) {
        for (int i = 1; i <= count; i++) {
          Instant submitted = now.minus(Duration.ofMinutes(random.nextInt(3 * 365 * 24 * 60)));
          Instant updated = submitted.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
          String status = STATUSES[random.nextInt(STATUSES.length)];
          boolean open = !Set.of("CLOSED", "DECLINED", "CANCELLED").contains(status);
          int confidentiality = random.nextInt(100);
          cases.setLong(1, i);
          cases.setString(2, String.format("BENCH-%06d", i));
          cases.setString(3, FAMILY[random.nextInt(FAMILY.length)] + " " + GIVEN[random.nextInt(GIVEN.length)]);
          cases.setString(4, AFFILIATIONS[random.nextInt(AFFILIATIONS.length)]);
          cases.setString(5, random.nextInt(10) < 7 ? "academic" : random.nextBoolean() ? "public" : "industry");
          cases.setString(6, "Study of the " + WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " #" + i);
          cases.setString(7, confidentiality < 85 ? "open" : confidentiality < 95 ? "patent-pending" : "confidential");
          cases.setString(8, random.nextInt(10) == 0 ? "A grant deadline." : null);
          cases.setTimestamp(9, Timestamp.from(submitted));
          cases.setString(10, status);
          cases.setTimestamp(11, Timestamp.from(submitted));
          cases.setTimestamp(12, Timestamp.from(updated));
          cases.setTimestamp(13, open ? Timestamp.from(now.plus(Duration.ofHours(random.nextInt(24 * 20) - 24 * 5))) : null);
          cases.addBatch();
          if (!status.equals("IN_CONSULTATION") && !status.equals("AWAITING_INFORMATION")) {
            List<String> involved = new ArrayList<>();
            involved.add("unit:" + UNITS[random.nextInt(UNITS.length)]);
            if (random.nextInt(3) == 0) {
              involved.add("unit:" + UNITS[random.nextInt(UNITS.length)]);
            }
            if (random.nextInt(10) < 7) {
              involved.add("fees");
            }
            if (random.nextInt(10) < 4) {
              involved.add("datasets");
            }
            for (String involvement : involved) {
              involvements.setLong(1, i);
              involvements.setString(2, involvement);
              involvements.setBoolean(3, confidentiality >= 95);
              involvements.addBatch();
            }
          }
          if (i % 2_000 == 0 || i == count) {
            cases.executeBatch();
            involvements.executeBatch();
            connection.commit();
          }
        }
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("analyze table cases, case_involvements");
      }
      connection.commit();
    }
  }
}
