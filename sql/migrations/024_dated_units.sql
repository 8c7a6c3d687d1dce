-- 024_dated_units: the dated map (issue 19). On 1 July 2025 Vietnam's communes
-- were merged (Thái Nguyên absorbed Bắc Kạn; 92 new communes and wards from 283
-- old ones) and every new code of province 19 was already an old commune's code.
--  - kpi.unit stays today's map, one row per code, as analysts read it; each row
--    gains valid_from/valid_to (NULL: open-ended);
--  - kpi.unit_past: every earlier meaning of a code (its interval, name, kind and
--    parent then: province -> district -> commune before 1/7/2025), and the units
--    that no longer exist (old communes, districts, provinces);
--  - kpi.unit_succession: which units on today's map took each earlier unit, with
--    the part ('full' or 'partial') and the share of the old unit's population that
--    moved (weight; NULL: not known, its counts are left out of the successor and the
--    cell is marked estimated);
--  - kpi.unit_dated (sql/definitions/registry/unit_dated.sql): every meaning of every
--    code with its interval, a view over both.
-- Filled by `kpi units load` (valid_from, valid_to columns) and `kpi units
-- crosswalk load` (engine/ingest/units.c). Correct after the baseline and after an
-- upgrade: the new columns are NULL (every unit open-ended, as before).

ALTER TABLE kpi.unit ADD COLUMN valid_from date, ADD COLUMN valid_to date,
  ADD CONSTRAINT unit_interval_check CHECK (valid_from <= valid_to);
COMMENT ON COLUMN kpi.unit.valid_from IS
  'first day the code means this unit (NULL: since before the registry)';
COMMENT ON COLUMN kpi.unit.valid_to IS 'last day the code means this unit (NULL: open-ended)';

CREATE TABLE kpi.unit_past (
  code        text NOT NULL CHECK (code ~ '^[0-9A-Za-z][0-9A-Za-z_.-]*$'),
  valid_from  date,
  valid_to    date NOT NULL,
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]*$'),
  parent_code text,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (code, valid_to),
  CHECK (valid_from <= valid_to),
  CHECK ((kind = 'province') = (parent_code IS NULL))
);
COMMENT ON TABLE kpi.unit_past IS
  'earlier meanings of unit codes, valid_from..valid_to (inclusive; valid_from NULL: since '
  'before the registry); parent_code names the parent valid in the same interval';

CREATE TABLE kpi.unit_succession (
  old_code     text NOT NULL,
  old_valid_to date NOT NULL,
  new_code     text NOT NULL,
  part         text NOT NULL CHECK (part IN ('full', 'partial')),
  weight       numeric CHECK (weight > 0 AND weight <= 1),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (old_code, old_valid_to, new_code),
  FOREIGN KEY (old_code, old_valid_to) REFERENCES kpi.unit_past (code, valid_to),
  CHECK (part = 'partial' OR weight IS NULL OR weight = 1)
);
CREATE INDEX unit_succession_new_idx ON kpi.unit_succession (new_code);
COMMENT ON TABLE kpi.unit_succession IS
  'the units of today''s map that took an earlier unit (kpi.unit_past): full (all of it) or '
  'partial; weight: the share of the old unit''s population that moved (NULL: unknown)';

-- cells carry what they took from units no longer on the map
ALTER TABLE kpi.indicator_value ADD COLUMN carried_pct numeric(5, 2),
  ADD COLUMN estimated text;
ALTER TABLE kpi.indicator_value_history ADD COLUMN carried_pct numeric(5, 2),
  ADD COLUMN estimated text;
COMMENT ON COLUMN kpi.indicator_value.carried_pct IS
  'share of the numerator carried from units no longer on the map (kpi.unit_succession)';
COMMENT ON COLUMN kpi.indicator_value.estimated IS
  'why the cell is an estimate: a partial merge without a weight was left out '
  '("một phần Phường Gia Sàng, chưa có tỷ lệ phân bổ"); NULL: exact';
