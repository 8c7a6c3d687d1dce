-- alerts/alert_cells: kpi.alert_cells(), a step of the alert evaluation (engine/alerts/evaluate.c).
--
-- kpi.alert_cells: create the temporary table alert_cell (dropped at commit)
-- from kpi.indicator_value: the judged cells of the period kinds of
-- P_ROUTES (the normalised routes, engine/alerts/routes.c), at P_NOW, with
-- its class (bad, good, quiet, missing, superseded) under the completeness floor
-- P_FLOOR (a percentage) and the at-risk horizon P_HORIZON_DAYS, and whether
-- its target is aspirational ("phấn đấu": kpi.alert_wants caps it); then
-- ANALYZE it. Which keys (indicator, unit, period kind; every cell of a key
-- read is read) -- recorded in the run P_RUN (compute_upto, inputs_digest):
-- every key (always when P_RUN is NULL), unless the last evaluation recorded had the same routes,
-- settings (and arguments), catalog and units and an instant not later than P_NOW, and no
-- catalog row took effect since: then only the keys of a routed period kind
-- with a cell stored by a compute run after the one it read
-- (kpi.indicator_value_change, the keys each run wrote; computed_at is no watermark: a run
-- that started before an evaluation may commit after it, and compute runs are serialised,
-- so their ids commit in order) or at risk of a target whose due date came within the
-- horizon since the last evaluation (the class of a cell at risk moves then, and only then), and
-- the keys of firing alerts (reminders, escalations, resolves). The other keys' cells are
-- those the last evaluation classed, and their alerts are as it left them.
-- Fails when alert_cell (or alert_ind, alert_key) exists already in this transaction.
-- The figure the plan judges (issue 17), as the report and kpi show judge it: a ratio or
-- share target due on a date is judged on its deadline cell once that window has started
-- (routes of months get the kind 'deadline' too, engine/alerts/routes.c); its month cells are
-- then classed 'superseded' (kpi.alert_wants resolves a month alert still firing).
DROP FUNCTION IF EXISTS kpi.alert_cells(jsonb, timestamptz, numeric, integer);
CREATE OR REPLACE FUNCTION kpi.alert_cells(p_routes jsonb, p_now timestamptz, p_floor numeric,
                                           p_horizon_days integer, p_run bigint DEFAULT NULL)
  RETURNS void LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan AS $$
#variable_conflict use_column
DECLARE
  v_upto bigint;
  v_digest text;
  v_cur kpi.alert_run;
  v_prev kpi.alert_run;
  v_some boolean;
