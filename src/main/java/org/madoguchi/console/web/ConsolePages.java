package org.madoguchi.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.cases.StaffCases;
import org.madoguchi.cases.StaffCases.ResultPage;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.console.CaseDocuments;
import org.madoguchi.console.CaseFiles;
import org.madoguchi.console.CaseNotes;
import org.madoguchi.console.CaseVisibility;
import org.madoguchi.console.StaffViewer;
import org.madoguchi.documents.DocumentView;
import org.madoguchi.units.CaseTeams;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff console's pages: the case list and a case file, a coordinator's note, and the case's
 * documents (download, and attach one: a multipart form whose CSRF token is in its address, as the
 * portal's, so that a too large upload still reaches {@code documents.web.UploadTooLarge}). Only for staff
 * (the page security answers 403 to applicants); every case goes through {@link CaseVisibility}.
 */
@Controller
class ConsolePages {

  private final StaffCases cases;
  private final CaseVisibility visibility;
  private final CaseFiles caseFiles;
  private final CaseNotes notes;
  private final CaseDocuments documents;
  private final CaseTeams teams;
  private final UnitCatalogue units;
  private final StaffViewers viewers;
  private final MadoguchiProperties properties;
  private final Clock clock;

  ConsolePages(
      StaffCases cases,
      CaseVisibility visibility,
      CaseFiles caseFiles,
      CaseNotes notes,
      CaseDocuments documents,
      CaseTeams teams,
      UnitCatalogue units,
      StaffViewers viewers,
      MadoguchiProperties properties,
      Clock clock) {
    this.cases = cases;
    this.visibility = visibility;
    this.caseFiles = caseFiles;
    this.notes = notes;
    this.documents = documents;
    this.teams = teams;
    this.units = units;
    this.viewers = viewers;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping("/console")
  String caseList(
      @AuthenticationPrincipal SignedInAccount account, @Valid CaseListRequest request, HttpServletRequest http, Model model) {
    StaffViewer viewer = viewers.of(account);
    Set<Long> mine = request.onlyMine() ? teams.casesOf(viewer.email()) : Set.of();
    Instant now = clock.instant();
    ResultPage result = cases.search(request.query(mine, now), visibility.scopeOf(viewer));
    model.addAttribute("now", now);
    String query = http.getQueryString();
    model.addAttribute("filters", request);
    model.addAttribute("result", result);
    model.addAttribute("pageLinks", PageLinks.of("/console" + (query == null ? "" : "?" + query), result.page(), result.pages()));
    model.addAttribute("statuses", CaseStatus.values());
    model.addAttribute("units", units.units());
    model.addAttribute("viewer", viewer);
    model.addAttribute("tasklistUrl", properties.tasklistUrl());
    return "console/cases";
  }

  @GetMapping("/console/cases/{caseNumber}")
  String casePage(@AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber, Model model, Locale locale) {
    return render(viewers.of(account), caseNumber, new NoteForm(""), model, locale);
  }

  @GetMapping("/console/cases/{caseNumber}/documents/{documentId}")
  void downloadDocument(
      @AuthenticationPrincipal SignedInAccount account,
      @PathVariable String caseNumber,
      @PathVariable long documentId,
      HttpServletResponse response)
      throws IOException {
    documents.open(viewers.of(account), caseNumber, documentId).send(response);
  }

  /** Post, redirect, get; a refused document shows the case page again with the reasons (400). */
  @PostMapping("/console/cases/{caseNumber}/documents")
  String attachDocument(
      @AuthenticationPrincipal SignedInAccount account,
      @PathVariable String caseNumber,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      Locale locale,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    StaffViewer viewer = viewers.of(account);
    // A form sent without a choice has an empty part without a name: that is "no file", not an empty one.
    boolean chosen = file != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
    try {
      DocumentView attached = documents.attach(viewer, caseNumber, chosen ? file.getOriginalFilename() : null, chosen ? file : null);
      redirect.addFlashAttribute("documentAttached", attached.fileName());
      return "redirect:/console/cases/" + caseNumber + "#attached-documents";
    } catch (InvalidRequestException refused) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("documentRefusals", refused.violations());
      return render(viewer, caseNumber, new NoteForm(""), model, locale);
    }
  }

  /** Post, redirect, get: a reload does not add the note twice. */
  @PostMapping("/console/cases/{caseNumber}/notes")
  String addNote(
      @AuthenticationPrincipal SignedInAccount account,
      @PathVariable String caseNumber,
      @Valid @ModelAttribute("note") NoteForm note,
      BindingResult errors,
      Model model,
      Locale locale,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    StaffViewer viewer = viewers.of(account);
    if (errors.hasErrors()) {
      visibility.require(viewer, caseNumber);
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return render(viewer, caseNumber, note, model, locale);
    }
    notes.add(viewer, caseNumber, note.text());
    redirect.addFlashAttribute("noteAdded", true);
    return "redirect:/console/cases/" + caseNumber + "#notes";
  }

  private String render(StaffViewer viewer, String caseNumber, NoteForm note, Model model, Locale locale) {
    model.addAttribute("f", caseFiles.open(viewer, caseNumber, locale));
    if (!model.containsAttribute("note")) {
      model.addAttribute("note", note);
    }
    model.addAttribute("viewer", viewer);
    model.addAttribute("tasklistUrl", properties.tasklistUrl());
    model.addAttribute("maxNote", CaseNotes.MAX_LENGTH);
    return "console/case";
  }

}
