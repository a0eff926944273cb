package org.madoguchi.documents;

import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.accounts.Role;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.CaseFixtures;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents against the real database: the owner attaches and downloads (attachment headers, the content
 * and its SHA-256 intact, an audit line); another applicant gets 404 and changes nothing; without signing
 * in the portal sends to the sign-in page and the API answers 401; a 25 MB upload is a 413 with a clear
 * message in the caller's language and stores nothing; an HTML page renamed .pdf is refused.
 */
@MadoguchiIT
class DocumentsIT {

  private static final String PASSWORD = "document password 1";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired Documents documents;

  private String owner;
  private String other;
  private long caseId;
  private String caseNumber;

  @BeforeEach
  void aCaseOfItsOwner() {
    owner = "doc-owner-" + System.nanoTime() + "@lab.example.ac.jp";
    other = "doc-other-" + System.nanoTime() + "@other.example.ac.jp";
    accounts.ensure(owner, PASSWORD, "Owner", "en", Set.of(Role.APPLICANT));
    accounts.ensure(other, PASSWORD, "Other", "en", Set.of(Role.APPLICANT));
    CaseFixtures fixtures = new CaseFixtures(jdbc);
    caseId = fixtures.file(owner, "IN_CONSULTATION", "academic", "open");
    caseNumber = fixtures.caseNumberOf(caseId);
  }

  private PortalSession signedIn(String email) {
    PortalSession session = new PortalSession(port);
    assertThat(session.signIn(email, PASSWORD)).endsWith("/portal/requests");
    return session;
  }

  private static Map<String, String> csrf(PortalSession session) {
    return Map.of("X-CSRF-TOKEN", session.csrfToken());
  }

  private long documentsOfCase() {
    return jdbc.queryForObject("select count(*) from documents where case_id = ?", Long.class, caseId);
  }

  private long chunks() {
    return jdbc.queryForObject("select count(*) from document_chunks", Long.class);
  }

  @Test
  void theOwnerAttachesAPdfAndDownloadsItAsAnAttachment() throws Exception {
    PortalSession session = signedIn(owner);
    byte[] pdf = SampleFiles.pdf(3 * 1024 * 1024 + 17);
    HttpResponse<String> attached =
        session.postFile("/portal/api/requests/" + caseNumber + "/documents", "研究計画書.pdf", pdf, "en", csrf(session));
    assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
    long id = jdbc.queryForObject("select id from documents where case_id = ?", Long.class, caseId);
    assertThat(attached.body()).contains("\"contentType\":\"application/pdf\"", "\"sizeBytes\":" + pdf.length);
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
    assertThat(jdbc.queryForObject("select sha256 from documents where id = ?", String.class, id)).isEqualTo(sha256);
    assertThat(jdbc.queryForObject("select count(*) from document_chunks where document_id = ?", Integer.class, id)).isEqualTo(4);

    HttpResponse<byte[]> download = session.download("/portal/requests/" + caseNumber + "/documents/" + id);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(pdf);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; ")
        .contains("filename*=UTF-8''%E7%A0%94%E7%A9%B6%E8%A8%88%E7%94%BB%E6%9B%B8.pdf");

    // The audit trail, and the case page lists it with its link.
    assertThat(jdbc.queryForObject(
            "select actor from case_events where case_id = ? and action = 'document-attached'", String.class, caseId))
        .isEqualTo("applicant:" + owner);
    assertThat(session.get("/portal/requests/" + caseNumber).body())
        .contains("研究計画書.pdf", "/portal/requests/" + caseNumber + "/documents/" + id, "Document attached");
  }

