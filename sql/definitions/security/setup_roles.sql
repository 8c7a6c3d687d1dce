-- security/setup_roles: kpi.setup_roles() (`kpi roles setup`): the group roles,
-- the owner of everything in schema kpi, the grants, and the row-level
-- security policy unit_scope of every table holding per-unit rows.
--
-- Least privilege (docs/operators.md, "Roles and row-level security"). The group roles are
-- cluster-wide; this function creates them and applies the grants and
-- policies; it is safe to run again. What a later `kpi migrate` creates is
-- the writer's at once (default privileges, at the end); run it again after
-- a migration for the owner and analysts' grants of new objects (sql/README.md).
--   kpi_owner   owns schema kpi and everything in it (migrations, DDL)
--   kpi_writer  the nightly run: SELECT, INSERT, UPDATE on every table, no DDL
--   kpi_analyst SELECT on the views of schema kpi only, rows scoped below, and
--               EXECUTE on the functions meant for analysts (and those the
--               views and policies call); no TEMP on the database, no CREATE
--               anywhere
-- Functions: no function of schema kpi is executable by PUBLIC; kpi_writer
-- may execute every one but setup_roles and grant_role; kpi_analyst only the
-- list below. The database's owner, when it is no superuser, becomes a
-- member of kpi_owner (it keeps migrating the schema it no longer owns).
-- Everything schema-qualified, search_path pinned with pg_temp last
-- (docs/security.md).
-- Row-level security (FORCE, so that it binds the owner too, and so the views
-- owned by kpi_owner) on every table of schema kpi with a unit_code column (or a
-- unit_id, the number of kpi.unit_key: kpi.observation_data): a
-- member of kpi_analyst that is neither writer nor owner sees only the units
-- kpi.analyst_scope grants to one of its roles.
--
-- Relations with an internal or automatic dependency on another (owned
-- sequences and the like) follow their owner; only whole-object dependencies
-- count (objsubid 0): a partitioned table's key column depends internally on
-- its own table, and kpi.observation would keep its old owner. Partitions
-- (kpi.observation_default, the months kpi ingest attached) depend on their
-- parent automatically, and get kpi_owner too.

CREATE OR REPLACE FUNCTION kpi.setup_roles() RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  g text;
  o record;
  dba name;
  analyst_functions CONSTANT text[] := ARRAY[
    'kpi.rls_sees_all(name)', 'kpi.rls_unit_visible(text, name)',      -- the policies, views
    'kpi.indicator_sort_key(text)',                                     -- kpi.indicator_series
    'kpi.series_key(text, text, text)',
    'kpi.indicator_series_asof(timestamptz)',
    'kpi.indicator_lineage(text, text, text, text)'];
