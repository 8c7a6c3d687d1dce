/*
 * runlog.h — one nightly run at a time, and the log of runs in kpi.run:
 * the run lock (a PostgreSQL advisory lock held by the run's session, so it
 * vanishes with a dead process), recovery of runs that died, and the
 * per-stage counts and durations.
 */
#ifndef KPI_RUNLOG_H
#define KPI_RUNLOG_H

#include "common/status.h"

#include <libpq-fe.h>
#include <stdint.h>

struct cJSON;

/* The run that holds the lock, as far as kpi.run tells. id 0 when unknown. */
struct runlog_holder {
    int64_t id;
    char started[8]; /* "HH:MM", Vietnam time */
};

/*
 * runlog_lock: take the run lock for the session of CONN. wait_seconds < 0:
 * do not wait; 0: wait as long as it takes; N > 0: wait up to N seconds.
 * Returns KPI_OK; KPI_LOCKED when another session holds it (holder, which
 * may be NULL, tells which run); KPI_ERROR (logged).
 */
enum kpi_status runlog_lock(PGconn *conn, int wait_seconds, struct runlog_holder *holder);

/* runlog_unlock: release the run lock. KPI_OK or KPI_ERROR (logged). */
enum kpi_status runlog_unlock(PGconn *conn);

/*
 * runlog_recover: with the lock held, mark every run still 'running' as
 * failed: its process died (kill -9, power loss) before it could say so.
 * *recovered (may be NULL) = how many. KPI_OK or KPI_ERROR (logged; *recovered
 * unspecified).
 */
enum kpi_status runlog_recover(PGconn *conn, int64_t *recovered);

/* runlog_begin: insert a 'running' row; *run_id its id. KPI_OK, or KPI_ERROR
 * (logged; *run_id untouched). */
enum kpi_status runlog_begin(PGconn *conn, const char *inbox, int64_t *run_id);

/*
 * runlog_stage: append a stage to the run's stages: its name, status
 * ("ok", "partial", "failed", "skipped"), start time (ISO 8601), duration and
 * counts (a cJSON object, borrowed; may be NULL). KPI_OK, or KPI_ERROR (logged).
 */
enum kpi_status runlog_stage(PGconn *conn, int64_t run_id, const char *stage, const char *status,
                             const char *started_at, double seconds, const struct cJSON *counts);

/*
 * runlog_finish: close the run with STATUS ('succeeded', 'partial', 'failed'
 * or 'interrupted') and ERROR (may be NULL). KPI_OK, or KPI_ERROR (logged).
 */
enum kpi_status runlog_finish(PGconn *conn, int64_t run_id, const char *status, const char *error);

#endif
