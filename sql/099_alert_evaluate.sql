-- TEMPORARY: the coordinator moves these definitions into sql/definitions/alerts/ when merging
--
-- 099_alert_evaluate: the alert state machine and the routing of its events,
-- as the functions engine/alerts/evaluate.c calls in one transaction (they
-- were SQL in C strings). Each definition below is one object, CREATE OR
-- REPLACE, preceded by its contract, so that it can be cut into one file.
--
-- The order of a run (kpi.alert_evaluate, then kpi.alert_route, then
-- kpi.alert_items) is the one of the former statements:
--   alert_cell   (temporary) every judged cell of the routed period kinds,
--                classed bad (breach, or at_risk within the horizon), good
--                (met or on_track, clearing the hysteresis margin), quiet
--                (neither), missing (a province cell under the completeness floor);
--   alert_want   (temporary) per key, the latest judged cell, its run of
--                consecutive periods and the severity that run earns;
--   then restatements, resolves, reminders/escalations and fires, each one
--   statement writing kpi.alert and kpi.alert_event together;
--   alert_match, alert_parent (temporary) the events of the run and the
--                firing province alerts each receiver gets.
-- The temporary tables are ANALYZEd as soon as they are written (else the
-- planner guesses nested loops over them) and dropped at commit. The caller
-- sets jit off for the transaction. Every function here runs with the
-- caller's rights (kpi_writer needs nothing it did not need before) and
-- plans every statement with the values of its arguments, as the former
-- unnamed statements were (plan_cache_mode = force_custom_plan).

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

-- kpi.alert_cells: create the temporary table alert_cell (dropped at commit)
-- from kpi.indicator_value: every judged cell of the period kinds of
-- P_ROUTES (the normalised routes, engine/alerts/routes.c), at P_NOW, with
-- its class (bad, good, quiet, missing) under the completeness floor
-- P_FLOOR (a percentage) and the at-risk horizon P_HORIZON_DAYS; then
-- ANALYZE it. Fails when alert_cell exists already in this transaction.
CREATE OR REPLACE FUNCTION kpi.alert_cells(p_routes jsonb, p_now timestamptz, p_floor numeric,
                                           p_horizon_days integer)
  RETURNS void LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan AS $$
