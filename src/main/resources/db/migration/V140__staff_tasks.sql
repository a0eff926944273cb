-- The staff user tasks, opened and closed by the models' execution listeners (task.open, task.close).
CREATE TABLE staff_tasks (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  element_instance_key BIGINT       NOT NULL,
  process_instance_key BIGINT       NOT NULL,
  case_id              BIGINT       NOT NULL,
  process_id           VARCHAR(100) NOT NULL,
  element_id           VARCHAR(100) NOT NULL,
  name                 VARCHAR(255) NOT NULL,
  candidate_group      VARCHAR(100) NOT NULL,
  due_at               TIMESTAMP(6) NULL,
  priority             INT          NOT NULL,
  opened_at            TIMESTAMP(6) NOT NULL,
  closed_at            TIMESTAMP(6) NULL,
  CONSTRAINT uq_staff_tasks_element_instance UNIQUE (element_instance_key),
  CONSTRAINT fk_staff_tasks_case FOREIGN KEY (case_id) REFERENCES cases (id),
  INDEX ix_staff_tasks_case (case_id, closed_at, due_at),
  INDEX ix_staff_tasks_group (candidate_group, closed_at, due_at),
  INDEX ix_staff_tasks_open_due (closed_at, due_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
