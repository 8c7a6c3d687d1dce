-- alerts/alert_analyze: kpi.alert_analyze(), the statistics of the alert tables
-- refreshed by the evaluation itself.

-- What `kpi alerts` needs to stay fast at national scale (engine/alerts/).
-- One evaluation fires, resolves and reminds thousands of alerts and then
-- routes them in the same transaction, before autovacuum can have analysed a
-- row of them: planned over the statistics of an emptier kpi.alert, the
-- routing nests loops over tens of thousands of rows (the first national
-- evaluation spent 96 s there). So the evaluation refreshes the statistics of
-- its own two tables itself. ANALYZE needs the table's owner, and the nightly
-- run is kpi_writer: hence a SECURITY DEFINER function that does exactly that
-- and nothing else.
CREATE OR REPLACE FUNCTION kpi.alert_analyze() RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  ANALYZE kpi.alert, kpi.alert_event;
END
$$;
COMMENT ON FUNCTION kpi.alert_analyze() IS
  'ANALYZE kpi.alert and kpi.alert_event as their owner; `kpi alerts` calls it after writing '
  'the alert state and before routing it';
