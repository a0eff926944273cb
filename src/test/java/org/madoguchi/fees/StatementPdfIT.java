package org.madoguchi.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.Submissions;
import org.madoguchi.fees.pdf.ArchivedPdf;
import org.madoguchi.fees.pdf.FeePdfs;
import org.madoguchi.testsupport.EmbeddedSmtp;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalSession;
import org.madoguchi.testsupport.ProcessDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statement PDF where people get it: attached to the statement mail (the archived bytes, fetched when
 * the mail is sent), downloaded from the portal by the applicant of the case only, and from the console by
 * staff who may see the case.
 */
@MadoguchiIT
class StatementPdfIT {

  @Autowired Accounts accounts;
  @Autowired Submissions submissions;
  @Autowired CaseFile caseFile;
  @Autowired FeeAssessments assessments;
  @Autowired StatementDelivery delivery;
  @Autowired StatementVersions versions;
  @Autowired FeePdfs pdfs;
  @Autowired TransactionTemplate tx;
  @LocalServerPort int port;

  private FeeCases cases;

  @BeforeEach
  void fixture() {
    cases = new FeeCases(accounts, submissions, caseFile, assessments, delivery, tx);
  }

  @Test
  void theStatementMailCarriesTheArchivedPdfOfTheVersionItAnnounces() throws Exception {
    FeeCases.Applicant applicant = cases.applicant("ja");
    CaseSummary c = cases.issuedStatement(applicant, 7_301).supportCase();

    byte[] attached = await("the statement mail with its PDF").atMost(ProcessDriver.TIMEOUT)
        .until(() -> pdfAttachment(EmbeddedSmtp.awaitMailTo(applicant.email(), 1)), bytes -> bytes != null);

    StatementVersion announced = versions.current(c.caseId()).orElseThrow();
    ArchivedPdf archived = pdfs.statement(announced, "ja");
    assertThat(attached).isEqualTo(archived.content());
    assertThat(text(attached)).contains("利用料明細書", c.caseNumber(), "第1版", "134,747円");
  }

  @Test
  void theApplicantDownloadsTheirOwnStatementInEitherLanguageAndNobodyElseCan() throws Exception {
    FeeCases.Applicant applicant = cases.applicant("en");
    CaseSummary c = cases.issuedStatement(applicant, 7_302).supportCase();
    String path = "/portal/requests/" + c.caseNumber() + "/statement.pdf";
    PortalSession portal = new PortalSession(port);
    portal.signIn(applicant.email(), FeeCases.PASSWORD);
    assertThat(portal.get("/portal/requests/" + c.caseNumber()).body()).contains(path + "?lang=ja", path + "?lang=en");

    HttpResponse<byte[]> english = portal.download(path);
    assertThat(english.statusCode()).isEqualTo(200);
    assertThat(english.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(english.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment;").contains("statement-" + c.caseNumber() + "-v1-en.pdf");
    assertThat(english.body()).isEqualTo(pdfs.statement(versions.current(c.caseId()).orElseThrow(), "en").content());
    assertThat(text(english.body())).contains("Fee statement", "Version 1", "¥134,747");

    HttpResponse<byte[]> japanese = portal.download(path + "?lang=ja");
    assertThat(japanese.statusCode()).isEqualTo(200);
    assertThat(text(japanese.body())).contains("利用料明細書", "134,747円");
    assertThat(portal.download(path + "?version=1&lang=en").body()).isEqualTo(english.body());

    assertThat(portal.download(path + "?version=2").statusCode()).isEqualTo(404);
    assertThat(portal.download(path + "?lang=fr").statusCode()).isEqualTo(404);
    assertThat(portal.download(path + "?version=x").statusCode()).isBetween(400, 404);

    FeeCases.Applicant other = cases.applicant("en");
    PortalSession otherPortal = new PortalSession(port);
    otherPortal.signIn(other.email(), FeeCases.PASSWORD);
    assertThat(otherPortal.download(path).statusCode()).isEqualTo(404);
  }

  @Test
  void staffWhoMaySeeTheCaseDownloadTheStatementOthersGetNotFound() throws Exception {
    FeeCases.Applicant applicant = cases.applicant("ja");
    CaseSummary c = cases.issuedStatement(applicant, 7_303).supportCase();
    String path = "/console/cases/" + c.caseNumber() + "/statement.pdf";

    PortalSession financeSession = staffSession(StaffGroup.FINANCE);
    assertThat(financeSession.get("/console/cases/" + c.caseNumber()).body()).contains(path + "?lang=ja", path + "?lang=en");
    HttpResponse<byte[]> finance = financeSession.download(path);
    assertThat(finance.statusCode()).isEqualTo(200);
    assertThat(finance.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(text(finance.body())).contains("利用料明細書", c.caseNumber());
    assertThat(text(staffSession(StaffGroup.DESK).download(path + "?lang=en").body())).contains("Fee statement");

    assertThat(staffSession(StaffGroup.unitCoordinators("omics")).download(path).statusCode()).isEqualTo(404);
  }

  private PortalSession staffSession(StaffGroup group) {
    Account staff = accounts.ensure("pdf-" + UUID.randomUUID() + "@madoguchi.example", FeeCases.PASSWORD, "PDF Staff", "en", Set.of(Role.STAFF));
    accounts.assignStaffGroups(staff.id(), Set.of(group));
    PortalSession session = new PortalSession(port);
    session.signIn(staff.email(), FeeCases.PASSWORD);
    return session;
  }

  /** The PDF part of the first of these mails that has one; null if none has. */
  private static byte[] pdfAttachment(List<MimeMessage> mails) throws Exception {
    for (MimeMessage mail : mails) {
      byte[] pdf = EmbeddedSmtp.pdfPart(mail);
      if (pdf != null) {
        return pdf;
      }
    }
    return null;
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
