-- catalog/indicator_at: kpi.indicator_at(), the catalog row that judges a period.

-- The catalog row of item p_id for a period ending on p_day: a row of the plan in force on
-- that day (kpi.plan_at), else of the plan nearest to it (kpi.plan_judging: the period's
-- cell is then no_target, kpi.compute_cells), else one outside plans (plan_id ''); within
-- it the version whose effective_from is the latest on or before the day. None: the plan
-- lacks the item (a closed plan's target is never judged on a later period).
CREATE OR REPLACE FUNCTION kpi.indicator_at(p_id text, p_day date) RETURNS SETOF kpi.indicator
LANGUAGE sql STABLE STRICT AS $$
  SELECT i.* FROM kpi.indicator i
   WHERE i.id = p_id AND i.in_catalog AND i.effective_from <= p_day
     AND (i.plan_id = '' OR i.plan_id = kpi.plan_judging(p_day))
   ORDER BY i.plan_id = '', i.effective_from DESC -- a plan's row before one outside plans
   LIMIT 1
$$;
