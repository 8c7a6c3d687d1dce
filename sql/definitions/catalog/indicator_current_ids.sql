-- catalog/indicator_current_ids: kpi.indicator_current_ids(), the ids of the catalog in force.

-- The ids of the catalog in force: those of the catalog version loaded last
-- (rows that left the catalog keep an older version), or every id when no
-- catalog load is recorded (rows inserted by hand).
CREATE OR REPLACE FUNCTION kpi.indicator_current_ids() RETURNS SETOF text
LANGUAGE sql STABLE AS $$
  SELECT DISTINCT i.id FROM kpi.indicator i
   WHERE NOT EXISTS (SELECT 1 FROM kpi.catalog_load)
      OR i.catalog_version = (SELECT catalog_version FROM kpi.catalog_load
                               ORDER BY loaded_at DESC LIMIT 1)
$$;

