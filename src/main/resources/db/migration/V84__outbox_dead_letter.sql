-- Outbox leases and dead letters, for mail and engine commands alike.
-- claimed_by: the claim of the relay delivering the entry; while it is set, next_attempt_at is the end
--   of that relay's lease (past it, another relay takes the entry over).
-- dead_at: given up after the last attempt; last_error says why. Never retried automatically.
ALTER TABLE mail_outbox
  ADD COLUMN claimed_by VARCHAR(36) AFTER last_error,
  ADD COLUMN dead_at TIMESTAMP(6) NULL AFTER sent_at;
DROP INDEX ix_mail_outbox_pending ON mail_outbox;
CREATE INDEX ix_mail_outbox_pending ON mail_outbox (sent_at, dead_at, next_attempt_at);

ALTER TABLE workflow_commands
  ADD COLUMN claimed_by VARCHAR(36) AFTER last_error,
  ADD COLUMN dead_at TIMESTAMP(6) NULL AFTER sent_at;
DROP INDEX ix_workflow_commands_pending ON workflow_commands;
CREATE INDEX ix_workflow_commands_pending ON workflow_commands (sent_at, dead_at, next_attempt_at);
