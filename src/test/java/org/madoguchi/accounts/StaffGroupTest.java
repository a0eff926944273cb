package org.madoguchi.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StaffGroupTest {

  @Test
  void namesTheGroupsOfTheDesign() {
    assertThat(StaffGroup.DESK.name()).isEqualTo("desk");
    assertThat(StaffGroup.unitCoordinators("structure").name()).isEqualTo("unit-structure");
    assertThat(StaffGroup.operators("structure").name()).isEqualTo("operators-structure");
    assertThat(StaffGroup.operators("structure").unitCode()).contains("structure");
    assertThat(StaffGroup.FINANCE.unitCode()).isEmpty();
    assertThat(StaffGroup.DATA_STEWARDS.authority()).isEqualTo("GROUP_data-stewards");
  }

  @Test
  void groupsFromAnIdentityProviderAreKeptOnlyWhenTheyAreMadoguchis() {
    assertThat(StaffGroup.parse("admins")).contains(StaffGroup.ADMINS);
    assertThat(StaffGroup.parse("unit-cryo-em")).contains(new StaffGroup("unit-cryo-em"));
    assertThat(StaffGroup.parse("Domain Users")).isEmpty();
    assertThat(StaffGroup.parse("unit-")).isEmpty();
    assertThat(StaffGroup.parse("unit-x".repeat(30))).isEmpty();
    assertThat(StaffGroup.parse(null)).isEmpty();
    assertThatThrownBy(() -> new StaffGroup("operators-Structure")).isInstanceOf(IllegalArgumentException.class);
  }
}
