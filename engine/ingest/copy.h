/*
 * copy.h — COPY … FROM STDIN from the client: the stream (begin, append,
 * end with the server's verdict) and the text format's escaping. Used by
 * the loading of submissions (text and binary format, see copybin.h) and
 * of the unit registry.
 */
#ifndef KPI_INGEST_COPY_H
#define KPI_INGEST_COPY_H

#include "common/status.h"
#include "ingest/reader.h"

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

/* One COPY in progress; its members are read-only for the caller except failed. */
struct copy {
    PGconn *conn;
    char *buf;
    size_t len, cap;
    bool failed;      /* the server refused data; see copy_end */
    char sqlstate[6]; /* after a failed copy_end */
    char error[READER_MSG_LEN];
};

/*
 * copy_begin: run SQL, a COPY … FROM STDIN statement carrying no data, on
 * CONN. Returns 0 (then copy_end must follow, even when out of memory: C is
 * failed and copy_end cancels), or -1 (logged; nothing to end).
 */
enum kpi_status copy_begin(struct copy *c, PGconn *conn, const char *sql);

/*
 * copy_field: append S (N bytes) escaped for COPY text, then SEP ('\t' or
 * '\n'). Returns 0, or -1 when C has failed (a send failed, or S is longer
 * than any row accepted); copy_end then tells why.
 */
enum kpi_status copy_field(struct copy *c, const char *s, size_t n, char sep);

/* copy_null: append \N, then SEP. Returns as copy_field. */
enum kpi_status copy_null(struct copy *c, char sep);

/* copy_verbatim: append N bytes that need no escaping. Returns as copy_field. */
enum kpi_status copy_verbatim(struct copy *c, const char *s, size_t n);

/*
 * copy_escape: S (N bytes) escaped for COPY's text format (\\, \t, \n, \r)
 * into DST, which has room for 2 * N bytes; no NUL is added. Returns the
 * bytes written.
 */
size_t copy_escape(char *dst, const char *s, size_t n);

/*
 * copy_end: finish the COPY and drain its results. Returns 0 with *rows
 * (ROWS may be NULL) = rows copied, or -1 with c->sqlstate and c->error set
 * (not logged: the caller decides). Setting c->failed beforehand cancels the
 * COPY (nothing is copied). Frees the buffer either way.
 */
enum kpi_status copy_end(struct copy *c, long long *rows);

#endif
