-- catalog/indicator_at: kpi.indicator_at(), the catalog row that judges a period.

-- The catalog row of item p_id for a period ending on p_day: a row of the plan in force on
-- that day (kpi.plan_at), or one outside plans (plan_id ''); when no plan is in force, the
-- row of the plan nearest to the day (the latest that ended before it, else the earliest),
-- which makes the period's cell no_target (kpi.compute_cells: its plan is not in force).
-- Within a plan, the version whose effective_from is on or before the day. None: a plan
-- is in force that lacks the item (a closed plan's target is never judged on a later period).
CREATE OR REPLACE FUNCTION kpi.indicator_at(p_id text, p_day date) RETURNS SETOF kpi.indicator
LANGUAGE sql STABLE STRICT AS $$
  SELECT i.* FROM kpi.indicator i
    LEFT JOIN kpi.plan p ON p.id = i.plan_id
   WHERE i.id = p_id AND i.in_catalog AND i.effective_from <= p_day
     AND (i.plan_id = '' OR i.plan_id = kpi.plan_at(p_day)
          OR (kpi.plan_at(p_day) IS NULL AND p.in_catalog))
   ORDER BY i.plan_id = '', -- a plan's row before one outside plans
            CASE WHEN p.valid_to < p_day THEN p_day - p.valid_to ELSE p.valid_from - p_day END,
            i.effective_from DESC
   LIMIT 1
$$;

-- The row of item p_id of plan p_plan for a period ending on p_day (history: a closed plan's
-- cells are explained by its own row, kept after its file left the catalog).
CREATE OR REPLACE FUNCTION kpi.indicator_at(p_plan text, p_id text, p_day date)
RETURNS SETOF kpi.indicator
LANGUAGE sql STABLE STRICT AS $$
  SELECT * FROM kpi.indicator
   WHERE plan_id = p_plan AND id = p_id
   ORDER BY effective_from <= p_day DESC, effective_from DESC
   LIMIT 1
$$;
