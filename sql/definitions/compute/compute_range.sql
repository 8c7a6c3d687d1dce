-- compute/compute_range: kpi.compute_range(), step 3 of kpi.compute:
-- the months of the run and their periods (temp table t_period).

-- The months asked for, else the months holding data (or pending changes);
-- recorded in the run. t_period: every period ending in them
-- (kpi.period_windows).
CREATE OR REPLACE FUNCTION kpi.compute_range(p_run bigint, p_from date, p_to date,
                                             OUT from_month date, OUT to_month date)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_from date;
  v_to date;
BEGIN
  v_from := date_trunc('month', coalesce(p_from,
              (SELECT min(half) FROM kpi.metric_half),
              (SELECT min(month) FROM kpi.compute_dirty WHERE run_id IS NULL)));
  v_to := date_trunc('month', coalesce(p_to,
              (SELECT max(half) FROM kpi.metric_half),
              (SELECT max(month) FROM kpi.compute_dirty WHERE run_id IS NULL)));
  UPDATE kpi.compute_run SET from_month = v_from, to_month = v_to WHERE id = p_run;

  CREATE TEMP TABLE t_period ON COMMIT DROP AS
  SELECT * FROM kpi.period_windows(v_from, v_to) WHERE v_from IS NOT NULL AND v_to IS NOT NULL;
  from_month := v_from;
  to_month := v_to;
END $$;
