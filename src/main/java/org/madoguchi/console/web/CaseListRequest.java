package org.madoguchi.console.web;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.cases.StaffCases;
import org.madoguchi.cases.StaffCases.Sort;
import org.madoguchi.common.web.NotStored;

/**
 * The case list's query string, every filter a parameter so a list can be bookmarked: {@code q} (case
 * number, title, applicant or affiliation), {@code status}, {@code unit}, {@code fastTrack}
 * ({@code yes}/{@code no}), {@code overdue} ({@code true}: an open task is past due), {@code flagged}
 * ({@code true}: the reconciliation found the case and the engine disagreeing), {@code confidentiality}, {@code category}, {@code mine} ({@code true}: the
 * cases whose team I am on), {@code sort} ({@code submitted}, {@code updated}, {@code priority}, {@code due}) and
 * {@code page}. A value the list does not know is ignored, as if the filter were off; one longer than any
 * value could be is refused (400).
 */
public record CaseListRequest(
    @Size(max = MAX_SEARCH) @NotStored(FILTER) String q,
    @Size(max = 40) @NotStored(FILTER) String status,
    @Size(max = 40) @NotStored(FILTER) String unit,
    @Size(max = 3) @NotStored(FILTER) String fastTrack,
    Boolean overdue,
    Boolean flagged,
    @Size(max = 20) @NotStored(FILTER) String confidentiality,
    @Size(max = 20) @NotStored(FILTER) String category,
    Boolean mine,
    @Size(max = 20) @NotStored(FILTER) String sort,
    Integer page) {

  static final int PAGE_SIZE = 25;
  /** As long as a title; a longer search could not match more. */
  static final int MAX_SEARCH = 200;

  private static final String FILTER = "a filter of the list";

  private static final Set<String> CONFIDENTIALITY = Set.of("open", "patent-pending", "confidential");
  private static final Set<String> CATEGORIES = Set.of("academic", "public", "industry");

  public String search() {
    if (q == null || q.isBlank()) {
      return null;
    }
    return q.strip();
  }

  public CaseStatus statusFilter() {
    return Arrays.stream(CaseStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
  }

  public String unitFilter() {
    return unit != null && unit.matches("[a-z][a-z0-9-]{0,39}") ? unit : null;
  }

  public Boolean fastTrackFilter() {
    return "yes".equals(fastTrack) ? Boolean.TRUE : "no".equals(fastTrack) ? Boolean.FALSE : null;
  }

  public String confidentialityFilter() {
    return confidentiality != null && CONFIDENTIALITY.contains(confidentiality) ? confidentiality : null;
  }

  public String categoryFilter() {
    return category != null && CATEGORIES.contains(category) ? category : null;
  }

  public boolean onlyOverdue() {
    return Boolean.TRUE.equals(overdue);
  }

  public boolean onlyFlagged() {
    return Boolean.TRUE.equals(flagged);
  }

  public boolean onlyMine() {
    return Boolean.TRUE.equals(mine);
  }

  public Sort sortOrder() {
    return Arrays.stream(Sort.values()).filter(s -> s.name().toLowerCase(Locale.ROOT).equals(sort)).findFirst().orElse(Sort.SUBMITTED);
  }

  public int pageNumber() {
    return page == null || page < 1 ? 1 : page;
  }

  StaffCases.Query query(Set<Long> myCases, Instant now) {
    return new StaffCases.Query(
        search(), statusFilter(), unitFilter(), fastTrackFilter(), onlyOverdue(), onlyFlagged(), now, confidentialityFilter(), categoryFilter(),
        onlyMine() ? myCases : null, sortOrder(), pageNumber(), PAGE_SIZE);
  }
}
