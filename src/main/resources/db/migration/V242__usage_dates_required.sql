-- Every usage item has its day of service (V240, filled by V241).
ALTER TABLE usage_items MODIFY used_on DATE NOT NULL;
