-- 026_quality_baseline: what a month's implausible values are judged against, kept
-- between runs (issue 22, item 3: a night costs what changed).
--  - kpi.quality_baseline_month: per metric and month, that the baselines of its units
--    are kept (run_id: the run that computed them; window_periods: with which window);
--    valid false once a month of its window changed (kpi.quality_months);
--  - kpi.quality_baseline: per metric, month and unit, what kpi.quality_findings judges
--    the unit's value of the month against: how many earlier months (n), their median
--    and MAD, the previous month's value (a stock's). Only the months earlier than the
--    month count, so a night that changes only the month itself judges it against the
--    kept baseline instead of reading and sorting its window (two years of halves of
--    every unit) again. A row belongs to its month's baseline only while its run_id is
--    the month's (a unit no longer holding history keeps an older row, unread).
-- Derived data: computed again whenever it is not valid. Correct after an upgrade: no
-- month is kept, the first run computes its baselines as before.

CREATE TABLE kpi.quality_baseline_month (
  metric          text NOT NULL REFERENCES kpi.metric (code),
  month           date NOT NULL CHECK (month = date_trunc('month', month)),
  window_periods  integer NOT NULL,
  run_id          bigint NOT NULL REFERENCES kpi.compute_run (id),
  valid           boolean NOT NULL,
  PRIMARY KEY (metric, month)
);
COMMENT ON TABLE kpi.quality_baseline_month IS
  'the months whose implausible-value baselines are kept (kpi.quality_baseline of run_id); '
  'valid false: a month of its window changed since, computed again when next judged';

CREATE TABLE kpi.quality_baseline (
  metric          text NOT NULL,
  month           date NOT NULL,
  unit_code       text NOT NULL,
  run_id          bigint NOT NULL,
  n               integer NOT NULL,
  median          numeric,
  mad             numeric,
  previous        numeric,
  PRIMARY KEY (metric, month, unit_code)
);
COMMENT ON TABLE kpi.quality_baseline IS
  'what a unit''s value of a month is judged against (kpi.quality_findings): n earlier months '
  'of its window, their median and median absolute deviation, the previous month''s value; '
  'part of its month''s baseline while run_id is kpi.quality_baseline_month.run_id';
