-- analyst/unit_alert: the view kpi.unit_alert, the alerts of the units the
-- reader sees.

-- Every alert, firing or resolved, with the events that told it (fire,
-- reminder, escalate, resolve, restate) as a JSON array. kpi.alert holds the
-- row-level policy of every per-unit table, so a scoped analyst sees the
-- alerts of its own units only.
CREATE OR REPLACE VIEW kpi.unit_alert AS
SELECT a.id AS alert_id, a.alertname, a.kind, a.indicator_id, a.unit_code, a.period_kind,
       a.state, a.severity, a.status, a.first_period, a.last_period, a.last_period_end,
       a.consecutive_periods, a.ratio_pct, a.target_pct, a.comparator, a.gap_count,
       a.completeness_pct, a.opened_at, a.resolved_at,
       (SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                 'event', e.event, 'at', e.at, 'period_start', e.period_start,
                 'period_end', e.period_end, 'status', e.status, 'severity', e.severity)
                 ORDER BY e.at, e.id)
          FROM kpi.alert_event e WHERE e.alert_id = a.id) AS events,
       a.plan_id -- the plan whose target the last cell was judged on (issue 18)
  FROM kpi.alert a;
COMMENT ON VIEW kpi.unit_alert IS
  'the alerts of the units the reader sees, with their events';
