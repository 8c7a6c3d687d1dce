-- compute/compute: kpi.compute(), the computation of the indicator cells
-- (`kpi compute`, engine/compute/compute.c): a driver calling the nine steps,
-- one function each, in the files beside this one.

-- kpi.compute: compute (p_full) every cell, or only those whose inputs
-- changed, for the periods ending in the months p_from..p_to (NULL: the
-- months holding data; the first run of a database is always full).
-- Returns the run id, its counts, range and mode. One transaction; callers
-- serialise runs (engine/compute/compute.c takes an advisory lock). Each step
-- leaves its results in temp tables (ON COMMIT DROP) that the next steps read:
--   1. kpi.compute_unit_tree   t_unit        the unit tree
--   2. kpi.compute_time_layer  kpi.metric_half (and t_day, t_add, t_key): the
--                              counts per half month, brought up to date
--   3. kpi.compute_range       t_period      the months of the run, their periods
--   4. kpi.compute_scope       t_cell_scope  the cells to recompute; on the way the
--                              implausible values of the months the changes reach
--                              (kpi.quality_months, kpi.quality_findings), whose
--                              changes reach more cells
--   5. kpi.compute_own_values  t_own         each unit's own values
--      kpi.compute_deadline_values            (and the days of a deadline
--                                             window's last half)
--   6. kpi.compute_rollup      t_v           the values rolled up the tree
--   7. kpi.compute_findings    kpi.data_quality_finding: own totals unlike their
--                              children's sum
--   8. kpi.compute_cells       t_new         the cells, judged, with their reasons
--  8b. kpi.compute_population  t_new         monitored series, the units a task is
--                              assigned to, completeness over who reports
--      kpi.compute_deadline                   (deadline cells projected to their
--                                             due date; month totals marked)
--      kpi.quality_suspect     t_new.suspect computed from an implausible value
--   9. kpi.compute_store       kpi.indicator_value (and its history)
CREATE OR REPLACE FUNCTION kpi.compute(p_from date, p_to date, p_full boolean,
                                       OUT run_id bigint, OUT cells_in_scope bigint,
                                       OUT cells_changed bigint, OUT findings bigint,
                                       OUT from_month date, OUT to_month date, OUT mode text)
LANGUAGE plpgsql
SET jit = off            -- compiling these large plans costs seconds and saves nothing
SET work_mem = '256MB'   -- hash aggregates in memory: a batch job, one at a time
SET enable_nestloop = on -- restored on exit; the steps from the roll-up on turn it off
SET enable_sort = on     -- restored on exit; the time layer turns it off
AS $$
#variable_conflict use_column
DECLARE
  v_run bigint;
  v_first boolean;
  v_from date;
  v_to date;
  v_cells bigint;
  v_changed bigint;
  v_findings bigint;
BEGIN
  -- the first computation of a database is a full one
  v_first := NOT EXISTS (SELECT 1 FROM kpi.compute_run WHERE finished_at IS NOT NULL);
  p_full := p_full OR v_first;
  -- the catalog it computes with: its items, metrics, their quality settings (a change
  -- judges every month again) and plans (kpi.compute_scope and
  -- kpi.compute_store compare it with the last runs')
  INSERT INTO kpi.compute_run (mode, catalog_digest)
  VALUES (CASE WHEN p_full THEN 'full' ELSE 'incremental' END,
          md5(coalesce((SELECT string_agg(i::text, E'\n' ORDER BY i.id, i.effective_from)
                          FROM kpi.indicator i), '') || E'\f'
              || coalesce((SELECT string_agg(m::text, E'\n' ORDER BY m.code) FROM kpi.metric m),
                          '') || E'\f'
              || coalesce((SELECT string_agg(q::text, E'\n' ORDER BY q.code)
                             FROM kpi.metric_quality q), '') || E'\f'
              || coalesce((SELECT string_agg(p::text, E'\n' ORDER BY p.id) FROM kpi.plan p),
                          '')))
  RETURNING id INTO v_run;

  PERFORM kpi.compute_unit_tree();
  PERFORM kpi.compute_time_layer(v_run, p_from, p_to, p_full, v_first);
  SELECT r.from_month, r.to_month INTO v_from, v_to FROM kpi.compute_range(v_run, p_from, p_to) r;
  PERFORM kpi.compute_scope(v_run, v_from, v_to, p_full);
  PERFORM kpi.compute_own_values();
  PERFORM kpi.compute_deadline_values();
  PERFORM kpi.compute_rollup();
  v_findings := kpi.compute_findings(v_run);
  v_cells := kpi.compute_cells();
  v_cells := v_cells + kpi.compute_population();
  PERFORM kpi.compute_deadline();
  PERFORM kpi.quality_suspect();
  v_changed := kpi.compute_store(v_run);

  UPDATE kpi.compute_run
     SET finished_at = clock_timestamp(), cells_in_scope = v_cells, cells_changed = v_changed,
         findings = v_findings
   WHERE id = v_run;
  run_id := v_run;
  cells_in_scope := v_cells;
  cells_changed := v_changed;
  findings := v_findings;
  mode := CASE WHEN p_full THEN 'full' ELSE 'incremental' END;
  from_month := v_from;
  to_month := v_to;
END $$;
COMMENT ON FUNCTION kpi.compute(date, date, boolean) IS
  'compute the indicator cells of the periods ending in p_from..p_to: all (p_full) or those '
  'whose inputs changed; the steps are kpi.compute_unit_tree .. kpi.compute_store';
