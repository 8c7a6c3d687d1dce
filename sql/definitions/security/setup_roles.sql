-- security/setup_roles: kpi.setup_roles() (`kpi roles setup`): the group roles,
-- the owner of everything in schema kpi, the grants, and the row-level
-- security policy unit_scope of every table holding per-unit rows.
--
-- Least privilege (docs/operators.md, "Roles and row-level security"). The group roles are
-- cluster-wide; this function creates them and applies the grants and
-- policies; it is safe to run again, and must run again after `kpi migrate`
-- adds objects, or re-creates one (sql/README.md).
--   kpi_owner   owns schema kpi and everything in it (migrations, DDL)
--   kpi_writer  the nightly run: SELECT, INSERT, UPDATE on every table, no DDL
--   kpi_analyst SELECT on the views of schema kpi only, rows scoped below
-- Row-level security (FORCE, so that it binds the owner too, and so the views
-- owned by kpi_owner) on every table of schema kpi with a unit_code column: a
-- member of kpi_analyst that is neither writer nor owner sees only the units
-- kpi.analyst_scope grants to one of its roles.
--
-- Relations with an internal or automatic dependency on another (owned
-- sequences and the like) follow their owner; only whole-object dependencies
-- count (objsubid 0): a partitioned table's key column depends internally on
-- its own table, and kpi.observation would keep its old owner.

CREATE OR REPLACE FUNCTION kpi.setup_roles() RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  g text;
  o record;
BEGIN
  FOREACH g IN ARRAY ARRAY['kpi_owner', 'kpi_writer', 'kpi_analyst'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN', g);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
      END;
    END IF;
  END LOOP;

  -- the owner: schema kpi, its relations (owned sequences follow their table), its functions
  EXECUTE 'ALTER SCHEMA kpi OWNER TO kpi_owner';
  FOR o IN SELECT c.oid::regclass AS rel, c.relkind FROM pg_class c
             JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'kpi' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                 AND d.objid = c.oid AND d.objsubid = 0
                                 AND d.deptype IN ('a', 'i'))
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO kpi_owner',
                   CASE o.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                  WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE'
                                  ELSE 'TABLE' END, o.rel);
  END LOOP;
  FOR o IN SELECT p.oid::regprocedure AS fn FROM pg_proc p
             JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'kpi'
  LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO kpi_owner', o.fn);
  END LOOP;
  REVOKE EXECUTE ON FUNCTION kpi.setup_roles(), kpi.grant_role(text, text) FROM PUBLIC;

  -- the writer: data, no DDL (it owns nothing and may not create in schema kpi)
  GRANT USAGE ON SCHEMA kpi TO kpi_writer, kpi_analyst;
  GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA kpi TO kpi_writer;
  GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA kpi TO kpi_writer;

  -- the analyst: the views, nothing else
  REVOKE ALL ON ALL TABLES IN SCHEMA kpi FROM kpi_analyst;
  FOR o IN SELECT c.oid::regclass AS rel FROM pg_class c
             JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'kpi' AND c.relkind IN ('v', 'm')
  LOOP
    EXECUTE format('GRANT SELECT ON %s TO kpi_analyst', o.rel);
  END LOOP;

  -- row-level security on every table holding per-unit rows
  FOR o IN SELECT c.oid::regclass AS rel FROM pg_class c
             JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'kpi' AND c.relkind IN ('r', 'p')
              AND c.relname <> 'analyst_scope'
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                             AND a.attname = 'unit_code' AND NOT a.attisdropped)
  LOOP
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', o.rel);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', o.rel);
    EXECUTE format('DROP POLICY IF EXISTS unit_scope ON %s', o.rel);
    -- the sub-select is computed once per statement: writers pay nothing per row
    EXECUTE format('CREATE POLICY unit_scope ON %s USING ((SELECT kpi.rls_sees_all(current_user))'
                   ' OR kpi.rls_unit_visible(unit_code, current_user))', o.rel);
  END LOOP;
END
$$;

