-- security/rls_unit_visible: kpi.rls_unit_visible(), whether a unit is granted
-- to an analyst.

-- Whether the unit CODE is granted to one of the roles of WHO. SECURITY
-- DEFINER (it reads kpi.analyst_scope, which analysts may not), so it answers
-- only about the caller itself: WHO must be the session's login or a role the
-- login is a member of (the row-level policies pass current_user, the
-- analyst functions session_user); about any other role the answer is false,
-- and one analyst cannot probe another's scope. Everything schema-qualified,
-- search_path pinned with pg_temp last; executable only by the roles that
-- evaluate the policies (`kpi roles setup`), never by PUBLIC.
CREATE OR REPLACE FUNCTION kpi.rls_unit_visible(code text, who name) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1 FROM pg_catalog.pg_roles w
     WHERE w.rolname = $2
       AND pg_catalog.pg_has_role(session_user, w.oid, 'MEMBER'))
     AND EXISTS (
    SELECT 1 FROM kpi.analyst_scope s
      JOIN pg_catalog.pg_roles r ON r.rolname = s.role_name
     WHERE pg_catalog.pg_has_role($2, r.oid, 'USAGE')
       AND (s.unit_code IS NULL OR s.unit_code = $1
            OR (s.province_totals
                AND EXISTS (SELECT 1 FROM kpi.unit u
                             WHERE u.code = $1
                               AND u.kind = 'province'))))
$$;
REVOKE ALL ON FUNCTION kpi.rls_unit_visible(text, name) FROM PUBLIC;
