/*
 * runlog.c — owns the run lock and kpi.run (see runlog.h).
 */
#include "run/runlog.h"

#include "db/conn.h"
#include "common/log.h"
#include "common/sqlstate.h"
#include "common/status.h"

#include <cjson/cJSON.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* pg_advisory_lock keys: 'kpi' and 2 = the nightly run (1 is migrations). */
#define RUN_LOCK_KEYS "7040105, 2"

static void find_holder(PGconn *conn, struct runlog_holder *holder)
{
    if (holder == NULL)
        return;
    holder->id = 0;
    snprintf(holder->started, sizeof holder->started, "?");
    PGresult *res = PQexec(conn, "SELECT id, to_char(started_at, 'HH24:MI') FROM kpi.run "
                                 "WHERE status = 'running' ORDER BY id DESC LIMIT 1");
    if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1) {
        holder->id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
        snprintf(holder->started, sizeof holder->started, "%s", PQgetvalue(res, 0, 1));
    }
    PQclear(res);
}

enum kpi_status runlog_lock(PGconn *conn, int wait_seconds, struct runlog_holder *holder)
{
    PGresult *res;
    if (wait_seconds < 0) {
        res = PQexec(conn, "SELECT pg_try_advisory_lock(" RUN_LOCK_KEYS ")");
        if (PQresultStatus(res) != PGRES_TUPLES_OK) {
            log_error("could not take the run lock: %s", conn_errmsg(conn));
            PQclear(res);
            return KPI_ERROR;
        }
        bool got = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
        PQclear(res);
        if (!got)
            find_holder(conn, holder);
        return got ? KPI_OK : KPI_LOCKED;
    }
    char timeout[32];
    snprintf(timeout, sizeof timeout, "%ds", wait_seconds);
    const char *params[] = {timeout};
    res = conn_exec(conn, "SELECT set_config('lock_timeout', $1, false)", 1, params,
                    "could not set the lock timeout");
    if (res == NULL)
        return KPI_ERROR;
    PQclear(res);
    res = PQexec(conn, "SELECT pg_advisory_lock(" RUN_LOCK_KEYS ")");
    enum kpi_status rc = KPI_OK;
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        /* lock_not_available: the timeout ran out */
        if (sqlstate_is(conn_sqlstate(res), SQLSTATE_LOCK_NOT_AVAILABLE)) {
            rc = KPI_LOCKED;
        } else {
            log_error("could not take the run lock: %s", conn_errmsg(conn));
            rc = KPI_ERROR;
        }
    }
    PQclear(res);
    conn_command(conn, "SET lock_timeout = 0", "could not reset the lock timeout");
    if (rc == KPI_LOCKED)
        find_holder(conn, holder);
    return rc;
}

enum kpi_status runlog_unlock(PGconn *conn)
{
    return conn_command(conn, "SELECT pg_advisory_unlock(" RUN_LOCK_KEYS ")",
                        "could not release the run lock") == 0
               ? KPI_OK
               : KPI_ERROR;
}

enum kpi_status runlog_recover(PGconn *conn, int64_t *recovered)
{
    PGresult *res = PQexec(conn, "UPDATE kpi.run SET status = 'failed', finished_at = now(), "
                                 "error = 'the run died before it finished (process killed or "
                                 "machine stopped); the next run redid its work' "
                                 "WHERE status = 'running'");
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        log_error("could not recover earlier runs: %s", conn_errmsg(conn));
        PQclear(res);
        return KPI_ERROR;
    }
    int64_t n = strtoll(PQcmdTuples(res), NULL, 10);
    PQclear(res);
    if (n > 0)
        log_warn("%" PRId64 " earlier run%s died before finishing; marked failed, this run "
                 "completes its work",
                 n, n == 1 ? "" : "s");
    if (recovered != NULL)
        *recovered = n;
    return KPI_OK;
}

enum kpi_status runlog_begin(PGconn *conn, const char *inbox, int64_t *run_id)
{
    char pid[16], host[256] = "";
    snprintf(pid, sizeof pid, "%ld", (long)getpid());
    gethostname(host, sizeof host - 1);
    const char *params[] = {pid, host, inbox};
    PGresult *res = conn_exec(conn,
                              "INSERT INTO kpi.run (pid, host, inbox) VALUES ($1, $2, $3) "
                              "RETURNING id",
                              3, params, "could not record the run");
    if (res == NULL)
        return KPI_ERROR;
    *run_id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
    PQclear(res);
    return KPI_OK;
}

enum kpi_status runlog_stage(PGconn *conn, int64_t run_id, const char *stage, const char *status,
                             const char *started_at, double seconds, const cJSON *counts)
{
    char id[24], secs[32];
    snprintf(id, sizeof id, "%" PRId64, run_id);
    snprintf(secs, sizeof secs, "%.3f", seconds);
    char *json = counts ? cJSON_PrintUnformatted(counts) : NULL;
    const char *params[] = {id, stage, status, started_at, secs, json ? json : "{}"};
    PGresult *res =
        conn_exec(conn,
                  "UPDATE kpi.run SET stages = stages || jsonb_build_array(jsonb_build_object("
                  "'stage', $2::text, 'status', $3::text, 'started_at', $4::timestamptz, "
                  "'seconds', $5::numeric, 'counts', $6::jsonb)) WHERE id = $1",
                  6, params, "could not record a stage of the run");
    free(json);
    if (res == NULL)
        return KPI_ERROR;
    PQclear(res);
    return KPI_OK;
}

enum kpi_status runlog_finish(PGconn *conn, int64_t run_id, const char *status, const char *error)
{
    char id[24];
    snprintf(id, sizeof id, "%" PRId64, run_id);
    const char *params[] = {id, status, error};
    PGresult *res = conn_exec(conn,
                              "UPDATE kpi.run SET status = $2, error = $3, finished_at = now() "
                              "WHERE id = $1",
                              3, params, "could not record the end of the run");
    if (res == NULL)
        return KPI_ERROR;
    PQclear(res);
    return KPI_OK;
}
