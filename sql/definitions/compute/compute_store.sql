-- compute/compute_store: kpi.compute_store(), step 9 of kpi.compute:
-- the cells of the run stored in kpi.indicator_value (temp table t_changed),
-- the values they replace kept in kpi.indicator_value_history, the keys written
-- logged in kpi.indicator_value_change.

-- Only the cells whose value changed are written (computed_at, run_id: this
-- run); returns how many. A cell of a plan that no longer judges its period (the plan in force
-- lacks its item) is no_target, reason 'not_in_plan'. Analyses kpi.indicator_value
-- when the run changed more than a tenth of it.
CREATE OR REPLACE FUNCTION kpi.compute_store(p_run bigint) RETURNS bigint
LANGUAGE plpgsql
SET enable_nestloop = off -- as kpi.compute_rollup
AS $$
#variable_conflict use_column
DECLARE
  v_changed bigint;
  v_kinds text[];
  v_ends date[];
  v_written_only boolean;
BEGIN
  -- the plan of the cells kpi.compute_population added (monitors, the units of a task):
  -- their row's in t_cell_scope; a period no plan is in force on is not judged
  UPDATE t_new n
     SET plan_id = c.plan_id,
         status = CASE WHEN c.in_force OR n.status = 'monitor' THEN n.status ELSE 'no_target' END,
         reason = CASE WHEN c.in_force OR n.status = 'monitor' THEN n.reason ELSE rt.en END,
         reason_vi = CASE WHEN c.in_force OR n.status = 'monitor' THEN n.reason_vi ELSE rt.vi END,
         ratio_pct = CASE WHEN c.in_force OR n.status = 'monitor' THEN n.ratio_pct END,
         gap_count = CASE WHEN c.in_force OR n.status = 'monitor' THEN n.gap_count END
    FROM (SELECT DISTINCT indicator_id, period_kind, period_end, plan_id, in_force
            FROM t_cell_scope) c
    LEFT JOIN kpi.reason_text rt ON rt.code = 'no_plan'
   WHERE n.plan_id IS NULL AND c.indicator_id = n.indicator_id
     AND c.period_kind = n.period_kind AND c.period_end = n.period_end;

  -- the stored cells of the run's periods: read through the index of their
  -- kind and last day (the joins below hashed every stored cell of the history,
  -- three times a night); their cross product over-selects a little, the keys
  -- then match exactly
  SELECT array_agg(DISTINCT period_kind), array_agg(DISTINCT period_end)
    INTO v_kinds, v_ends FROM t_new;
  CREATE TEMP TABLE t_stored ON COMMIT DROP AS
  SELECT v.* FROM kpi.indicator_value v
   WHERE v.period_kind = ANY (v_kinds) AND v.period_end = ANY (v_ends);
  ANALYZE t_stored;

  CREATE TEMP TABLE t_changed ON COMMIT DROP AS
  SELECT n.*, v.indicator_id IS NOT NULL AS existed
    FROM t_new n
    LEFT JOIN t_stored v USING (indicator_id, unit_code, period_kind, period_end)
   WHERE v.indicator_id IS NULL
      OR (v.period_start, v.period_label, v.numerator, v.denominator, v.ratio_pct, v.comparator,
          v.target_pct, v.due_date, v.status, v.reason, v.reason_vi, v.gap_count,
          v.completeness_pct,
          v.units_expected, v.units_reporting, v.catalog_version, v.late_days, v.suspect, v.counted_to,
          v.projected_pct, v.needed_per_month, v.months_from, v.months_to, v.plan_id, v.carried_pct, v.estimated)
         IS DISTINCT FROM
         (n.period_start, n.period_label, n.numerator, n.denominator, n.ratio_pct, n.comparator,
          n.target_pct, n.due_date, n.status, n.reason, n.reason_vi, n.gap_count,
          n.completeness_pct,
          n.units_expected, n.units_reporting, n.catalog_version, n.late_days, n.suspect, n.counted_to,
          n.projected_pct, n.needed_per_month, n.months_from, n.months_to, n.plan_id, n.carried_pct, n.estimated);
  GET DIAGNOSTICS v_changed = ROW_COUNT;

  INSERT INTO kpi.indicator_value_history
    (indicator_id, unit_code, period_kind, period_start, period_end, period_label, numerator,
     denominator, ratio_pct, comparator, target_pct, due_date, status, reason, reason_vi,
     gap_count, completeness_pct, units_expected, units_reporting, catalog_version, computed_at,
     run_id, late_days, suspect, valid_to, counted_to, projected_pct, needed_per_month, months_from,
     months_to, plan_id, carried_pct, estimated)
  SELECT v.indicator_id, v.unit_code, v.period_kind, v.period_start, v.period_end,
         v.period_label, v.numerator, v.denominator, v.ratio_pct, v.comparator, v.target_pct,
         v.due_date, v.status, v.reason, v.reason_vi, v.gap_count, v.completeness_pct,
         v.units_expected, v.units_reporting, v.catalog_version, v.computed_at, v.run_id,
         v.late_days, v.suspect, now(), v.counted_to, v.projected_pct, v.needed_per_month, v.months_from,
         v.months_to, v.plan_id, v.carried_pct, v.estimated
    FROM t_stored v
    JOIN t_changed c USING (indicator_id, unit_code, period_kind, period_end)
   WHERE c.existed;

  -- new cells inserted (in the order of the key, so that each page of the key is
  -- written once), changed ones updated (runs are serialised: no
  -- conflict can arise between the two)
  INSERT INTO kpi.indicator_value
    (indicator_id, unit_code, period_kind, period_start, period_end, period_label, numerator,
     denominator, ratio_pct, comparator, target_pct, due_date, status, reason, reason_vi,
     gap_count,
     completeness_pct, units_expected, units_reporting, catalog_version, computed_at, run_id,
     late_days, suspect, counted_to, projected_pct, needed_per_month, months_from, months_to,
     plan_id, carried_pct, estimated)
  SELECT indicator_id, unit_code, period_kind, period_start, period_end, period_label, numerator,
         denominator, ratio_pct, comparator, target_pct, due_date, status, reason, reason_vi,
         gap_count,
         completeness_pct, units_expected, units_reporting, catalog_version, now(), p_run,
         late_days, suspect, counted_to, projected_pct, needed_per_month, months_from, months_to,
         plan_id, carried_pct, estimated
    FROM t_changed WHERE NOT existed
   ORDER BY indicator_id, unit_code, period_kind, period_end;
  UPDATE kpi.indicator_value v
     SET period_start = c.period_start, period_label = c.period_label,
         numerator = c.numerator, denominator = c.denominator,
         ratio_pct = c.ratio_pct, comparator = c.comparator,
         target_pct = c.target_pct, due_date = c.due_date,
         status = c.status, reason = c.reason, reason_vi = c.reason_vi,
         gap_count = c.gap_count,
         completeness_pct = c.completeness_pct,
         units_expected = c.units_expected, units_reporting = c.units_reporting,
         catalog_version = c.catalog_version, computed_at = now(), run_id = p_run,
         late_days = c.late_days, suspect = c.suspect, counted_to = c.counted_to, projected_pct = c.projected_pct,
         needed_per_month = c.needed_per_month, months_from = c.months_from,
         months_to = c.months_to, plan_id = c.plan_id, carried_pct = c.carried_pct,
         estimated = c.estimated
    FROM t_changed c
   WHERE c.existed AND v.indicator_id = c.indicator_id AND v.unit_code = c.unit_code
     AND v.period_kind = c.period_kind AND v.period_end = c.period_end
     AND v.period_kind = ANY (v_kinds) AND v.period_end = ANY (v_ends);
  -- the cells of another plan on a period of the run, which the plan now judging the period
  -- (its last day) lacks (issue 18: computed no_target before that plan was loaded): not
  -- judged, they say so; their former text kept in the history (nothing is deleted)
  -- Which plan judges a period depends on kpi.plan alone, and every run ends with no
  -- stale cell in its periods; so while the catalog (plans included) is the one of an
  -- earlier finished run whose months covered this run's, with no other catalog since,
  -- only the cells this run wrote can be stale (every stored cell of the history was
  -- read each night before: a night grew with the history)
  v_written_only := EXISTS (
    SELECT 1 FROM kpi.compute_run me JOIN kpi.compute_run r
        ON r.finished_at IS NOT NULL AND r.catalog_digest = me.catalog_digest
       AND r.from_month <= me.from_month AND r.to_month >= me.to_month
     WHERE me.id = p_run
       AND NOT EXISTS (SELECT 1 FROM kpi.compute_run x
                        WHERE x.finished_at IS NOT NULL AND x.id > r.id
                          AND x.catalog_digest IS DISTINCT FROM me.catalog_digest));
  CREATE TEMP TABLE t_stale ON COMMIT DROP AS
  SELECT v.indicator_id, v.unit_code, v.period_kind, v.period_end
    FROM kpi.indicator_value v
    JOIN (SELECT DISTINCT period_kind, period_end, kpi.plan_judging(period_end) AS plan
            FROM t_period) p ON v.period_kind = p.period_kind AND v.period_end = p.period_end
    LEFT JOIN kpi.reason_text rt ON rt.code = 'not_in_plan'
   WHERE v.plan_id <> '' AND v.plan_id IS DISTINCT FROM p.plan
     AND (v.status, v.reason) IS DISTINCT FROM ('no_target', rt.en)
     AND (NOT v_written_only OR (v.period_kind = ANY (v_kinds) AND v.period_end = ANY (v_ends)
                                 AND v.run_id = p_run));
  INSERT INTO kpi.indicator_value_history
    (indicator_id, unit_code, period_kind, period_start, period_end, period_label, numerator,
     denominator, ratio_pct, comparator, target_pct, due_date, status, reason, reason_vi,
     gap_count, completeness_pct, units_expected, units_reporting, catalog_version, computed_at,
     run_id, late_days, suspect, valid_to, counted_to, projected_pct, needed_per_month, months_from,
     months_to, plan_id)
  SELECT v.indicator_id, v.unit_code, v.period_kind, v.period_start, v.period_end,
         v.period_label, v.numerator, v.denominator, v.ratio_pct, v.comparator, v.target_pct,
         v.due_date, v.status, v.reason, v.reason_vi, v.gap_count, v.completeness_pct,
         v.units_expected, v.units_reporting, v.catalog_version, v.computed_at, v.run_id,
         v.late_days, v.suspect, now(), v.counted_to, v.projected_pct, v.needed_per_month,
         v.months_from, v.months_to, v.plan_id
    FROM kpi.indicator_value v JOIN t_stale USING (indicator_id, unit_code, period_kind, period_end);
  UPDATE kpi.indicator_value v
     SET status = 'no_target', reason = rt.en, reason_vi = rt.vi, ratio_pct = NULL,
         gap_count = NULL, computed_at = now(), run_id = p_run
    FROM t_stale s, kpi.reason_text rt
   WHERE rt.code = 'not_in_plan' AND v.indicator_id = s.indicator_id
     AND v.unit_code = s.unit_code AND v.period_kind = s.period_kind
     AND v.period_end = s.period_end;
  -- the keys the run wrote, for the alert evaluation (kpi.alert_cells): one row per
  -- indicator and period kind, its units in an array
  INSERT INTO kpi.indicator_value_change (run_id, indicator_id, period_kind, unit_codes)
  SELECT p_run, indicator_id, period_kind, array_agg(DISTINCT unit_code ORDER BY unit_code)
    FROM (SELECT indicator_id, period_kind, unit_code FROM t_changed
          UNION ALL
          SELECT indicator_id, period_kind, unit_code FROM t_stale) w
   GROUP BY indicator_id, period_kind;
  -- the statistics of the stored cells refreshed when the run wrote more than a
  -- tenth of them, or they were never analysed (autovacuum's threshold, but at
  -- once: `kpi alerts` plans over them next, the same night), as their owner
  IF v_changed > 0 AND (SELECT c.reltuples < 0 OR v_changed > 0.1 * c.reltuples
                          FROM pg_catalog.pg_class c
                         WHERE c.oid = 'kpi.indicator_value'::pg_catalog.regclass) THEN
    PERFORM kpi.compute_analyze('indicator_value');
  END IF;
  RETURN v_changed;
END $$;
