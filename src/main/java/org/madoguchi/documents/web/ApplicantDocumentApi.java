package org.madoguchi.documents.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.documents.DocumentView;
import org.madoguchi.documents.Documents;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents for API clients (API tokens, {@code /api/cases/...}) and the portal's scripts (session + CSRF
 * header, {@code /portal/api/requests/...}): a multipart upload with the part {@code file} (and optionally
 * {@code attachedTo}), the list, a download. Refusals are problem details naming the field {@code file} in
 * the caller's language; a too large upload is a 413 ({@link UploadTooLarge}); another applicant's case
 * is a 404.
 */
@RestController
class ApplicantDocumentApi {

  /** A document as the API lists it; {@code href} downloads it. */
  record DocumentJson(
      long id, String fileName, String contentType, long sizeBytes, String sha256, String attachedTo, Instant attachedAt, String href) {

    static DocumentJson of(DocumentView d, String base) {
      return new DocumentJson(
          d.id(), d.fileName(), d.contentType(), d.sizeBytes(), d.sha256(), d.attachedTo().code(), d.attachedAt(),
          base + "/" + d.id());
    }
  }

  private final Documents documents;

  ApplicantDocumentApi(Documents documents) {
    this.documents = documents;
  }

  /** From an API client or the portal's scripts; the download link in the answer is the caller's own kind. */
  @PostMapping({"/api/cases/{caseNumber}/documents", "/portal/api/requests/{caseNumber}/documents"})
  ResponseEntity<DocumentJson> attach(
      @AuthenticationPrincipal SignedInAccount account,
      @PathVariable String caseNumber,
      @RequestParam(name = Uploads.FILE, required = false) MultipartFile file,
      @RequestParam(defaultValue = "request") String attachedTo,
      HttpServletRequest request) {
    MultipartFile chosen = Uploads.chosen(file);
    DocumentView attached =
        documents.attachByApplicant(
            caseNumber, account.accountId(), account.getUsername(), Uploads.attachedTo(attachedTo),
            chosen == null ? null : chosen.getOriginalFilename(), chosen);
    boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    DocumentJson json = DocumentJson.of(attached, (api ? "/api/cases/" : "/portal/requests/") + caseNumber + "/documents");
    return ResponseEntity.created(URI.create(json.href())).body(json);
  }

  @GetMapping("/api/cases/{caseNumber}/documents")
  List<DocumentJson> list(@AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber) {
    String base = "/api/cases/" + caseNumber + "/documents";
    return documents.forApplicant(caseNumber, account.accountId()).stream().map(d -> DocumentJson.of(d, base)).toList();
  }

  @GetMapping("/api/cases/{caseNumber}/documents/{documentId}")
  void download(
      @AuthenticationPrincipal SignedInAccount account,
      @PathVariable String caseNumber,
      @PathVariable long documentId,
      HttpServletResponse response)
      throws IOException {
    documents.openForApplicant(caseNumber, documentId, account.accountId()).send(response);
  }
}
