package org.madoguchi.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.cases.ApplicantCaseQueries;
import org.madoguchi.cases.Cancellations;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.cases.CaseViews.Cancellation;
import org.madoguchi.cases.CaseViews.CaseDetail;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.common.web.PageLinks;
import org.madoguchi.common.web.StateConflictException;
import org.madoguchi.consultation.InformationExchange;
import org.madoguchi.deposit.ApplicantDeposits;
import org.madoguchi.deposit.DepositViews.DatasetView;
import org.madoguchi.deposit.DepositViews.DepositView;
import org.madoguchi.fees.StatementView;
import org.madoguchi.outcomes.OutcomeService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's action pages of a case: answer the desk's question, accept or dispute the statement,
 * deposit a dataset, report outcomes (each the form file from forms/, submitted to {@link PortalActionApi}),
 * and cancel before instrument use. An action the case does not wait for shows why (409), someone
 * else's or an unknown case is a plain 404.
 */
@Controller
class PortalActionPages {

  static final String FLASH = "actionDone";

  /** The refusal for a case past the cancellable states. */
  private static final String NOT_CANCELLABLE = "case.cancel.not-allowed";

  private final ApplicantCaseQueries queries;
  private final OpenActions actions;
  private final ApplicantDeposits deposits;
  private final Cancellations cancellations;
  private final CaseProcessMap processMap;
  private final MessageSource messages;
  private final ObjectMapper json;

  PortalActionPages(
      ApplicantCaseQueries queries,
      OpenActions actions,
      ApplicantDeposits deposits,
      Cancellations cancellations,
      CaseProcessMap processMap,
      MessageSource messages,
      ObjectMapper json) {
    this.queries = queries;
    this.actions = actions;
    this.deposits = deposits;
    this.cancellations = cancellations;
    this.processMap = processMap;
    this.messages = messages;
    this.json = json;
  }

  @GetMapping(PageLinks.REPLY_PAGE)
  String reply(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber, Model model, HttpServletResponse response) {
    CaseDetail c = detail(caseNumber, account);
    Optional<InformationExchange> open =
        c.status() == CaseStatus.AWAITING_INFORMATION
            ? actions.openQuestion(caseNumber, account.accountId())
            : Optional.empty();
    open.ifPresent(q -> model.addAttribute("deadline", processMap.timer(CaseProcessMap.INFO_TIMEOUT).map(q.askedAt()::plus).orElse(null)));
    return formPage(model, response, c, "reply", "info-reply", "/reply",
        open.map(q -> Map.<String, Object>of("infoRequest", q.question())), "portal.actions.reply.none");
  }

  /**
   * The statement as last sent, with what changed since the version before, answered for that version
   * (the form posts its number); {@code ?version=N} shows an earlier version to read.
   */
  @GetMapping(PageLinks.STATEMENT_PAGE)
  String statement(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber,
      @RequestParam(required = false) Integer version, Model model, HttpServletResponse response) {
    CaseDetail c = detail(caseNumber, account);
    Optional<StatementView> statement = actions.statement(caseNumber, account.accountId(), version);
    statement.ifPresent(s -> model.addAttribute("statement", s));
    if (statement.filter(s -> !s.isCurrent()).isPresent()) {
      model.addAttribute("c", c);
      model.addAttribute("kind", "statement");
      return "portal/action";
    }
    Optional<Map<String, Object>> initial =
        statement.filter(StatementView::awaitingResponse)
            .map(s -> Map.of("feeTotal", String.format(LocaleContextHolder.getLocale(), "%,d", s.totalYen())));
    statement.filter(StatementView::awaitingResponse)
        .ifPresent(s -> model.addAttribute("submitExtra", toJson(Map.of("version", s.version()))));
    return formPage(model, response, c, "statement", "statement-acceptance", "/statement", initial,
        statement.isPresent() ? "portal.actions.statement.answered" : "portal.actions.statement.none");
  }

