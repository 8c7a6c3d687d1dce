-- quality/expected_submission: the view kpi.expected_submission, who was to send
-- which metric for which period, and whether it came (indicators/schedule.json,
-- kpi.submission_schedule).

-- One row per schedule, sending unit, metric and period whose due time has passed:
-- the last `lookback` periods of each schedule (days, or months), from its `since`
-- on. A unit sends a schedule's metrics (or, when it lists none, the metrics whose
-- reported_by names the unit's kind). A period is received when a count of it came
-- by its due time (the first version's valid_from, kpi.observation_history: a day
-- counts a daily period; a day or the month-level count a monthly one, and the
-- month-level count a daily one of its month), late when it came after, missing
-- when none came. "Now" is the setting kpi.now when set (the alert evaluation sets it
-- to its instant, --now in tests), else now(). lead_units: the schedule's, else the
-- lead units of the indicators using the metric. Row-level scope as the analysts'
-- views: a scoped analyst sees its own units only. On the map of the time
-- (kpi.unit_dated, issue 19): a period is expected of the units valid on its first
-- day, the old communes until 30/6/2025 (a thị trấn sends as a xã), the new ones
-- from 1/7/2025; a code of two meanings is expected once per period, named as then.
CREATE OR REPLACE VIEW kpi.expected_submission WITH (security_barrier) AS
WITH clock AS (
  SELECT coalesce(nullif(pg_catalog.current_setting('kpi.now', true), '')::timestamptz,
                  pg_catalog.now()) AS now
),
periods AS (   -- each schedule's due periods, the latest first
  SELECT s.name, s.cadence, p.period_start, p.period_end, p.due_at,
         row_number() OVER (PARTITION BY s.name ORDER BY p.period_start DESC) AS rn, s.lookback
    FROM kpi.submission_schedule s CROSS JOIN clock c
    CROSS JOIN LATERAL (
      SELECT g::date AS period_start,
             CASE WHEN s.cadence = 'daily' THEN g::date
                  ELSE (g + interval '1 month - 1 day')::date END AS period_end
        FROM pg_catalog.generate_series(
               CASE WHEN s.cadence = 'daily'
                    THEN (c.now AT TIME ZONE s.time_zone)::date - (s.lookback + 63)
                    ELSE date_trunc('month', (c.now AT TIME ZONE s.time_zone)::date)
                         - make_interval(months => s.lookback + 3) END,
               (c.now AT TIME ZONE s.time_zone)::date,
               CASE WHEN s.cadence = 'daily' THEN interval '1 day'
                    ELSE interval '1 month' END) AS g) d
    CROSS JOIN LATERAL (SELECT d.period_start, d.period_end,
                               (d.period_end::timestamp + s.due_after) AT TIME ZONE s.time_zone
                                 AS due_at) p
   WHERE p.due_at <= c.now AND p.period_start >= s.since
),
expected AS (
  SELECT s.name AS schedule, s.sender_vi, u.code AS unit_code, u.name AS unit_name,
         u.kind AS unit_kind, u.valid_from, u.valid_to, m.code AS metric,
         m.name_vi AS metric_name_vi, s.cadence,
         coalesce(s.lead_units,
                  (SELECT coalesce(array_agg(DISTINCT l ORDER BY l), '{}')
                     FROM kpi.indicator i CROSS JOIN LATERAL unnest(i.lead_units) l
                    WHERE m.code IN (i.numerator_metric, i.denominator_metric,
                                     i.status_metric))) AS lead_units
    FROM kpi.submission_schedule s
    JOIN kpi.unit_dated u ON u.kind = ANY (s.unit_kinds) OR u.code = ANY (s.unit_codes)
                          OR (u.kind = 'thi_tran' AND 'xa' = ANY (s.unit_kinds))
    JOIN kpi.metric m ON CASE WHEN s.metrics IS NOT NULL THEN m.code = ANY (s.metrics)
                              ELSE m.reported_by @> ARRAY[CASE WHEN u.kind = 'thi_tran'
                                                               THEN 'xa' ELSE u.kind END] END
   WHERE (SELECT kpi.rls_sees_all(current_user)) OR kpi.rls_unit_visible(u.code, current_user)
)
SELECT e.schedule, e.sender_vi, e.unit_code, e.unit_name, e.unit_kind, e.metric,
       e.metric_name_vi, e.cadence, p.period_start, p.period_end, p.due_at, r.received_at,
       CASE WHEN r.received_at IS NULL THEN 'missing'
            WHEN r.received_at <= p.due_at THEN 'received'
            ELSE 'late' END AS status,
       e.lead_units
  FROM expected e
  JOIN periods p ON p.name = e.schedule AND p.rn <= p.lookback
                AND p.period_start BETWEEN e.valid_from AND e.valid_to
  CROSS JOIN LATERAL (
    SELECT min(h.valid_from) AS received_at
      FROM kpi.observation_history h
     WHERE h.metric = e.metric AND h.unit_code = e.unit_code
       AND ((h.grain = 'day' AND h.period_start BETWEEN p.period_start AND p.period_end)
            OR (h.grain = 'month'
                AND h.period_start = date_trunc('month', p.period_start)::date))) r;
COMMENT ON VIEW kpi.expected_submission IS
  'per schedule (indicators/schedule.json), unit, metric and due period: received (by its due '
  'time), late or missing; the units the reader sees';
