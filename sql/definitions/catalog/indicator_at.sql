-- catalog/indicator_at: kpi.indicator_at(), the catalog row in force for a period.

-- The catalog row of an indicator that applies to a period starting on p_start.
CREATE OR REPLACE FUNCTION kpi.indicator_at(p_id text, p_start date) RETURNS SETOF kpi.indicator
LANGUAGE sql STABLE STRICT AS $$
  SELECT * FROM kpi.indicator
   WHERE id = p_id AND effective_from <= p_start
   ORDER BY effective_from DESC LIMIT 1
$$;

