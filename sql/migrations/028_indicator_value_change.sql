-- 028_indicator_value_change: the keys whose cells each compute run wrote (issue 22,
-- item 3: the alert evaluation reads only the keys whose cells changed).
--  - kpi.indicator_value_change: per compute run, indicator and period kind, the units
--    of the cells the run stored in kpi.indicator_value (new, changed, or marked not in
--    the plan). The alert evaluation finds its keys here by the run's id (a range of
--    this table's key) instead of scanning every stored cell for run_id (a sequential
--    scan growing with the history; an index on kpi.indicator_value.run_id would make
--    every update of a cell a non-HOT one). The units are one array per row: a night's
--    log is about a hundred rows, not one per cell.
-- Filled here from the stored cells (each key under the run that last wrote a cell of
-- it): for any earlier run R, the keys with a cell written after R are the same from
-- this table as from kpi.indicator_value, so an evaluation after the upgrade reads what
-- it read before. Derived data, appended by kpi.compute_store; nothing reads it but the
-- alert evaluation.

CREATE TABLE kpi.indicator_value_change (
  run_id        bigint NOT NULL,
  indicator_id  text NOT NULL,
  period_kind   text NOT NULL,
  unit_codes    text[] NOT NULL,
  PRIMARY KEY (run_id, indicator_id, period_kind)
);
COMMENT ON TABLE kpi.indicator_value_change IS
  'per kpi.compute_run, indicator and period kind: the units whose cells the run stored in '
  'kpi.indicator_value (the alert evaluation reads the keys of the runs after its last one)';

INSERT INTO kpi.indicator_value_change (run_id, indicator_id, period_kind, unit_codes)
SELECT run_id, indicator_id, period_kind, array_agg(DISTINCT unit_code ORDER BY unit_code)
  FROM kpi.indicator_value
 GROUP BY run_id, indicator_id, period_kind;
