-- analyst/unit_rejected_row: the view kpi.unit_rejected_row, the rejected
-- rows of the units the reader sees.

-- kpi.rejected_row keeps a refused row as the text it came as, with no unit
-- column (the unit may be what was wrong). The unit of a rejected row is the
-- one field of its text (split at commas, semicolons and tabs, quotes and
-- spaces trimmed) that is the code of a unit of kpi.unit; a row naming none,
-- or several, has no unit (unit_code NULL). A scoped analyst sees the rows of
-- the units of its scope only; an analyst scoped to every unit (`kpi roles
-- scope ROLE --all`), writers and owners see every row, those without a unit
-- too. security_barrier: the reader's own conditions run after the scope's.
CREATE OR REPLACE VIEW kpi.unit_rejected_row WITH (security_barrier) AS
SELECT r.submission_id, s.file_name, s.received_at, r.line_no, r.column_name, r.reason, r.raw,
       x.unit_code
  FROM kpi.rejected_row r
  JOIN kpi.submission s ON s.id = r.submission_id
  LEFT JOIN LATERAL (
    SELECT pg_catalog.min(u.code) AS unit_code
      FROM pg_catalog.unnest(pg_catalog.regexp_split_to_array(r.raw, '[,;\t]')) AS f(field)
      JOIN kpi.unit u ON u.code = pg_catalog.btrim(f.field, ' "')
    HAVING pg_catalog.count(DISTINCT u.code) = 1) x ON true
 WHERE (SELECT kpi.rls_sees_all(current_user))
    OR kpi.rls_unit_visible(x.unit_code, current_user);
COMMENT ON VIEW kpi.unit_rejected_row IS
  'the rejected rows of the units the reader sees (unit_code: the one known unit code its text '
  'names)';
