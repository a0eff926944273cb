package org.madoguchi.console.web.statements;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.common.web.PageLinks;
import org.madoguchi.common.web.RuleViolationException;
import org.madoguchi.common.web.StateConflictException;
import org.madoguchi.console.CaseVisibility;
import org.madoguchi.console.StaffViewer;
import org.madoguchi.fees.FeeDocuments;
import org.madoguchi.fees.FeeDocuments.StaffVersion;
import org.madoguchi.fees.StatementRevisions;
import org.madoguchi.fees.StatementView;
import org.madoguchi.fees.TaxClass;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A case's fee statement in the staff console: the current version as an editable table (finance changes
 * quantities, unit prices and charge rates, removes and adds lines, each with a reason), the waiver form
 * (finance and the desk), and every version with what it changed. A refused submission shows the page
 * again with each problem next to its field (400, 409 or 422); a 409 for a stale version names the current
 * one. Other staff get the 403 page.
 */
@Controller
class StatementPages {

  private static final String PAGE = PageLinks.STAFF_STATEMENT_PAGE;

  private final CaseVisibility visibility;
  private final CaseFile caseFile;
  private final FeeDocuments documents;
  private final StatementRevisions revisions;
  private final MessageSource messages;

  StatementPages(
      CaseVisibility visibility, CaseFile caseFile, FeeDocuments documents, StatementRevisions revisions, MessageSource messages) {
    this.visibility = visibility;
    this.caseFile = caseFile;
    this.documents = documents;
    this.revisions = revisions;
    this.messages = messages;
  }

  @GetMapping(PAGE)
  String page(@ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @PathVariable String caseNumber, Model model) {
    long caseId = readable(viewer, caseNumber);
    List<StaffVersion> versions = versions(caseId, caseNumber);
    return render(viewer, caseId, versions, formOf(versions.getLast().statement()), new WaiverForm(), Map.of(), model);
  }

  /** Post, redirect, get; refused edits show the page again with each problem at its field. */
  @PostMapping(PAGE + "/revisions")
  String revise(
      @ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @PathVariable String caseNumber,
      @Valid @ModelAttribute("revisionForm") StatementRevisionForm form, BindingResult binding, Model model, Locale locale,
      HttpServletResponse response, RedirectAttributes redirect) {
    long caseId = readable(viewer, caseNumber);
    if (!viewer.groups().contains(StaffGroup.FINANCE)) {
      throw new AccessDeniedException("statements are revised by finance");
    }
    Map<String, List<String>> problems = bindingProblems(binding, "", locale);
    if (problems.isEmpty()) {
      try {
        StatementRevisions.Revised revised = revisions.revise(caseId, form.revision(), viewer.actor());
        redirect.addFlashAttribute("revised", revised.version());
        return "redirect:" + PageLinks.path(PAGE, caseNumber);
      } catch (RuntimeException refused) {
        problems = refusal(refused, "", locale, response);
        if (refused instanceof StateConflictException) {
          // The edits were made on figures that are no longer current: the table starts again from the current ones.
          form.getLines().clear();
        }
      }
    } else {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
    }
    return render(viewer, caseId, versions(caseId, caseNumber), form, new WaiverForm(), problems, model);
  }

  @PostMapping(PAGE + "/waivers")
  String waive(
      @ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @PathVariable String caseNumber,
      @Valid @ModelAttribute("waiverForm") WaiverForm form, BindingResult binding, Model model, Locale locale,
      HttpServletResponse response, RedirectAttributes redirect) {
    long caseId = readable(viewer, caseNumber);
    Map<String, List<String>> problems = bindingProblems(binding, "waiver.", locale);
    if (problems.isEmpty()) {
      try {
        StatementRevisions.Revised waived = revisions.waive(caseId, form.waiver(), viewer.actor());
        redirect.addFlashAttribute("waived", waived.version());
        return "redirect:" + PageLinks.path(PAGE, caseNumber);
      } catch (RuntimeException refused) {
        problems = refusal(refused, "waiver.", locale, response);
      }
    } else {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
    }
    List<StaffVersion> versions = versions(caseId, caseNumber);
    return render(viewer, caseId, versions, formOf(versions.getLast().statement()), form, problems, model);
  }

