-- alerts/alert_cells: kpi.alert_cells(), a step of the alert evaluation (engine/alerts/evaluate.c).
--
-- kpi.alert_cells: create the temporary table alert_cell (dropped at commit)
-- from kpi.indicator_value: every judged cell of the period kinds of
-- P_ROUTES (the normalised routes, engine/alerts/routes.c), at P_NOW, with
-- its class (bad, good, quiet, missing, superseded) under the completeness floor
-- P_FLOOR (a percentage) and the at-risk horizon P_HORIZON_DAYS, and whether
-- its target is aspirational ("phấn đấu": kpi.alert_wants caps it); then
-- ANALYZE it. Fails when alert_cell exists already in this transaction.
-- The figure the plan judges (issue 17), as the report and kpi show judge it: a ratio or
-- share target due on a date is judged on its deadline cell once that window has started
-- (routes of months get the kind 'deadline' too, engine/alerts/routes.c); its month cells are
-- then classed 'superseded' (kpi.alert_wants resolves a month alert still firing).
CREATE OR REPLACE FUNCTION kpi.alert_cells(p_routes jsonb, p_now timestamptz, p_floor numeric,
                                           p_horizon_days integer)
  RETURNS void LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan AS $$
#variable_conflict use_column
BEGIN
  CREATE TEMP TABLE alert_cell ON COMMIT DROP AS
  WITH r AS (SELECT value AS route FROM jsonb_array_elements(p_routes)),
  kinds AS (SELECT DISTINCT jsonb_array_elements_text(route -> 'period_kinds') AS k FROM r),
  ind AS (SELECT DISTINCT ON (id) id, due_date, lead_units, aspirational, kind FROM kpi.indicator
           WHERE effective_from <= p_now::date ORDER BY id, effective_from DESC),
  -- the targets judged on a deadline window that has started, per unit
  dl AS (SELECT DISTINCT d.indicator_id, d.unit_code FROM kpi.indicator_value d
           JOIN ind i ON i.id = d.indicator_id AND i.kind <> 'task' AND d.period_end = i.due_date
          WHERE d.period_kind = 'deadline' AND d.period_start <= p_now::date
            AND EXISTS (SELECT 1 FROM kinds WHERE k = 'deadline')),
  v AS (SELECT DISTINCT ON (v.indicator_id, v.unit_code, v.period_kind, v.period_start)
               v.indicator_id, v.unit_code, v.period_kind, v.period_start, v.period_end,
               v.numerator, v.denominator, v.ratio_pct, v.comparator, v.target_pct,
               v.status, v.gap_count, v.completeness_pct, u.kind AS unit_kind,
               v.suspect
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
  SELECT v.*, i.lead_units, i.due_date, mg.margin, i.aspirational,
    CASE WHEN v.period_kind = 'month' AND EXISTS (SELECT 1 FROM dl
                WHERE dl.indicator_id = v.indicator_id AND dl.unit_code = v.unit_code)
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
    FROM v JOIN ind i ON i.id = v.indicator_id
    LEFT JOIN listed l ON l.code = v.unit_code
    LEFT JOIN mg ON mg.indicator_id = v.indicator_id AND mg.period_kind = v.period_kind
     AND mg.unit_kind = v.unit_kind AND mg.code = coalesce(l.code, '');
  ANALYZE alert_cell (indicator_id, unit_code, period_kind, period_start);
END
$$;