#variable_conflict use_column
BEGIN
  CREATE TEMP TABLE alert_cell ON COMMIT DROP AS
  WITH r AS (SELECT value AS route FROM jsonb_array_elements(p_routes)),
  kinds AS (SELECT DISTINCT jsonb_array_elements_text(route -> 'period_kinds') AS k FROM r),
  ind AS (SELECT DISTINCT ON (id) id, due_date, lead_units FROM kpi.indicator
           WHERE effective_from <= p_now::date ORDER BY id, effective_from DESC),
  v AS (SELECT DISTINCT ON (v.indicator_id, v.unit_code, v.period_kind, v.period_start)
               v.indicator_id, v.unit_code, v.period_kind, v.period_start, v.period_end,
               v.numerator, v.denominator, v.ratio_pct, v.comparator, v.target_pct,
               v.status, v.gap_count, v.completeness_pct, u.kind AS unit_kind
          FROM kpi.indicator_value v JOIN kpi.unit u ON u.code = v.unit_code
         WHERE v.period_kind IN (SELECT k FROM kinds)
           AND v.status IN ('met', 'breach', 'on_track', 'at_risk')
         ORDER BY v.indicator_id, v.unit_code, v.period_kind, v.period_start,
                  v.computed_at DESC),
  -- The resolve margin depends on the unit code only where a route with a
  -- margin lists codes: match once per (indicator, kind, unit kind, listed
  -- code or ''), not once per cell. An unlisted code is passed as NULL,
  -- which no route's list matches, as the real code would not.
  listed AS (SELECT DISTINCT jsonb_array_elements_text(route -> 'unit_codes') AS code
               FROM r WHERE route ? 'resolve_margin_pct'),
  mk AS (SELECT DISTINCT u.kind AS unit_kind, l.code FROM kpi.unit u
           LEFT JOIN listed l ON l.code = u.code),
  mg AS (SELECT i.id AS indicator_id, k.k AS period_kind, mk.unit_kind,
                coalesce(mk.code, '') AS code,
                (SELECT max((r.route ->> 'resolve_margin_pct')::numeric) FROM r
                  WHERE kpi.alert_route_matches(r.route, i.id, mk.code, mk.unit_kind, k.k,
                                                i.lead_units, NULL, NULL)) AS margin
           FROM ind i CROSS JOIN kinds k CROSS JOIN mk)
  SELECT v.*, i.lead_units, i.due_date, mg.margin,
    CASE WHEN v.unit_kind = 'province' AND coalesce(v.completeness_pct, 100) < p_floor
         THEN 'missing'
         WHEN v.status = 'breach' THEN 'bad'
         WHEN v.status = 'at_risk' THEN
           CASE WHEN i.due_date - p_now::date <= p_horizon_days THEN 'bad'
                ELSE 'quiet' END
         WHEN mg.margin > 0 AND NOT CASE WHEN v.comparator = '>'
                THEN v.numerator::numeric * 100 > (v.target_pct + mg.margin) * v.denominator
                ELSE v.numerator::numeric * 100 >= (v.target_pct + mg.margin) * v.denominator
              END THEN 'quiet'
         ELSE 'good' END AS class
    FROM v JOIN ind i ON i.id = v.indicator_id
    LEFT JOIN listed l ON l.code = v.unit_code
    LEFT JOIN mg ON mg.indicator_id = v.indicator_id AND mg.period_kind = v.period_kind
     AND mg.unit_kind = v.unit_kind AND mg.code = coalesce(l.code, '');
  ANALYZE alert_cell (indicator_id, unit_code, period_kind, period_start);
END
$$;

-- kpi.alert_wants: create the temporary table alert_want (dropped at commit)
-- from alert_cell: per key and kind ('status', 'data') the latest cell, the
-- run of consecutive periods like it (n, first_period), the alert name, the
-- state it wants ('firing' or 'resolved') and its severity ('critical' from
-- P_ESCALATE_AFTER periods on); then ANALYZE it.
CREATE OR REPLACE FUNCTION kpi.alert_wants(p_escalate_after integer)
  RETURNS void LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan AS $$
#variable_conflict use_column
BEGIN
  CREATE TEMP TABLE alert_want ON COMMIT DROP AS
  WITH t AS (SELECT c.*, row_number() OVER w AS rn, first_value(c.class) OVER w AS l_class,
                    first_value(c.status) OVER w AS l_status
               FROM alert_cell c
             WINDOW w AS (PARTITION BY c.indicator_id, c.unit_code, c.period_kind
                          ORDER BY c.period_start DESC)),
  -- broken: this period or a later one differs from the latest; the run is
  -- the periods before the first break, all in the one sort of t
  b AS (SELECT t.*, bool_or(t.class <> t.l_class
                            OR (t.class <> 'missing' AND t.status <> t.l_status))
                      OVER (PARTITION BY t.indicator_id, t.unit_code, t.period_kind
                            ORDER BY t.period_start DESC ROWS UNBOUNDED PRECEDING) AS broken
          FROM t),
  latest AS (SELECT * FROM (SELECT b.*, count(*) FILTER (WHERE NOT b.broken) OVER k AS n,
                                   min(b.period_start) FILTER (WHERE NOT b.broken) OVER k
                                     AS first_period
                              FROM b WINDOW k AS (PARTITION BY b.indicator_id, b.unit_code,
                                                               b.period_kind)) x
              WHERE x.rn = 1)
  SELECT kpi.alert_fingerprint(k.kind, l.indicator_id, l.unit_code, l.period_kind)
           AS fingerprint, k.kind, l.*,
         CASE WHEN k.kind = 'data' THEN 'KpiDataMissing'
              WHEN l.status = 'at_risk' THEN 'KpiAtRisk' ELSE 'KpiBreach' END AS alertname,
         CASE WHEN (k.kind = 'status' AND l.class = 'bad')
                OR (k.kind = 'data' AND l.class = 'missing')
              THEN 'firing' ELSE 'resolved' END AS want,
         CASE WHEN l.n >= p_escalate_after THEN 'critical' ELSE 'warning' END AS severity
    FROM latest l CROSS JOIN (VALUES ('status'), ('data')) AS k(kind)
   WHERE k.kind = 'data' OR l.class IN ('bad', 'good');
  ANALYZE alert_want (fingerprint, want);
