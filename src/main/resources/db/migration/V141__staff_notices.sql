-- Staff notices: who wants the daily digest and when each person last got one.
CREATE TABLE staff_notice_settings (
  account_id     BIGINT       PRIMARY KEY,
  digest_enabled BOOLEAN      NOT NULL,
  last_digest_at TIMESTAMP(6) NULL,
  CONSTRAINT fk_staff_notice_settings_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One overdue reminder per task: the row is written with the reminder mails.
CREATE TABLE staff_task_reminders (
  element_instance_key BIGINT       PRIMARY KEY,
  reminded_at          TIMESTAMP(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Scheduled runs shared by all application instances: a run of a period (a day's digest) is claimed
-- for a lease, so one instance does it; one that dies mid-run leaves it to another after the lease.
CREATE TABLE scheduled_runs (
  name        VARCHAR(60)  PRIMARY KEY,
  period      VARCHAR(40)  NOT NULL DEFAULT '',
  done        BOOLEAN      NOT NULL DEFAULT FALSE,
  claimed_by  VARCHAR(100) NULL,
  lease_until TIMESTAMP(6) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO scheduled_runs (name) VALUES ('staff-digest'), ('overdue-reminders');
