-- alerts/alert_route_matches: kpi.alert_route_matches(), whether a route of the
-- routes file takes an alert.

-- Does ROUTE (a normalised route of the routes file, see engine/routes.c)
-- match this alert? A NULL alertname or severity matches any.
CREATE OR REPLACE FUNCTION kpi.alert_route_matches(route jsonb, indicator_id text, unit_code text,
                                        unit_kind text, period_kind text,
                                        lead_units text[], alertname text, severity text)
  RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (route -> 'indicators' ? '*' OR route -> 'indicators' ? indicator_id)
     AND CASE route ->> 'units'
           WHEN 'all' THEN true
           WHEN 'province' THEN unit_kind = 'province'
           ELSE route -> 'unit_codes' ? unit_code
         END
     -- a report not sent (KpiReportMissing) is of a day or a month, whatever the route's kinds
     AND (route -> 'period_kinds' ? period_kind OR alertname = 'KpiReportMissing')
     AND (jsonb_typeof(route -> 'lead_units') IS DISTINCT FROM 'array'
          OR route -> 'lead_units' ?| lead_units)
     AND (alertname IS NULL OR route -> 'alertnames' ? alertname)
     AND (severity IS NULL
          OR array_position(ARRAY['warning', 'critical'], severity)
             >= array_position(ARRAY['warning', 'critical'], route ->> 'min_severity'))
$$;
