/*
 * builtin/runs.c — `kpi runs [--limit N]`: the recent nightly runs from
 * kpi.run, newest first, with their status, duration, stages and error.
 */
#include "builtin.h"
#include "db/conn.h"
#include "common/log.h"
#include "common/status.h"

#include <stdio.h>
#include <stdlib.h>

static const struct command_doc runs_doc = {
    .name = "runs",
    .synopsis = "kpi runs [--limit N]",
    .description = "The recent nightly runs (kpi.run), newest first: id, start (Vietnam time), "
                   "status,\nduration, the stages with their counts, and the error of a failed "
                   "run.\n",
};

enum kpi_status cmd_runs(int argc, char **argv)
{
    long limit = 10;
    char limit_text[24];
    struct kpi_option options[] = {
        OPT_INTEGER("limit", 'n', &limit, "N", 1, 100000, "how many runs (default 10)"),
        OPT_END(),
    };
    int args;
    enum kpi_status done;
    if (!parse_options(argc, argv, &runs_doc, options, &args, &done))
        return done;
    if (args < argc)
        return builtin_usage_error("runs", "unexpected argument '%s'", argv[args]);
    snprintf(limit_text, sizeof limit_text, "%ld", limit);
    PGconn *conn;
    if (conn_open(kpi_opts.db, kpi_opts.home, &conn) != 0)
        return KPI_ERROR;
    const char *params[] = {limit_text};
    PGresult *res = PQexecParams(
        conn,
        "SELECT r.id, to_char(r.started_at, 'YYYY-MM-DD HH24:MI:SS'), r.status, "
        "       coalesce(to_char(extract(epoch FROM r.finished_at - r.started_at), "
        "                        'FM999990.00') || ' s', 'running'), "
        "       coalesce((SELECT string_agg(s.stage || ' ' || "
        "                   to_char(s.seconds, 'FM99990.00') || ' s' || "
        "                   CASE WHEN s.status NOT IN ('ok') THEN ' (' || s.status || ')' "
        "                        ELSE '' END, ', ' ORDER BY s.ord) "
        "                  FROM kpi.run_stage s WHERE s.run_id = r.id), ''), "
        "       coalesce(r.error, '') "
        "  FROM kpi.run r ORDER BY r.id DESC LIMIT $1::int",
        1, NULL, params, NULL, NULL, 0);
    int rc = KPI_ERROR;
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("could not list the runs: %s", conn_errmsg(conn));
        goto done;
    }
    printf("%6s  %-19s  %-11s  %10s  %s\n", "id", "started (UTC+7)", "status", "duration",
           "stages");
    for (int i = 0; i < PQntuples(res); i++) {
        printf("%6s  %-19s  %-11s  %10s  %s\n", PQgetvalue(res, i, 0), PQgetvalue(res, i, 1),
               PQgetvalue(res, i, 2), PQgetvalue(res, i, 3), PQgetvalue(res, i, 4));
        if (*PQgetvalue(res, i, 5))
            printf("%6s  error: %s\n", "", PQgetvalue(res, i, 5));
    }
    rc = KPI_OK;
done:
    PQclear(res);
    PQfinish(conn);
    return rc;
}
