-- alerts/alert_wants: kpi.alert_wants(), a step of the alert evaluation (engine/alerts/evaluate.c).
--
-- kpi.alert_wants: create the temporary table alert_want (dropped at commit)
-- from alert_cell: per key and kind ('status', 'data') the latest cell, the
-- run of consecutive periods like it (n, first_period), the alert name, the
-- state it wants ('firing' or 'resolved') and its severity ('critical' from
-- P_ESCALATE_AFTER periods on, or a deadline window's final breach, unless the target is
-- aspirational); a suspect cell's status key is named KpiDataSuspect; a key whose cells are
-- superseded (a month of a target judged on its deadline window, kpi.alert_cells) wants
-- resolved; then ANALYZE it.
CREATE OR REPLACE FUNCTION kpi.alert_wants(p_escalate_after integer)
  RETURNS void LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan AS $$
#variable_conflict use_column
BEGIN
  CREATE TEMP TABLE alert_want ON COMMIT DROP AS
  WITH t AS (SELECT c.*, row_number() OVER w AS rn, first_value(c.class) OVER w AS l_class,
                    first_value(c.status) OVER w AS l_status
               FROM alert_cell c
             WINDOW w AS (PARTITION BY c.series, c.unit_code, c.period_kind
                          ORDER BY c.period_start DESC)),
  -- broken: this period or a later one differs from the latest; the run is
  -- the periods before the first break, all in the one sort of t
  b AS (SELECT t.*, bool_or(t.class <> t.l_class
                            OR (t.class <> 'missing' AND t.status <> t.l_status))
                      OVER (PARTITION BY t.series, t.unit_code, t.period_kind
                            ORDER BY t.period_start DESC ROWS UNBOUNDED PRECEDING) AS broken
          FROM t),
  latest AS (SELECT * FROM (SELECT b.*, count(*) FILTER (WHERE NOT b.broken) OVER k AS n,
                                   min(b.period_start) FILTER (WHERE NOT b.broken) OVER k
                                     AS first_period
                              FROM b WINDOW k AS (PARTITION BY b.series, b.unit_code,
                                                               b.period_kind)) x
              WHERE x.rn = 1)
  -- the key is the series (issue 18): an item continued across plans keeps its alert
  SELECT kpi.alert_fingerprint(k.kind, l.series, l.unit_code, l.period_kind)
           AS fingerprint, k.kind, l.*,
         CASE WHEN k.kind = 'data' THEN 'KpiDataMissing'
              WHEN l.suspect THEN 'KpiDataSuspect'
              WHEN l.status = 'at_risk' THEN 'KpiAtRisk' ELSE 'KpiBreach' END AS alertname,
         -- a suspect cell (computed from an implausible value) neither resolves a firing
         -- alert nor fires a leaders' one: it is told as KpiDataSuspect until confirmed
         CASE WHEN (k.kind = 'status' AND l.class = 'bad')
                OR (k.kind = 'data' AND l.class = 'missing')
                OR (k.kind = 'status' AND l.suspect AND l.class = 'good'
                    AND EXISTS (SELECT 1 FROM kpi.alert a
                                 WHERE a.fingerprint = kpi.alert_fingerprint(k.kind,
                                         l.series, l.unit_code, l.period_kind)
                                   AND a.state = 'firing'))
              THEN 'firing' ELSE 'resolved' END AS want,
         -- an aspirational target ("phấn đấu", issue 17) is at most a warning
         -- a deadline window breached is the plan's final verdict: critical at once
         CASE WHEN (l.n >= p_escalate_after OR (l.period_kind = 'deadline'
                                                AND l.status = 'breach'))
                   AND NOT l.aspirational THEN 'critical'
              ELSE 'warning' END AS severity
    FROM latest l CROSS JOIN (VALUES ('status'), ('data')) AS k(kind)
   WHERE k.kind = 'data' OR l.class IN ('bad', 'good', 'superseded');
  ANALYZE alert_want (fingerprint, want);
END
$$;
