-- security/rls_sees_all: kpi.rls_sees_all(), whether a role sees every row.

-- Whether WHO sees every row: not an analyst, or also a writer or the owner.
CREATE OR REPLACE FUNCTION kpi.rls_sees_all(who name) RETURNS boolean
  LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = 'kpi_analyst'
                        AND pg_has_role($1, r.oid, 'USAGE'))
      OR EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname IN ('kpi_writer', 'kpi_owner')
                    AND pg_has_role($1, r.oid, 'USAGE'))
      OR EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = $1 AND (r.rolsuper OR r.rolbypassrls))
$$;

