-- Progressive lockout, shared by every instance: consecutive failed sign-ins since the last success or
-- lockout, how many lockouts in a row (each one lasts longer), and until when the account is locked.
ALTER TABLE accounts
  ADD COLUMN failed_sign_ins INT NOT NULL DEFAULT 0,
  ADD COLUMN lockouts        INT NOT NULL DEFAULT 0,
  ADD COLUMN locked_until    TIMESTAMP(6) NULL;
