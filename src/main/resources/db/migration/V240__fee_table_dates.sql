-- The fee table by date (docs/fees.md): every usage item carries the facility-local day of the service,
-- filled for earlier items by V241 (UsageDateBackfill, in the facility's time zone) and required by V242;
-- operator hours past the booked length are an item of their own. A fee line's transaction date (V225) is
-- its item's day; a statement version records the fee table that priced it (V225's fee_schedule).
ALTER TABLE usage_items
  ADD COLUMN used_on DATE NULL,
  DROP CONSTRAINT ck_usage_items_kind,
  ADD CONSTRAINT ck_usage_items_kind
    CHECK (item_kind IN ('instrument-upkeep', 'operator-time', 'operator-overtime', 'reagent', 'consumable', 'late-cancellation',
                         'no-show'));
