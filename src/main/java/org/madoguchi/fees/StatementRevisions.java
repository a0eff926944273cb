package org.madoguchi.fees;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.madoguchi.cases.ApplicantNotices;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.common.web.RuleViolationException;
import org.madoguchi.common.web.StateConflictException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff changes to a fee statement, each submission one new version: finance changes a line's quantity,
 * unit price or charge rate, removes lines and adds lines; the desk or finance waives a line or the whole
 * case (a {@code WAIVER} line of the negative amount, never a silent zero). Every change has a reason.
 * Allowed while the statement is a draft, disputed, or sent and unanswered (then the new version is mailed
 * to the applicant, whose answer is still awaited); never once accepted or marked no-charge. A submission
 * names the version it was based on: if another came first, 409 naming the current version, nothing written.
 */
@NamedInterface("api")
@Service
public class StatementRevisions {

  public static final int REASON_MAX = 500;
  public static final int DESCRIPTION_MAX = 500;
  public static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000");
  public static final int QUANTITY_SCALE = 4;
  public static final long MAX_UNIT_PRICE_YEN = 100_000_000L;
  public static final int RATE_SCALE = 6;

  /**
   * A change to one line of the base version; null figures stay as they are.
   *
   * @param remove the line leaves the statement
   */
  @NamedInterface("api")
  public record LineEdit(int lineNo, BigDecimal quantity, Long unitPriceYen, BigDecimal chargeRate, boolean remove, String reason) {}

  /** A line finance adds, charged in full. */
  @NamedInterface("api")
  public record NewLine(
      String description, BigDecimal quantity, Long unitPriceYen, TaxClass taxClass, LocalDate transactionDate, String reason) {}

  /** The version the new one is based on, then the edits (field names {@code lines[i]}) and additions ({@code added[i]}). */
  @NamedInterface("api")
  public record Revision(Integer basedOnVersion, List<LineEdit> lines, List<NewLine> added) {}

  /** A waiver of line {@code lineNo}, or of the whole case when it is null. */
  @NamedInterface("api")
  public record Waiver(Integer basedOnVersion, Integer lineNo, String reason) {}

  /** The version a submission made. */
  @NamedInterface("api")
  public record Revised(int version, long totalYen) {}

  private final FeeStatementRepository statements;
  private final CaseFile caseFile;
  private final ApplicantNotices notices;
  private final FeeTexts texts;
  private final FeesProperties properties;
  private final Clock clock;

  StatementRevisions(
      FeeStatementRepository statements, CaseFile caseFile, ApplicantNotices notices, FeeTexts texts,
      FeesProperties properties, Clock clock) {
    this.statements = statements;
    this.caseFile = caseFile;
    this.notices = notices;
    this.texts = texts;
    this.properties = properties;
    this.clock = clock;
  }

