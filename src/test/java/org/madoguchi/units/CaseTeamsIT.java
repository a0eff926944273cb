package org.madoguchi.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.CaseFixtures;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** A case's team: one holder per role and unit, replaced with history, asked by member. */
@MadoguchiIT
class CaseTeamsIT {

  @Autowired CaseTeams teams;
  @Autowired JdbcTemplate jdbc;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired TestRestTemplate rest;

  @Test
  void replanningEndsThePreviousHolderAndKeepsTheHistory() {
    long caseId = newCase();
    teams.assign(caseId, TeamRole.LEAD_COORDINATOR, null, "Desk@madoguchi.example", "窓口 一郎");
    teams.assign(caseId, TeamRole.UNIT_CONTACT, "omics", "omics-a@madoguchi.example", "Omics A");
    teams.assign(caseId, TeamRole.UNIT_CONTACT, "omics", "omics-a@madoguchi.example", "Omics A"); // a repeated job
    teams.assign(caseId, TeamRole.UNIT_CONTACT, "omics", "omics-b@madoguchi.example", "Omics B");

    assertThat(teams.current(caseId))
        .extracting(TeamMember::role, TeamMember::unitCode, TeamMember::email)
        .containsExactlyInAnyOrder(
            Tuple.tuple(TeamRole.LEAD_COORDINATOR, null, "desk@madoguchi.example"),
            Tuple.tuple(TeamRole.UNIT_CONTACT, "omics", "omics-b@madoguchi.example"));
    assertThat(teams.history(caseId)).hasSize(3).filteredOn(m -> !m.isCurrent())
        .extracting(TeamMember::email).containsExactly("omics-a@madoguchi.example");
    assertThat(teams.isMember(caseId, "OMICS-B@madoguchi.example")).isTrue();
    assertThat(teams.isMember(caseId, "omics-a@madoguchi.example")).isFalse();
    assertThat(teams.casesOf("desk@madoguchi.example")).contains(caseId);
    assertThat(teams.casesOf("omics-a@madoguchi.example")).doesNotContain(caseId);
  }

  @Test
  void theLeadCoordinatorBelongsToTheDeskAndContactsToAUnit() {
    long caseId = newCase();
    assertThatThrownBy(() -> teams.assign(caseId, TeamRole.LEAD_COORDINATOR, "omics", "d@madoguchi.example", "D"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> teams.assign(caseId, TeamRole.LEAD_OPERATOR, null, "o@madoguchi.example", "O"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(teams.history(caseId)).isEmpty();
  }

  private long newCase() {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    return new CaseFixtures(jdbc).file(applicant.email(), "IN_SUPPORT", "academic", "open");
  }
}
