package org.madoguchi.cases;

import java.time.Instant;
import java.time.Clock;
import java.util.Set;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.common.web.NotFoundException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant category and fast-track are requests until the desk confirms or changes them in
 * consultation; from then on fees, due dates and priorities use the confirmed values.
 */
@NamedInterface("api")
@Service
public class CaseDeclarations {

  /** The values that count now, with the consultation terms that follow from them. */
  @NamedInterface("api")
  public record Confirmed(String applicantCategory, boolean fastTrack, int taskPriority, String consultationSla) {}

  private static final Set<String> CATEGORIES = Set.of("academic", "public", "industry");

  private final SupportCaseRepository cases;
  private final CaseFile caseFile;
  private final MadoguchiProperties properties;
  private final Clock clock;

  CaseDeclarations(SupportCaseRepository cases, CaseFile caseFile, MadoguchiProperties properties, Clock clock) {
    this.cases = cases;
    this.caseFile = caseFile;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Stores the desk's confirmation and, when it is the first or changes a value, an audit line with the
   * reason. A change away from what counted needs a reason (the form asks for one). Safe to repeat
   * with the same dedupe key.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Confirmed confirm(long caseId, String category, boolean fastTrack, String reason, Actor actor, String dedupeKey) {
    if (!CATEGORIES.contains(category)) {
      throw new IllegalArgumentException("not an applicant category: " + category);
    }
    SupportCase supportCase = cases.findForUpdate(caseId).orElseThrow(() -> new NotFoundException("case"));
    boolean changesWhatCounts = !category.equals(supportCase.applicantCategory()) || fastTrack != supportCase.isFastTrack();
    String note = reason == null || reason.isBlank() ? null : reason.strip();
    if (changesWhatCounts && note == null) {
      throw new IllegalArgumentException("changing the applicant category or fast-track needs a reason");
    }
    Instant now = clock.instant();
    if (supportCase.confirmDeclaration(category, fastTrack, now)) {
      caseFile.record(caseId, new CaseEvent.DeclarationConfirmed(category, fastTrack, note), actor, dedupeKey);
    }
    ConsultationTerms terms = ConsultationTerms.of(fastTrack, properties);
    return new Confirmed(category, fastTrack, terms.taskPriority(), terms.sla().toString());
  }
}
