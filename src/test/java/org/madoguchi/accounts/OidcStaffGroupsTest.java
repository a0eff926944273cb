package org.madoguchi.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The groups claim becomes exactly the Madoguchi groups in it; without the claim nothing changes. */
class OidcStaffGroupsTest {

  @Test
  void theMadoguchiGroupsOfTheClaimAreKeptAndOthersIgnored() {
    Map<String, Object> claims = Map.of("groups", List.of("desk", "/unit-omics", "camunda-admins", "operators-structure"));
    assertThat(OidcStaffGroups.fromClaims(claims, "groups"))
        .contains(Set.of(StaffGroup.DESK, StaffGroup.unitCoordinators("omics"), StaffGroup.operators("structure")));
  }

  @Test
  void aClaimWithoutMadoguchiGroupsMeansNoneAndAMissingClaimMeansUnchanged() {
    assertThat(OidcStaffGroups.fromClaims(Map.of("groups", List.of("staff-all")), "groups")).contains(Set.of());
    assertThat(OidcStaffGroups.fromClaims(Map.of("roles", List.of("desk")), "groups")).isEmpty();
    assertThat(OidcStaffGroups.fromClaims(Map.of("madoguchi_groups", "finance data-stewards"), "madoguchi_groups"))
        .contains(Set.of(StaffGroup.FINANCE, StaffGroup.DATA_STEWARDS));
  }
}
