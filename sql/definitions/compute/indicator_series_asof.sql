-- compute/indicator_series_asof: kpi.indicator_series_asof(), the computed
-- series as it stood at an instant.

-- The series exactly as it stood at p_at: the values current then, of the
-- units the caller sees. SECURITY DEFINER (it reads kpi.indicator_value and
-- kpi.indicator_value_history, which analysts may not read), so it applies
-- the analysts' scope itself, as the row-level policy would, to the session's
-- login (session_user: a definer's current_user is its owner): an analyst
-- gets the rows of its scope only; writers, owners and superusers every row.
-- Relations and functions schema-qualified, search_path pinned; executable
-- by kpi_analyst and kpi_writer (`kpi roles setup`), never by PUBLIC.
CREATE OR REPLACE FUNCTION kpi.indicator_series_asof(p_at timestamptz)
RETURNS SETOF kpi.indicator_value
LANGUAGE sql STABLE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT v.* FROM (
    SELECT * FROM kpi.indicator_value WHERE computed_at <= p_at
    UNION ALL
    SELECT indicator_id, unit_code, period_kind, period_start, period_end, period_label,
           numerator, denominator, ratio_pct, comparator, target_pct, due_date, status, reason,
           reason_vi, gap_count, completeness_pct, units_expected, units_reporting,
           catalog_version, computed_at, run_id, late_days, suspect, counted_to, projected_pct,
           needed_per_month, months_from, months_to, plan_id, carried_pct, estimated
      FROM kpi.indicator_value_history
     WHERE computed_at <= p_at AND p_at < valid_to) v
   WHERE (SELECT kpi.rls_sees_all(session_user))
      OR kpi.rls_unit_visible(v.unit_code, session_user)
$$;
COMMENT ON FUNCTION kpi.indicator_series_asof(timestamptz) IS
  'kpi.indicator_value as it stood at that instant (late corrections do not rewrite it), '
  'of the units the caller sees';
REVOKE ALL ON FUNCTION kpi.indicator_series_asof(timestamptz) FROM PUBLIC;
