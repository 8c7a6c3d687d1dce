/*
 * conn.h — connections to PostgreSQL: which database (--db, $KPI_DB, or the
 * embedded cluster), the session settings every kpi connection uses, and
 * small helpers around libpq results and errors.
 */
#ifndef KPI_CONN_H
#define KPI_CONN_H

#include "common/status.h"

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

/*
 * conn_resolve: the conninfo kpi would use, into buf: DB when not NULL/empty,
 * else $KPI_DB, else the embedded cluster under HOME (NULL: $KPI_HOME or
 * ".kpi") when one was created there by `kpi db start` — and, when running is
 * true, only when it runs and its socket is accessible to this user. Nothing
 * is created or started here. *embedded (may be NULL) tells which. Returns
 * KPI_OK, or KPI_ERROR (logged: `no database: set KPI_DB, pass --db, or run
 * "kpi db start"` when there is none; else why the embedded cluster cannot be
 * used) with buf and *embedded unspecified.
 */
enum kpi_status conn_resolve(const char *db, const char *home, bool running, char *buf, size_t len,
                             bool *embedded);

/*
 * conn_open: connect as conn_resolve decides (the embedded cluster must run),
 * with client_encoding UTF8, TimeZone Asia/Ho_Chi_Minh and application_name
 * kpi. Returns KPI_OK with *out (the caller PQfinish()es it), or KPI_ERROR
 * (logged, with the password redacted) and *out NULL.
 */
enum kpi_status conn_open(const char *db, const char *home, PGconn **out);

/* conn_connect: conn_open for an explicit conninfo. Same contract. */
enum kpi_status conn_connect(const char *conninfo, PGconn **out);

/*
 * conn_redact: a copy of CONNINFO (key=value or URI) in key='value' form,
 * with any password replaced by "***". The caller free()s it. NULL when
 * CONNINFO does not parse, memory is short, or the result would pass 64 KiB.
 */
char *conn_redact(const char *conninfo);

/*
 * conn_split_password: a copy of CONNINFO in key='value' form without its
 * password, which goes to *password (NULL when it has none): for a child
 * such as psql, the conninfo on its command line and the password in its
 * environment (PGPASSWORD), never in argv. The caller free()s both. NULL
 * (and *password NULL) as conn_redact.
 */
char *conn_split_password(const char *conninfo, char **password);

/* conn_sqlstate: the SQLSTATE of RES, "" when it has none. Never NULL. */
const char *conn_sqlstate(const PGresult *res);

/*
 * conn_errmsg: the last error of CONN on one line: its message, DETAIL and
 * HINT, runs of blanks and line breaks made one space, without the SQL that
 * failed (LINE, QUERY, CONTEXT). Valid until the next call.
 */
const char *conn_errmsg(const PGconn *conn);

/*
 * conn_exec: run SQL with N text parameters ($1..$N; PARAMS[i] NULL for a
 * SQL NULL), expecting success. Returns the result (the caller PQclear()s
 * it), or NULL after logging "WHAT: server message" (WHAT reads like
 * "could not record the run").
 */
PGresult *conn_exec(PGconn *conn, const char *sql, int n, const char *const *params,
                    const char *what);

/*
 * conn_command: run SQL, a fixed statement carrying no data (use
 * PQexecParams for data), expecting success. Returns KPI_OK, or KPI_ERROR
 * (logged with WHAT, e.g. "could not begin a transaction").
 */
enum kpi_status conn_command(PGconn *conn, const char *sql, const char *what);

/*
 * conn_rollback: after a failure, roll back the transaction CONN has open
 * (logged when that fails). Nothing, and no second message, when no
 * transaction is open or the connection is lost (the server rolled it back).
 */
void conn_rollback(PGconn *conn);

#endif
