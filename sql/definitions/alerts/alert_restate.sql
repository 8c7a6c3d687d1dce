-- alerts/alert_restate: kpi.alert_restate(), a step of the alert evaluation (engine/alerts/evaluate.c).
--
-- kpi.alert_restate: for every judged period already told (the latest event
-- of a status alert for that period) whose cell in alert_cell has since
-- flipped sides (breach or at_risk against met or on_track), a 'restate'
-- event of run P_RUN at P_NOW (not a deadline window: it grows, it is not revised). Returns
-- how many.
CREATE OR REPLACE FUNCTION kpi.alert_restate(p_run bigint, p_now timestamptz)
  RETURNS bigint LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan AS $$
#variable_conflict use_column
DECLARE
  v_n bigint;
BEGIN
  WITH told AS (SELECT DISTINCT ON (a.indicator_id, a.unit_code, a.period_kind,
                                    e.period_start)
                       e.alert_id, a.indicator_id, a.unit_code, a.period_kind,
                       e.period_start, e.status
                  FROM kpi.alert_event e JOIN kpi.alert a ON a.id = e.alert_id
                 WHERE a.kind = 'status'
                 ORDER BY a.indicator_id, a.unit_code, a.period_kind, e.period_start,
                          e.id DESC)
  INSERT INTO kpi.alert_event (alert_id, run_id, event, at, period_start, period_end, status,
                               previous_status, severity, consecutive_periods, ratio_pct,
                               gap_count, completeness_pct)
  SELECT a.id, p_run, 'restate', p_now, c.period_start, c.period_end, c.status,
         told.status, a.severity, a.consecutive_periods, c.ratio_pct, c.gap_count,
         c.completeness_pct
    FROM told JOIN kpi.alert a ON a.id = told.alert_id
    JOIN alert_cell c ON c.indicator_id = told.indicator_id AND c.unit_code = told.unit_code
     AND c.period_kind = told.period_kind AND c.period_start = told.period_start
   WHERE (told.status IN ('breach', 'at_risk')) <> (c.status IN ('breach', 'at_risk'))
     -- a deadline window grows night after night: its new status is news, not a revision;
     -- a month superseded by its deadline window is no longer told
     AND c.period_kind <> 'deadline' AND c.class <> 'superseded';
  GET DIAGNOSTICS v_n = ROW_COUNT;
  RETURN v_n;
END
$$;
