-- tests/data/report/indicator_value.sql — the contract of kpi.indicator_value
-- (issue 5), created by the report tests only when the schema does not have
-- it yet (to_regclass('kpi.indicator_value') IS NULL). The real table comes
-- from the compute migration; the report reads only these columns.
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
  catalog_version  text NOT NULL,
  computed_at      timestamptz NOT NULL DEFAULT now(),
  run_id           bigint,
  PRIMARY KEY (indicator_id, unit_code, period_kind, period_start)
);
