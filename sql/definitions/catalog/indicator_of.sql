-- catalog/indicator_of: kpi.indicator_of(), the row of a plan's item that judged a cell.

-- The row of item p_id of plan p_plan for a period ending on p_day (a cell explained by the
-- row of the plan that judged it, kept after its file left the catalog); a cell of a plan
-- without that row (written by hand, plan_id '') gets the row judging the day.
-- The view kpi.indicator_series writes the same choice out (analysts may not run this
-- function on kpi.indicator): change both together.
CREATE OR REPLACE FUNCTION kpi.indicator_of(p_plan text, p_id text, p_day date)
RETURNS SETOF kpi.indicator
LANGUAGE sql STABLE STRICT AS $$
  SELECT * FROM kpi.indicator
   WHERE id = p_id
   ORDER BY plan_id = p_plan DESC, plan_id IS NOT DISTINCT FROM kpi.plan_judging(p_day) DESC,
            effective_from <= p_day DESC, effective_from DESC
   LIMIT 1
$$;