BEGIN
  SELECT max(r.id) INTO v_upto FROM kpi.compute_run r WHERE r.finished_at IS NOT NULL;
  v_digest := md5(concat_ws(E'\f', p_routes::text, p_floor::text, p_horizon_days::text) || E'\f'
                  || coalesce((SELECT string_agg(i::text, E'\n' ORDER BY i.id, i.effective_from)
                              FROM kpi.indicator i), '') || E'\f'
                  || coalesce((SELECT string_agg(concat_ws(',', u.code, u.kind, u.parent_code),
                                                 E'\n' ORDER BY u.code)
                                 FROM kpi.unit u), ''));
  UPDATE kpi.alert_run r SET compute_upto = v_upto, inputs_digest = v_digest
   WHERE r.id = p_run RETURNING * INTO v_cur;
  SELECT * INTO v_prev FROM kpi.alert_run r
   WHERE r.id < p_run AND r.compute_upto IS NOT NULL ORDER BY r.id DESC LIMIT 1;
  v_some := v_prev.id IS NOT NULL AND v_cur.id IS NOT NULL
    AND v_prev.routes_sha256 = v_cur.routes_sha256
    AND v_prev.settings - 'routes_file' - 'dry_run' = v_cur.settings - 'routes_file' - 'dry_run'
    AND v_prev.inputs_digest = v_digest AND v_prev.evaluated_at <= p_now
    AND NOT EXISTS (SELECT 1 FROM kpi.indicator i
                     WHERE i.effective_from > v_prev.evaluated_at::date
                       AND i.effective_from <= p_now::date);
  -- the catalog rows in force at P_NOW, one per plan and item, with the series of each (the
  -- alert key across plans, issue 18): what classes the cells, and which targets' cells at
  -- risk changed class
  CREATE TEMP TABLE alert_ind ON COMMIT DROP AS
  SELECT DISTINCT ON (plan_id, id) plan_id, id, due_date, lead_units, aspirational, kind,
         kpi.series_key(plan_id, id, series) AS series FROM kpi.indicator
   WHERE effective_from <= p_now::date ORDER BY plan_id, id, effective_from DESC;
  ANALYZE alert_ind;
  CREATE TEMP TABLE alert_key (indicator_id text, unit_code text, period_kind text)
    ON COMMIT DROP;
  IF v_some THEN
    -- (of the routed period kinds only, the only cells read: a national night's
    -- other kinds were two thirds of its 390,164 keys, each an index scan)
    INSERT INTO alert_key
    WITH kinds AS (SELECT DISTINCT jsonb_array_elements_text(r.value -> 'period_kinds') AS k
                     FROM jsonb_array_elements(p_routes) AS r),
    -- the targets whose cells at risk changed class since the last evaluation: their due
    -- date came within the horizon (bad from then on, quiet before); the same catalog
    -- rows were in force then (v_some)
    crossed AS (SELECT i.plan_id, i.id FROM alert_ind i
                 WHERE i.due_date - p_now::date <= p_horizon_days
                   AND i.due_date - v_prev.evaluated_at::date > p_horizon_days)
    -- the keys with a cell stored by a later compute run, from its log (a range of the log's
    -- key; the stored cells were scanned for run_id, 3.2 s of a night with twelve national
    -- months)
    SELECT c.indicator_id, u.unit_code, c.period_kind
      FROM kpi.indicator_value_change c CROSS JOIN LATERAL unnest(c.unit_codes) AS u(unit_code)
     WHERE c.run_id > v_prev.compute_upto AND c.period_kind IN (SELECT k FROM kinds)
    UNION
    -- the keys with a cell at risk of those targets (every cell at risk was read every night,
    -- though its class moves only on the day its due date comes within the horizon)
    SELECT v.indicator_id, v.unit_code, v.period_kind
      FROM kpi.indicator_value v JOIN crossed x ON x.id = v.indicator_id AND x.plan_id = v.plan_id
     WHERE v.status = 'at_risk' AND v.period_kind IN (SELECT k FROM kinds)
    UNION
    SELECT a.indicator_id, a.unit_code, a.period_kind FROM kpi.alert a WHERE a.state = 'firing';
    ANALYZE alert_key;
  END IF;
  CREATE TEMP TABLE alert_cell ON COMMIT DROP AS
  WITH r AS (SELECT value AS route FROM jsonb_array_elements(p_routes)),
  kinds AS (SELECT DISTINCT jsonb_array_elements_text(route -> 'period_kinds') AS k FROM r),
  -- the row of the plan that judged each cell (its plan_id: the plan in force on the
  -- period's last day, issue 18) and its series, the alert key across plans
  ind AS (SELECT * FROM alert_ind),
  -- the targets judged on a deadline window that has started, per unit (materialised and
  -- joined by hash: inlined into an EXISTS per cell, it was an index scan of every stored
  -- cell of the key per month cell, growing with the history: minutes on twelve national
  -- months)
  dl AS MATERIALIZED (
         SELECT DISTINCT d.plan_id, d.indicator_id, d.unit_code FROM kpi.indicator_value d
           JOIN ind i ON i.id = d.indicator_id AND i.plan_id = d.plan_id AND i.kind <> 'task'
                     AND d.period_end = i.due_date
          WHERE d.period_kind = 'deadline' AND d.period_start <= p_now::date
            AND EXISTS (SELECT 1 FROM kinds WHERE k = 'deadline')),
  -- the cells read: every one, or those of the keys of alert_key, joined (a key list
  -- under an OR is a sub-plan per cell, hashed only while it fits work_mem: beyond,
  -- a national night's 240,242 keys were scanned once per stored cell: over 13 minutes,
  -- 4.3 s joined);
  -- v_some is a constant of the (custom) plan, so one branch is planned away
  src AS (SELECT v.* FROM kpi.indicator_value v WHERE NOT v_some
          UNION ALL
          SELECT v.* FROM kpi.indicator_value v
            JOIN alert_key k ON k.indicator_id = v.indicator_id AND k.unit_code = v.unit_code
                            AND k.period_kind = v.period_kind
           WHERE v_some),
  v AS (SELECT DISTINCT ON (v.indicator_id, v.unit_code, v.period_kind, v.period_start)
               v.plan_id, v.indicator_id, v.unit_code, v.period_kind, v.period_start, v.period_end,
               v.numerator, v.denominator, v.ratio_pct, v.comparator, v.target_pct,
               v.status, v.gap_count, v.completeness_pct, u.kind AS unit_kind,
               v.suspect
          FROM src v JOIN kpi.unit u ON u.code = v.unit_code
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
  mg AS (SELECT i.plan_id, i.id AS indicator_id, k.k AS period_kind, mk.unit_kind,
                coalesce(mk.code, '') AS code,
                (SELECT max((r.route ->> 'resolve_margin_pct')::numeric) FROM r
                  WHERE kpi.alert_route_matches(r.route, i.id, mk.code, mk.unit_kind, k.k,
                                                i.lead_units, NULL, NULL)) AS margin
           FROM ind i CROSS JOIN kinds k CROSS JOIN mk)
  SELECT v.*, i.lead_units, i.due_date, mg.margin, i.aspirational, i.series,
    CASE WHEN v.period_kind = 'month' AND dl.unit_code IS NOT NULL
         THEN 'superseded'
         WHEN v.unit_kind = 'province' AND coalesce(v.completeness_pct, 100) < p_floor
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
    FROM v JOIN ind i ON i.id = v.indicator_id AND i.plan_id = v.plan_id
    LEFT JOIN listed l ON l.code = v.unit_code
    LEFT JOIN dl ON dl.plan_id = v.plan_id AND dl.indicator_id = v.indicator_id
                AND dl.unit_code = v.unit_code
    LEFT JOIN mg ON mg.plan_id = v.plan_id AND mg.indicator_id = v.indicator_id
     AND mg.period_kind = v.period_kind
     AND mg.unit_kind = v.unit_kind AND mg.code = coalesce(l.code, '');
  ANALYZE alert_cell (indicator_id, unit_code, period_kind, period_start);
END
$$;
