/*
 * pgcluster.h — the embedded PostgreSQL: a private cluster under KPI_HOME,
 * created with initdb by `kpi db start` (and by nothing else), listening on a
 * Unix socket inside KPI_HOME (and on TCP only with --listen), reused by later
 * commands. When kpi runs as root the server runs as the unprivileged
 * "postgres" account (PostgreSQL refuses root).
 *
 * Authentication (pg_hba.conf and pg_ident.conf, rewritten at every start):
 * the superuser "kpi" only by `peer` on the socket, for the OS user who ran
 * `kpi db start`; every other role by scram-sha-256 on the socket; on TCP
 * (--listen) scram-sha-256 for every role but the superuser, which is
 * rejected. Nothing is `trust`.
 *
 * Layout of KPI_HOME:  pgdata/ (the cluster; pgdata/kpi.conf, the settings of
 *                      the last start)  run/ (the socket, mode 0700 in a
 *                      directory others may list)  postgres.log (server log)
 *                      lock (serialises start/stop)
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
    char home[PATH_MAX];    /* absolute path of KPI_HOME (it may not exist) */
    char datadir[PATH_MAX]; /* home/pgdata */
    char sockdir[PATH_MAX]; /* home/run */
    char logfile[PATH_MAX]; /* home/postgres.log */
    char bindir[PATH_MAX];  /* directory holding initdb and pg_ctl; "" until needed */
    struct proc_user user;  /* who runs the server; drop = false unless root */
};

/* What the calling user can tell of the cluster (pgcluster_probe). */
enum pgcluster_state {
    PGCLUSTER_ABSENT,  /* no cluster under KPI_HOME: `kpi db start` creates it */
    PGCLUSTER_STOPPED, /* created, not running (no socket answers) */
    PGCLUSTER_RUNNING, /* its socket accepts our connection */
    PGCLUSTER_DENIED,  /* running, but its socket is not accessible to this user */
    PGCLUSTER_HIDDEN,  /* KPI_HOME or pgdata is not accessible to this user: unknown */
};

/*
 * pgcluster_open: resolve the paths of the cluster at HOME (NULL: $KPI_HOME,
 * else ".kpi" in the current directory). Creates nothing, starts nothing,
 * looks for no program. Returns KPI_OK, or KPI_ERROR (logged; *c partly
 * filled, not to be used) when a path is too long.
 */
enum kpi_status pgcluster_open(struct pgcluster *c, const char *home);

/*
 * pgcluster_probe: what the calling user can tell of the cluster, from the
 * file system and its socket alone (no pg_ctl). *state as above; *socket
 * (may be NULL) receives the socket's path when one was found (else ""),
 * PATH_MAX bytes. Cannot fail.
 */
void pgcluster_probe(const struct pgcluster *c, enum pgcluster_state *state, char *socket);

/*
 * pgcluster_parse_listen: split TEXT, "ADDRESS:PORT" ("[v6]:PORT" for an
 * IPv6 address, "*" for every address), into ADDR (LEN bytes) and *port
 * (1..65535). Returns KPI_OK, or KPI_REJECTED (not logged) when TEXT is not
 * of that form or does not fit.
 */
enum kpi_status pgcluster_parse_listen(const char *text, char *addr, size_t len, int *port);

/*
 * pgcluster_start: create the cluster on first use (initdb), write its
 * authentication and listening settings, start the server unless it runs,
 * create the "kpi" database if missing. LISTEN (NULL: the socket only) is
 * "ADDRESS:PORT" as pgcluster_parse_listen reads it: TCP with scram-sha-256.
 * A running server is left as it is when LISTEN is NULL; with LISTEN, it must
 * have been started with the same one (else KPI_ERROR: stop it first).
 * *was_running (may be NULL) tells whether the server was already up
 * (untouched when the failure came before that was known). Returns KPI_OK,
 * or KPI_ERROR (logged).
 */
enum kpi_status pgcluster_start(struct pgcluster *c, const char *listen, bool *was_running);

/* pgcluster_stop: fast shutdown. *was_running (may be NULL) as above.
 * Returns KPI_OK, or KPI_ERROR (logged). */
enum kpi_status pgcluster_stop(struct pgcluster *c, bool *was_running);

/*
 * pgcluster_status: as the cluster's own account (or root), through pg_ctl:
 * *running = whether the server runs; *pid its process id (0 when not
 * running). Returns KPI_OK, or KPI_ERROR (logged; *running and *pid
 * unspecified).
 */
enum kpi_status pgcluster_status(struct pgcluster *c, bool *running, long *pid);

/*
 * pgcluster_conninfo: write the libpq conninfo of the "kpi" database (or of
 * DBNAME when not NULL), as the superuser, into buf: the socket directory,
 * the port of the socket found there (none when stopped: libpq's default).
 * Returns KPI_OK, or KPI_ERROR (logged; buf unspecified) when buf is too small.
 */
enum kpi_status pgcluster_conninfo(const struct pgcluster *c, const char *dbname, char *buf,
                                   size_t len);

#endif
