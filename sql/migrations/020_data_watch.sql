-- 020_data_watch: expected submissions and implausible values (issue 21, items 3 and 4).
--  - kpi.metric_quality: per metric, how its counts are checked (the "quality" object
--    of indicators/metrics.json: the history window and modified z-score threshold,
--    min-max bounds, monotone stocks); one row per metric of the catalog loaded last.
--  - kpi.submission_schedule: who sends which metrics at which cadence and by when
--    (indicators/schedule.json), replaced by each catalog load.
--  - kpi.data_quality_finding gains the kind of finding (children_sum: the findings of
--    before, an own total that differs from its children's sum; outlier, below_min,
--    above_max, stock_drop, day_above_month: implausible values), an id that
--    `kpi finding confirm ID` names, the figures of the test (median, MAD, z, bound,
--    the previous or the month's value) and the confirmation.
--  - kpi.indicator_value and its history: suspect, the cell was computed from a value
--    with an open implausible-value finding (not confirmed, not corrected).
--  - kpi.alert: kind 'report' (KpiReportMissing: a sender did not send a metric of a
--    period by its due time) and 'suspect' is not a kind but a name (KpiDataSuspect: a
--    status alert of a suspect cell, told to the lead unit as "cần kiểm tra số liệu").
-- Correct after the baseline and after an upgrade: the new columns have defaults or are
-- nullable; every earlier finding is of kind children_sum.

CREATE TABLE kpi.metric_quality (
  code            text PRIMARY KEY REFERENCES kpi.metric (code),
  window_periods  integer NOT NULL DEFAULT 12 CHECK (window_periods BETWEEN 3 AND 120),
  z_threshold     numeric NOT NULL DEFAULT 3.5 CHECK (z_threshold > 0),
  min_periods     integer NOT NULL DEFAULT 6 CHECK (min_periods >= 3),
  min_value       bigint CHECK (min_value >= 0),
  max_value       bigint CHECK (max_value >= 0),
  monotone        boolean NOT NULL DEFAULT false,
  catalog_version text NOT NULL,
  CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value),
  CHECK (min_periods <= window_periods)
);
COMMENT ON TABLE kpi.metric_quality IS
  'how each metric''s counts are checked for implausible values (metrics.json "quality"): '
  'a unit''s month against its own last window_periods months (modified z-score above '
  'z_threshold, at least min_periods of them), min_value..max_value, a monotone stock that falls';

CREATE TABLE kpi.submission_schedule (
  name            text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_-]*$'),
  sender_vi       text NOT NULL,
  unit_kinds      text[] NOT NULL DEFAULT '{}',
  unit_codes      text[] NOT NULL DEFAULT '{}',
  metrics         text[],
  cadence         text NOT NULL CHECK (cadence IN ('daily', 'monthly')),
  due_after       interval NOT NULL,
  lookback        integer NOT NULL CHECK (lookback BETWEEN 1 AND 366),
  since           date NOT NULL,
  lead_units      text[],
  time_zone       text NOT NULL,
  catalog_version text NOT NULL,
  CHECK (unit_kinds <> '{}' OR unit_codes <> '{}')
);
COMMENT ON TABLE kpi.submission_schedule IS
  'who sends what by when (indicators/schedule.json): the units of unit_kinds or unit_codes '
  'send metrics (NULL: those whose reported_by names their kind) for every day or month from '
  'since, due due_after the period''s last day began (local time_zone); the last lookback '
  'periods are listed (kpi.expected_submission); lead_units NULL: the lead units of the '
  'indicators using the metric';
COMMENT ON COLUMN kpi.submission_schedule.due_after IS
  'the due instant after 00:00 local of the period''s last day: communes daily by 08:00 the '
  'next day = 1 day 08:00; by the 5th of the next month = 5 days 24:00 after the month''s last day';

ALTER TABLE kpi.data_quality_finding DROP CONSTRAINT data_quality_finding_pkey;
ALTER TABLE kpi.data_quality_finding
  ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY,
  ADD COLUMN kind text NOT NULL DEFAULT 'children_sum'
    CHECK (kind IN ('children_sum', 'outlier', 'below_min', 'above_max', 'stock_drop',
                    'day_above_month')),
  ADD COLUMN median numeric,
  ADD COLUMN mad numeric,
  ADD COLUMN z_score numeric,
  ADD COLUMN history_n integer,
  ADD COLUMN bound bigint,
  ADD COLUMN compared_value bigint,
  ADD COLUMN confirmed_at timestamptz,
  ADD COLUMN confirmed_by text,
  ADD COLUMN note text,
  ALTER COLUMN children_sum DROP NOT NULL,
  ALTER COLUMN children_count DROP NOT NULL,
  ADD CHECK (kind <> 'children_sum' OR (children_sum IS NOT NULL AND children_count IS NOT NULL)),
  ADD CHECK ((confirmed_by IS NULL) OR (confirmed_at IS NOT NULL));
ALTER TABLE kpi.data_quality_finding ADD PRIMARY KEY (id);
CREATE UNIQUE INDEX data_quality_finding_key_idx
  ON kpi.data_quality_finding (kind, metric, unit_code, period_kind, period_end);
CREATE INDEX data_quality_finding_open_idx
  ON kpi.data_quality_finding (metric, unit_code, period_end)
  WHERE resolved_at IS NULL AND confirmed_at IS NULL AND kind <> 'children_sum';
COMMENT ON TABLE kpi.data_quality_finding IS
  'a count that looks wrong: children_sum, a unit''s own total differs from the sum of its '
  'children (the own total is used); outlier, below_min, above_max, stock_drop, '
  'day_above_month, an implausible value (the cells computed from it are suspect until it is '
  'confirmed or corrected)';
COMMENT ON COLUMN kpi.data_quality_finding.own_value IS
  'the value found: the unit''s own total (children_sum), its month''s value, or the day''s';
COMMENT ON COLUMN kpi.data_quality_finding.z_score IS
  'outlier: 0.6745 × (value − median) / MAD over the unit''s history_n earlier months, '
  'rounded to 2 places for reading (the decision is exact: 0.6745 × |value − median| > '
  'threshold × MAD)';
COMMENT ON COLUMN kpi.data_quality_finding.compared_value IS
  'stock_drop: the previous month''s value; day_above_month: the month''s value';
COMMENT ON COLUMN kpi.data_quality_finding.confirmed_at IS
  'when `kpi finding confirm` accepted the value as true: its cells are no longer suspect';

ALTER TABLE kpi.indicator_value ADD COLUMN suspect boolean NOT NULL DEFAULT false;
ALTER TABLE kpi.indicator_value_history ADD COLUMN suspect boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN kpi.indicator_value.suspect IS
  'computed from a value with an open implausible-value finding (kpi.data_quality_finding): '
  'its alerts go to the lead unit as KpiDataSuspect ("cần kiểm tra số liệu"), not to leaders';

ALTER TABLE kpi.alert DROP CONSTRAINT alert_kind_check;
ALTER TABLE kpi.alert ADD CONSTRAINT alert_kind_check CHECK (kind IN ('status', 'data', 'report'));
ALTER TABLE kpi.alert DROP CONSTRAINT alert_alertname_check;
ALTER TABLE kpi.alert ADD CONSTRAINT alert_alertname_check
  CHECK (alertname IN ('KpiBreach', 'KpiAtRisk', 'KpiDataMissing', 'KpiReportMissing',
                       'KpiDataSuspect'));
COMMENT ON COLUMN kpi.alert.indicator_id IS
  'the indicator; kind report (KpiReportMissing): the metric not sent';

