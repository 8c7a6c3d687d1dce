-- tests/data/alerts/indicator_value.sql — the issue-5 contract of
-- kpi.indicator_value, created by the alert tests only when the computing
-- engine's migration is not in this tree (to_regclass('kpi.indicator_value')
-- IS NULL). The alert tests write its rows directly, as `kpi compute` would.
CREATE TABLE kpi.indicator_value (
  indicator_id     text NOT NULL,
  unit_code        text NOT NULL,
  period_kind      text NOT NULL,
  period_start     date NOT NULL,
  period_end       date NOT NULL,
  numerator        bigint,
  denominator      bigint,
  ratio_pct        numeric,
  comparator       text,
  target_pct       numeric,
  status           text NOT NULL
                   CHECK (status IN ('met', 'breach', 'on_track', 'at_risk', 'no_data', 'invalid')),
  reason           text,
  gap_count        bigint,
  completeness_pct numeric,
  catalog_version  text,
  computed_at      timestamptz NOT NULL DEFAULT now(),
  run_id           bigint
);