  /** Finance and the desk (the desk only waives), among those who may see the case; 403 for other staff. */
  private long readable(StaffViewer viewer, String caseNumber) {
    long caseId = visibility.require(viewer, caseNumber);
    if (!viewer.groups().contains(StaffGroup.FINANCE) && !viewer.groups().contains(StaffGroup.DESK)) {
      throw new AccessDeniedException("the statement page is for finance and the desk");
    }
    return caseId;
  }

  private List<StaffVersion> versions(long caseId, String caseNumber) {
    List<StaffVersion> versions = documents.versionsForStaff(caseId, caseNumber);
    if (versions.isEmpty()) {
      throw new NotFoundException("statement");
    }
    return versions;
  }

  private String render(
      StaffViewer viewer, long caseId, List<StaffVersion> versions, StatementRevisionForm form, WaiverForm waiver,
      Map<String, List<String>> problems, Model model) {
    StatementView current = versions.getLast().statement();
    if (!form.getLines().stream().map(StatementRevisionForm.LineRow::getLineNo).toList()
        .equals(current.lines().stream().map(StatementView.Line::lineNo).toList())) {
      // Another version came first: the table shows its lines.
      form.setLines(formOf(current).getLines());
    }
    form.setBasedOnVersion(current.version());
    if (form.getAdded().isEmpty()) {
      form.getAdded().add(new StatementRevisionForm.NewLineRow());
    }
    waiver.setBasedOnVersion(current.version());
    model.addAttribute("summary", caseFile.get(caseId));
    model.addAttribute("current", current);
    model.addAttribute("history", versions.reversed());
    model.addAttribute("revisable", current.status().isRevisable());
    model.addAttribute("mayRevise", viewer.groups().contains(StaffGroup.FINANCE));
    model.addAttribute("revisionForm", form);
    model.addAttribute("waiverForm", waiver);
    model.addAttribute("taxClasses", TaxClass.values());
    model.addAttribute("problems", problems);
    return "console/statement";
  }

  /** The current version's lines as they are, for finance to change. */
  private static StatementRevisionForm formOf(StatementView current) {
    StatementRevisionForm form = new StatementRevisionForm();
    current.lines().forEach(line -> {
      StatementRevisionForm.LineRow row = new StatementRevisionForm.LineRow();
      row.setLineNo(line.lineNo());
      row.setQuantity(line.quantity());
      row.setUnitPriceYen(line.unitCostYen());
      row.setChargeRate(line.chargeRate());
      form.getLines().add(row);
    });
    return form;
  }

  private Map<String, List<String>> bindingProblems(BindingResult binding, String prefix, Locale locale) {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    binding.getFieldErrors().forEach(error -> problems.computeIfAbsent(pageField(prefix, error.getField()), k -> new ArrayList<>())
        .add(error.isBindingFailure() ? messages.getMessage("console.statement.unreadable", null, locale) : messages.getMessage(error, locale)));
    return problems;
  }

  /** Where the page shows a problem of {@code field}: the hidden base version's at the top of the page. */
  private static String pageField(String prefix, String field) {
    return field.equals("basedOnVersion") ? "form" : prefix + field;
  }

  /** The service's refusal as problems at their fields ({@code form} for the whole submission), and its status. */
  private Map<String, List<String>> refusal(RuntimeException refused, String prefix, Locale locale, HttpServletResponse response) {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    if (refused instanceof InvalidRequestException invalid) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      invalid.violations().forEach(v -> problems.computeIfAbsent(pageField(prefix, v.field()), k -> new ArrayList<>())
          .add(messages.getMessage(v.messageKey(), v.arguments(), locale)));
    } else if (refused instanceof RuleViolationException rule) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      rule.violations().forEach(v -> problems.computeIfAbsent(pageField(prefix, v.field()), k -> new ArrayList<>())
          .add(messages.getMessage(v.messageKey(), v.arguments(), locale)));
    } else if (refused instanceof StateConflictException conflict) {
      response.setStatus(HttpStatus.CONFLICT.value());
      problems.put("form", List.of(messages.getMessage(conflict.messageKey(), conflict.arguments(), locale)));
    } else {
      throw refused;
    }
    return problems;
  }
}
