-- alerts/alert_run_open: kpi.alert_run_open(), a step of the alert evaluation (engine/alerts/evaluate.c).
--
-- kpi.alert_run_open: record one evaluation. P_NOW NULL: now(). Returns the
-- new kpi.alert_run id and its evaluation instant as text (the session's
-- DateStyle and TimeZone), which the caller passes back as p_now.
CREATE OR REPLACE FUNCTION kpi.alert_run_open(p_now timestamptz, p_routes_sha256 text,
                                              p_settings jsonb,
                                              OUT run_id bigint, OUT evaluated_at text)
  LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
  INSERT INTO kpi.alert_run (evaluated_at, routes_sha256, settings)
  VALUES (coalesce(p_now, now()), p_routes_sha256, p_settings)
  RETURNING id, evaluated_at::text
$$;
