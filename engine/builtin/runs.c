/*
 * builtin/runs.c — `kpi runs [--limit N]`: the recent nightly runs from
 * kpi.run, newest first, with their status, duration, stages and error, and
 * the notifications a run's deliver stage could not deliver: to which
 * receiver, failed or still pending, and why.
 */
#include "builtin.h"
#include "db/conn.h"
#include "common/log.h"
#include "common/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct command_doc runs_doc = {
    .name = "runs",
    .synopsis = "kpi runs [--limit N]",
    .description = "The recent nightly runs (kpi.run), newest first: id, start (Vietnam time), "
                   "status,\nduration, the stages with their counts, the error of a failed "
                   "run, and each\nnotification its deliver stage could not deliver: the "
                   "receiver, failed or still\npending, and why (the HTTP status and the start "
                   "of the answer, or the error).\n",
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
        "       coalesce(r.error, ''), "
        "       coalesce((SELECT string_agg(format('notification %s to %s %s: %s', "
        "                     u ->> 'notification', u ->> 'receiver', "
        "                     CASE u ->> 'state' WHEN 'failed' THEN 'failed' "
        "                          ELSE 'still pending' END, translate(u ->> 'error', E'\\r\\n', ' "
        " ')), E'\\n' "
        "                     ORDER BY (u ->> 'notification')::bigint) "
        "                  FROM kpi.run_stage s, "
        "                       jsonb_array_elements(s.counts -> 'undelivered') u "
        "                 WHERE s.run_id = r.id AND s.stage = 'deliver' "
        "                   AND jsonb_typeof(s.counts -> 'undelivered') = 'array'), '') "
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
        /* one line each: "undelivered: notification 7 to am failed: the receiver answered …" */
        for (const char *u = PQgetvalue(res, i, 6); *u;) {
            size_t n = strcspn(u, "\n");
            printf("%6s  undelivered: %.*s\n", "", (int)n, u);
            u += n + (u[n] == '\n');
        }
    }
    rc = KPI_OK;
done:
    PQclear(res);
    PQfinish(conn);
    return rc;
}