  @GetMapping(PageLinks.DEPOSIT_PAGE)
  String deposit(
      @AuthenticationPrincipal SignedInAccount account,
      @PathVariable String caseNumber,
      @PathVariable long datasetId,
      Model model,
      HttpServletResponse response) {
    CaseDetail c = detail(caseNumber, account);
    DatasetView dataset =
        deposits.list(caseNumber, account.accountId()).stream()
            .filter(d -> d.id() == datasetId)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("dataset"));
    model.addAttribute("dataset", dataset);
    if (dataset.status().acceptsDeposit()) {
      model.addAttribute("deadline", processMap.timer(CaseProcessMap.DEPOSIT_ESCALATION).map(dataset.updatedAt()::plus).orElse(null));
    }
    Optional<Map<String, Object>> initial =
        Optional.of(dataset).filter(d -> d.status().acceptsDeposit()).map(PortalActionPages::depositInitial);
    return formPage(model, response, c, "deposit", "data-deposit", "/datasets/" + datasetId + "/deposit", initial,
        "portal.actions.deposit.none");
  }

  @GetMapping(PageLinks.OUTCOMES_PAGE)
  String outcomes(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber, Model model, HttpServletResponse response) {
    CaseDetail c = detail(caseNumber, account);
    Optional<Map<String, Object>> initial =
        OutcomeService.acceptsReports(c.status()) ? Optional.of(Map.of()) : Optional.empty();
    return formPage(model, response, c, "outcomes", "outcome-report", "/outcomes", initial, "portal.actions.outcomes.none");
  }

  @GetMapping(PageLinks.CANCEL_PAGE)
  String cancelPage(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber, Model model, HttpServletResponse response) {
    CaseDetail c = detail(caseNumber, account);
    model.addAttribute("c", c);
    model.addAttribute("cancellation", new Cancellation(null));
    model.addAttribute("maxReason", Cancellation.MAX_REASON);
    try {
      cancellations.checkCancellable(caseNumber, account.accountId());
    } catch (StateConflictException refused) {
      return refusedCancel(model, response, c, refused);
    }
    return "portal/cancel";
  }

  /** The page's form only: a body of another kind would read as a cancellation without a reason. */
  @PostMapping(value = PageLinks.CANCEL_PAGE, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  String cancel(
      @AuthenticationPrincipal SignedInAccount account,
      @PathVariable String caseNumber,
      @Valid @ModelAttribute("cancellation") Cancellation form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    CaseDetail c = detail(caseNumber, account);
    if (errors.hasErrors()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("c", c);
      model.addAttribute("maxReason", Cancellation.MAX_REASON);
      return "portal/cancel";
    }
    String reason = form.reason();
    try {
      cancellations.requestCancellation(caseNumber, account.accountId(), reason == null || reason.isBlank() ? null : reason.strip());
    } catch (StateConflictException refused) {
      return refusedCancel(model, response, c, refused);
    }
    redirect.addFlashAttribute(FLASH, "cancel");
    return "redirect:" + PageLinks.path(PageLinks.CASE_PAGE, caseNumber);
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "portal/not-found";
  }

  /** The case, its timeline in the page's language. */
  private CaseDetail detail(String caseNumber, SignedInAccount account) {
    return queries.detail(caseNumber, account.accountId(), LocaleContextHolder.getLocale());
  }

  /** The refusal in the service's words; "not in a cancellable state" names the state as the portal shows it. */
  private String refusedCancel(Model model, HttpServletResponse response, CaseDetail c, StateConflictException refused) {
    response.setStatus(HttpStatus.CONFLICT.value());
    Locale locale = LocaleContextHolder.getLocale();
    String problem =
        NOT_CANCELLABLE.equals(refused.messageKey())
            ? messages.getMessage(
                "portal.actions.cancel.notAllowed",
                new Object[] {messages.getMessage("portal.status." + c.status(), null, locale)},
                locale)
            : messages.getMessage(refused.messageKey(), refused.arguments(), locale);
    model.addAttribute("c", c);
    model.addAttribute("problem", problem);
    return "portal/cancel";
  }

  /**
   * A form page: the form file {@code formName} with {@code initial} values, posted to the portal API
   * under {@code submitPath}; without initial values the action is not open and the page says why
   * ({@code problemKey}, status 409).
   */
  private String formPage(
      Model model,
      HttpServletResponse response,
      CaseDetail c,
      String kind,
      String formName,
      String submitPath,
      Optional<Map<String, Object>> initial,
      String problemKey) {
    model.addAttribute("c", c);
    model.addAttribute("kind", kind);
    model.addAttribute("formName", formName);
    model.addAttribute("submitUrl", "/portal/api/requests/" + c.caseNumber() + submitPath);
    if (initial.isEmpty()) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("problem", problemKey);
    } else {
      model.addAttribute("initial", toJson(initial.get()));
    }
    return "portal/action";
  }

  /** A deposit form starts from the dataset's title, or from the last version after a send-back. */
  private static Map<String, Object> depositInitial(DatasetView dataset) {
    Map<String, Object> initial = new LinkedHashMap<>();
    List<DepositView> versions = dataset.deposits();
    if (versions.isEmpty()) {
      initial.put("title", dataset.title());
      return initial;
    }
    DepositView last = versions.getLast();
    initial.put("title", last.title());
    initial.put("description", last.description());
    initial.put("licence", last.licence());
    initial.put("embargo", last.embargo());
    if (last.publicAccession() != null) {
      initial.put("publicAccession", last.publicAccession());
    }
    if (last.relatedPublication() != null) {
      initial.put("relatedPublication", last.relatedPublication());
    }
    initial.put(
        "files",
        last.files().stream()
            .map(f -> Map.<String, Object>of("path", f.path(), "sizeBytes", f.sizeBytes(), "sha256", f.sha256()))
            .toList());
    return initial;
  }

  private String toJson(Map<String, Object> values) {
    try {
      return json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
