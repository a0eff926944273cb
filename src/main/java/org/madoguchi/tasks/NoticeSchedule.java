package org.madoguchi.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.common.schedule.ScheduledRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the daily digest and the overdue sweep on every instance's schedule; {@link ScheduledRuns} lets
 * one instance do each day's digest and each sweep window. Each person's digest and each task's
 * reminder is its own transaction.
 */
@Component
@EnableConfigurationProperties(StaffNoticeProperties.class)
class NoticeSchedule {

  private static final Logger log = LoggerFactory.getLogger(NoticeSchedule.class);
  static final String DIGEST_RUN = "staff-digest";
  static final String OVERDUE_RUN = "overdue-reminders";

  private final StaffNotices notices;
  private final StaffTaskRepository tasks;
  private final ScheduledRuns runs;
  private final StaffNoticeProperties noticeProperties;
  private final MadoguchiProperties properties;
  private final Clock clock;

  NoticeSchedule(
      StaffNotices notices,
      StaffTaskRepository tasks,
      ScheduledRuns runs,
      StaffNoticeProperties noticeProperties,
      MadoguchiProperties properties,
      Clock clock) {
    this.notices = notices;
    this.tasks = tasks;
    this.runs = runs;
    this.noticeProperties = noticeProperties;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(cron = "${madoguchi.staff-notices.digest-cron}", zone = "${madoguchi.time-zone}")
  void dailyDigest() {
    digest(clock.instant());
  }

  @Scheduled(
      fixedDelayString = "${madoguchi.staff-notices.overdue-sweep}",
      initialDelayString = "${madoguchi.staff-notices.overdue-sweep}")
  void overdueSweep() {
    remindOverdue(clock.instant());
  }

  /** The digest of the day {@code now} falls on; returns how many were sent (0 if another instance has the day). */
  int digest(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, properties.timeZone());
    return runs.runOnce(DIGEST_RUN, day.toString(), now, noticeProperties.lease(), () -> sendDigests(day, now)).orElse(0);
  }

  /**
   * Reminds the groups of tasks overdue at {@code now} that were not reminded yet, once per sweep window
   * across instances; returns how many tasks (0 if another instance has the window).
   */
  int remindOverdue(Instant now) {
    String window = ScheduledRuns.window(now, noticeProperties.overdueSweep());
    return runs.runOnce(OVERDUE_RUN, window, now, noticeProperties.lease(), () -> sendOverdueReminders(now)).orElse(0);
  }

  private int sendDigests(LocalDate day, Instant now) {
    int sent = 0;
    for (long accountId : notices.digestRecipients()) {
      if (notices.sendDigest(accountId, day, now)) {
        sent++;
      }
    }
    log.info("Staff digest of {}: {} sent", day, sent);
    return sent;
  }

  private int sendOverdueReminders(Instant now) {
    int reminded = 0;
    for (long key : tasks.overdueNotReminded(now)) {
      if (notices.remindOverdue(key, now)) {
        reminded++;
      }
    }
    return reminded;
  }
}
