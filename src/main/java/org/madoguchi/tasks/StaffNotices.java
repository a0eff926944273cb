package org.madoguchi.tasks;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.notify.Mail;
import org.madoguchi.notify.Mailer;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mails staff get about their work, each to a staff account in its own language and once: the
 * desk hears of a new case, a group of its task gone overdue, and each person gets a daily digest.
 * Staff mails carry no case id, so they never appear among the applicant's mails.
 */
@Service
class StaffNotices {

  static final String NEW_CASE = "staff-new-case";
  static final String OVERDUE = "staff-task-overdue";
  static final String DIGEST = "staff-digest";

  /** Where nothing was sent before, the first digest lists what opened in the day before it. */
  private static final Duration FIRST_DIGEST_SPAN = Duration.ofDays(1);
  private static final DateTimeFormatter DUE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Accounts accounts;
  private final CaseFile caseFile;
  private final Mailer mailer;
  private final StaffTasks tasks;
  private final StaffTaskRepository taskRecords;
  private final NoticeSettingRepository settings;
  private final MessageSource messages;
  private final MadoguchiProperties properties;
  private final JdbcTemplate jdbc;

  StaffNotices(
      Accounts accounts,
      CaseFile caseFile,
      Mailer mailer,
      StaffTasks tasks,
      StaffTaskRepository taskRecords,
      NoticeSettingRepository settings,
      MessageSource messages,
      MadoguchiProperties properties,
      JdbcTemplate jdbc) {
    this.accounts = accounts;
    this.caseFile = caseFile;
    this.mailer = mailer;
    this.tasks = tasks;
    this.taskRecords = taskRecords;
    this.settings = settings;
    this.messages = messages;
    this.properties = properties;
    this.jdbc = jdbc;
  }

  /** Mails every desk person about a case whose first consultation opened; once per case and person. */
  @Transactional
  public void newCase(long caseId) {
    CaseSummary c = caseFile.get(caseId);
    for (Account person : accounts.staffIn(StaffGroup.DESK)) {
      Map<String, Object> model = new HashMap<>();
      model.put("staffName", person.displayName());
      model.put("caseNumber", c.caseNumber());
      model.put("caseTitle", c.title());
      model.put("applicantName", c.applicantName());
      model.put("affiliation", c.affiliation());
      model.put("caseUrl", caseUrl(c.caseNumber()));
      mailer.enqueue(new Mail(person.email(), person.language(), NEW_CASE, model, NEW_CASE + ":" + caseId + ":" + person.id(), null));
    }
  }

  /** Reminds the task's group that it is overdue, once per task; false if it was reminded before. */
  @Transactional
  public boolean remindOverdue(long elementInstanceKey, Instant now) {
    int inserted = jdbc.update(
        "insert ignore into staff_task_reminders (element_instance_key, reminded_at) values (?, ?)",
        elementInstanceKey, Timestamp.from(now));
    if (inserted == 0) {
      return false;
    }
    StaffTask task = taskRecords.findByElementInstanceKey(elementInstanceKey).orElseThrow().view();
    CaseSummary c = caseFile.get(task.caseId());
    for (Account person : groupMembers(task.candidateGroup())) {
      Locale locale = Locale.forLanguageTag(person.language());
      Map<String, Object> model = new HashMap<>();
      model.put("staffName", person.displayName());
      model.put("caseNumber", c.caseNumber());
      model.put("caseTitle", c.title());
      model.put("taskName", taskName(task, locale));
      model.put("groupName", task.candidateGroup());
      model.put("dueAt", due(task));
      model.put("caseUrl", caseUrl(c.caseNumber()));
      mailer.enqueue(new Mail(person.email(), person.language(), OVERDUE, model,
          OVERDUE + ":" + elementInstanceKey + ":" + person.id(), null));
    }
    return true;
  }

  /** The staff accounts that could get a digest now: members of a group with open tasks. */
  @Transactional(readOnly = true)
  public List<Long> digestRecipients() {
    return taskRecords.groupsWithOpenTasks().stream()
        .flatMap(group -> groupMembers(group).stream())
        .map(Account::id)
        .distinct()
        .toList();
  }

  /**
   * The person's digest of the day: their groups' tasks opened since their last digest and those
   * overdue. Nothing is sent when both are empty or the person switched digests off.
   */
  @Transactional
  public boolean sendDigest(long accountId, LocalDate day, Instant now) {
    Account person = accounts.find(accountId).orElseThrow();
    NoticeSetting setting = settings.findById(accountId).orElseGet(() -> settings.save(new NoticeSetting(accountId)));
    if (!setting.digestEnabled()) {
      return false;
    }
    Instant since = setting.lastDigestAt() != null ? setting.lastDigestAt() : now.minus(FIRST_DIGEST_SPAN);
    List<StaffTask> open = tasks.openForGroups(person.staffGroups().stream().map(StaffGroup::name).toList());
    List<StaffTask> opened = open.stream().filter(t -> t.openedAt().isAfter(since) && !t.isOverdue(now)).toList();
    List<StaffTask> overdue = open.stream().filter(t -> t.isOverdue(now)).toList();
    setting.digestSent(now);
    if (opened.isEmpty() && overdue.isEmpty()) {
      return false;
    }
    Locale locale = Locale.forLanguageTag(person.language());
    Map<String, Object> model = new HashMap<>();
    model.put("staffName", person.displayName());
    model.put("newTasks", lines(opened, locale));
    model.put("overdueTasks", lines(overdue, locale));
    model.put("newCount", opened.size());
    model.put("overdueCount", overdue.size());
    model.put("settingsUrl", properties.portalUrl() + "/account/notifications");
    return mailer.enqueue(new Mail(person.email(), person.language(), DIGEST, model, DIGEST + ":" + day + ":" + accountId, null));
  }

  private List<Account> groupMembers(String group) {
    return StaffGroup.parse(group).map(accounts::staffIn).orElse(List.of());
  }

  private String lines(List<StaffTask> list, Locale locale) {
    if (list.isEmpty()) {
      return messages.getMessage("tasks.notice.none", null, locale);
    }
    Map<Long, CaseSummary> cases = new HashMap<>();
    StringBuilder text = new StringBuilder();
    for (StaffTask task : list) {
      CaseSummary c = cases.computeIfAbsent(task.caseId(), caseFile::get);
      text.append(messages.getMessage("tasks.notice.line",
              new Object[] {c.caseNumber(), c.title(), taskName(task, locale), due(task), task.candidateGroup(), caseUrl(c.caseNumber())},
              locale))
          .append('\n');
    }
    return text.toString().stripTrailing();
  }

  /** The task's name in the reader's language where the bundle has one, else as the model names it. */
  private String taskName(StaffTask task, Locale locale) {
    return messages.getMessage("tasks.name." + task.elementId(), null, task.name(), locale);
  }

  private String due(StaffTask task) {
    return task.dueAt() == null ? "—" : DUE_FORMAT.format(task.dueAt().atZone(properties.timeZone()));
  }

  private String caseUrl(String caseNumber) {
    return properties.portalUrl() + "/console/cases/" + caseNumber;
  }
}
