-- catalog/indicator_current_ids: kpi.indicator_current_ids(), the ids of the catalog in force.

-- The item ids of every plan of the catalog (rows whose file is still in it, in_catalog):
-- each is computed on the periods its plan judges (kpi.indicator_at), a closed plan's too,
-- so that a late correction to its periods is applied under it.
CREATE OR REPLACE FUNCTION kpi.indicator_current_ids() RETURNS SETOF text
LANGUAGE sql STABLE AS $$
  SELECT DISTINCT i.id FROM kpi.indicator i WHERE i.in_catalog
$$;
