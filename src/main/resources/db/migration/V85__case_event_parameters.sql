-- Case events carry typed parameters, rendered in the reader's language; detail stays for older lines.
ALTER TABLE case_events ADD COLUMN parameters JSON NULL AFTER action;