END
$$;

-- kpi.alert_restate: for every judged period already told (the latest event
-- of a status alert for that period) whose cell in alert_cell has since
-- flipped sides (breach or at_risk against met or on_track), a 'restate'
-- event of run P_RUN at P_NOW. Returns how many.
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
   WHERE (told.status IN ('breach', 'at_risk')) <> (c.status IN ('breach', 'at_risk'));
  GET DIAGNOSTICS v_n = ROW_COUNT;
  RETURN v_n;
END
$$;

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

-- kpi.alert_fire: open at P_NOW an alert for every key alert_want wants
-- firing that has no firing alert, each with a 'fire' event of run P_RUN,
-- and `NOTIFY kpi_alert, 'ID'` for each (sent at commit). Returns how many.
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
                 completeness_pct, lead_units, opened_at, last_notified_at)
               SELECT w.fingerprint, w.kind, w.alertname, w.indicator_id, w.unit_code,
                      w.period_kind, 'firing', w.severity, w.first_period, w.period_start,
                      w.period_end, w.n, w.status, w.ratio_pct, w.target_pct, w.comparator,
                      w.gap_count, w.completeness_pct, w.lead_units, p_now, p_now
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
  SELECT count(pg_notify('kpi_alert', id::text)) INTO v_n FROM ins;
  RETURN v_n;
END
$$;

-- kpi.alert_evaluate: the state machine, one step after the other, for the
-- run P_RUN at P_NOW (kpi.alert_run_open) with the normalised P_ROUTES and
-- the settings of the routes file: kpi.alert_cells, kpi.alert_wants, then
-- kpi.alert_restate, kpi.alert_resolve, kpi.alert_update_firing and
-- kpi.alert_fire. Returns the events of the run counted by kind (fire,
-- reminder, escalate, resolve, restate; a kind without events is absent).
-- Leaves alert_cell and alert_want until commit. Fails when kpi.indicator_value
-- does not exist; the caller holds the alerts lock.
CREATE OR REPLACE FUNCTION kpi.alert_evaluate(p_run bigint, p_routes jsonb, p_now timestamptz,
                                              p_floor numeric, p_horizon_days integer,
                                              p_escalate_after integer, p_repeat_days integer)
  RETURNS TABLE (event text, n bigint) LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan AS $$
#variable_conflict use_column
BEGIN
  PERFORM kpi.alert_cells(p_routes, p_now, p_floor, p_horizon_days);
  PERFORM kpi.alert_wants(p_escalate_after);
  PERFORM kpi.alert_restate(p_run, p_now);
  PERFORM kpi.alert_resolve(p_run, p_now);
  PERFORM kpi.alert_update_firing(p_run, p_now, p_repeat_days);
  PERFORM kpi.alert_fire(p_run, p_now);
  RETURN QUERY SELECT e.event, count(*) FROM kpi.alert_event e WHERE e.run_id = p_run
                GROUP BY e.event;
END
$$;

-- kpi.alert_route: after kpi.alert_evaluate, refresh the statistics of
-- kpi.alert and kpi.alert_event (kpi.alert_analyze: the routing plans with
-- the rows this run wrote), then create the temporary tables (dropped at
-- commit, indexed and ANALYZEd) alert_match, the events of run P_RUN each
-- receiver of P_ROUTES gets (kpi.alert_route_matches), and alert_parent, the
-- firing province status alerts each receiver gets.
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

