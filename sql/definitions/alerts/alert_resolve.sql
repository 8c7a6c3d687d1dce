-- alerts/alert_resolve: kpi.alert_resolve(), a step of the alert evaluation (engine/alerts/evaluate.c).
--
-- kpi.alert_resolve: resolve at P_NOW every firing alert that alert_want
-- wants resolved, each with a 'resolve' event of run P_RUN. Returns how many.
CREATE OR REPLACE FUNCTION kpi.alert_resolve(p_run bigint, p_now timestamptz)
  RETURNS bigint LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan AS $$
#variable_conflict use_column
DECLARE
  v_n bigint;
BEGIN
  WITH upd AS (UPDATE kpi.alert a SET state = 'resolved', resolved_at = p_now
                 FROM alert_want w
                WHERE w.want = 'resolved' AND a.fingerprint = w.fingerprint
                  AND a.state = 'firing'
               RETURNING a.id, a.severity, a.consecutive_periods, w.period_start,
                         w.period_end, w.status, w.ratio_pct, w.gap_count,
                         w.completeness_pct)
  INSERT INTO kpi.alert_event (alert_id, run_id, event, at, period_start, period_end, status,
                               previous_status, severity, consecutive_periods, ratio_pct,
                               gap_count, completeness_pct)
  SELECT id, p_run, 'resolve', p_now, period_start, period_end, status, NULL,
         severity, consecutive_periods, ratio_pct, gap_count, completeness_pct FROM upd;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  RETURN v_n;
END
$$;
