-- alerts/alert_route: kpi.alert_route(), a step of the alert evaluation (engine/alerts/evaluate.c).
--
-- kpi.alert_route: after kpi.alert_evaluate, refresh the statistics of
-- kpi.alert and kpi.alert_event (kpi.alert_analyze: the routing plans with
-- the rows this run wrote), then create the temporary tables (dropped at
-- commit, indexed and ANALYZEd) alert_match, the events of run P_RUN each
-- receiver of P_ROUTES gets (kpi.alert_route_matches), and alert_parent, the
-- firing province status alerts each receiver gets. Besides the events the
-- routes take, alert_match holds: for a route with "every_night" (an
-- Alertmanager receiver, engine/alerts/routes.c) every firing alert it takes,
-- without an event (told as 'firing': its endsAt must not run out); and for
-- every alert that resolved in this run (a resolve, or a restatement that
-- made it resolved), that event for each receiver
-- a notification told the alert (kpi.outbox_alert), whether a route still
-- takes it or not (a route removed since) and whether that notification was
-- delivered yet or not (a receiver that is down gets both, in order).
CREATE OR REPLACE FUNCTION kpi.alert_route(p_routes jsonb, p_run bigint)
  RETURNS void LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan AS $$
#variable_conflict use_column
BEGIN
  PERFORM kpi.alert_analyze();
  CREATE TEMP TABLE alert_match ON COMMIT DROP AS
  WITH r AS (SELECT value AS route FROM jsonb_array_elements(p_routes))
  SELECT DISTINCT r.route ->> 'receiver' AS receiver, e.id AS event_id, e.alert_id,
         a.indicator_id, a.period_kind, u.kind AS unit_kind, a.kind, u.parent_code
    FROM kpi.alert_event e JOIN kpi.alert a ON a.id = e.alert_id
    JOIN kpi.unit u ON u.code = a.unit_code
    JOIN r ON kpi.alert_route_matches(r.route, a.indicator_id, a.unit_code, u.kind,
              a.period_kind, a.lead_units, a.alertname, e.severity)
   WHERE e.run_id = p_run;
  INSERT INTO alert_match
  WITH r AS (SELECT value AS route FROM jsonb_array_elements(p_routes))
  SELECT DISTINCT r.route ->> 'receiver', NULL::bigint, a.id, a.indicator_id, a.period_kind,
         u.kind, a.kind, u.parent_code
    FROM kpi.alert a JOIN kpi.unit u ON u.code = a.unit_code
    JOIN r ON coalesce((r.route ->> 'every_night')::boolean, false)
          AND kpi.alert_route_matches(r.route, a.indicator_id, a.unit_code, u.kind,
                a.period_kind, a.lead_units, a.alertname, a.severity)
   WHERE a.state = 'firing'
     AND NOT EXISTS (SELECT 1 FROM alert_match m
                      WHERE m.receiver = r.route ->> 'receiver' AND m.alert_id = a.id);
  INSERT INTO alert_match
  SELECT DISTINCT o.receiver, e.id, e.alert_id, a.indicator_id, a.period_kind, u.kind, a.kind,
         u.parent_code
    FROM kpi.alert_event e JOIN kpi.alert a ON a.id = e.alert_id
    JOIN kpi.unit u ON u.code = a.unit_code
    JOIN kpi.outbox_alert oa ON oa.alert_id = e.alert_id
    JOIN kpi.outbox o ON o.id = oa.outbox_id
   WHERE e.run_id = p_run AND a.state = 'resolved' AND e.event IN ('resolve', 'restate')
     AND NOT EXISTS (SELECT 1 FROM alert_match m
                      WHERE m.receiver = o.receiver AND m.event_id = e.id);
  CREATE TEMP TABLE alert_parent ON COMMIT DROP AS
  WITH r AS (SELECT value AS route FROM jsonb_array_elements(p_routes))
  SELECT DISTINCT r.route ->> 'receiver' AS receiver, a.id AS alert_id, a.indicator_id,
         a.period_kind, a.unit_code AS province
    FROM kpi.alert a JOIN kpi.unit u ON u.code = a.unit_code AND u.kind = 'province'
    JOIN r ON kpi.alert_route_matches(r.route, a.indicator_id, a.unit_code, u.kind,
              a.period_kind, a.lead_units, a.alertname, a.severity)
   WHERE a.state = 'firing' AND a.kind = 'status';
  CREATE INDEX ON alert_match (alert_id);
  ANALYZE alert_match, alert_parent;
END
$$;
