-- security/grant_role: kpi.grant_role(), a group role granted to a login role.

-- Grant the group role GRP to the login role LOGIN. Writers and owners also
-- get BYPASSRLS: COPY into a table with row-level security needs it (they
-- see every row anyway). Needs a superuser. Not executable by PUBLIC.
CREATE OR REPLACE FUNCTION kpi.grant_role(grp text, login text) RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF grp NOT IN ('kpi_owner', 'kpi_writer', 'kpi_analyst') THEN
    RAISE EXCEPTION 'unknown group role "%"; use kpi_owner, kpi_writer or kpi_analyst', grp
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  EXECUTE pg_catalog.format('GRANT %I TO %I', grp, login);
  IF grp <> 'kpi_analyst' THEN
    EXECUTE pg_catalog.format('ALTER ROLE %I BYPASSRLS', login);
  END IF;
END
$$;
REVOKE ALL ON FUNCTION kpi.grant_role(text, text) FROM PUBLIC;
