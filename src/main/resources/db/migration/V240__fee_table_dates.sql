-- The fee table by date (docs/fees.md): every usage item carries the facility-local day of the service,
-- filled for earlier items by V241 (UsageDateBackfill, in the facility's time zone) and required by V242;
-- operator hours past the booked length are an item of their own. Each fee line records that day and the
-- fee table (decision version and tag) that priced it; both stay empty on lines assessed before.
ALTER TABLE usage_items
  ADD COLUMN used_on DATE NULL,
  DROP CONSTRAINT ck_usage_items_kind,
  ADD CONSTRAINT ck_usage_items_kind
    CHECK (item_kind IN ('instrument-upkeep', 'operator-time', 'operator-overtime', 'reagent', 'consumable', 'late-cancellation',
                         'no-show'));

ALTER TABLE fee_lines
  ADD COLUMN used_on DATE NULL,
  -- "fee-schedule v" + the engine's version + " (" + a version tag of up to 100 characters + ")"
  ADD COLUMN fee_schedule VARCHAR(130) NULL;
