-- Every usage item has its day of service (V240, filled by V241).
ALTER TABLE usage_items MODIFY used_on DATE NOT NULL;

-- Fee lines assessed before the lines had a transaction date take their item's day.
UPDATE fee_lines f JOIN usage_items u ON u.id = f.usage_item_id
   SET f.transaction_date = u.used_on
 WHERE f.transaction_date IS NULL;
