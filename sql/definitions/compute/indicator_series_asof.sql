-- compute/indicator_series_asof: kpi.indicator_series_asof(), the computed
-- series as it stood at an instant.

-- The series exactly as it stood at p_at: the values current then.
CREATE OR REPLACE FUNCTION kpi.indicator_series_asof(p_at timestamptz)
RETURNS SETOF kpi.indicator_value
LANGUAGE sql STABLE STRICT AS $$
  SELECT * FROM kpi.indicator_value WHERE computed_at <= p_at
  UNION ALL
  SELECT indicator_id, unit_code, period_kind, period_start, period_end, period_label, numerator,
         denominator, ratio_pct, comparator, target_pct, due_date, status, reason, reason_vi,
         gap_count,
         completeness_pct, units_expected, units_reporting, catalog_version, computed_at, run_id,
         late_days
    FROM kpi.indicator_value_history
   WHERE computed_at <= p_at AND p_at < valid_to
$$;
COMMENT ON FUNCTION kpi.indicator_series_asof(timestamptz) IS
  'kpi.indicator_value as it stood at that instant (late corrections do not rewrite it)';

