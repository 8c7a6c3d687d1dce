-- 008_security: least privilege and row-level security (engine/builtin/roles.c,
-- README "Roles and row-level security"). The group roles themselves are
-- cluster-wide: kpi.setup_roles() (`kpi roles setup`) creates them and applies
-- the grants and policies below; it is safe to run again, and must run again
-- after `kpi migrate` adds objects.
--   kpi_owner   owns schema kpi and everything in it (migrations, DDL)
--   kpi_writer  the nightly run: SELECT, INSERT, UPDATE on every table, no DDL
--   kpi_analyst SELECT on the views of schema kpi only, rows scoped below
-- Row-level security (FORCE, so that it binds the owner too, and so the views
-- owned by kpi_owner) on every table of schema kpi with a unit_code column: a
-- member of kpi_analyst that is neither writer nor owner sees only the units
-- kpi.analyst_scope grants to one of its roles.

CREATE TABLE kpi.analyst_scope (
  role_name       name NOT NULL,
  unit_code       text REFERENCES kpi.unit (code),
  province_totals boolean NOT NULL DEFAULT false,
  UNIQUE NULLS NOT DISTINCT (role_name, unit_code)
);
COMMENT ON TABLE kpi.analyst_scope IS
  'which units an analyst role sees: one row per unit (unit_code NULL: every unit); '
  'province_totals: also the units of kind province';

-- Whether WHO sees every row: not an analyst, or also a writer or the owner.
CREATE FUNCTION kpi.rls_sees_all(who name) RETURNS boolean
  LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
  SELECT NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = 'kpi_analyst'
                        AND pg_has_role($1, r.oid, 'USAGE'))
      OR EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname IN ('kpi_writer', 'kpi_owner')
                    AND pg_has_role($1, r.oid, 'USAGE'))
      OR EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = $1 AND (r.rolsuper OR r.rolbypassrls))
$$;

-- Whether the unit CODE is granted to one of the roles of WHO.
CREATE FUNCTION kpi.rls_unit_visible(code text, who name) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT EXISTS (
    SELECT 1 FROM kpi.analyst_scope s JOIN pg_roles r ON r.rolname = s.role_name
     WHERE pg_has_role($2, r.oid, 'USAGE')
       AND (s.unit_code IS NULL OR s.unit_code = $1
            OR (s.province_totals
                AND EXISTS (SELECT 1 FROM kpi.unit u WHERE u.code = $1 AND u.kind = 'province'))))
$$;

-- Create the group roles when missing (another database may do it at the same time).
CREATE FUNCTION kpi.setup_roles() RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
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
                                 AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
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

-- Grant the group role GRP to the login role LOGIN. Writers and owners also
-- get BYPASSRLS: COPY into a table with row-level security needs it (they
-- see every row anyway). Needs a superuser.
CREATE FUNCTION kpi.grant_role(grp text, login text) RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  IF grp NOT IN ('kpi_owner', 'kpi_writer', 'kpi_analyst') THEN
    RAISE EXCEPTION 'unknown group role "%"; use kpi_owner, kpi_writer or kpi_analyst', grp
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  EXECUTE format('GRANT %I TO %I', grp, login);
  IF grp <> 'kpi_analyst' THEN
    EXECUTE format('ALTER ROLE %I BYPASSRLS', login);
  END IF;
END
$$;