  @Test
  void anotherApplicantGets404AndAnonymousCallersAreSentToSignIn() {
    DocumentView attached =
        documents.attachByStaff(caseId, Actor.staff("desk", "Sato"), "nda.pdf", new ByteArrayResource(SampleFiles.pdf()));
    String download = "/portal/requests/" + caseNumber + "/documents/" + attached.id();

    PortalSession intruder = signedIn(other);
    assertThat(intruder.download(download).statusCode()).isEqualTo(404);
    assertThat(intruder.download("/portal/requests/" + caseNumber).statusCode()).isEqualTo(404);
    HttpResponse<String> upload =
        intruder.postFile("/portal/api/requests/" + caseNumber + "/documents", "x.pdf", SampleFiles.pdf(), "en", csrf(intruder));
    assertThat(upload.statusCode()).isEqualTo(404);
    assertThat(upload.body()).doesNotContain("nda.pdf");
    // Someone else's document under one's own case number is no better.
    long ownCase = new CaseFixtures(jdbc).file(other, "IN_CONSULTATION", "academic", "open");
    assertThat(intruder.download("/portal/requests/" + new CaseFixtures(jdbc).caseNumberOf(ownCase) + "/documents/" + attached.id()).statusCode())
        .isEqualTo(404);
    assertThat(documentsOfCase()).isEqualTo(1);

    PortalSession anonymous = new PortalSession(port);
    HttpResponse<byte[]> page = anonymous.download(download);
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
    assertThat(anonymous.download("/api/cases/" + caseNumber + "/documents/" + attached.id()).statusCode()).isEqualTo(401);

    // The owner sees the staff's document too.
    assertThat(signedIn(owner).download(download).statusCode()).isEqualTo(200);
  }

  @Test
  void a25MegabyteUploadIsRefusedWithAClearMessageAndNothingIsStored() {
    PortalSession session = signedIn(owner);
    long chunksBefore = chunks();
    byte[] large = SampleFiles.pdf(25 * 1024 * 1024);

    HttpResponse<String> english =
        session.postFile("/portal/api/requests/" + caseNumber + "/documents", "scan.pdf", large, "en", csrf(session));
    assertThat(english.statusCode()).isEqualTo(413);
    assertThat(english.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(english.body()).contains("\"field\":\"file\"", "larger than 20 MB");

    String bearer = "Bearer " + ApplicantClient.bearerToken(apiTokens, accounts.findByEmail(owner).orElseThrow().id());
    HttpResponse<String> japanese =
        new PortalSession(port).postFile("/api/cases/" + caseNumber + "/documents", "scan.pdf", large, "ja", Map.of("Authorization", bearer));
    assertThat(japanese.statusCode()).isEqualTo(413);
    assertThat(japanese.body()).contains("20 MB を超えています");

    // The case page's form (no script): a page that says why, with the way back.
    HttpResponse<String> page =
        session.postFile("/portal/requests/" + caseNumber + "/documents?_csrf=" + session.csrfToken(), "scan.pdf", large, "en", Map.of());
    assertThat(page.statusCode()).isEqualTo(413);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("larger than 20 MB", "id=\"back-to-case\"");

    assertThat(documentsOfCase()).isZero();
    assertThat(chunks()).isEqualTo(chunksBefore);
    assertThat(jdbc.queryForObject(
            "select count(*) from case_events where case_id = ? and action = 'document-attached'", Integer.class, caseId))
        .isZero();
  }

  @Test
  void anHtmlPageRenamedPdfIsRefusedAndAPdfFromThePageFormIsAccepted() {
    PortalSession session = signedIn(owner);
    HttpResponse<String> html =
        session.postFile("/portal/api/requests/" + caseNumber + "/documents", "plan.pdf", SampleFiles.html(), "en", csrf(session));
    assertThat(html.statusCode()).isEqualTo(400);
    assertThat(html.body()).contains("\"field\":\"file\"", "not a PDF, an image");
    HttpResponse<String> htmlFromPage =
        session.postFile("/portal/requests/" + caseNumber + "/documents?_csrf=" + session.csrfToken(), "plan.pdf", SampleFiles.html(), "en", Map.of());
    assertThat(htmlFromPage.statusCode()).isEqualTo(400);
    assertThat(htmlFromPage.body()).contains("not a PDF, an image");
    assertThat(documentsOfCase()).isZero();

    HttpResponse<String> pdf =
        session.postFile("/portal/requests/" + caseNumber + "/documents?_csrf=" + session.csrfToken(), "plan", SampleFiles.pdf(), "en", Map.of());
    assertThat(pdf.statusCode()).isEqualTo(302);
    assertThat(pdf.headers().firstValue("Location").orElse("")).endsWith("/portal/requests/" + caseNumber + "#attached-documents");
    // A name without the type's extension gets it, so the file opens with the right program.
    assertThat(jdbc.queryForObject("select file_name from documents where case_id = ?", String.class, caseId)).isEqualTo("plan.pdf");
  }
}
