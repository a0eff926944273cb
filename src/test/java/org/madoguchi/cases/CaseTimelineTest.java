package org.madoguchi.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.madoguchi.cases.CaseViews.TimelineEntry;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.audit.RecordedEvent;
import org.springframework.context.support.ResourceBundleMessageSource;
import static org.assertj.core.api.Assertions.assertThat;

/** The timeline in Japanese and English, from the cases bundle as the application loads it. */
class CaseTimelineTest {

  private static final Instant AT = Instant.parse("2026-04-01T01:00:00Z");
  private static final LocalDateTime NINE = LocalDateTime.parse("2026-05-01T09:00");
  private static final LocalDateTime HALF_PAST_ELEVEN = LocalDateTime.parse("2026-05-01T11:30");

  private final CaseTimeline timeline = new CaseTimeline(messages());

  @Test
  void anEventReadsInTheReadersLanguageWithItsParametersAndActor() {
    RecordedEvent sent = recorded(new CaseEvent.StatementSent(10_000, 1_000, 11_000, "Grids at cost"), Actor.staff("finance"));

    TimelineEntry ja = timeline.render(sent, Locale.JAPANESE);
    TimelineEntry en = timeline.render(sent, Locale.ENGLISH);

    assertThat(ja).isEqualTo(new TimelineEntry(AT, "statement-sent", "料金明細をお送りしました", "担当: 会計",
        "小計 10,000 円、消費税 1,000 円、合計 11,000 円", "Grids at cost"));
    assertThat(en).isEqualTo(new TimelineEntry(AT, "statement-sent", "Fee statement sent", "Staff: Finance",
        "Subtotal 10,000 JPY, consumption tax 1,000 JPY, total 11,000 JPY", "Grids at cost"));
  }

  @Test
  void missingParametersShowAsADashAndListsTimesAndGroupsOfUnitsRead() {
    TimelineEntry accepted =
        timeline.render(
            recorded(new CaseEvent.UnitAccepted("structure", "Sato", new BigDecimal("2.5"), null, LocalDate.parse("2026-05-01")),
                Actor.staff("unit-structure")),
            Locale.ENGLISH);
    TimelineEntry booked =
        timeline.render(
            recorded(new CaseEvent.BookingReserved("Krios G4", NINE, HALF_PAST_ELEVEN), Actor.staff("operators-structure", "Kato")),
            Locale.JAPANESE);
    TimelineEntry planned =
        timeline.render(
            recorded(new CaseEvent.ConsultationAccepted(List.of("structure", "omics"), " "), Actor.staff("desk")), Locale.ENGLISH);

    assertThat(accepted.detail())
        .isEqualTo("Unit structure: lead operator Sato, about 2.5 h, instrument class —, from 2026-05-01");
    assertThat(accepted.actor()).isEqualTo("Staff: Unit structure");
    assertThat(booked.detail()).isEqualTo("Krios G4、2026-05-01 09:00 – 2026-05-01 11:30");
    assertThat(booked.actor()).isEqualTo("Kato（structure ユニットのオペレーター）");
    assertThat(planned.detail()).isEqualTo("Units: structure, omics");
    assertThat(planned.note()).isNull();
  }

  @Test
  void linesWrittenBeforeEventsHadParametersShowTheirTextAndPlainActors() {
    TimelineEntry old =
        timeline.render(new RecordedEvent(AT, Actor.parse("system"), "deposit-opened", null, "3 datasets"), Locale.JAPANESE);
    TimelineEntry applicant =
        timeline.render(new RecordedEvent(AT, Actor.parse("a@lab.example.ac.jp"), "submitted", null, "Cryo-EM"), Locale.ENGLISH);
    TimelineEntry unknown =
        timeline.render(new RecordedEvent(AT, Actor.parse("desk"), "support-planned", null, null), Locale.ENGLISH);

    assertThat(old)
        .isEqualTo(new TimelineEntry(AT, "deposit-opened", "データ寄託の受付を始めました", "自動処理", "3 datasets", null));
    assertThat(applicant.label()).isEqualTo("Request submitted");
    assertThat(applicant.actor()).isEqualTo("Applicant (a@lab.example.ac.jp)");
    assertThat(unknown.label()).isEqualTo("support-planned");
    assertThat(unknown.actor()).isEqualTo("Staff: Service desk");
  }

  @Test
  void parametersReadBackAsTheEventThatWasRecorded() {
    List<CaseEvent> events =
        List.of(
            new CaseEvent.UnitAccepted("structure", "Sato", new BigDecimal("2.5"), null, LocalDate.parse("2026-05-01")),
            new CaseEvent.BookingReserved("Krios G4", NINE, HALF_PAST_ELEVEN),
            new CaseEvent.ConsultationAccepted(List.of("structure", "omics"), "Plan"),
            new CaseEvent.DatasetDeposited(7, 2, "Map", 3, "CC-BY-4.0", null),
            new CaseEvent.Registered());
    for (CaseEvent event : events) {
      assertThat(EventParameters.read(event.type(), EventParameters.write(event))).isEqualTo(event);
    }
  }

  private static RecordedEvent recorded(CaseEvent event, Actor actor) {
    return new RecordedEvent(AT, actor, event.type().code(), event, null);
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("i18n/cases");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }
}
