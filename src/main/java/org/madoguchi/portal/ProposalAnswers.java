package org.madoguchi.portal;

import java.util.List;
import java.util.Locale;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.booking.BookingRefusedException;
import org.madoguchi.booking.SlotProposals;
import org.madoguchi.booking.SlotProposals.ProposalView;
import org.madoguchi.booking.SlotUnavailableException;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.common.web.PageLinks;
import org.madoguchi.common.web.StateConflictException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's answer to proposed slots, from their case page: pick one (booked at once) or ask for
 * other dates with a comment. Each answer returns to the case page, which says what happened; a slot taken
 * by another booking a moment before is named there and the other slots stay on offer.
 */
@Controller
class ProposalAnswers {

  static final String CHOICE = PageLinks.CASE_PAGE + "/proposals/{proposalId}/choice";
  static final String OTHER_DATES = PageLinks.CASE_PAGE + "/proposals/{proposalId}/other-dates";

  private final SlotProposals proposals;
  private final CaseFile caseFile;
  private final MessageSource messages;

  ProposalAnswers(SlotProposals proposals, CaseFile caseFile, MessageSource messages) {
    this.proposals = proposals;
    this.caseFile = caseFile;
    this.messages = messages;
  }

  /** The case's proposals, newest first; only the applicant's own case (not found otherwise). */
  List<ProposalView> ofCase(String caseNumber, long accountId) {
    return proposals.ofCase(caseFile.getOwned(caseNumber, accountId).caseId());
  }

  @PostMapping(CHOICE)
  String choose(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber, @PathVariable long proposalId,
      @RequestParam(required = false) Integer slot, Locale locale, RedirectAttributes redirect) {
    CaseSummary owned = caseFile.getOwned(caseNumber, account.accountId());
    try {
      proposals.choose(owned.caseId(), proposalId, slot == null ? 0 : slot, Actor.applicant(owned.email()));
      redirect.addFlashAttribute("proposalAnswer", messages.getMessage("portal.proposal.picked", null, locale));
    } catch (SlotUnavailableException taken) {
      redirect.addFlashAttribute("proposalProblem", messages.getMessage("portal.proposal.slot-taken", null, locale));
      redirect.addFlashAttribute("proposalProblemSlot", slot);
    } catch (BookingRefusedException refused) {
      redirect.addFlashAttribute("proposalProblem", String.join(" ", refused.violations().stream()
          .map(v -> messages.getMessage(v.messageKey(), v.arguments(), locale)).toList()));
      redirect.addFlashAttribute("proposalProblemSlot", slot);
    } catch (StateConflictException | InvalidRequestException | NotFoundException stale) {
      redirect.addFlashAttribute("proposalProblem", messages.getMessage("portal.proposal.answered", null, locale));
    }
    return "redirect:" + PageLinks.path(PageLinks.CASE_PAGE, caseNumber) + "#proposals";
  }

  @PostMapping(OTHER_DATES)
  String askForOtherDates(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber, @PathVariable long proposalId,
      @RequestParam(required = false) String comment, Locale locale, RedirectAttributes redirect) {
    CaseSummary owned = caseFile.getOwned(caseNumber, account.accountId());
    try {
      proposals.askForOtherDates(owned.caseId(), proposalId, comment, Actor.applicant(owned.email()));
      redirect.addFlashAttribute("proposalAnswer", messages.getMessage("portal.proposal.asked", null, locale));
    } catch (InvalidRequestException refused) {
      InvalidRequestException.Violation first = refused.violations().getFirst();
      redirect.addFlashAttribute("proposalCommentProblem", messages.getMessage(first.messageKey(), first.arguments(), locale));
      redirect.addFlashAttribute("proposalComment", comment);
    } catch (StateConflictException | NotFoundException stale) {
      redirect.addFlashAttribute("proposalProblem", messages.getMessage("portal.proposal.answered", null, locale));
    }
    return "redirect:" + PageLinks.path(PageLinks.CASE_PAGE, caseNumber) + "#proposals";
  }
}
