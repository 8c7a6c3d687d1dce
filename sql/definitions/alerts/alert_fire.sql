-- alerts/alert_fire: kpi.alert_fire(), a step of the alert evaluation (engine/alerts/evaluate.c).
--
-- kpi.alert_fire: open at P_NOW an alert for every key alert_want wants
-- firing that has no firing alert, each with a 'fire' event of run P_RUN,
-- and `NOTIFY kpi_alert, 'ID'` for each (sent at commit). Returns how many.
-- PostgreSQL lets anyone who can connect NOTIFY any channel: the payload is a
-- hint, and a listener looks the id up in kpi.alert (with its 'fire' event)
-- and ignores one that names no alert (docs/security.md).
CREATE OR REPLACE FUNCTION kpi.alert_fire(p_run bigint, p_now timestamptz)
  RETURNS bigint LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan AS $$
#variable_conflict use_column
DECLARE
  v_n bigint;
BEGIN
  WITH ins AS (INSERT INTO kpi.alert (fingerprint, kind, alertname, indicator_id, unit_code,
                 period_kind, state, severity, first_period, last_period, last_period_end,
                 consecutive_periods, status, ratio_pct, target_pct, comparator, gap_count,
                 completeness_pct, lead_units, opened_at, last_notified_at, plan_id)
               SELECT w.fingerprint, w.kind, w.alertname, w.indicator_id, w.unit_code,
                      w.period_kind, 'firing', w.severity, w.first_period, w.period_start,
                      w.period_end, w.n, w.status, w.ratio_pct, w.target_pct, w.comparator,
                      w.gap_count, w.completeness_pct, w.lead_units, p_now, p_now,
                      coalesce(w.plan_id, '')
                 FROM alert_want w
                WHERE w.want = 'firing' AND NOT EXISTS (SELECT 1 FROM kpi.alert a
                       WHERE a.fingerprint = w.fingerprint AND a.state = 'firing')
               RETURNING *),
  ev AS (INSERT INTO kpi.alert_event (alert_id, run_id, event, at, period_start, period_end,
                                      status, previous_status, severity, consecutive_periods,
                                      ratio_pct, gap_count, completeness_pct)
         SELECT id, p_run, 'fire', p_now, last_period, last_period_end, status, NULL,
                severity, consecutive_periods, ratio_pct, gap_count, completeness_pct
           FROM ins)
  SELECT count(pg_catalog.pg_notify('kpi_alert', id::text)) INTO v_n FROM ins;
  RETURN v_n;
END
$$;
