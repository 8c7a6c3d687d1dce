-- 003_observation: the unit registry, agency submissions, and the raw counts
-- (current values and every earlier version). Filled by `kpi units load` and
-- `kpi ingest` (engine/csvload.c); never edited by hand, nothing deleted.

CREATE TABLE kpi.unit (
  code        text PRIMARY KEY CHECK (code ~ '^[0-9A-Za-z][0-9A-Za-z_.-]*$'),
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]*$'),
  parent_code text REFERENCES kpi.unit (code),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'province') = (parent_code IS NULL))
);
CREATE INDEX unit_parent_idx ON kpi.unit (parent_code);
COMMENT ON TABLE kpi.unit IS
  'province, its communes and wards (xa, phuong, dac_khu), and facilities under their commune';

CREATE TABLE kpi.submission (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_name     text NOT NULL,
  sha256        text NOT NULL,
  received_at   timestamptz NOT NULL DEFAULT now(),
  status        text NOT NULL CHECK (status IN ('accepted', 'partial', 'rejected')),
  rows_accepted bigint NOT NULL DEFAULT 0,
  rows_rejected bigint NOT NULL DEFAULT 0,
  agency        text,
  reason        text
);
CREATE UNIQUE INDEX submission_sha256_idx ON kpi.submission (sha256) WHERE status <> 'rejected';
COMMENT ON TABLE kpi.submission IS
  'one row per file kpi ingest received; a rejected file may be sent again once fixed';

CREATE TABLE kpi.rejected_row (
  submission_id bigint NOT NULL REFERENCES kpi.submission (id),
  line_no       bigint NOT NULL,
  column_name   text,
  reason        text NOT NULL,
  raw           text
);
CREATE INDEX rejected_row_submission_idx ON kpi.rejected_row (submission_id, line_no);

-- Current values: one per (metric, unit, period, grain).
CREATE TABLE kpi.observation (
  metric        text NOT NULL,
  unit_code     text NOT NULL,
  period_start  date NOT NULL,
  grain         text NOT NULL CHECK (grain IN ('day', 'month')),
  value         bigint NOT NULL CHECK (value >= 0),
  submission_id bigint NOT NULL,
  line_no       bigint NOT NULL,
  valid_from    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (metric, unit_code, period_start, grain),
  CHECK (grain = 'day' OR extract(day FROM period_start) = 1)
);
COMMENT ON TABLE kpi.observation IS
  'current value of each count; period_start is the day, or the first day of the month (grain month)';

-- Values that a later submission replaced, with the interval they were current.
CREATE TABLE kpi.observation_superseded (
  metric        text NOT NULL,
  unit_code     text NOT NULL,
  period_start  date NOT NULL,
  grain         text NOT NULL,
  value         bigint NOT NULL,
  submission_id bigint NOT NULL,
  line_no       bigint NOT NULL,
  valid_from    timestamptz NOT NULL,
  valid_to      timestamptz NOT NULL
);
CREATE INDEX observation_superseded_key_idx
  ON kpi.observation_superseded (metric, unit_code, period_start, grain);

CREATE VIEW kpi.observation_history AS
  SELECT metric, unit_code, period_start, grain, value, submission_id, line_no,
         valid_from, NULL::timestamptz AS valid_to
    FROM kpi.observation
  UNION ALL
  SELECT metric, unit_code, period_start, grain, value, submission_id, line_no,
         valid_from, valid_to
    FROM kpi.observation_superseded;
COMMENT ON VIEW kpi.observation_history IS
  'every version of every count: valid_to NULL = current';
