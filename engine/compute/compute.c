/*
 * compute.c — owns the call of kpi.compute and its locking (see compute.h);
 * the computation itself lives in sql/definitions/compute/ (kpi.compute and
 * the steps it calls).
 */
#include "compute/compute.h"

#include "db/conn.h"
#include "common/log.h"
#include "common/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* pg_advisory_xact_lock keys: 'kpi' and 5 = compute. */
#define LOCK_SQL "SELECT pg_try_advisory_xact_lock(7040105, 5)"

static void copy_date(char dst[PERIOD_DATE_LEN], const PGresult *res, int col)
{
    dst[0] = '\0';
    if (!PQgetisnull(res, 0, col))
        snprintf(dst, PERIOD_DATE_LEN, "%s", PQgetvalue(res, 0, col));
}

enum kpi_status compute_run(PGconn *conn, const struct compute_opts *opts,
                            struct compute_result *out)
{
    enum kpi_status rc = KPI_ERROR;
    PGresult *res = NULL;
    const char *params[] = {opts->from, opts->to, opts->full ? "true" : "false"};

    memset(out, 0, sizeof *out);
    if (conn_command(conn, "BEGIN", "could not begin a transaction") != KPI_OK)
        return KPI_ERROR;
    res = PQexec(conn, LOCK_SQL);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("could not take the compute lock: %s", conn_errmsg(conn));
        goto fail;
    }
    if (strcmp(PQgetvalue(res, 0, 0), "t") != 0) {
        log_error("another kpi compute is running; try again when it has finished");
        rc = KPI_LOCKED;
        goto fail;
    }
    PQclear(res);
    res = PQexecParams(conn,
                       "SELECT run_id, cells_in_scope, cells_changed, findings, from_month, "
                       "to_month, mode = 'full' FROM kpi.compute($1::date, $2::date, "
                       "$3::boolean)",
                       3, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1) {
        log_error("could not compute the indicators: %s", conn_errmsg(conn));
        goto fail;
    }
    out->run_id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
    out->cells_in_scope = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
    out->cells_changed = strtoll(PQgetvalue(res, 0, 2), NULL, 10);
    out->findings = strtoll(PQgetvalue(res, 0, 3), NULL, 10);
    copy_date(out->from_month, res, 4);
    copy_date(out->to_month, res, 5);
    out->full = strcmp(PQgetvalue(res, 0, 6), "t") == 0;
    PQclear(res);
    res = NULL;
    if (conn_command(conn, "COMMIT", "could not commit the computation") != KPI_OK)
        return KPI_ERROR;
    return KPI_OK;
fail:
    PQclear(res);
    conn_rollback(conn);
    return rc;
}
