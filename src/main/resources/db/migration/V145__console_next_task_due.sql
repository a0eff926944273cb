-- When the case's earliest open staff task is due (null: no open task), kept by the staff console from
-- the task index's events, so the case list sorts and filters by it in one indexed query.
ALTER TABLE cases ADD COLUMN next_task_due_at TIMESTAMP(6) NULL;
-- Cases without an open task sort last: a far date stands in for "none".
ALTER TABLE cases ADD COLUMN task_due_order DATETIME(6) AS (COALESCE(next_task_due_at, '9999-12-31 00:00:00')) PERSISTENT;
CREATE INDEX ix_cases_task_due ON cases (task_due_order, id);
