/*
 * copy.c — owns the streaming of data to COPY … FROM STDIN: a fixed buffer
 * (allocated once, never grown: a row longer than it fails the COPY) sent in
 * chunks, the escaping of COPY's text format, and the draining of the
 * results with their SQLSTATE (see copy.h).
 */
#include "ingest/copy.h"

#include "db/conn.h"
#include "common/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Bytes gathered before PQputCopyData: small, so that the server parses one
 * chunk while the next is being made (256 KiB left the backend idle a third
 * of the time, waiting for the client's chunk, and the client blocked while
 * the server drained it).
 */
#define COPY_FLUSH (32 * 1024)

enum kpi_status copy_begin(struct copy *c, PGconn *conn, const char *sql)
{
    memset(c, 0, sizeof *c);
    c->conn = conn;
    PGresult *res = PQexec(conn, sql);
    if (PQresultStatus(res) != PGRES_COPY_IN) {
        log_error("could not start COPY: %s", conn_errmsg(conn));
        PQclear(res);
        return KPI_ERROR;
    }
    PQclear(res);
    c->cap = COPY_FLUSH + READER_MAX_ROW * 2 + 64;
    c->buf = malloc(c->cap);
    if (c->buf == NULL) {
        log_error("out of memory");
        c->failed = true;
    }
    return KPI_OK;
}

static enum kpi_status copy_flush(struct copy *c)
{
    if (c->failed)
        return KPI_ERROR;
    if (c->len > 0 && PQputCopyData(c->conn, c->buf, (int)c->len) != 1) {
        c->failed = true;
        return KPI_ERROR;
    }
    c->len = 0;
    return KPI_OK;
}

enum kpi_status copy_verbatim(struct copy *c, const char *s, size_t n)
{
    if (c->failed)
        return KPI_ERROR;
    if (c->len + n > c->cap && copy_flush(c) != 0)
        return KPI_ERROR;
    if (n > c->cap) {
        if (PQputCopyData(c->conn, s, (int)n) != 1) {
            c->failed = true;
            return KPI_ERROR;
        }
        return KPI_OK;
    }
    memcpy(c->buf + c->len, s, n);
    c->len += n;
    return c->len >= COPY_FLUSH ? copy_flush(c) : 0;
}

size_t copy_escape(char *dst, const char *s, size_t n)
{
    char *o = dst;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        switch (ch) {
        case '\\':
            *o++ = '\\', *o++ = '\\';
            break;
        case '\t':
            *o++ = '\\', *o++ = 't';
            break;
        case '\n':
            *o++ = '\\', *o++ = 'n';
            break;
        case '\r':
            *o++ = '\\', *o++ = 'r';
            break;
        default:
            *o++ = ch;
        }
    }
    return (size_t)(o - dst);
}

enum kpi_status copy_field(struct copy *c, const char *s, size_t n, char sep)
{
    if (c->failed)
        return KPI_ERROR;
    if (c->len + 2 * n + 1 > c->cap && copy_flush(c) != 0)
        return KPI_ERROR;
    if (2 * n + 1 > c->cap) {
        c->failed = true; /* longer than any row we accept */
        return KPI_ERROR;
    }
    c->len += copy_escape(c->buf + c->len, s, n);
    c->buf[c->len++] = sep;
    return c->len >= COPY_FLUSH ? copy_flush(c) : 0;
}

enum kpi_status copy_null(struct copy *c, char sep)
{
    char s[3] = {'\\', 'N', sep};
    return copy_verbatim(c, s, 3);
}

enum kpi_status copy_end(struct copy *c, long long *rows)
{
    enum kpi_status rc = KPI_OK;
    if (rows != NULL)
        *rows = 0;
    copy_flush(c);
    if (PQputCopyEnd(c->conn, c->failed ? "kpi: COPY cancelled" : NULL) != 1)
        rc = KPI_ERROR;
    PGresult *res;
    while ((res = PQgetResult(c->conn)) != NULL) {
        if (PQresultStatus(res) != PGRES_COMMAND_OK) {
            if (rc == 0 || c->error[0] == '\0') {
                snprintf(c->sqlstate, sizeof c->sqlstate, "%s", conn_sqlstate(res));
                snprintf(c->error, sizeof c->error, "%s", PQresultErrorMessage(res));
                c->error[strcspn(c->error, "\n")] = '\0';
            }
            rc = KPI_ERROR;
        } else if (rows != NULL) {
            *rows = strtoll(PQcmdTuples(res), NULL, 10);
        }
        PQclear(res);
    }
    if (rc != 0 && c->error[0] == '\0')
        snprintf(c->error, sizeof c->error, "%s", conn_errmsg(c->conn));
    free(c->buf);
    c->buf = NULL;
    return rc;
}
