-- alerts/alert_evaluate: kpi.alert_evaluate(), a step of the alert evaluation (engine/alerts/evaluate.c).
--
-- The alert state machine and the routing of its events are the functions
-- of sql/definitions/alerts/ that engine/alerts/evaluate.c calls in one
-- transaction, one statement each.
--
-- The order of a run (kpi.alert_evaluate, then kpi.alert_route, then
-- kpi.alert_items) is the one of the former statements:
--   alert_cell   (temporary) every judged cell of the routed period kinds,
--                classed bad (breach, or at_risk within the horizon), good
--                (met or on_track, clearing the hysteresis margin), quiet
--                (neither), missing (a province cell under the completeness floor);
--   alert_want   (temporary) per key, the latest judged cell, its run of
--                consecutive periods and the severity that run earns;
--   then restatements, resolves, reminders/escalations and fires, each one
--   statement writing kpi.alert and kpi.alert_event together;
--   alert_match, alert_parent (temporary) the events of the run and the
--                firing province alerts each receiver gets.
-- The temporary tables are ANALYZEd as soon as they are written (else the
-- planner guesses nested loops over them) and dropped at commit. The caller
-- sets jit off for the transaction. Every function here runs with the
-- caller's rights (kpi_writer needs nothing it did not need before) and
-- plans every statement with the values of its arguments, as the former
-- unnamed statements were (plan_cache_mode = force_custom_plan).
--
-- kpi.alert_evaluate: the state machine, one step after the other, for the
-- run P_RUN at P_NOW (kpi.alert_run_open) with the normalised P_ROUTES and
-- the settings of the routes file: kpi.alert_cells (which keys it reads:
-- every one, or those whose cells changed since the last evaluation, and
-- those it must see every time), kpi.alert_wants,
-- kpi.alert_report_wants (the reports not sent), then
-- kpi.alert_restate, kpi.alert_resolve, kpi.alert_update_firing and
-- kpi.alert_fire. Returns the events of the run counted by kind (fire,
-- reminder, escalate, resolve, restate; a kind without events is absent).
-- Leaves alert_cell and alert_want until commit. Fails when kpi.indicator_value
-- does not exist; the caller holds the alerts lock.
CREATE OR REPLACE FUNCTION kpi.alert_evaluate(p_run bigint, p_routes jsonb, p_now timestamptz,
                                              p_floor numeric, p_horizon_days integer,
                                              p_escalate_after integer, p_repeat_days integer)
  RETURNS TABLE (event text, n bigint) LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan AS $$
#variable_conflict use_column
BEGIN
  PERFORM kpi.alert_cells(p_routes, p_now, p_floor, p_horizon_days, p_run);
  PERFORM kpi.alert_wants(p_escalate_after);
  PERFORM kpi.alert_report_wants(p_routes, p_now, p_escalate_after);
  PERFORM kpi.alert_restate(p_run, p_now);
  PERFORM kpi.alert_resolve(p_run, p_now);
  PERFORM kpi.alert_update_firing(p_run, p_now, p_repeat_days);
  PERFORM kpi.alert_fire(p_run, p_now);
  RETURN QUERY SELECT e.event, count(*) FROM kpi.alert_event e WHERE e.run_id = p_run
                GROUP BY e.event;
END
$$;
