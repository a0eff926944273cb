package org.madoguchi.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Staff groups are stored with the account and arrive with every sign-in as authorities. */
@MadoguchiIT
class StaffAccountsIT {

  @Autowired Accounts accounts;
  @Autowired UserDetailsService users;

  @Test
  void aSignedInStaffMemberCarriesOneAuthorityPerGroup() {
    Account account = accounts.ensure("desk-" + System.nanoTime() + "@madoguchi.example", "desk password", "Desk", "ja", Set.of(Role.STAFF));
    accounts.assignStaffGroups(account.id(), Set.of(StaffGroup.DESK, StaffGroup.unitCoordinators("omics")));

    SignedInAccount signedIn = (SignedInAccount) users.loadUserByUsername(account.email());

    assertThat(signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority))
        .containsExactlyInAnyOrder("ROLE_STAFF", "GROUP_desk", "GROUP_unit-omics");
    assertThat(signedIn.inGroup(StaffGroup.DESK)).isTrue();
    assertThat(signedIn.inGroup(StaffGroup.FINANCE)).isFalse();
  }

  @Test
  void withoutGroupsAnAccountIsAnApplicantAgain() {
    Account account = accounts.ensure("former-" + System.nanoTime() + "@madoguchi.example", "former password", "Former", "en", Set.of(Role.STAFF));
    accounts.assignStaffGroups(account.id(), Set.of(StaffGroup.FINANCE));
    accounts.assignStaffGroups(account.id(), Set.of());

    Account reloaded = accounts.find(account.id()).orElseThrow();
    assertThat(reloaded.staffGroups()).isEmpty();
    assertThat(reloaded.roles()).containsExactly(Role.APPLICANT);
  }
}
