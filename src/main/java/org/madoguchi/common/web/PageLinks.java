package org.madoguchi.common.web;

import org.madoguchi.MadoguchiProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where Madoguchi's pages are: the paths the page controllers map and the absolute links mails carry
 * ({@code madoguchi.portal-url} + path), so a link in a mail and the page it opens cannot drift apart.
 */
@Component
public class PageLinks {

  public static final String MY_REQUESTS = "/portal/requests";
  public static final String CASE_PAGE = "/portal/requests/{caseNumber}";
  public static final String REPLY_PAGE = CASE_PAGE + "/reply";
  public static final String STATEMENT_PAGE = CASE_PAGE + "/statement";
  public static final String DEPOSIT_PAGE = CASE_PAGE + "/datasets/{datasetId}/deposit";
  public static final String OUTCOMES_PAGE = CASE_PAGE + "/outcomes";
  public static final String CANCEL_PAGE = CASE_PAGE + "/cancel";
  public static final String VERIFY_EMAIL = "/signup/verify";
  public static final String RESET_PASSWORD = "/password/reset";
  public static final String FORGOT_PASSWORD = "/password/forgot";
  public static final String STAFF_CONSOLE = "/console";
  public static final String STAFF_CASE_PAGE = STAFF_CONSOLE + "/cases/{caseNumber}";
  public static final String STAFF_STATEMENT_PAGE = STAFF_CASE_PAGE + "/statement";
  public static final String SIGN_IN = "/login";

  private final String base;

  public PageLinks(MadoguchiProperties properties) {
    String portal = properties.portalUrl();
    this.base = portal.endsWith("/") ? portal.substring(0, portal.length() - 1) : portal;
  }

  /** {@code template} (one of the paths above) with its variables filled in and encoded, e.g. for a redirect. */
  public static String path(String template, Object... variables) {
    return UriComponentsBuilder.fromPath(template).buildAndExpand(variables).encode().toUriString();
  }

  public String casePage(String caseNumber) {
    return base + path(CASE_PAGE, caseNumber);
  }

  public String replyPage(String caseNumber) {
    return base + path(REPLY_PAGE, caseNumber);
  }

  public String statementPage(String caseNumber) {
    return base + path(STATEMENT_PAGE, caseNumber);
  }

  public String depositPage(String caseNumber, long datasetId) {
    return base + path(DEPOSIT_PAGE, caseNumber, datasetId);
  }

  public String outcomesPage(String caseNumber) {
    return base + path(OUTCOMES_PAGE, caseNumber);
  }

  public String staffCasePage(String caseNumber) {
    return base + path(STAFF_CASE_PAGE, caseNumber);
  }

  public String staffStatementPage(String caseNumber) {
    return base + path(STAFF_STATEMENT_PAGE, caseNumber);
  }

  /** The absolute link of a page without variables (one of the paths above). */
  public String page(String path) {
    return base + path;
  }

  /** The link of a one-time token mail ({@link #VERIFY_EMAIL}, {@link #RESET_PASSWORD}). */
  public String withToken(String path, String token) {
    return base + UriComponentsBuilder.fromPath(path).queryParam("token", token).encode().toUriString();
  }
}
