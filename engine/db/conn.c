/*
 * conn.c — owns how kpi reaches PostgreSQL (see conn.h).
 */
#include "db/conn.h"

#include "common/dynbuf.h"
#include "common/log.h"
#include "db/pgcluster.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum kpi_status conn_resolve(const char *db, const char *home, bool running, char *buf, size_t len,
                             bool *embedded)
{
    if (db == NULL || *db == '\0')
        db = getenv("KPI_DB");
    if (embedded != NULL)
        *embedded = db == NULL || *db == '\0';
    if (db != NULL && *db != '\0') {
        if ((size_t)snprintf(buf, len, "%s", db) >= len) {
            log_error("connection string too long");
            return KPI_ERROR;
        }
        return KPI_OK;
    }
    struct pgcluster c;
    enum pgcluster_state state;
    char sock[PATH_MAX];
    if (pgcluster_open(&c, home) != 0)
        return KPI_ERROR;
    pgcluster_probe(&c, &state, sock);
    switch (state) {
    case PGCLUSTER_ABSENT:
        log_error("no database: set KPI_DB, pass --db, or run \"kpi db start\"");
        return KPI_ERROR;
    case PGCLUSTER_HIDDEN:
        log_error("the embedded PostgreSQL under \"%s\" is not accessible to you (uid %ld): "
                  "run kpi as the user who started it, or connect over TCP (\"kpi db start "
                  "--listen\")",
                  c.home, (long)geteuid());
        return KPI_ERROR;
    case PGCLUSTER_DENIED:
        log_error("the embedded PostgreSQL under \"%s\" runs, but its socket \"%s\" is not "
                  "accessible to you (uid %ld): run kpi as the user who started it, or connect "
                  "over TCP (\"kpi db start --listen\")",
                  c.home, sock, (long)geteuid());
        return KPI_ERROR;
    case PGCLUSTER_STOPPED:
        if (running) {
            log_error("the embedded PostgreSQL under \"%s\" is not running: run \"kpi db start\"",
                      c.home);
            return KPI_ERROR;
        }
        break;
    case PGCLUSTER_RUNNING:
        break;
    }
    if (pgcluster_conninfo(&c, NULL, buf, len) != 0) {
        log_error("connection string too long");
        return KPI_ERROR;
    }
    return KPI_OK;
}

/* Whether LINE (up to its newline) starts with PREFIX. */
static bool starts(const char *line, const char *prefix)
{
    return strncmp(line, prefix, strlen(prefix)) == 0;
}

const char *conn_errmsg(const PGconn *conn)
{
    static char msg[1024];
    const char *src = conn ? PQerrorMessage(conn) : "out of memory";
    size_t w = 0;
    bool keep = true;
    /* one line: the message, DETAIL and HINT; not the SQL (LINE, QUERY, CONTEXT) */
    for (const char *line = src; *line != '\0' && w + 1 < sizeof msg;) {
        const char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        if (starts(line, "LINE ") || starts(line, "QUERY:") || starts(line, "CONTEXT:"))
            keep = false;
        else if (starts(line, "DETAIL:") || starts(line, "HINT:"))
            keep = true;
        for (size_t i = 0; keep && i < n && w + 1 < sizeof msg; i++) {
            char c = line[i] == '\t' ? ' ' : line[i];
            if (c == ' ' && (w == 0 || msg[w - 1] == ' '))
                continue;
            msg[w++] = c;
        }
        if (keep && w > 0 && msg[w - 1] != ' ' && w + 1 < sizeof msg)
            msg[w++] = ' ';
        line += n + (end != NULL);
    }
    while (w > 0 && msg[w - 1] == ' ')
        w--;
    msg[w] = '\0';
    return msg;
}

