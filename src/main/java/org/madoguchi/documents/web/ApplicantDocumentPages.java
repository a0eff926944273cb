package org.madoguchi.documents.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.common.web.StateConflictException;
import org.madoguchi.documents.AttachedTo;
import org.madoguchi.documents.DocumentView;
import org.madoguchi.documents.Documents;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page's document form (works without JavaScript) and the download links. A refused document
 * shows a page with the reasons and a way back; someone else's case or document is the portal's plain 404.
 */
@Controller
class ApplicantDocumentPages {

  /** The flash attribute the case page reads: the name of the document just attached. */
  static final String ATTACHED = "documentAttached";

  private final Documents documents;

  ApplicantDocumentPages(Documents documents) {
    this.documents = documents;
  }

  @PostMapping("/portal/requests/{caseNumber}/documents")
  String attach(
      @AuthenticationPrincipal SignedInAccount account,
      @PathVariable String caseNumber,
      @RequestParam(name = Uploads.FILE, required = false) MultipartFile file,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    MultipartFile chosen = Uploads.chosen(file);
    try {
      DocumentView attached =
          documents.attachByApplicant(
              caseNumber, account.accountId(), account.getUsername(), AttachedTo.REQUEST,
              chosen == null ? null : chosen.getOriginalFilename(), chosen);
      redirect.addFlashAttribute(ATTACHED, attached.fileName());
      return "redirect:/portal/requests/" + caseNumber + "#attached-documents";
    } catch (InvalidRequestException refused) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return UploadTooLarge.refusedPage(model, "/portal/requests/" + caseNumber, refused.violations().stream()
          .map(v -> new Refusal(v.messageKey(), v.arguments())).toList());
    } catch (StateConflictException refused) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return UploadTooLarge.refusedPage(model, "/portal/requests/" + caseNumber, List.of(new Refusal(refused.messageKey(), refused.arguments())));
    }
  }

  @GetMapping("/portal/requests/{caseNumber}/documents/{documentId}")
  void download(
      @AuthenticationPrincipal SignedInAccount account,
      @PathVariable String caseNumber,
      @PathVariable long documentId,
      HttpServletResponse response)
      throws IOException {
    documents.openForApplicant(caseNumber, documentId, account.accountId()).send(response);
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "portal/not-found";
  }

  /** A reason shown on the refusal page: a message key of i18n/documents with its arguments. */
  record Refusal(String messageKey, Object[] arguments) {}
}
