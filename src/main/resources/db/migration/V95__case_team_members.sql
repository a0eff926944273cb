-- The cross-unit team per case, with history: a row per holder of a role, ended when replaced.
CREATE TABLE case_team_members (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id      BIGINT       NOT NULL,
  role         VARCHAR(30)  NOT NULL,
  unit_code    VARCHAR(40)  NOT NULL DEFAULT '',
  member_email VARCHAR(320) NOT NULL,
  member_name  VARCHAR(200) NOT NULL,
  assigned_at  TIMESTAMP(6) NOT NULL,
  ended_at     TIMESTAMP(6) NULL,
  CONSTRAINT fk_case_team_members_case FOREIGN KEY (case_id) REFERENCES cases (id),
  INDEX ix_case_team_members_case (case_id, role, unit_code),
  INDEX ix_case_team_members_member (member_email, ended_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
