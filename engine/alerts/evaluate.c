/*
 * evaluate.c — owns one evaluation of the alerts (alerts_evaluate, see
 * alerts.h): its transaction, its lock and its planner settings, and the
 * order of its steps, each a function of sql/definitions/alerts/:
 *
 *   kpi.alert_run_open   record the run (its id, its instant);
 *   kpi.alert_evaluate   the state machine over kpi.indicator_value: fire,
 *                        remind, escalate, resolve, restate, data missing;
 *   kpi.alert_route      the events each receiver gets, and the firing
 *                        province alerts that inhibit their communes';
 *   kpi.alert_items      the rows of the digests, which notify.c writes
 *                        into kpi.outbox.
 */
#include "alerts/alerts.h"

#include "alerts/notify.h"
#include "common/log.h"
#include "db/conn.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/* $1 now (NULL: now()), $2 the routes file's SHA-256, $3 the settings */
static const char sql_run[] =
    "SELECT run_id, evaluated_at FROM kpi.alert_run_open($1::timestamptz, $2, $3::jsonb)";

/* $1 run, $2 routes, $3 now, $4 completeness floor, $5 at-risk horizon (days),
 * $6 escalate after N periods, $7 repeat interval (days) */
static const char sql_evaluate[] =
    "SELECT event, n FROM kpi.alert_evaluate($1::bigint, $2::jsonb, $3::timestamptz, "
    "$4::numeric, $5::integer, $6::integer, $7::integer)";

/* $1 routes, $2 run */
static const char sql_route[] = "SELECT kpi.alert_route($1::jsonb, $2::bigint)";

/* $1 routes, $2 now */
static const char sql_items[] = "SELECT * FROM kpi.alert_items($1::jsonb, $2::timestamptz)";

/* Run SQL with its N PARAMS; its result into *out (when not NULL). Returns KPI_OK, or
 * KPI_ERROR (logged as "WHAT: why"; *out untouched). */
static enum kpi_status run_sql(PGconn *conn, const char *sql, int n, const char *const *params,
                               const char *what, PGresult **out)
{
    PGresult *res = PQexecParams(conn, sql, n, NULL, params, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        log_error("%s: %s", what, conn_errmsg(conn));
        PQclear(res);
        return KPI_ERROR;
    }
    if (out != NULL)
        *out = res;
    else
        PQclear(res);
    return KPI_OK;
}

static char *settings_json(const struct routes *routes, const struct alerts_options *opt)
{
    cJSON *s = cJSON_CreateObject();
    if (s == NULL)
        return NULL;
    cJSON_AddStringToObject(s, "routes_file", routes->path);
    cJSON_AddNumberToObject(s, "repeat_interval_days", routes->repeat_interval_days);
    cJSON_AddNumberToObject(s, "escalate_after_periods", routes->escalate_after_periods);
    cJSON_AddRawToObject(s, "completeness_floor_pct", routes->completeness_floor_pct);
    cJSON_AddNumberToObject(s, "at_risk_horizon_days", routes->at_risk_horizon_days);
    cJSON_AddBoolToObject(s, "dry_run", opt->dry_run);
    char *json = cJSON_PrintUnformatted(s);
    cJSON_Delete(s);
    return json;
}

static void count_events(PGresult *res, struct alerts_summary *sum)
{
    for (int r = 0; r < PQntuples(res); r++) {
        const char *ev = PQgetvalue(res, r, 0);
        long n = strtol(PQgetvalue(res, r, 1), NULL, 10);
        if (strcmp(ev, "fire") == 0)
            sum->fired = n;
        else if (strcmp(ev, "reminder") == 0)
            sum->reminded = n;
        else if (strcmp(ev, "escalate") == 0)
            sum->escalated = n;
        else if (strcmp(ev, "resolve") == 0)
            sum->resolved = n;
        else if (strcmp(ev, "restate") == 0)
            sum->restated = n;
    }
}

/* Whether the schema has what an evaluation needs: KPI_OK, or KPI_ERROR (what is missing
 * logged). */
