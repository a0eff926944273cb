package org.madoguchi.cases.audit;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorTest {

  @Test
  void everyActorReadsBackAsStored() {
    for (Actor actor :
        new Actor[] {
          Actor.applicant("a@lab.example.ac.jp"), Actor.staff("desk"), Actor.staff("unit-structure", "Sato: lead"),
          Actor.system(), Actor.timer()
        }) {
      assertThat(Actor.parse(actor.stored())).isEqualTo(actor);
    }
    assertThat(Actor.staff("finance", "Ito").stored()).isEqualTo("staff:finance:Ito");
    assertThat(Actor.applicant("a@lab.example.ac.jp").stored()).isEqualTo("applicant:a@lab.example.ac.jp");
  }

  @Test
  void actorsRecordedAsPlainNamesStillRead() {
    assertThat(Actor.parse("system")).isEqualTo(Actor.system());
    assertThat(Actor.parse("desk")).isEqualTo(Actor.staff("desk"));
    assertThat(Actor.parse("operators-structure")).isEqualTo(Actor.staff("operators-structure"));
    assertThat(Actor.parse("data-steward")).isEqualTo(Actor.staff("data-stewards"));
    assertThat(Actor.parse("a@lab.example.ac.jp")).isEqualTo(Actor.applicant("a@lab.example.ac.jp"));
  }

  @Test
  void anActorNeedsWhatItsKindIsKnownBy() {
    assertThatThrownBy(() -> Actor.applicant(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Actor.staff("unit:structure")).isInstanceOf(IllegalArgumentException.class);
  }
}
