-- security/rls_sees_all: kpi.rls_sees_all(), whether a role sees every row.

-- Whether WHO sees every row: not an analyst, or also a writer or the owner,
-- or a superuser or BYPASSRLS role. It reads only pg_roles and role
-- membership, which every role may read anyway: invoker rights, granted to
-- the roles whose queries evaluate the row-level policies (`kpi roles setup`).
-- Every relation and function schema-qualified, search_path pinned with pg_temp
-- last (PostgreSQL never searches pg_temp for functions and operators): a
-- caller's temporary view named pg_roles is never read.
CREATE OR REPLACE FUNCTION kpi.rls_sees_all(who name) RETURNS boolean
  LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                      WHERE r.rolname = 'kpi_analyst'
                        AND pg_catalog.pg_has_role($1, r.oid, 'USAGE'))
      OR EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                  WHERE r.rolname = ANY (ARRAY['kpi_writer', 'kpi_owner']::name[])
                    AND pg_catalog.pg_has_role($1, r.oid, 'USAGE'))
      OR EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                  WHERE r.rolname = $1 AND (r.rolsuper OR r.rolbypassrls))
$$;
REVOKE ALL ON FUNCTION kpi.rls_sees_all(name) FROM PUBLIC;
