-- alerts/alert_report_wants: kpi.alert_report_wants(), a step of the alert
-- evaluation (kpi.alert_evaluate, after kpi.alert_wants): the KpiReportMissing
-- keys added to alert_want.

-- When a route of P_ROUTES takes KpiReportMissing (it lists it in alertnames): per
-- sending unit and metric of kpi.expected_submission at P_NOW with a missing period,
-- a key of kind 'report' (indicator_id: the metric; period_kind: 'day' or 'month')
-- wanting 'firing', its run the missing periods (first_period .. the latest, n of
-- them; 'critical' from P_ESCALATE_AFTER on), status 'missing', lead_units the
-- sender's lead units; every firing report alert no longer missing (its periods
-- arrived, or left the lookback) a key wanting 'resolved', status 'received'. The
-- steps after it (kpi.alert_resolve, kpi.alert_update_firing, kpi.alert_fire) fire,
-- remind and resolve them as any alert. Returns how many keys it added.
CREATE OR REPLACE FUNCTION kpi.alert_report_wants(p_routes jsonb, p_now timestamptz,
                                                  p_escalate_after integer)
  RETURNS bigint LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan AS $$
#variable_conflict use_column
DECLARE
  v_n bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p_routes) r
                  WHERE r.value -> 'alertnames' ? 'KpiReportMissing') THEN
    RETURN 0;
  END IF;
  PERFORM set_config('kpi.now', p_now::text, true);
  WITH missing AS (
    SELECT e.unit_code, e.metric,
           CASE WHEN e.cadence = 'daily' THEN 'day' ELSE 'month' END AS period_kind,
           min(e.period_start) AS first_period, max(e.period_start) AS period_start,
           max(e.period_end) AS period_end, count(*) AS n,
           min(e.lead_units) AS lead_units
      FROM kpi.expected_submission e
     WHERE e.status = 'missing'
     GROUP BY 1, 2, 3
  ),
  ins AS (
    INSERT INTO alert_want (fingerprint, kind, indicator_id, unit_code, period_kind,
                            period_start, period_end, status, lead_units, n, first_period,
                            alertname, want, severity)
    SELECT kpi.alert_fingerprint('report', m.metric, m.unit_code, m.period_kind), 'report',
           m.metric, m.unit_code, m.period_kind, m.period_start, m.period_end, 'missing',
           m.lead_units, m.n, m.first_period, 'KpiReportMissing', 'firing',
           CASE WHEN m.n >= p_escalate_after THEN 'critical' ELSE 'warning' END
      FROM missing m
    UNION ALL
    SELECT a.fingerprint, 'report', a.indicator_id, a.unit_code, a.period_kind,
           a.last_period, a.last_period_end, 'received', a.lead_units, a.consecutive_periods,
           a.first_period, 'KpiReportMissing', 'resolved', a.severity
      FROM kpi.alert a
     WHERE a.kind = 'report' AND a.state = 'firing'
       AND NOT EXISTS (SELECT 1 FROM missing m
                        WHERE m.metric = a.indicator_id AND m.unit_code = a.unit_code
                          AND m.period_kind = a.period_kind)
    RETURNING 1
  )
  SELECT count(*) INTO v_n FROM ins;
  ANALYZE alert_want;
  RETURN v_n;
END
$$;
