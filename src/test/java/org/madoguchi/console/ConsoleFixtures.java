package org.madoguchi.console;

import java.util.List;
import java.util.Set;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.testsupport.CaseFixtures;
import org.madoguchi.units.CaseTeams;
import org.madoguchi.units.TeamRole;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The console tests' world: one person per kind of staff scope and four cases, marked in their titles,
 * involving different units and kinds of work (through the same audit events the features record).
 */
final class ConsoleFixtures {

  static final String PASSWORD = "console password 1";

  final String marker = "mk" + System.nanoTime();
  final String applicant = "applicant-" + marker + "@lab.example.ac.jp";
  final String desk = staffEmail("desk");
  final String admin = staffEmail("admin");
  final String omicsMember = staffEmail("omics-member");
  final String omicsOther = staffEmail("omics-other");
  final String operator = staffEmail("operator");
  final String finance = staffEmail("finance");
  final String steward = staffEmail("steward");
  final String imaging = staffEmail("imaging");

  /** Planned for omics only. */
  final long omicsCase;
  /** Structure only: planned, assessed (fees) and with datasets. */
  final long structureCase;
  /** An industry NDA case planned for omics, with omicsMember on its team. */
  final long secretCase;
  /** Submitted, not involving anyone yet. */
  final long newCase;

  private final JdbcTemplate jdbc;
  private final CaseFixtures cases;

  ConsoleFixtures(JdbcTemplate jdbc, Accounts accounts, CaseFile caseFile, CaseTeams teams, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.cases = new CaseFixtures(jdbc);
    accounts.ensure(applicant, PASSWORD, "Applicant", "en", Set.of(Role.APPLICANT));
    staff(accounts, desk, "Desk Person", StaffGroup.DESK);
    staff(accounts, admin, "Admin Person", StaffGroup.ADMINS);
    staff(accounts, omicsMember, "Omics Member", StaffGroup.unitCoordinators("omics"));
    staff(accounts, omicsOther, "Omics Other", StaffGroup.unitCoordinators("omics"));
    staff(accounts, operator, "Structure Operator", StaffGroup.operators("structure"));
    staff(accounts, finance, "Finance Person", StaffGroup.FINANCE);
    staff(accounts, steward, "Steward Person", StaffGroup.DATA_STEWARDS);
    staff(accounts, imaging, "Imaging Person", StaffGroup.unitCoordinators("imaging"));
    omicsCase = file("IN_SUPPORT", "academic", "open", "Proteome of stressed yeast");
    structureCase = file("FEE_ASSESSMENT", "academic", "open", "Cryo-EM of an efflux pump");
    secretCase = file("IN_SUPPORT", "industry", "confidential", "Lead series metabolomics");
    newCase = file("IN_CONSULTATION", "public", "open", "Imaging of zebrafish fins");
    tx.executeWithoutResult(
        status -> {
          caseFile.record(omicsCase, new CaseEvent.ConsultationAccepted(List.of("omics"), "Proteomics."), Actor.staff("desk"), null);
          caseFile.record(structureCase, new CaseEvent.ConsultationAccepted(List.of("structure"), "Cryo-EM."), Actor.staff("desk"), null);
          caseFile.record(structureCase, new CaseEvent.FeesAssessed(100_000, 10_000, 110_000), Actor.system(), null);
          caseFile.record(structureCase, new CaseEvent.DatasetsRegistered("structure", 1), Actor.system(), null);
          caseFile.record(secretCase, new CaseEvent.ConsultationAccepted(List.of("omics"), "Under NDA."), Actor.staff("desk"), null);
        });
    teams.assign(secretCase, TeamRole.UNIT_CONTACT, "omics", omicsMember, "Omics Member");
  }

  List<Long> all() {
    return List.of(omicsCase, structureCase, secretCase, newCase);
  }

  String number(long caseId) {
    return cases.caseNumberOf(caseId);
  }

  private long file(String status, String category, String confidentiality, String title) {
    long id = cases.file(applicant, status, category, confidentiality);
    jdbc.update("update cases set title = ? where id = ?", title + " " + marker, id);
    return id;
  }

  private String staffEmail(String who) {
    return who + "-" + marker + "@madoguchi.example";
  }

  private static void staff(Accounts accounts, String email, String name, StaffGroup group) {
    Account account = accounts.ensure(email, PASSWORD, name, "en", Set.of(Role.STAFF));
    accounts.assignStaffGroups(account.id(), Set.of(group));
  }
}
