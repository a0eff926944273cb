-- Staff groups per account (Tasklist's candidate groups: desk, unit-<code>, operators-<code>, finance,
-- data-stewards, admins). The former ADMIN role becomes the admins group.
CREATE TABLE account_staff_groups (
  account_id BIGINT       NOT NULL,
  group_name VARCHAR(100) NOT NULL,
  PRIMARY KEY (account_id, group_name),
  CONSTRAINT fk_account_staff_groups_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO account_staff_groups (account_id, group_name)
  SELECT id, 'admins' FROM accounts WHERE FIND_IN_SET('ADMIN', roles) > 0;

UPDATE accounts SET roles = REPLACE(roles, 'ADMIN', 'STAFF') WHERE FIND_IN_SET('ADMIN', roles) > 0;
