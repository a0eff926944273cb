package org.madoguchi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;
import org.madoguchi.cases.CaseStatus;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The status-to-diagram map and the model timers, checked against the model files the engine deploys. */
class CaseProcessMapTest {

  private final CaseProcessMap map = new CaseProcessMap();

  @Test
  void everyStatusHasAStepThatExistsInTheModel() {
    for (CaseStatus status : CaseStatus.values()) {
      String step = CaseProcessMap.stepOf(status);
      assertThat(step).as("step of %s", status).isNotBlank();
      assertThat(map.hasElement(step)).as("%s (for %s) in research-support.bpmn", step, status).isTrue();
      assertThat(map.nameOf(step)).as("name of %s", step).hasValueSatisfying(name -> assertThat(name).isNotBlank());
    }
  }

  @Test
  void theApplicantsWaitingStepsAreTheReceiveTasks() {
    assertThat(CaseProcessMap.stepOf(CaseStatus.AWAITING_INFORMATION)).isEqualTo("AwaitApplicantReply");
    assertThat(CaseProcessMap.stepOf(CaseStatus.AWAITING_STATEMENT_RESPONSE)).isEqualTo("AwaitStatementResponse");
    assertThat(map.hasElement("NoSuchStep")).isFalse();
  }

  @Test
  void deadlinesComeFromTheModelsTimers() {
    assertThat(map.timer(CaseProcessMap.INFO_TIMEOUT)).contains(Duration.ofDays(21));
    assertThat(map.timer(CaseProcessMap.STATEMENT_REMINDER)).contains(Duration.ofDays(7));
    assertThat(map.timer(CaseProcessMap.DEPOSIT_ESCALATION)).contains(Duration.ofDays(30));
  }

  @Test
  void timerTextsTheModelsMayUse() {
    assertThat(CaseProcessMap.parseTimer("P21D")).isEqualTo(Duration.ofDays(21));
    assertThat(CaseProcessMap.parseTimer(" PT36H ")).isEqualTo(Duration.ofHours(36));
    assertThat(CaseProcessMap.parseTimer("R/P7D")).isEqualTo(Duration.ofDays(7));
    assertThat(CaseProcessMap.parseTimer("R3/P1D")).isEqualTo(Duration.ofDays(1));
    assertThat(CaseProcessMap.parseTimer("=infoTimeout")).isNull();
    assertThat(CaseProcessMap.parseTimer(null)).isNull();
  }

  @Test
  void everyStepHasATextInBothLanguages() throws IOException {
    Properties en = load("i18n/portal-case.properties");
    Properties ja = load("i18n/portal-case_ja.properties");
    assertThat(ja.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    for (String step : CaseProcessMap.steps().values()) {
      assertThat(en).containsKey("portal.case.step." + step);
    }
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = new ClassPathResource(name).getInputStream()) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return properties;
  }
}