  /** Finance's edits as one new version. */
  @Transactional
  public Revised revise(long caseId, Revision revision, Actor staff) {
    FeeStatement statement = revisable(caseId, revision.basedOnVersion());
    int next = statement.currentVersion() + 1;
    Map<Integer, FeeLine> carried = new LinkedHashMap<>();
    statement.lines().forEach(line -> carried.put(line.lineNo(), new FeeLine(line, next)));
    List<FeeStatementVersion.Change> changes = new ArrayList<>();
    List<InvalidRequestException.Violation> problems = new ArrayList<>();
    List<LineEdit> edits = revision.lines() == null ? List.of() : revision.lines();
    for (int i = 0; i < edits.size(); i++) {
      edit(edits.get(i), "lines[" + i + "]", carried, changes, problems);
    }
    List<NewLine> added = revision.added() == null ? List.of() : revision.added();
    int lineNo = statement.lines().stream().mapToInt(FeeLine::lineNo).max().orElse(0);
    for (int i = 0; i < added.size(); i++) {
      FeeLine line = add(added.get(i), "added[" + i + "]", next, lineNo + 1, problems);
      if (line != null) {
        carried.put(++lineNo, line);
        changes.add(new FeeStatementVersion.Change(lineNo, FeeStatementVersion.ChangeKind.ADDED, line.changeReason()));
      }
    }
    if (problems.isEmpty() && changes.isEmpty()) {
      problems.add(new InvalidRequestException.Violation("lines", "fees.revision.nothing-changed"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    FeeStatementVersion version = newVersion(statement, new ArrayList<>(carried.values()), changes, staff);
    caseFile.record(
        caseId, new CaseEvent.StatementRevised(version.versionNo(), version.totalYen(), version.reason()), staff,
        "statement-revised:" + statement.id() + ":" + version.versionNo());
    resendIfIssued(statement);
    return new Revised(version.versionNo(), version.totalYen());
  }

  /** A waiver of one line or the whole case, granted by {@code staff}, as one new version. */
  @Transactional
  public Revised waive(long caseId, Waiver waiver, Actor staff) {
    FeeStatement statement = revisable(caseId, waiver.basedOnVersion());
    List<InvalidRequestException.Violation> problems = new ArrayList<>();
    String reason = reason(waiver.reason(), "reason", problems);
    if (reason == null) {
      throw new InvalidRequestException(problems);
    }
    int next = statement.currentVersion() + 1;
    List<FeeLine> lines = new ArrayList<>(statement.lines().stream().map(line -> new FeeLine(line, next)).toList());
    int lineNo = lines.stream().mapToInt(FeeLine::lineNo).max().orElse(0);
    String grantedBy = staff.stored();
    List<FeeStatementVersion.Change> changes = new ArrayList<>();
    long waived = 0;
    if (waiver.lineNo() == null) {
      for (ConsumptionTax.RateTotal perClass : FeeStatement.totalOf(lines, properties).perRate()) {
        if (perClass.taxableYen() > 0) {
          lineNo++;
          lines.add(FeeLine.waiver(next, lineNo, FeeLine.WAIVER_OF_CASE, "Waiver: whole case (" + perClass.taxClass() + ")",
              perClass.taxClass(), perClass.taxableYen(), grantedBy, reason));
          changes.add(new FeeStatementVersion.Change(lineNo, FeeStatementVersion.ChangeKind.WAIVED, reason));
          waived += perClass.taxableYen();
        }
      }
      if (changes.isEmpty()) {
        throw rule("lineNo", "nothing-to-waive", "fees.waiver.nothing");
      }
    } else {
      FeeLine target =
          lines.stream()
              .filter(l -> l.lineNo() == waiver.lineNo())
              .findFirst()
              .orElseThrow(() -> InvalidRequestException.of("lineNo", "fees.revision.line.unknown", waiver.lineNo()));
      String waives = FeeLine.waiverOfLine(target.lineNo());
      boolean alreadyWaived = lines.stream().anyMatch(l -> l.kind() == LineKind.WAIVER && waives.equals(l.ruleName()));
      if (target.kind() == LineKind.WAIVER || target.amountYen() <= 0 || alreadyWaived) {
        throw rule("lineNo", "nothing-to-waive", "fees.waiver.nothing");
      }
      lineNo++;
      lines.add(FeeLine.waiver(next, lineNo, waives,
          "Waiver: line " + target.lineNo() + (target.description() == null ? "" : " (" + target.description() + ")"),
          target.taxClass(), target.amountYen(), grantedBy, reason));
      changes.add(new FeeStatementVersion.Change(lineNo, FeeStatementVersion.ChangeKind.WAIVED, reason));
      waived = target.amountYen();
    }
    FeeStatementVersion version = newVersion(statement, lines, changes, staff);
    caseFile.record(
        caseId, new CaseEvent.FeeWaived(version.versionNo(), waiver.lineNo() == null ? 0 : waiver.lineNo(), waived, reason), staff,
        "fee-waived:" + statement.id() + ":" + version.versionNo());
    resendIfIssued(statement);
    return new Revised(version.versionNo(), version.totalYen());
  }

  /** The locked statement, if staff may revise it now and the submission is based on its current version. */
  private FeeStatement revisable(long caseId, Integer basedOnVersion) {
    if (basedOnVersion == null) {
      throw InvalidRequestException.of("basedOnVersion", "fees.revision.version.required");
    }
    FeeStatement statement = statements.findByCaseIdForUpdate(caseId).orElseThrow(() -> new NotFoundException("statement"));
    if (!statement.isRevisable()) {
      throw new StateConflictException("fees.revision.closed." + statement.status().name());
    }
    if (basedOnVersion != statement.currentVersion()) {
      throw staleVersion(statement.currentVersion(), basedOnVersion);
    }
    return statement;
  }

  /** 409 for a submission based on another version than the current one; the body names the current one. */
  static StateConflictException staleVersion(int current, int basedOn) {
    return new StateConflictException("fees.version.stale", basedOn, current).with("currentVersion", current);
  }

  private FeeStatementVersion newVersion(
      FeeStatement statement, List<FeeLine> lines, List<FeeStatementVersion.Change> changes, Actor staff) {
    if (FeeStatement.totalOf(lines, properties).totalYen() < 0) {
      throw rule("lines", "negative-total", "fees.revision.negative-total");
    }
    return statement.addVersion(lines, changes, properties, staff.stored(), clock.instant());
  }

  /** A statement already sent is mailed again as the new version; the applicant's answer is still awaited. */
  private void resendIfIssued(FeeStatement statement) {
    if (!statement.isAwaitingResponse()) {
      return;
    }
    statement.reissued(clock.instant());
    CaseSummary supportCase = caseFile.get(statement.caseId());
    notices.send(
        statement.caseId(), "fee-statement", texts.statementModel(statement, supportCase.language()),
        "fee-statement:" + statement.id() + ":v" + statement.currentVersion());
  }

  private void edit(
      LineEdit edit, String field, Map<Integer, FeeLine> lines, List<FeeStatementVersion.Change> changes,
      List<InvalidRequestException.Violation> problems) {
    FeeLine line = lines.get(edit.lineNo());
    if (line == null) {
      problems.add(new InvalidRequestException.Violation(field + ".lineNo", "fees.revision.line.unknown", edit.lineNo()));
      return;
    }
    int before = problems.size();
    BigDecimal quantity = edit.quantity() == null ? line.quantity() : quantity(edit.quantity(), field + ".quantity", problems);
    Long unitPrice = edit.unitPriceYen() == null ? Long.valueOf(line.unitCostYen()) : unitPrice(edit.unitPriceYen(), field + ".unitPriceYen", problems);
    BigDecimal rate = edit.chargeRate() == null ? line.chargeRate() : rate(edit.chargeRate(), field + ".chargeRate", problems);
    if (problems.size() > before) {
      return;
    }
    boolean figuresChanged =
        quantity.compareTo(line.quantity()) != 0 || unitPrice != line.unitCostYen() || rate.compareTo(line.chargeRate()) != 0;
    if (!edit.remove() && !figuresChanged) {
      return;
    }
    String reason = reason(edit.reason(), field + ".reason", problems);
    if (reason == null) {
      return;
    }
    if (edit.remove()) {
      lines.remove(edit.lineNo());
      changes.add(new FeeStatementVersion.Change(edit.lineNo(), FeeStatementVersion.ChangeKind.REMOVED, reason));
    } else if (line.kind() == LineKind.WAIVER) {
      problems.add(new InvalidRequestException.Violation(field + ".quantity", "fees.revision.waiver-fixed"));
    } else {
      line.changed(quantity, unitPrice, rate, reason);
      changes.add(new FeeStatementVersion.Change(edit.lineNo(), FeeStatementVersion.ChangeKind.CHANGED, reason));
    }
  }

  private FeeLine add(NewLine line, String field, int versionNo, int lineNo, List<InvalidRequestException.Violation> problems) {
    int before = problems.size();
    String description = line.description() == null ? "" : line.description().strip();
    if (description.isEmpty()) {
      problems.add(new InvalidRequestException.Violation(field + ".description", "fees.revision.description.required"));
    } else if (description.length() > DESCRIPTION_MAX) {
      problems.add(new InvalidRequestException.Violation(field + ".description", "fees.revision.description.too-long", DESCRIPTION_MAX));
    }
    BigDecimal quantity = quantity(line.quantity(), field + ".quantity", problems);
    Long unitPrice = unitPrice(line.unitPriceYen(), field + ".unitPriceYen", problems);
    if (line.taxClass() == null) {
      problems.add(new InvalidRequestException.Violation(field + ".taxClass", "fees.revision.tax-class.required"));
    }
    if (line.transactionDate() == null) {
      problems.add(new InvalidRequestException.Violation(field + ".transactionDate", "fees.revision.transaction-date.required"));
    }
    String reason = reason(line.reason(), field + ".reason", problems);
    if (problems.size() > before) {
      return null;
    }
    return FeeLine.added(versionNo, lineNo, description, quantity, unitPrice, BigDecimal.ONE, line.taxClass(), line.transactionDate(), reason);
  }

  private static BigDecimal quantity(BigDecimal quantity, String field, List<InvalidRequestException.Violation> problems) {
    if (quantity == null) {
      problems.add(new InvalidRequestException.Violation(field, "fees.revision.quantity.required"));
      return null;
    }
    if (quantity.signum() < 0 || quantity.compareTo(MAX_QUANTITY) > 0) {
      problems.add(new InvalidRequestException.Violation(field, "fees.revision.quantity.range", MAX_QUANTITY.toPlainString()));
      return null;
    }
    if (quantity.stripTrailingZeros().scale() > QUANTITY_SCALE) {
      problems.add(new InvalidRequestException.Violation(field, "fees.revision.quantity.scale", QUANTITY_SCALE));
      return null;
    }
    return quantity;
  }

  private static Long unitPrice(Long unitPriceYen, String field, List<InvalidRequestException.Violation> problems) {
    if (unitPriceYen == null) {
      problems.add(new InvalidRequestException.Violation(field, "fees.revision.unit-price.required"));
      return null;
    }
    if (unitPriceYen < 0 || unitPriceYen > MAX_UNIT_PRICE_YEN) {
      problems.add(new InvalidRequestException.Violation(field, "fees.revision.unit-price.range", MAX_UNIT_PRICE_YEN));
      return null;
    }
    return unitPriceYen;
  }

  private static BigDecimal rate(BigDecimal rate, String field, List<InvalidRequestException.Violation> problems) {
    if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0 || rate.stripTrailingZeros().scale() > RATE_SCALE) {
      problems.add(new InvalidRequestException.Violation(field, "fees.revision.rate.range"));
      return null;
    }
    return rate;
  }

  /** The reason stripped; null (and a problem of {@code field}) when it is blank or too long. */
  private static String reason(String reason, String field, List<InvalidRequestException.Violation> problems) {
    String stripped = reason == null ? "" : reason.strip();
    if (stripped.isEmpty()) {
      problems.add(new InvalidRequestException.Violation(field, "fees.revision.reason.required"));
      return null;
    }
    if (stripped.length() > REASON_MAX) {
      problems.add(new InvalidRequestException.Violation(field, "fees.revision.reason.too-long", REASON_MAX));
      return null;
    }
    return stripped;
  }

  private static RuleViolationException rule(String field, String rule, String messageKey) {
    return new RuleViolationException(List.of(new RuleViolationException.Violation(field, rule, messageKey)));
  }
}
