-- 012_baseline: the schema of kpi 0.1.0 (schema version 12), tables only: every
-- table, column, key, check, index, storage option and comment that the
-- released migrations 001_base .. 012_alerts_speed left in a database, in their
-- final shape. Functions, views and triggers are in sql/definitions/, applied
-- after the migrations.
--
-- A fresh database runs this file; a database that ran the released 001..012
-- already holds exactly this, and kpi migrate takes those twelve records (their
-- released SHA-256s, engine/db/migrate.c) for this one. Column order, names of
-- constraints and of indexes are those the released files produced (the
-- columns added later come last; kpi.observation's key and collations are
-- those of 010); tests/test_migrate.c proves the two schemas identical.
--
-- kpi migrate creates schema kpi, kpi.schema_migration and
-- kpi.schema_definition before it applies any file (engine/db/migrate.c).

COMMENT ON SCHEMA kpi IS
  'kpi — Project 06 indicator engine of Thái Nguyên province (KH 05/KH-UBND, 14/7/2025)';

-- ---------------------------------------------------------------------------
-- The indicator catalog as analysts join on it. Filled by `kpi migrate` from
-- indicators/*.json (engine/catalog/); never edited by hand.
-- ---------------------------------------------------------------------------

CREATE TABLE kpi.metric (
  code            text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
  name_vi         text NOT NULL,
  name_en         text NOT NULL,
  temporal        text NOT NULL CHECK (temporal IN ('flow', 'stock')),
  catalog_version text NOT NULL
);
COMMENT ON TABLE kpi.metric IS
  'metric codes agencies report (the data contract); temporal: flow = summed over time, stock = last value';

CREATE TABLE kpi.indicator (
  id                 text NOT NULL,
  effective_from     date NOT NULL DEFAULT '-infinity',
  name_vi            text NOT NULL,
  name_en            text NOT NULL,
  plan_ref           text NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('ratio', 'share', 'task')),
  numerator_metric   text REFERENCES kpi.metric (code),
  denominator_metric text REFERENCES kpi.metric (code),
  comparator         text CHECK (comparator IN ('>', '>=')),
  target_pct         numeric CHECK (target_pct BETWEEN 0 AND 100),
  target_text_vi     text,
  facility_kind      text,
  inner_comparator   text CHECK (inner_comparator IN ('>', '>=')),
  inner_target_pct   numeric CHECK (inner_target_pct BETWEEN 0 AND 100),
  cadence            text NOT NULL CHECK (cadence IN ('monthly_ytd', 'ongoing', 'due')),
  due_date           date,
  lead_units         text[] NOT NULL DEFAULT '{}',
  support_units      text[] NOT NULL DEFAULT '{}',
  catalog_version    text NOT NULL,
  status_metric      text REFERENCES kpi.metric (code),
  deadline_text_vi   text,
  PRIMARY KEY (id, effective_from),
  CHECK (kind = 'task' OR (numerator_metric IS NOT NULL AND denominator_metric IS NOT NULL
                           AND comparator IS NOT NULL AND target_pct IS NOT NULL)),
  CHECK (kind <> 'share' OR (facility_kind IS NOT NULL AND inner_comparator IS NOT NULL
                             AND inner_target_pct IS NOT NULL)),
  CHECK ((cadence = 'due') = (due_date IS NOT NULL)),
  CHECK ((kind = 'task') = (status_metric IS NOT NULL)),
  CHECK (kind <> 'task' OR cadence = 'due')
);
COMMENT ON TABLE kpi.indicator IS
  'the plan''s measurable targets (KH 05/KH-UBND appendix); one row per id and effective_from';
COMMENT ON COLUMN kpi.indicator.catalog_version IS
  'the catalog version loaded last that holds this row; an older one: the row left the catalog';
COMMENT ON COLUMN kpi.indicator.status_metric IS
  'kind task: the metric the lead unit reports as 1 when the task is done';
COMMENT ON COLUMN kpi.indicator.deadline_text_vi IS
  'the deadline as the plan words it (Thời gian hoàn thành), e.g. Trước ngày 19/8/2025';

CREATE TABLE kpi.catalog_load (
  catalog_version text PRIMARY KEY,
  loaded_at       timestamptz NOT NULL DEFAULT now(),
  source_dir      text NOT NULL,
  indicators      integer NOT NULL,
  metrics         integer NOT NULL
);
COMMENT ON TABLE kpi.catalog_load IS 'every catalog version kpi migrate has loaded, and when';
COMMENT ON COLUMN kpi.catalog_load.loaded_at IS
  'when this version last became the loaded one (a catalog reverted to an older version moves it)';

-- Every version of every row, keyed by the catalog version that held it, so
-- that a value computed with an older catalog can be explained by its target.
CREATE TABLE kpi.metric_history (
  catalog_version text NOT NULL,
  code            text NOT NULL,
  name_vi         text NOT NULL,
  name_en         text NOT NULL,
  temporal        text NOT NULL,
  PRIMARY KEY (catalog_version, code)
);
COMMENT ON TABLE kpi.metric_history IS 'kpi.metric as each catalog version declared it';

CREATE TABLE kpi.indicator_history (
  catalog_version    text NOT NULL,
  id                 text NOT NULL,
  effective_from     date NOT NULL,
  name_vi            text NOT NULL,
  name_en            text NOT NULL,
  plan_ref           text NOT NULL,
  kind               text NOT NULL,
  numerator_metric   text,
  denominator_metric text,
  comparator         text,
  target_pct         numeric,
  target_text_vi     text,
  facility_kind      text,
  inner_comparator   text,
  inner_target_pct   numeric,
  cadence            text NOT NULL,
  due_date           date,
  lead_units         text[] NOT NULL,
  support_units      text[] NOT NULL,
  status_metric      text,
  deadline_text_vi   text,
  PRIMARY KEY (catalog_version, id, effective_from)
);
COMMENT ON TABLE kpi.indicator_history IS 'kpi.indicator as each catalog version defined it';

-- ---------------------------------------------------------------------------
-- The unit registry, agency submissions, and the raw counts (current values
-- and every earlier version). Filled by `kpi units load` and `kpi ingest`
-- (engine/ingest/); never edited by hand, nothing deleted.
-- ---------------------------------------------------------------------------

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
CREATE INDEX submission_received_idx ON kpi.submission (received_at);
COMMENT ON TABLE kpi.submission IS
  'one row per file kpi ingest received; a rejected file may be sent again once fixed';
COMMENT ON COLUMN kpi.submission.status IS
  'accepted: every row kept; partial: some rows in kpi.rejected_row; rejected: the whole file refused (reason)';

CREATE TABLE kpi.rejected_row (
  submission_id bigint NOT NULL REFERENCES kpi.submission (id),
  line_no       bigint NOT NULL,
  column_name   text,
  reason        text NOT NULL,
  raw           text
);
CREATE INDEX rejected_row_submission_idx ON kpi.rejected_row (submission_id, line_no);
COMMENT ON COLUMN kpi.rejected_row.line_no IS
  'the line of the file where the row starts (1 = the header)';
COMMENT ON COLUMN kpi.rejected_row.raw IS 'the row''s text as received, without its line break';

-- Current values: one per (metric, unit, period, grain). Partitioned by ranges
-- of months of period_start, so that `kpi ingest` can load a file that brings
-- only new months without maintaining the key row by row: it COPYs the rows
-- into kpi.observation_load (no index), builds the key index once, sorted,
-- and attaches the table as the partition of those months
-- (kpi.observation_load_attach, sql/definitions/observation/). The text key
-- columns are COLLATE "C" (ASCII codes: the same order as the default
-- collation's, a byte comparison several times cheaper); the key is day first
-- (a submission lists its days in order: presorted input for the key index,
-- and a night's rows land at the right edge of it).
CREATE TABLE kpi.observation (
  metric        text COLLATE "C" NOT NULL,
  unit_code     text COLLATE "C" NOT NULL,
  period_start  date NOT NULL,
  grain         text COLLATE "C" NOT NULL
                CONSTRAINT observation_grain_check CHECK (grain IN ('day', 'month')),
  value         bigint NOT NULL CONSTRAINT observation_value_check CHECK (value >= 0),
  submission_id bigint NOT NULL,
  line_no       bigint NOT NULL,
  valid_from    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT observation_pkey PRIMARY KEY (period_start, unit_code, metric, grain),
  CONSTRAINT observation_check CHECK (grain = 'day' OR extract(day FROM period_start) = 1)
) PARTITION BY RANGE (period_start);
COMMENT ON TABLE kpi.observation IS
  'current value of each count; period_start is the day, or the first day of the month (grain month); '
  'partitioned by ranges of months (kpi ingest attaches one partition per file of new months)';

-- rows of months no partition covers (a correction file for an older month,
-- rows inserted by hand)
CREATE TABLE kpi.observation_default PARTITION OF kpi.observation DEFAULT;

-- Values that a later submission replaced, with the interval they were current.
CREATE TABLE kpi.observation_superseded (
  metric        text COLLATE "C" NOT NULL,
  unit_code     text COLLATE "C" NOT NULL,
  period_start  date NOT NULL,
  grain         text COLLATE "C" NOT NULL,
  value         bigint NOT NULL,
  submission_id bigint NOT NULL,
  line_no       bigint NOT NULL,
  valid_from    timestamptz NOT NULL,
  valid_to      timestamptz NOT NULL
);
CREATE INDEX observation_superseded_key_idx
  ON kpi.observation_superseded (unit_code, metric, period_start, grain);

-- One row per (metric, month) for which kpi.observation holds at least one
-- value of any unit and grain. Written only by kpi ingest, in the same
-- transaction as the values; never shrinks (nothing is deleted).
CREATE TABLE kpi.observation_month (
  metric text NOT NULL,
  month  date NOT NULL CHECK (extract(day FROM month) = 1),
  PRIMARY KEY (metric, month)
);
COMMENT ON TABLE kpi.observation_month IS
  'months that already hold values, per metric (kpi ingest chooses its loading path with it)';

-- ---------------------------------------------------------------------------
-- The computed indicator time series (kpi compute, sql/definitions/compute/):
-- the runs, the queue of changed inputs, the half-month layer of counts,
-- kpi.indicator_value and its history, the data-quality findings.
-- ---------------------------------------------------------------------------

CREATE TABLE kpi.compute_run (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  started_at     timestamptz NOT NULL DEFAULT now(),
  finished_at    timestamptz,
  mode           text NOT NULL CHECK (mode IN ('full', 'incremental')),
  from_month     date,
  to_month       date,
  cells_in_scope bigint NOT NULL DEFAULT 0,
  cells_changed  bigint NOT NULL DEFAULT 0,
  findings       bigint NOT NULL DEFAULT 0,
  delta_upto     bigint
);
COMMENT ON TABLE kpi.compute_run IS 'every kpi compute run: range, mode, how many cells it recomputed and changed';
COMMENT ON COLUMN kpi.compute_run.delta_upto IS
  'the last kpi.compute_delta id this run took into account';

-- Filled by statement triggers on kpi.observation and kpi.unit, claimed by runs.
CREATE TABLE kpi.compute_dirty (
  metric    text,          -- NULL: every metric (a unit registry change, a new partition)
  unit_code text NOT NULL,
  month     date,          -- NULL: every month
  queued_at timestamptz NOT NULL DEFAULT now(),
  run_id    bigint REFERENCES kpi.compute_run (id)  -- the run that took it into account
);
CREATE INDEX compute_dirty_pending_idx ON kpi.compute_dirty (month) WHERE run_id IS NULL;
COMMENT ON TABLE kpi.compute_dirty IS
  'inputs changed since they were last computed (new or revised counts, unit registry changes); '
  'run_id NULL = pending';

-- Rows inserted into kpi.observation, as they are, for kpi compute to add
-- to their half months. A run consumes the ids up to its delta_upto.
CREATE TABLE kpi.compute_delta (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  metric       text NOT NULL,
  unit_code    text NOT NULL,
  period_start date NOT NULL,
  grain        text NOT NULL,
  value        bigint NOT NULL,
  queued_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE kpi.compute_delta IS
  'counts inserted into kpi.observation, queued for kpi compute; a run takes the ids up to '
  'kpi.compute_run.delta_upto';

-- Every period kpi computes (calendar months and windows cut at the 15th)
-- is a union of half months (1st..14th, 15th..end), so every period is
-- summed from at most two rows per unit and month instead of one per day.
-- A night adds to its half's rows: room in each page (fillfactor).
CREATE TABLE kpi.metric_half (
  metric     text NOT NULL,
  half       date NOT NULL,    -- the 1st or the 15th; a month-level row: the 1st
  unit_code  text NOT NULL,
  value      bigint NOT NULL,  -- flow: the total of the half; stock: its last value
  last_day   date NOT NULL,    -- stock: the day of that last value
  has_month  boolean NOT NULL, -- a month-level row: covers the whole month
  first_day  date,
  first_done date,
  PRIMARY KEY (metric, half, unit_code)
) WITH (fillfactor = 50);
COMMENT ON TABLE kpi.metric_half IS
  'derived from kpi.observation by kpi compute: per half month, flow = sum, stock = last value; '
  'a month-level row stands for the whole month (has_month)';
COMMENT ON COLUMN kpi.metric_half.first_day IS
  'the earliest day of the half holding a count (status metrics of tasks; else NULL)';
COMMENT ON COLUMN kpi.metric_half.first_done IS
  'the earliest day of the half with a count >= 1 (status metrics of tasks; else NULL)';

-- A night rewrites most cells of its month: room in each page (fillfactor)
-- lets the update keep the row's index entries (a heap-only update). run_id
-- has no foreign key: only kpi.compute writes the table, after recording its
-- run, and the key's check per row cost a third of storing a national month
-- (test_compute checks the invariant).
CREATE TABLE kpi.indicator_value (
  indicator_id     text NOT NULL,
  unit_code        text NOT NULL,
  period_kind      text NOT NULL CHECK (period_kind IN ('month', 'ytd', 'quarter', 'half', 'year',
                     'report_month', 'report_quarter', 'report_half', 'report_9m', 'report_year')),
  period_start     date NOT NULL,
  period_end       date NOT NULL,
  period_label     text NOT NULL,
  numerator        bigint,
  denominator      bigint,
  ratio_pct        numeric,     -- NULL unless the cell is judged (never above 100)
  comparator       text,
  target_pct       numeric,
  due_date         date,
  status           text NOT NULL CHECK (status IN ('met', 'breach', 'on_track', 'at_risk',
                                                   'no_data', 'invalid')),
  reason           text,        -- why a cell is not judged (English)
  reason_vi        text,        -- the same, in Vietnamese
  gap_count        bigint,      -- smallest numerator increase that meets the target
  completeness_pct numeric,     -- province: communes reporting both sides; share: facilities
  units_expected   integer,
  units_reporting  integer,
  catalog_version  text NOT NULL,
  computed_at      timestamptz NOT NULL,
  run_id           bigint NOT NULL,
  PRIMARY KEY (indicator_id, unit_code, period_kind, period_end),
  CHECK (ratio_pct IS NULL OR ratio_pct BETWEEN 0 AND 100),
  CHECK (status IN ('met', 'breach', 'on_track', 'at_risk') OR reason IS NOT NULL)
) WITH (fillfactor = 50);
CREATE INDEX indicator_value_period_idx ON kpi.indicator_value (period_kind, period_end);
CREATE INDEX indicator_value_unit_idx ON kpi.indicator_value (unit_code);
COMMENT ON TABLE kpi.indicator_value IS
  'current value of every indicator, unit and period; computed_at = when this value became current';
COMMENT ON COLUMN kpi.indicator_value.run_id IS
  'the kpi.compute_run that wrote this value (always one of its ids)';

CREATE TABLE kpi.indicator_value_history (LIKE kpi.indicator_value);
ALTER TABLE kpi.indicator_value_history ADD COLUMN valid_to timestamptz NOT NULL;
CREATE INDEX indicator_value_history_key_idx
  ON kpi.indicator_value_history (indicator_id, unit_code, period_kind, period_end);
COMMENT ON TABLE kpi.indicator_value_history IS
  'values a later computation replaced: current from computed_at until valid_to';

CREATE TABLE kpi.data_quality_finding (
  metric          text NOT NULL,
  unit_code       text NOT NULL,
  period_kind     text NOT NULL,
  period_start    date NOT NULL,
  period_end      date NOT NULL,
  own_value       bigint NOT NULL, -- what the unit reported itself (used)
  children_sum    bigint NOT NULL, -- the sum of its communes / facilities
  children_count  integer NOT NULL,
  first_run_id    bigint NOT NULL REFERENCES kpi.compute_run (id),
  last_run_id     bigint NOT NULL REFERENCES kpi.compute_run (id),
  resolved_at     timestamptz,     -- set when a later computation finds them equal
  PRIMARY KEY (metric, unit_code, period_kind, period_end)
);
COMMENT ON TABLE kpi.data_quality_finding IS
  'a unit''s own total differs from the sum of its children; the own total is used';

-- ---------------------------------------------------------------------------
-- Threshold-breach alerts (engine/alerts/) and their delivery. `kpi alerts`
-- evaluates kpi.indicator_value and writes the alert state, its events and
-- the outbox in one transaction; `kpi alerts deliver` sends the outbox and
-- logs every attempt. Nothing is deleted: resolved alerts stay, delivered
-- notifications stay.
-- ---------------------------------------------------------------------------

-- One row per evaluation (`kpi alerts`), with the instant it judged at.
CREATE TABLE kpi.alert_run (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  started_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  evaluated_at  timestamptz NOT NULL,
  routes_sha256 text NOT NULL,
  settings      jsonb NOT NULL
);
COMMENT ON TABLE kpi.alert_run IS
  'one row per `kpi alerts` evaluation; evaluated_at is its "now" (--now in tests)';

-- An alert is keyed by (kind, indicator, unit, period kind): kind 'status'
-- is the breach / at-risk alert, kind 'data' the data-missing one. At most one
-- firing row per fingerprint; a key that fires again after resolving opens a
-- new row.
CREATE TABLE kpi.alert (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fingerprint         text NOT NULL,
  kind                text NOT NULL CHECK (kind IN ('status', 'data')),
  alertname           text NOT NULL
                      CHECK (alertname IN ('KpiBreach', 'KpiAtRisk', 'KpiDataMissing')),
  indicator_id        text NOT NULL,
  unit_code           text NOT NULL REFERENCES kpi.unit (code),
  period_kind         text NOT NULL,
  state               text NOT NULL CHECK (state IN ('firing', 'resolved')),
  severity            text NOT NULL CHECK (severity IN ('warning', 'critical')),
  first_period        date NOT NULL,
  last_period         date NOT NULL,
  last_period_end     date NOT NULL,
  consecutive_periods integer NOT NULL CHECK (consecutive_periods > 0),
  status              text NOT NULL,
  ratio_pct           numeric,
  target_pct          numeric,
  comparator          text,
  gap_count           bigint,
  completeness_pct    numeric,
  lead_units          text[] NOT NULL DEFAULT '{}',
  opened_at           timestamptz NOT NULL,
  resolved_at         timestamptz,
  last_notified_at    timestamptz NOT NULL,
  CHECK ((state = 'resolved') = (resolved_at IS NOT NULL))
);
CREATE UNIQUE INDEX alert_firing_idx ON kpi.alert (fingerprint) WHERE state = 'firing';
CREATE INDEX alert_key_idx ON kpi.alert (indicator_id, period_kind, unit_code);
COMMENT ON TABLE kpi.alert IS
  'alerts on indicator cells: first_period..last_period are the consecutive breached periods';

CREATE TABLE kpi.alert_event (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alert_id            bigint NOT NULL REFERENCES kpi.alert (id),
  run_id              bigint NOT NULL REFERENCES kpi.alert_run (id),
  event               text NOT NULL
                      CHECK (event IN ('fire', 'reminder', 'escalate', 'resolve', 'restate')),
  at                  timestamptz NOT NULL,
  period_start        date NOT NULL,
  period_end          date NOT NULL,
  status              text NOT NULL,
  previous_status     text,
  severity            text NOT NULL,
  consecutive_periods integer NOT NULL,
  ratio_pct           numeric,
  gap_count           bigint,
  completeness_pct    numeric,
  CHECK ((event = 'restate') = (previous_status IS NOT NULL))
);
CREATE INDEX alert_event_alert_idx ON kpi.alert_event (alert_id, period_start, id);
CREATE INDEX alert_event_run_idx ON kpi.alert_event (run_id);
COMMENT ON TABLE kpi.alert_event IS
  'every fire, reminder, escalation, resolve and restatement, with the period and status it told';

-- The outbox: one notification (a digest) per receiver and run.
CREATE TABLE kpi.outbox (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id          bigint NOT NULL REFERENCES kpi.alert_run (id),
  receiver        text NOT NULL,
  channel         text NOT NULL CHECK (channel IN ('webhook', 'email')),
  idempotency_key text NOT NULL UNIQUE,
  payload         jsonb NOT NULL,
  subject         text NOT NULL,
  body_text       text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  attempts        integer NOT NULL DEFAULT 0,
  delivered_at    timestamptz
);
CREATE INDEX outbox_pending_idx ON kpi.outbox (id) WHERE delivered_at IS NULL;
COMMENT ON TABLE kpi.outbox IS
  'notifications written with the alert state; delivered_at NULL = still to send (never dropped)';

CREATE TABLE kpi.outbox_event (
  outbox_id bigint NOT NULL REFERENCES kpi.outbox (id),
  event_id  bigint NOT NULL REFERENCES kpi.alert_event (id),
  PRIMARY KEY (outbox_id, event_id)
);
COMMENT ON TABLE kpi.outbox_event IS 'which alert events each notification carries';

CREATE TABLE kpi.delivery (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  outbox_id   bigint NOT NULL REFERENCES kpi.outbox (id),
  attempt     integer NOT NULL,
  at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  target      text NOT NULL,
  ok          boolean NOT NULL,
  http_status integer,
  error       text
);
CREATE INDEX delivery_outbox_idx ON kpi.delivery (outbox_id, attempt);
COMMENT ON TABLE kpi.delivery IS
  'every delivery attempt of `kpi alerts deliver`; target never carries a secret';

-- ---------------------------------------------------------------------------
-- The log of nightly runs (`kpi run`, engine/run/runlog.c). One row per run;
-- a run that died shows as failed once the next run starts.
-- ---------------------------------------------------------------------------

CREATE TABLE kpi.run (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  started_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  status      text NOT NULL DEFAULT 'running'
              CHECK (status IN ('running', 'succeeded', 'partial', 'failed', 'interrupted')),
  pid         integer,
  host        text,
  inbox       text,
  stages      jsonb NOT NULL DEFAULT '[]',
  error       text,
  CHECK ((status = 'running') = (finished_at IS NULL))
);
COMMENT ON TABLE kpi.run IS
  'nightly runs: status, per-stage counts and durations in stages (a JSON array), the error of a failed run';
COMMENT ON COLUMN kpi.run.stages IS
  'one object per stage in order: {"stage", "started_at", "seconds", "status", "counts": {...}}';

-- ---------------------------------------------------------------------------
-- Least privilege and row-level security: which units an analyst sees. The
-- roles, grants and policies are made by kpi.setup_roles() (`kpi roles setup`,
-- sql/definitions/security/).
-- ---------------------------------------------------------------------------

CREATE TABLE kpi.analyst_scope (
  role_name       name NOT NULL,
  unit_code       text REFERENCES kpi.unit (code),
  province_totals boolean NOT NULL DEFAULT false,
  UNIQUE NULLS NOT DISTINCT (role_name, unit_code)
);
COMMENT ON TABLE kpi.analyst_scope IS
  'which units an analyst role sees: one row per unit (unit_code NULL: every unit); '
  'province_totals: also the units of kind province';