enum kpi_status conn_connect(const char *conninfo, PGconn **out)
{
    const char *keys[] = {"dbname", "fallback_application_name", "client_encoding", NULL};
    const char *vals[] = {conninfo, "kpi", "UTF8", NULL};
    *out = NULL;
    PGconn *conn = PQconnectdbParams(keys, vals, 1);
    if (PQstatus(conn) != CONNECTION_OK) {
        char *safe = conn_redact(conninfo);
        log_error("could not connect to \"%s\": %s", safe ? safe : "(unparseable conninfo)",
                  conn_errmsg(conn));
        free(safe);
        PQfinish(conn);
        return KPI_ERROR;
    }
    if (conn_command(conn,
                     "SET TimeZone = 'Asia/Ho_Chi_Minh'; SET client_min_messages = warning; "
                     "SET client_connection_check_interval = '1s'",
                     "could not set up the session") != 0) {
        PQfinish(conn);
        return KPI_ERROR;
    }
    *out = conn;
    return KPI_OK;
}

enum kpi_status conn_open(const char *db, const char *home, PGconn **out)
{
    char conninfo[8192];
    *out = NULL;
    if (conn_resolve(db, home, true, conninfo, sizeof conninfo, NULL) != 0)
        return KPI_ERROR;
    return conn_connect(conninfo, out);
}

/* The longest redacted connection string conn_redact makes. */
#define REDACT_MAX (64 * 1024)

/* CONNINFO in key='value' form, its password "***" (REDACT) or left out (*password). */
static char *rewrite(const char *conninfo, bool redact, char **password)
{
    char *err = NULL;
    if (password != NULL)
        *password = NULL;
    PQconninfoOption *opts = PQconninfoParse(conninfo, &err);
    PQfreemem(err);
    if (opts == NULL)
        return NULL;
    struct dynbuf b;
    dynbuf_init(&b, REDACT_MAX);
    for (PQconninfoOption *o = opts; o->keyword != NULL; o++) {
        if (o->val == NULL)
            continue;
        const char *val = o->val;
        if (strcmp(o->keyword, "password") == 0) {
            if (!redact) {
                if (password != NULL && (*password = strdup(val)) == NULL)
                    goto oom;
                continue;
            }
            val = "***";
        }
        if ((dynbuf_len(&b) > 0 && dynbuf_add(&b, " ") != DYNBUF_OK) ||
            dynbuf_addf(&b, "%s='", o->keyword) != DYNBUF_OK)
            goto oom;
        for (const char *p = val; *p; p++) {
            if ((*p == '\'' || *p == '\\') && dynbuf_add(&b, "\\") != DYNBUF_OK)
                goto oom;
            if (dynbuf_addn(&b, p, 1) != DYNBUF_OK)
                goto oom;
        }
        if (dynbuf_add(&b, "'") != DYNBUF_OK)
            goto oom;
    }
    PQconninfoFree(opts);
    return dynbuf_take(&b);
oom:
    PQconninfoFree(opts);
    dynbuf_free(&b);
    if (password != NULL) {
        free(*password);
        *password = NULL;
    }
    return NULL;
}

char *conn_redact(const char *conninfo)
{
    return rewrite(conninfo, true, NULL);
}

char *conn_split_password(const char *conninfo, char **password)
{
    return rewrite(conninfo, false, password);
}

const char *conn_sqlstate(const PGresult *res)
{
    const char *s = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    return s ? s : "";
}

PGresult *conn_exec(PGconn *conn, const char *sql, int n, const char *const *params,
                    const char *what)
{
    PGresult *res = PQexecParams(conn, sql, n, NULL, params, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(res);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
        return res;
    log_error("%s: %s", what, conn_errmsg(conn));
    PQclear(res);
    return NULL;
}

enum kpi_status conn_command(PGconn *conn, const char *sql, const char *what)
{
    PGresult *res = PQexec(conn, sql);
    ExecStatusType st = PQresultStatus(res);
    PQclear(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        log_error("%s: %s", what, conn_errmsg(conn));
        return KPI_ERROR;
    }
    return KPI_OK;
}

void conn_rollback(PGconn *conn)
{
    PGTransactionStatusType st = PQtransactionStatus(conn);
    if (st == PQTRANS_INTRANS || st == PQTRANS_INERROR)
        conn_command(conn, "ROLLBACK", "could not roll back");
}
