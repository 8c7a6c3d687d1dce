-- catalog/plan_at: kpi.plan_at(), the plan in force on a day (issue 18).

-- The plan in force on p_day (kpi.plan, loaded from indicators/<id>/plan.json, still in the
-- catalog): the one rule of which plan judges a period, applied to the period's last day in
-- compute, kpi show, the report and alerts. NULL when no plan is in force that day (the
-- period is not judged: status no_target). Plans do not overlap (kpi catalog check); were
-- two in force, the later-starting one would win.
CREATE OR REPLACE FUNCTION kpi.plan_at(p_day date) RETURNS text
LANGUAGE sql STABLE STRICT AS $$
  SELECT id FROM kpi.plan
   WHERE in_catalog AND p_day BETWEEN valid_from AND valid_to
   ORDER BY valid_from DESC LIMIT 1
$$;