static enum kpi_status check_schema(PGconn *conn)
{
    PGresult *res = NULL;
    if (run_sql(conn,
                "SELECT to_regclass('kpi.indicator_value') IS NOT NULL, "
                "       to_regprocedure('kpi.alert_analyze()') IS NOT NULL, "
                "       to_regproc('kpi.alert_evaluate') IS NOT NULL",
                0, NULL, "could not look for kpi.indicator_value", &res) != KPI_OK)
        return KPI_ERROR;
    enum kpi_status rc = KPI_ERROR;
    if (strcmp(PQgetvalue(res, 0, 0), "t") != 0)
        log_error("table kpi.indicator_value does not exist; run 'kpi migrate' and "
                  "'kpi compute' first");
    else if (strcmp(PQgetvalue(res, 0, 1), "t") != 0)
        log_error("function kpi.alert_analyze() does not exist; run 'kpi migrate' first");
    else if (strcmp(PQgetvalue(res, 0, 2), "t") != 0)
        log_error("function kpi.alert_evaluate() does not exist; run 'kpi migrate' first");
    else
        rc = KPI_OK;
    PQclear(res);
    return rc;
}

enum kpi_status alerts_evaluate(PGconn *conn, const struct routes *routes,
                                const struct alerts_options *opt, struct alerts_summary *sum)
{
    PGresult *res = NULL, *items = NULL;
    char *settings = NULL, run_id[32], now[64], horizon[16], escalate[16], repeat[16];
    memset(sum, 0, sizeof *sum);
    snprintf(horizon, sizeof horizon, "%d", routes->at_risk_horizon_days);
    snprintf(escalate, sizeof escalate, "%d", routes->escalate_after_periods);
    snprintf(repeat, sizeof repeat, "%d", routes->repeat_interval_days);

    if (conn_command(conn, "BEGIN", "could not begin a transaction") != KPI_OK)
        return KPI_ERROR;
    if (check_schema(conn) != 0)
        goto fail;
    /* one evaluation at a time: the state machine reads what it writes */
    if (conn_command(conn, "SELECT pg_advisory_xact_lock(7021575906133320564)",
                     "could not take the alerts lock") != 0)
        goto fail;
    /* compiling these plans costs seconds and saves nothing on their sizes */
    if (conn_command(conn, "SET LOCAL jit = off", "could not set jit") != 0)
        goto fail;
    settings = settings_json(routes, opt);
    if (settings == NULL) {
        log_error("out of memory");
        goto fail;
    }
    const char *p_run[3] = {opt->now, routes->sha256, settings};
    if (run_sql(conn, sql_run, 3, p_run, "could not record the alert run", &res) != 0)
        goto fail;
    snprintf(run_id, sizeof run_id, "%s", PQgetvalue(res, 0, 0));
    snprintf(now, sizeof now, "%s", PQgetvalue(res, 0, 1));
    sum->run_id = strtoll(run_id, NULL, 10);
    PQclear(res);
    res = NULL;

    const char *p_eval[7] = {
        run_id, routes->routes_json, now, routes->completeness_floor_pct, horizon, escalate,
        repeat};
    if (run_sql(conn, sql_evaluate, 7, p_eval, "could not evaluate the alerts", &res) != 0)
        goto fail;
    count_events(res, sum);
    PQclear(res);
    res = NULL;

    const char *p_route[2] = {routes->routes_json, run_id};
    const char *p_items[2] = {routes->routes_json, now};
    if (run_sql(conn, sql_route, 2, p_route, "could not route the alerts", NULL) != 0 ||
        run_sql(conn, sql_items, 2, p_items, "could not compose the notifications", &items) != 0)
        goto fail;
    if (notify_digests(conn, routes, items, run_id, now, opt, &sum->notifications) != 0)
        goto fail;
    PQclear(items);
    items = NULL;

    if (conn_command(conn, opt->dry_run ? "ROLLBACK" : "COMMIT",
                     "could not commit the alert run") != 0)
        goto fail;
    free(settings);
    return KPI_OK;
fail:
    PQclear(res);
    PQclear(items);
    free(settings);
    PQclear(PQexec(conn, "ROLLBACK"));
    return KPI_ERROR;
}
