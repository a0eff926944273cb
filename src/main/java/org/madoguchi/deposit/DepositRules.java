package org.madoguchi.deposit;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.madoguchi.common.web.InvalidRequestException.Violation;

/**
 * The deposit rules bean validation cannot express: manifest paths, duplicate files, and which
 * licence and embargo a case may choose. Pure functions, so they are tested without Spring.
 *
 * <ul>
 *   <li>A manifest path is relative to the dataset root: not absolute ({@code /x}, {@code \x},
 *       {@code C:x}), no {@code ..} segment, no control characters. Each path appears once
 *       (compared exactly, after trimming surrounding blanks).
 *   <li>Embargo {@code restricted-confidential} (never released) is for confidential work: a case filed
 *       as {@code confidential}, or any industry applicant's case (industry pays full cost and its data
 *       terms are contractual). Other cases must choose a releasing embargo.
 *   <li>Licence {@code restricted} and embargo {@code restricted-confidential} go together: a dataset
 *       that is never released has no open licence, and an open dataset has no restricted licence.
 *   <li>{@code until-publication} holds the data until the publication is reported, at most the
 *       configured maximum hold from the deposit date ({@code madoguchi.deposit.max-embargo}).
 *       {@code until-patent-disclosure} holds it until the disclosure is reported (no fixed date).
 * </ul>
 */
final class DepositRules {

  static final String LICENCES = "CC-BY-4.0|CC0-1.0|CC-BY-NC-4.0|restricted";
  static final String EMBARGOES = "none|until-publication|until-patent-disclosure|restricted-confidential";
  static final String ACCESSION =
      "^(EMPIAR-\\d{5}|EMD-\\d{4,5}|PDB-[0-9][A-Za-z0-9]{3}|[0-9][A-Za-z0-9]{3}|[A-Z]{2,6}\\d{5,9})?$";
  static final String DOI = "^(10\\.\\d{4,9}/\\S+)?$";
  static final String SHA256 = "^[0-9a-fA-F]{64}$";
  static final int MAX_FILES = 100_000;
  /** 10 TB per file; with at most {@link #MAX_FILES} files the total stays far inside a long. */
  static final long MAX_FILE_BYTES = 10_000_000_000_000L;

  static final String RESTRICTED_LICENCE = "restricted";
  static final String RESTRICTED_EMBARGO = "restricted-confidential";
  static final String UNTIL_PUBLICATION = "until-publication";

  /** What the rules need to know about the case. */
  record CaseContext(String confidentiality, String applicantCategory) {

    boolean mayRestrict() {
      return "confidential".equals(confidentiality) || "industry".equals(applicantCategory);
    }
  }

  /** A deposit request that passed every rule, trimmed and normalised for storage. */
  record Cleaned(
      String title,
      String description,
      String licence,
      String embargo,
      String publicAccession,
      String relatedPublication,
      List<DepositFile> files) {}

  private DepositRules() {}

  /** Every broken rule, each naming its field (files by index); empty when the request is fine. */
  static List<Violation> check(DepositRequest request, CaseContext context) {
    List<Violation> violations = new ArrayList<>();
    if (RESTRICTED_EMBARGO.equals(request.embargo()) && !context.mayRestrict()) {
      violations.add(new Violation("embargo", "deposit.validation.embargo.restricted-not-allowed"));
    }
    if (RESTRICTED_EMBARGO.equals(request.embargo()) && !RESTRICTED_LICENCE.equals(request.licence())) {
      violations.add(new Violation("licence", "deposit.validation.licence.must-be-restricted"));
    }
    if (RESTRICTED_LICENCE.equals(request.licence()) && !RESTRICTED_EMBARGO.equals(request.embargo())) {
      violations.add(new Violation("licence", "deposit.validation.licence.restricted-needs-embargo"));
    }
    List<DepositRequest.FileEntry> files = request.files() == null ? List.of() : request.files();
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      DepositRequest.FileEntry file = files.get(i);
      if (file == null || file.path() == null || file.path().isBlank()) {
        continue;
      }
      String path = file.path().strip();
      String problem = pathProblem(path);
      if (problem != null) {
        violations.add(new Violation("files[" + i + "].path", problem));
        continue;
      }
      Integer first = firstIndex.putIfAbsent(path, i);
      if (first != null) {
        violations.add(new Violation("files[" + i + "].path", "deposit.validation.path.duplicate", path, first));
      }
    }
    return violations;
  }

  /** The message key of what is wrong with a manifest path, or null when it is fine. */
  static String pathProblem(String path) {
    if (path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")) {
      return "deposit.validation.path.absolute";
    }
    for (int i = 0; i < path.length(); i++) {
      if (Character.isISOControl(path.charAt(i))) {
        return "deposit.validation.path.control";
      }
    }
    for (String segment : path.split("[/\\\\]")) {
      if (segment.equals("..")) {
        return "deposit.validation.path.parent";
      }
    }
    return null;
  }

  /** The request as stored: blanks trimmed, empty optionals as null, checksums lower-case. */
  static Cleaned clean(DepositRequest request) {
    List<DepositFile> files =
        request.files().stream()
            .map(f -> new DepositFile(f.path().strip(), f.sizeBytes(), f.sha256().toLowerCase(Locale.ROOT)))
            .toList();
    return new Cleaned(
        request.title().strip(),
        request.description().strip(),
        request.licence(),
        request.embargo(),
        blankToNull(request.publicAccession()),
        blankToNull(request.relatedPublication()),
        files);
  }

  /** When the embargo ends on its own: only until-publication has a fixed latest date. */
  static LocalDate embargoUntil(String embargo, LocalDate depositDate, Period maxHold) {
    return UNTIL_PUBLICATION.equals(embargo) ? depositDate.plus(maxHold) : null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