BEGIN
  FOREACH g IN ARRAY ARRAY['kpi_owner', 'kpi_writer', 'kpi_analyst'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = g) THEN
      BEGIN
        EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', g);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
      END;
    END IF;
  END LOOP;

  -- the owner: schema kpi, its relations (owned sequences follow their table), its functions
  EXECUTE 'ALTER SCHEMA kpi OWNER TO kpi_owner';
  FOR o IN SELECT c.oid::regclass AS rel, c.relkind FROM pg_catalog.pg_class c
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'kpi' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
              AND (c.relispartition -- a partition depends on its parent, but has its own owner
                   OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                               WHERE d.classid = 'pg_catalog.pg_class'::regclass
                                 AND d.objid = c.oid AND d.objsubid = 0
                                 AND d.deptype IN ('a', 'i')))
  LOOP
    EXECUTE pg_catalog.format('ALTER %s %s OWNER TO kpi_owner',
                   CASE o.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                  WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE'
                                  ELSE 'TABLE' END, o.rel);
  END LOOP;
  FOR o IN SELECT p.oid::regprocedure AS fn FROM pg_catalog.pg_proc p
             JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'kpi'
  LOOP
    EXECUTE pg_catalog.format('ALTER ROUTINE %s OWNER TO kpi_owner', o.fn);
  END LOOP;
  -- the database's owner keeps its schema: a plain owner role becomes a member of kpi_owner
  SELECT r.rolname INTO dba FROM pg_catalog.pg_database d
    JOIN pg_catalog.pg_roles r ON r.oid = d.datdba
   WHERE d.datname = pg_catalog.current_database() AND NOT r.rolsuper;
  IF dba IS NOT NULL AND dba <> 'kpi_owner' THEN
    EXECUTE pg_catalog.format('GRANT kpi_owner TO %I', dba);
  END IF;

  -- functions: none for PUBLIC; the writer every one but these two; the analyst its list
  REVOKE ALL ON ALL FUNCTIONS IN SCHEMA kpi FROM PUBLIC;
  REVOKE ALL ON ALL FUNCTIONS IN SCHEMA kpi FROM kpi_writer, kpi_analyst;
  GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA kpi TO kpi_writer;
  REVOKE EXECUTE ON FUNCTION kpi.setup_roles(), kpi.grant_role(text, text) FROM kpi_writer;
  FOREACH g IN ARRAY analyst_functions LOOP
    EXECUTE pg_catalog.format('GRANT EXECUTE ON FUNCTION %s TO kpi_analyst',
                              g::regprocedure);
  END LOOP;

  -- the writer: data, no DDL (it owns nothing and may not create in schema kpi)
  GRANT USAGE ON SCHEMA kpi TO kpi_writer, kpi_analyst;
  REVOKE CREATE ON SCHEMA kpi FROM PUBLIC, kpi_writer, kpi_analyst;
  GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA kpi TO kpi_writer;
  GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA kpi TO kpi_writer;

  -- the analyst: the views, nothing else (but kpi.observation, which stands for the table
  -- it was: analysts read the counts in kpi.observation_history)
  REVOKE ALL ON ALL TABLES IN SCHEMA kpi FROM kpi_analyst;
  REVOKE ALL ON ALL SEQUENCES IN SCHEMA kpi FROM kpi_analyst;
  FOR o IN SELECT c.oid::regclass AS rel FROM pg_catalog.pg_class c
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'kpi' AND c.relkind IN ('v', 'm') AND c.relname <> 'observation'
  LOOP
    EXECUTE pg_catalog.format('GRANT SELECT ON %s TO kpi_analyst', o.rel);
  END LOOP;

  -- temporary tables (the ingest's slow path, the alert evaluation) for the writer and the
  -- owner only; nobody creates in schema public; analysts create nothing anywhere
  EXECUTE pg_catalog.format('REVOKE TEMPORARY, CREATE ON DATABASE %I FROM PUBLIC, kpi_analyst',
                            pg_catalog.current_database());
  EXECUTE pg_catalog.format('GRANT TEMPORARY ON DATABASE %I TO kpi_writer, kpi_owner',
                            pg_catalog.current_database());
  IF pg_catalog.to_regnamespace('public') IS NOT NULL THEN
    REVOKE CREATE ON SCHEMA public FROM PUBLIC, kpi_analyst;
  END IF;

  -- row-level security on every table holding per-unit rows, by code (unit_code) or by
  -- number (unit_id, kpi.unit_key's: kpi.observation_data)
  FOR o IN SELECT c.oid::regclass AS rel,
                  CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                                     WHERE a.attrelid = c.oid AND a.attname = 'unit_code'
                                       AND NOT a.attisdropped)
                       THEN 'unit_code'
                       ELSE '(SELECT k.code FROM kpi.unit_key k WHERE k.id = unit_id)' END AS unit
             FROM pg_catalog.pg_class c
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'kpi' AND c.relkind IN ('r', 'p')
              AND c.relname <> 'analyst_scope'
              AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid
                             AND a.attname IN ('unit_code', 'unit_id') AND NOT a.attisdropped)
  LOOP
    EXECUTE pg_catalog.format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', o.rel);
    EXECUTE pg_catalog.format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', o.rel);
    EXECUTE pg_catalog.format('DROP POLICY IF EXISTS unit_scope ON %s', o.rel);
    -- the sub-select is computed once per statement: writers pay nothing per row
    EXECUTE pg_catalog.format('CREATE POLICY unit_scope ON %s USING ((SELECT kpi.rls_sees_all(current_user))'
                   ' OR kpi.rls_unit_visible(%s, current_user))', o.rel, o.unit);
  END LOOP;

  -- what a later `kpi migrate` creates (a new function or table, a definition that must be
  -- dropped and created again) is the writer's at once: default privileges in schema kpi of
  -- the roles that migrate, the database's owner and kpi_owner (never PUBLIC's: migration
  -- 014; never the analysts': their list above is explicit)
  FOR g IN SELECT r.rolname FROM pg_catalog.pg_database d
             JOIN pg_catalog.pg_roles r ON r.oid = d.datdba
            WHERE d.datname = pg_catalog.current_database()
           UNION SELECT 'kpi_owner'
  LOOP
    EXECUTE pg_catalog.format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA kpi'
                              ' GRANT EXECUTE ON FUNCTIONS TO kpi_writer', g);
    EXECUTE pg_catalog.format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA kpi'
                              ' GRANT SELECT, INSERT, UPDATE ON TABLES TO kpi_writer', g);
    EXECUTE pg_catalog.format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA kpi'
                              ' GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO kpi_writer', g);
  END LOOP;
END
$$;
REVOKE ALL ON FUNCTION kpi.setup_roles() FROM PUBLIC;
