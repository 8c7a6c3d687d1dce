-- catalog/catalog_at: kpi.catalog_at(), the catalog as it judged a period (the report's).

-- One row per item id: of the plan p_plan when given (kpi report --plan), else of the plan
-- judging a period that ends on p_day (kpi.plan_judging: in force then, else the nearest),
-- and the items outside plans (plan_id ''); each the version whose effective_from is the
-- latest on or before the day.
CREATE OR REPLACE FUNCTION kpi.catalog_at(p_day date, p_plan text) RETURNS SETOF kpi.indicator
LANGUAGE sql STABLE AS $$
  SELECT DISTINCT ON (i.id) i.* FROM kpi.indicator i
   WHERE i.effective_from <= p_day
     AND (i.plan_id = '' OR i.plan_id = coalesce(p_plan, kpi.plan_judging(p_day)))
   ORDER BY i.id, i.plan_id = '', i.effective_from DESC
$$;
