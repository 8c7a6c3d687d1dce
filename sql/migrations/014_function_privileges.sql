-- 014_function_privileges: no function of schema kpi is executable by PUBLIC
-- (docs/security.md). PostgreSQL grants EXECUTE on a new function to PUBLIC;
-- kpi's functions are for the roles of `kpi roles setup` only (kpi.setup_roles
-- grants each to the role that needs it), and a SECURITY DEFINER one run by
-- anyone who can connect is a hole (issue 23: an analyst loaded counts
-- through kpi.observation_load_begin/attach).
--  - The functions there already (a database upgraded from schema 13) lose
--    PUBLIC's EXECUTE; the roles keep what `kpi roles setup` granted them.
--  - Every function the role running this migration creates in this
--    database from now on (the definitions `kpi migrate` applies after it)
--    is created without EXECUTE for PUBLIC (the global default: one IN
--    SCHEMA cannot take away what the global one grants). Each SECURITY
--    DEFINER definition also revokes it itself, whichever role applies it.

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA kpi FROM PUBLIC;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
