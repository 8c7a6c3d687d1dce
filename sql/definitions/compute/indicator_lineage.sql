-- compute/indicator_lineage: kpi.indicator_lineage(), the counts one cell was
-- computed from.

-- The current counts one cell was computed from: for each side, the
-- observations of the cell's unit and of the units under it inside the
-- window (and month-level rows of a month the window cuts), with the file
-- and line they came from. counted = false for rows the computation set
-- aside (a month-level row of a cut month; days under a month-level row; a
-- unit's children when it reported its own total; earlier values of a stock).
-- Of the units the caller sees only: nothing when the cell's unit is not in
-- its scope, and of the units under it only those in its scope (a
-- kpi.observation_history of the same scope shows the same rows).
-- SECURITY DEFINER (it reads kpi.indicator_value, kpi.observation and
-- kpi.submission, which analysts may not read), so it applies the analysts'
-- scope itself to the session's login, as kpi.indicator_series_asof does.
-- Relations and functions schema-qualified, search_path pinned; executable
-- by kpi_analyst and kpi_writer (`kpi roles setup`), never by PUBLIC.
CREATE OR REPLACE FUNCTION kpi.indicator_lineage(p_indicator text, p_unit text, p_period_kind text,
                                      p_period_label text)
RETURNS TABLE (side text, metric text, unit_code text, period_start date, grain text,
               value bigint, counted boolean, file_name text, line_no bigint,
               submission_id bigint, received_at timestamptz)
LANGUAGE sql STABLE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  WITH sees_all AS (SELECT kpi.rls_sees_all(session_user) AS yes),
  cell AS (
    SELECT v.*, COALESCE(cat.status_metric, cat.numerator_metric) AS numerator_metric,
           cat.denominator_metric, cat.kind, cat.facility_kind
      FROM kpi.indicator_value v
      CROSS JOIN LATERAL kpi.indicator_of(v.plan_id, v.indicator_id, v.period_end) cat
     WHERE v.indicator_id = p_indicator AND v.unit_code = p_unit
       AND v.period_kind = p_period_kind AND v.period_label = p_period_label
       AND ((SELECT yes FROM sees_all) OR kpi.rls_unit_visible(v.unit_code, session_user))
  ),
  units AS (
    SELECT u.code, 0 AS depth, u.parent_code FROM kpi.unit u WHERE u.code = p_unit
    UNION ALL
    SELECT c.code, 1, c.parent_code FROM kpi.unit c WHERE c.parent_code = p_unit
    UNION ALL
    SELECT g.code, 2, g.parent_code FROM kpi.unit c JOIN kpi.unit g ON g.parent_code = c.code
     WHERE c.parent_code = p_unit
  ),
  obs AS (   -- driven by the cell's units, so each look-up uses the primary key
    SELECT s.side, o.*, un.depth, un.parent_code, m.temporal, c.kind,
           o.period_start >= c.period_start
             AND (o.grain = 'day'
                  OR (o.period_start + interval '1 month - 1 day')::date <= c.period_end)
             AS in_window
      FROM cell c
      CROSS JOIN LATERAL (VALUES ('numerator', c.numerator_metric),
                                 ('denominator', c.denominator_metric)) AS s(side, metric)
      JOIN kpi.metric m ON m.code = s.metric
      CROSS JOIN units un
      JOIN kpi.observation o
        ON o.metric = s.metric AND o.unit_code = un.code
       AND o.period_start BETWEEN pg_catalog.date_trunc('month', c.period_start) AND c.period_end
       AND (o.grain = 'month' OR o.period_start >= c.period_start)
  ),
  parents AS (SELECT DISTINCT side, unit_code FROM obs WHERE depth = 1),
  marked AS (
    SELECT o.*,
           -- a day under a month-level row of the same unit and month
           o.grain = 'day'
             AND pg_catalog.bool_or(o.grain = 'month')
                   OVER (PARTITION BY o.side, o.unit_code, pg_catalog.date_trunc('month', o.period_start))
             AS under_month,
           -- a unit above it (inside the cell) reported its own total (ratio cells;
           -- a share judges every facility on its own)
           o.kind <> 'share'
             AND ((o.depth > 0 AND pg_catalog.bool_or(o.depth = 0) OVER (PARTITION BY o.side))
                  OR (o.depth = 2 AND p.unit_code IS NOT NULL)) AS under_own,
           pg_catalog.row_number() OVER (PARTITION BY o.side, o.unit_code, o.in_window
                              ORDER BY pg_catalog.date_trunc('month', o.period_start) DESC,
                                       o.grain = 'month' DESC, o.period_start DESC) AS recency
      FROM obs o
      LEFT JOIN parents p ON p.side = o.side AND p.unit_code = o.parent_code
  )
  SELECT k.side, k.metric, k.unit_code, k.period_start, k.grain, k.value,
         k.in_window AND NOT k.under_own AND NOT k.under_month
           AND (k.temporal = 'flow' OR k.recency = 1),
         sb.file_name, k.line_no, k.submission_id, sb.received_at
    FROM marked k
    LEFT JOIN kpi.submission sb ON sb.id = k.submission_id
   WHERE (SELECT yes FROM sees_all) OR kpi.rls_unit_visible(k.unit_code, session_user)
   ORDER BY k.side DESC, k.metric, k.unit_code, k.period_start, k.grain
$$;
COMMENT ON FUNCTION kpi.indicator_lineage(text, text, text, text) IS
  'the observations (file, line, value) one cell was computed from; counted = used in the sum';
REVOKE ALL ON FUNCTION kpi.indicator_lineage(text, text, text, text) FROM PUBLIC;
