-- Files a queued mail carries, by reference ("kind reference language" per line), fetched when it is sent.
ALTER TABLE mail_outbox ADD COLUMN attachments VARCHAR(1000) NULL;
