-- catalog/plan_judging: kpi.plan_judging(), the plan whose items a period's cells are of.

-- The plan in force on p_day (kpi.plan_at); when none is, the plan nearest to the day (the
-- latest that ended before it, else the earliest to start after it), whose items then give
-- the period's cells, each no_target (not judged: no plan is in force). NULL without plans.
CREATE OR REPLACE FUNCTION kpi.plan_judging(p_day date) RETURNS text
LANGUAGE sql STABLE STRICT AS $$
  SELECT coalesce(kpi.plan_at(p_day),
                  (SELECT id FROM kpi.plan WHERE in_catalog
                    ORDER BY valid_to >= p_day,
                             CASE WHEN valid_to < p_day THEN p_day - valid_to
                                  ELSE valid_from - p_day END
                    LIMIT 1))
$$;
