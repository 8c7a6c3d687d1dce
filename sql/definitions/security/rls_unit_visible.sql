-- security/rls_unit_visible: kpi.rls_unit_visible(), whether a unit is granted
-- to an analyst.

-- Whether the unit CODE is granted to one of the roles of WHO.
CREATE OR REPLACE FUNCTION kpi.rls_unit_visible(code text, who name) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1 FROM kpi.analyst_scope s JOIN pg_roles r ON r.rolname = s.role_name
     WHERE pg_has_role($2, r.oid, 'USAGE')
       AND (s.unit_code IS NULL OR s.unit_code = $1
            OR (s.province_totals
                AND EXISTS (SELECT 1 FROM kpi.unit u WHERE u.code = $1 AND u.kind = 'province'))))
$$;

