-- alerts/alert_items: kpi.alert_items(), a step of the alert evaluation (engine/alerts/evaluate.c).
--
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
-- The words columns at the end are for engine/common/words.h (note: the catalog's
-- note beside the plan's sentence, e.g. the correction of a typo it quotes; then, from the
-- cell of the event's period in kpi.indicator_value: a deadline window's day counted to and
-- projection, the months counted whole, the days late, the units done and assigned; assigned:
-- the province cell of a task of many units, and lagging: those of its units not done).
-- alert_match rows without an event (an Alertmanager's nightly 'firing') are
-- inhibited as the others are. A function of the
-- older result type (before them) is dropped first, once: CREATE OR REPLACE cannot
-- change the result; after that upgrade, kpi roles setup gives it its owner and
-- grants again.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_proc
              WHERE oid = pg_catalog.to_regprocedure('kpi.alert_items(jsonb, timestamptz)')
                AND NOT 'lagging' = ANY (proargnames)) THEN
    DROP FUNCTION kpi.alert_items(jsonb, timestamptz);
  END IF;
END
$$;
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
                 metric_name_vi text, metric_name_en text, due_date text, days_left integer,
                 indicator_kind text, inner_comparator text, inner_target_pct text,
                 noun_vi text, noun_en text, deadline_text_vi text, deadline_text_en text,
                 due_day date, short_name_vi text, short_name_en text, note text,
                 counted_to date, projected_pct numeric, needed_per_month bigint,
                 months_from date, months_to date, late_days integer, numerator bigint,
                 denominator bigint, assigned text, lagging text)
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
                    WHERE inh.receiver = m.receiver AND inh.alert_id = m.alert_id
                      AND inh.event_id IS NOT DISTINCT FROM m.event_id)
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
  ind AS (SELECT DISTINCT ON (plan_id, id) * FROM kpi.indicator  -- per plan (issue 18)
           WHERE effective_from <= p_now::date ORDER BY plan_id, id, effective_from DESC)
  SELECT rows.receiver, rows.role, rows.parent_id, a.id, rows.event_id, x.event,
         a.period_kind, x.period_start, x.period_end, x.status, x.previous_status,
         x.severity, x.consecutive_periods, x.ratio_pct, x.gap_count,
         x.completeness_pct, a.fingerprint, a.alertname, a.indicator_id,
         a.unit_code, u.name, a.state,
         to_char(a.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
         coalesce(to_char(a.resolved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                  '0001-01-01T00:00:00Z'),
         a.first_period, coalesce(i.name_vi, rm.name_vi), coalesce(i.name_en, rm.name_en),
         i.plan_ref, i.target_text_vi,
         coalesce(i.comparator, a.comparator),
         trim_scale(coalesce(i.target_pct, a.target_pct))::text,
         array_to_string(coalesce(i.lead_units, a.lead_units), '; '),
         array_to_string(i.support_units, '; '), mn.name_vi, mn.name_en,
         to_char(i.due_date, 'DD/MM/YYYY'), i.due_date - p_now::date,
         i.kind, i.inner_comparator, trim_scale(i.inner_target_pct)::text,
         CASE WHEN i.kind = 'share' THEN i.facility_noun_vi ELSE mn.noun_vi END,
         CASE WHEN i.kind = 'share' THEN i.facility_noun_en ELSE mn.noun_en END,
         i.deadline_text_vi, i.deadline_text_en, i.due_date, i.short_name_vi, i.short_name_en,
         i.note, cv.counted_to, cv.projected_pct, cv.needed_per_month, cv.months_from,
         cv.months_to, cv.late_days, cv.numerator, cv.denominator,
         CASE WHEN i.assigned_to <> 'province' AND u.kind = 'province' THEN i.assigned_to END,
         CASE WHEN i.assigned_to <> 'province' AND u.kind = 'province' THEN
           (SELECT string_agg(coalesce(lu.name, q.unit_code), ', '
                              ORDER BY lu.name COLLATE "vi-VN-x-icu", q.unit_code)
              FROM kpi.indicator_value q JOIN kpi.unit lu ON lu.code = q.unit_code
             WHERE q.indicator_id = a.indicator_id AND lu.parent_code = a.unit_code
               AND q.period_kind = a.period_kind AND q.period_start = x.period_start
               AND q.period_end = x.period_end AND q.status <> 'met') END
    FROM rows JOIN kpi.alert a ON a.id = rows.alert_id
    JOIN kpi.unit u ON u.code = a.unit_code
    LEFT JOIN ind i ON i.id = a.indicator_id AND i.plan_id = a.plan_id
    LEFT JOIN kpi.metric mn ON mn.code = i.numerator_metric
    LEFT JOIN kpi.metric rm ON a.kind = 'report' AND rm.code = a.indicator_id  -- not sent
    CROSS JOIN LATERAL (SELECT e.event, e.period_start, e.period_end, e.status,
                               e.previous_status, e.severity, e.consecutive_periods,
                               e.ratio_pct, e.gap_count, e.completeness_pct
                          FROM kpi.alert_event e WHERE e.id = rows.event_id
                        UNION ALL
                        SELECT 'firing', a.last_period, a.last_period_end, a.status, NULL,
                               a.severity, a.consecutive_periods, a.ratio_pct, a.gap_count,
                               a.completeness_pct
                         WHERE rows.event_id IS NULL) x
    -- the cell of the event's period, its latest computation
    LEFT JOIN LATERAL (SELECT q.counted_to, q.projected_pct, q.needed_per_month, q.months_from,
                              q.months_to, q.late_days, q.numerator, q.denominator
                         FROM kpi.indicator_value q
                        WHERE q.indicator_id = a.indicator_id AND q.unit_code = a.unit_code
                          AND q.period_kind = a.period_kind AND q.period_start = x.period_start
                          AND q.period_end = x.period_end
                        ORDER BY q.computed_at DESC LIMIT 1) cv ON true
   ORDER BY rows.receiver, array_to_string(coalesce(i.lead_units, a.lead_units), '; '),
            a.indicator_id, a.period_kind, rows.role = 2, u.kind <> 'province', u.name COLLATE "vi-VN-x-icu",
            a.unit_code, rows.event_id;
END
$$;
