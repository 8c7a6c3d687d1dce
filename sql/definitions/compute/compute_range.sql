-- compute/compute_range: kpi.compute_range(), step 3 of kpi.compute:
-- the months of the run and their periods (temp table t_period).

-- The months asked for, else the months holding data (or pending changes);
-- recorded in the run. t_period: every period ending in them
-- (kpi.period_windows), counted to their end (and the reporting windows of
-- the next month, when the last month holds month totals that belong to
-- them: metric month_in_report_month); and the deadline window of
-- every due date of a ratio or share target (period kind 'deadline', 1
-- January of the due date's year, or its plan's valid_from when later, to the
-- due date inclusive; a due date outside its plan's days is not judged), whatever the
-- months of the run, once it has started: counted_to is the last day
-- holding counts (the last day of a month-level row's month), or the due
-- date once that has passed.
CREATE OR REPLACE FUNCTION kpi.compute_range(p_run bigint, p_from date, p_to date,
                                             OUT from_month date, OUT to_month date)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_from date;
  v_to date;
  v_asof date;
  v_next date;
BEGIN
  v_from := date_trunc('month', coalesce(p_from,
              (SELECT min(half) FROM kpi.metric_half),
              (SELECT min(month) FROM kpi.compute_dirty WHERE run_id IS NULL)));
  v_to := date_trunc('month', coalesce(p_to,
              (SELECT max(half) FROM kpi.metric_half),
              (SELECT max(month) FROM kpi.compute_dirty WHERE run_id IS NULL)));
  UPDATE kpi.compute_run SET from_month = v_from, to_month = v_to WHERE id = p_run;

  CREATE TEMP TABLE t_period ON COMMIT DROP AS
  SELECT w.*, w.period_end AS counted_to
    FROM kpi.period_windows(v_from, v_to) w WHERE v_from IS NOT NULL AND v_to IS NOT NULL;
  -- a month total of a metric month_in_report_month in the last month
  -- belongs to the next month's reporting windows: those are computed too
  IF p_to IS NULL AND EXISTS (SELECT 1 FROM kpi.metric_half h
                                JOIN kpi.metric m ON m.code = h.metric
                               WHERE h.half = v_to AND h.has_month AND m.month_in_report_month)
  THEN
    v_next := (v_to + interval '1 month')::date;
    INSERT INTO t_period
    SELECT w.*, w.period_end FROM kpi.period_windows(v_next, v_next) w
     WHERE w.period_kind LIKE 'report\_%';
  END IF;
  SELECT max(CASE WHEN h.has_month THEN (h.half + interval '1 month - 1 day')::date
                  ELSE h.last_day END)
    INTO v_asof FROM kpi.metric_half h;
  INSERT INTO t_period
  SELECT 'deadline', w.start, w.due_date, to_char(w.due_date, 'YYYY-MM-DD'), false,
         least(w.due_date, v_asof)
    FROM (SELECT i.due_date,
                 max(greatest(date_trunc('year', i.due_date)::date,
                              coalesce(p.valid_from, '-infinity'))) AS start
            FROM kpi.indicator i
            LEFT JOIN kpi.plan p ON p.id = i.plan_id
           WHERE i.in_catalog AND i.due_date IS NOT NULL AND i.kind <> 'task'
             AND (i.plan_id = '' OR i.due_date BETWEEN p.valid_from AND p.valid_to)
           GROUP BY i.due_date) w
   WHERE w.start <= v_asof;
  from_month := v_from;
  to_month := v_to;
END $$;
