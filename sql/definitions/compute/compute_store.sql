-- compute/compute_store: kpi.compute_store(), step 9 of kpi.compute:
-- the cells of the run stored in kpi.indicator_value (temp table t_changed),
-- the values they replace kept in kpi.indicator_value_history.

-- Only the cells whose value changed are written (computed_at, run_id: this
-- run); returns how many.
CREATE OR REPLACE FUNCTION kpi.compute_store(p_run bigint) RETURNS bigint
LANGUAGE plpgsql
SET enable_nestloop = off -- as kpi.compute_rollup
AS $$
#variable_conflict use_column
DECLARE
  v_changed bigint;
BEGIN
  CREATE TEMP TABLE t_changed ON COMMIT DROP AS
  SELECT n.*, v.indicator_id IS NOT NULL AS existed
    FROM t_new n
    LEFT JOIN kpi.indicator_value v USING (indicator_id, unit_code, period_kind, period_end)
   WHERE v.indicator_id IS NULL
      OR (v.period_start, v.period_label, v.numerator, v.denominator, v.ratio_pct, v.comparator,
          v.target_pct, v.due_date, v.status, v.reason, v.reason_vi, v.gap_count,
          v.completeness_pct,
          v.units_expected, v.units_reporting, v.catalog_version, v.late_days, v.suspect, v.counted_to,
          v.projected_pct, v.needed_per_month, v.months_from, v.months_to, v.carried_pct,
          v.estimated)
         IS DISTINCT FROM
         (n.period_start, n.period_label, n.numerator, n.denominator, n.ratio_pct, n.comparator,
          n.target_pct, n.due_date, n.status, n.reason, n.reason_vi, n.gap_count,
          n.completeness_pct,
          n.units_expected, n.units_reporting, n.catalog_version, n.late_days, n.suspect, n.counted_to,
          n.projected_pct, n.needed_per_month, n.months_from, n.months_to, n.carried_pct,
          n.estimated);
  GET DIAGNOSTICS v_changed = ROW_COUNT;

  INSERT INTO kpi.indicator_value_history
    (indicator_id, unit_code, period_kind, period_start, period_end, period_label, numerator,
     denominator, ratio_pct, comparator, target_pct, due_date, status, reason, reason_vi,
     gap_count, completeness_pct, units_expected, units_reporting, catalog_version, computed_at,
     run_id, late_days, suspect, valid_to, counted_to, projected_pct, needed_per_month, months_from,
     months_to, carried_pct, estimated)
  SELECT v.indicator_id, v.unit_code, v.period_kind, v.period_start, v.period_end,
         v.period_label, v.numerator, v.denominator, v.ratio_pct, v.comparator, v.target_pct,
         v.due_date, v.status, v.reason, v.reason_vi, v.gap_count, v.completeness_pct,
         v.units_expected, v.units_reporting, v.catalog_version, v.computed_at, v.run_id,
         v.late_days, v.suspect, now(), v.counted_to, v.projected_pct, v.needed_per_month, v.months_from,
         v.months_to, v.carried_pct, v.estimated
    FROM kpi.indicator_value v
    JOIN t_changed c USING (indicator_id, unit_code, period_kind, period_end)
   WHERE c.existed;

  -- new cells inserted, changed ones updated (runs are serialised: no
  -- conflict can arise between the two)
  INSERT INTO kpi.indicator_value
    (indicator_id, unit_code, period_kind, period_start, period_end, period_label, numerator,
     denominator, ratio_pct, comparator, target_pct, due_date, status, reason, reason_vi,
     gap_count,
     completeness_pct, units_expected, units_reporting, catalog_version, computed_at, run_id,
     late_days, suspect, counted_to, projected_pct, needed_per_month, months_from, months_to,
     carried_pct, estimated)
  SELECT indicator_id, unit_code, period_kind, period_start, period_end, period_label, numerator,
         denominator, ratio_pct, comparator, target_pct, due_date, status, reason, reason_vi,
         gap_count,
         completeness_pct, units_expected, units_reporting, catalog_version, now(), p_run,
         late_days, suspect, counted_to, projected_pct, needed_per_month, months_from, months_to,
         carried_pct, estimated
    FROM t_changed WHERE NOT existed;
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
         months_to = c.months_to, carried_pct = c.carried_pct, estimated = c.estimated
    FROM t_changed c
   WHERE c.existed AND v.indicator_id = c.indicator_id AND v.unit_code = c.unit_code
     AND v.period_kind = c.period_kind AND v.period_end = c.period_end;
  RETURN v_changed;
END $$;
