package org.madoguchi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The applicant's deadlines come from the models' timers, as administrators set them in Modeler. */
class ProcessDeadlinesTest {

  @Test
  void readsTheReplyAndDepositTimersFromTheDeployedModels() {
    ProcessDeadlines deadlines = new ProcessDeadlines();
    assertThat(deadlines.infoReply()).contains(Duration.ofDays(21));
    assertThat(deadlines.deposit()).contains(Duration.ofDays(30));
  }

  @Test
  void anExpressionOrAnUnknownTimerGivesNoDeadline() {
    assertThat(ProcessDeadlines.parse("=replyDays")).isEmpty();
    assertThat(ProcessDeadlines.parse("R/P3D")).isEmpty();
    assertThat(ProcessDeadlines.parse(" PT36H ")).contains(Duration.ofHours(36));
    assertThat(ProcessDeadlines.timer("models/research-support.bpmn", "NoSuchElement")).isEmpty();
  }
}