-- kpi.alert_items: after kpi.alert_route, the rows of the digests, one
-- receiver after the other (ordered by receiver, lead units, indicator,
-- period kind, then the province before its communes). role 0: an item of
-- the digest (an event of the run); 1: a firing province alert shown as
-- context for commune details; 2: a detail under the alert parent_id (a
-- commune alert inhibited by its firing province alert). The indicator's
-- texts are those in effect at P_NOW; event 'firing' marks a row with no
-- event of this run. ratio_pct and completeness_pct are as stored, never
-- rounded here: the texts cut them as kpi show does (engine/common/numfmt.h),
-- judged against comparator and target_pct. engine/alerts/item.h names the
-- columns in this order.
CREATE OR REPLACE FUNCTION kpi.alert_items(p_routes jsonb, p_now timestamptz)
  RETURNS TABLE (receiver text, role integer, parent_id bigint, alert_id bigint,
                 event_id bigint, event text, period_kind text, period_start date,
                 period_end date, status text, previous_status text, severity text,
                 consecutive_periods integer, ratio_pct numeric, gap_count bigint,
                 completeness_pct numeric, fingerprint text, alertname text,
                 indicator_id text, unit_code text, unit_name text, state text,
                 starts_at text, ends_at text, first_period date, name_vi text,
                 name_en text, plan_ref text, target_text_vi text, comparator text,
                 target_pct text, lead_units text, support_units text,
                 metric_name_vi text, metric_name_en text, due_date text, days_left integer)
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH r AS (SELECT value AS route FROM jsonb_array_elements(p_routes)),
  inh AS (SELECT m.receiver, m.event_id, m.alert_id, p.alert_id AS parent_id
            FROM alert_match m JOIN alert_parent p ON p.receiver = m.receiver
             AND p.indicator_id = m.indicator_id AND p.period_kind = m.period_kind
             AND p.province = m.parent_code
           WHERE m.unit_kind <> 'province' AND m.kind = 'status'),
  shown AS (SELECT p.receiver, p.alert_id, p.indicator_id, p.period_kind, p.province
              FROM alert_parent p
             WHERE EXISTS (SELECT 1 FROM inh WHERE inh.receiver = p.receiver
                             AND inh.parent_id = p.alert_id)
                OR EXISTS (SELECT 1 FROM alert_match m WHERE m.receiver = p.receiver
                             AND m.alert_id = p.alert_id)),
  -- the communes under each shown province alert, before kpi.alert is
  -- joined (its statistics may predate the alerts this run fired)
  under AS MATERIALIZED (SELECT s.receiver, s.alert_id, s.indicator_id, s.period_kind,
                                cu.code, cu.kind
                           FROM shown s JOIN kpi.unit cu ON cu.parent_code = s.province
                            AND cu.kind <> 'province'),
  rows AS (SELECT m.receiver, 0 AS role, NULL::bigint AS parent_id, m.alert_id, m.event_id
             FROM alert_match m WHERE NOT EXISTS (SELECT 1 FROM inh
                    WHERE inh.receiver = m.receiver AND inh.event_id = m.event_id)
           UNION ALL
           SELECT s.receiver, 1, NULL, s.alert_id, NULL FROM shown s
            WHERE NOT EXISTS (SELECT 1 FROM alert_match m WHERE m.receiver = s.receiver
                                AND m.alert_id = s.alert_id)
           UNION ALL
           SELECT inh.receiver, 2, inh.parent_id, inh.alert_id, inh.event_id FROM inh
           UNION ALL
           SELECT d.receiver, 2, d.alert_id, c.id, NULL
             FROM under d JOIN kpi.alert c ON c.indicator_id = d.indicator_id
              AND c.period_kind = d.period_kind AND c.unit_code = d.code
              AND c.state = 'firing' AND c.kind = 'status'
            -- not already a detail of the digest: for a commune alert under a
            -- shown parent, being in inh is being in alert_match (indexed on alert_id)
            WHERE NOT EXISTS (SELECT 1 FROM alert_match m WHERE m.receiver = d.receiver
                                AND m.alert_id = c.id)
              AND EXISTS (SELECT 1 FROM r WHERE r.route ->> 'receiver' = d.receiver
                     AND kpi.alert_route_matches(r.route, c.indicator_id, c.unit_code,
                           d.kind, c.period_kind, c.lead_units, c.alertname, c.severity))),
  ind AS (SELECT DISTINCT ON (id) * FROM kpi.indicator
           WHERE effective_from <= p_now::date ORDER BY id, effective_from DESC)
  SELECT rows.receiver, rows.role, rows.parent_id, a.id, rows.event_id, x.event,
         a.period_kind, x.period_start, x.period_end, x.status, x.previous_status,
         x.severity, x.consecutive_periods, x.ratio_pct, x.gap_count,
         x.completeness_pct, a.fingerprint, a.alertname, a.indicator_id,
         a.unit_code, u.name, a.state,
         to_char(a.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
         coalesce(to_char(a.resolved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                  '0001-01-01T00:00:00Z'),
         a.first_period, i.name_vi, i.name_en, i.plan_ref, i.target_text_vi,
         coalesce(i.comparator, a.comparator),
         trim_scale(coalesce(i.target_pct, a.target_pct))::text,
         array_to_string(coalesce(i.lead_units, a.lead_units), '; '),
         array_to_string(i.support_units, '; '), mn.name_vi, mn.name_en,
         to_char(i.due_date, 'DD/MM/YYYY'), i.due_date - p_now::date
    FROM rows JOIN kpi.alert a ON a.id = rows.alert_id
    JOIN kpi.unit u ON u.code = a.unit_code
    LEFT JOIN ind i ON i.id = a.indicator_id
    LEFT JOIN kpi.metric mn ON mn.code = i.numerator_metric
    CROSS JOIN LATERAL (SELECT e.event, e.period_start, e.period_end, e.status,
                               e.previous_status, e.severity, e.consecutive_periods,
                               e.ratio_pct, e.gap_count, e.completeness_pct
                          FROM kpi.alert_event e WHERE e.id = rows.event_id
                        UNION ALL
                        SELECT 'firing', a.last_period, a.last_period_end, a.status, NULL,
                               a.severity, a.consecutive_periods, a.ratio_pct, a.gap_count,
                               a.completeness_pct
                         WHERE rows.event_id IS NULL) x
   ORDER BY rows.receiver, array_to_string(coalesce(i.lead_units, a.lead_units), '; '),
            a.indicator_id, a.period_kind, rows.role = 2, u.kind <> 'province', u.name,
            a.unit_code, rows.event_id;
END
$$;

-- kpi.alert_outbox_store: one notification of run P_RUN for P_RECEIVER into
-- kpi.outbox (channel 'webhook' or 'email', the idempotency key, the JSON
-- payload, the subject and the plain text), and the alert events it carries
-- (P_EVENTS, duplicates counted once) into kpi.outbox_event. Returns the
-- kpi.outbox id. Fails (nothing written) on a second row of the same key.
CREATE OR REPLACE FUNCTION kpi.alert_outbox_store(p_run bigint, p_receiver text,
                                                  p_channel text, p_idempotency_key text,
                                                  p_payload jsonb, p_subject text,
                                                  p_body_text text, p_events bigint[])
  RETURNS bigint LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_id bigint;
BEGIN
  INSERT INTO kpi.outbox (run_id, receiver, channel, idempotency_key, payload, subject,
                          body_text)
  VALUES (p_run, p_receiver, p_channel, p_idempotency_key, p_payload, p_subject, p_body_text)
  RETURNING id INTO v_id;
  INSERT INTO kpi.outbox_event (outbox_id, event_id)
  SELECT DISTINCT v_id, unnest(p_events);
  RETURN v_id;
END
$$;
