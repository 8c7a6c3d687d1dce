-- alerts/alert_update_firing: kpi.alert_update_firing(), a step of the alert evaluation (engine/alerts/evaluate.c).
--
-- kpi.alert_update_firing: bring every firing alert that alert_want wants
-- firing up to its latest cell; one that rose in severity or changed its
-- name gets an 'escalate' event of run P_RUN, else one last told at least
-- P_REPEAT_DAYS before P_NOW a 'reminder' (both: last_notified_at = P_NOW).
-- Returns how many events.
CREATE OR REPLACE FUNCTION kpi.alert_update_firing(p_run bigint, p_now timestamptz,
                                                   p_repeat_days integer)
  RETURNS bigint LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan AS $$
#variable_conflict use_column
DECLARE
  v_n bigint;
BEGIN
  WITH upd AS (UPDATE kpi.alert a
                  SET alertname = w.alertname, severity = w.severity,
                      first_period = w.first_period, last_period = w.period_start,
                      last_period_end = w.period_end, consecutive_periods = w.n,
                      status = w.status, ratio_pct = w.ratio_pct, target_pct = w.target_pct,
                      comparator = w.comparator, gap_count = w.gap_count,
                      completeness_pct = w.completeness_pct, lead_units = w.lead_units,
                      plan_id = coalesce(w.plan_id, ''), indicator_id = w.indicator_id,
                      last_notified_at =
                        CASE WHEN (array_position(ARRAY['warning', 'critical'], w.severity)
                                     > array_position(ARRAY['warning', 'critical'], o.severity)
                                   OR w.alertname <> o.alertname)
                               OR p_now >= o.last_notified_at
                                           + make_interval(days => p_repeat_days)
                             THEN p_now ELSE o.last_notified_at END
                 FROM alert_want w, kpi.alert o
                WHERE w.want = 'firing' AND a.fingerprint = w.fingerprint
                  AND a.state = 'firing' AND o.id = a.id
               RETURNING a.id, a.severity, a.consecutive_periods, w.period_start,
                         w.period_end, w.status, w.ratio_pct, w.gap_count,
                         w.completeness_pct,
                         CASE WHEN (array_position(ARRAY['warning', 'critical'], w.severity)
                                      > array_position(ARRAY['warning', 'critical'], o.severity)
                                    OR w.alertname <> o.alertname) THEN 'escalate'
                              WHEN p_now >= o.last_notified_at
                                            + make_interval(days => p_repeat_days)
                              THEN 'reminder' END AS event)
  INSERT INTO kpi.alert_event (alert_id, run_id, event, at, period_start, period_end, status,
                               previous_status, severity, consecutive_periods, ratio_pct,
                               gap_count, completeness_pct)
  SELECT id, p_run, event, p_now, period_start, period_end, status, NULL, severity,
         consecutive_periods, ratio_pct, gap_count, completeness_pct
    FROM upd WHERE event IS NOT NULL;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  RETURN v_n;
END
$$;
