/*
 * pgcluster.h — the embedded PostgreSQL: a private cluster under KPI_HOME,
 * created with initdb on first use, listening only on a Unix socket inside
 * KPI_HOME, reused by later commands. When kpi runs as root the server runs
 * as the unprivileged "postgres" account (PostgreSQL refuses root).
 *
 * Layout of KPI_HOME:  pgdata/ (the cluster)  run/ (the socket)
 *                      postgres.log (server log)  lock (serialises start/stop)
 */
#ifndef KPI_PGCLUSTER_H
#define KPI_PGCLUSTER_H

#include "common/proc.h"
#include "common/status.h"

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#define PGCLUSTER_DBNAME "kpi"
#define PGCLUSTER_USER   "kpi"

struct pgcluster {
    char home[PATH_MAX];    /* absolute path of KPI_HOME */
    char datadir[PATH_MAX]; /* home/pgdata */
    char sockdir[PATH_MAX]; /* home/run */
    char logfile[PATH_MAX]; /* home/postgres.log */
    char bindir[PATH_MAX];  /* directory holding initdb and pg_ctl */
    struct proc_user user;  /* who runs the server; drop = false unless root */
};

/*
 * pgcluster_open: resolve the paths of the cluster at HOME (NULL: $KPI_HOME,
 * else ".kpi" in the current directory) and find the PostgreSQL programs
 * ($KPI_PG_BINDIR, else pg_ctl on PATH, else the newest
 * /usr/lib/postgresql/N/bin). Creates HOME if missing. Does not start anything.
 * Returns KPI_OK, or KPI_ERROR (logged; *c partly filled, not to be used).
 */
enum kpi_status pgcluster_open(struct pgcluster *c, const char *home);

/*
 * pgcluster_start: initdb on first use, start the server unless it runs,
 * create the "kpi" database if missing. *was_running (may be NULL) tells
 * whether the server was already up (untouched when the failure came before
 * that was known). Returns KPI_OK, or KPI_ERROR (logged).
 */
enum kpi_status pgcluster_start(struct pgcluster *c, bool *was_running);

/* pgcluster_stop: fast shutdown. *was_running (may be NULL) as above.
 * Returns KPI_OK, or KPI_ERROR (logged). */
enum kpi_status pgcluster_stop(struct pgcluster *c, bool *was_running);

/*
 * pgcluster_status: *running = whether the server runs; *pid its process id
 * (0 when not running). Returns KPI_OK, or KPI_ERROR (logged; *running and
 * *pid unspecified).
 */
enum kpi_status pgcluster_status(struct pgcluster *c, bool *running, long *pid);

/*
 * pgcluster_conninfo: write the libpq conninfo of the "kpi" database (or of
 * DBNAME when not NULL) into buf. Returns KPI_OK, or KPI_ERROR (logged; buf unspecified) when buf
 * is too small.
 */
enum kpi_status pgcluster_conninfo(const struct pgcluster *c, const char *dbname, char *buf,
                                   size_t len);

#endif
