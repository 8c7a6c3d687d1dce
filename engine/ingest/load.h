/*
 * load.h — ingesting one agency submission (the last step of the data path
 * file → reader → rowcheck → copy/copybin → load): one transaction holding
 * its kpi.submission row, its kpi.rejected_row rows and its values in
 * kpi.observation (see docs/operators.md, "Ingesting submissions"). The walk over an
 * inbox is inbox.h's.
 *
 * Memory stays flat: the loader holds the codes (codes.h) and a small
 * summary per (metric, month) (months.h), never anything per row.
 */
#ifndef KPI_INGEST_LOAD_H
#define KPI_INGEST_LOAD_H

#include "common/status.h"
#include "ingest/codes.h"
#include "ingest/reader.h"

#include <libpq-fe.h>
#include <stdbool.h>
#include <sys/stat.h>

/* Rejected rows a file may leave in kpi.rejected_row; the rest only counted
 * (rows_rejected_unstored). */
#define LOAD_REJECTS_STORED 1000

struct load_options {
    bool progress;               /* show a progress line on stderr (a terminal) */
    long max_messages;           /* row messages printed per file; the rest only counted */
    struct reader_limits limits; /* zeroes: reader_limits_default() */
    /*
     * NULL, or asked once the file is hashed and known new, before anything
     * of it is written: false refuses it (status "refused"; ROOM logged why).
     * The inbox checks the free space with it (inbox.h).
     */
    bool (*room)(void *ctx, const char *path, const struct stat *st);
    void *room_ctx;
};

struct load_result {
    long long submission_id; /* 0 when none was recorded */
    char status[16];         /* accepted, partial, rejected, "already", "deferred" or "refused" */
    long long rows_accepted, rows_rejected;
    long long rows_new, rows_revised, rows_unchanged;
    char reason[READER_MSG_LEN]; /* a file-level rejection */
};

/*
 * load_limits: the limits of OPT, its zeroes filled from
 * reader_limits_default. Returns 0 with *out, or -1 (logged).
 */
enum kpi_status load_limits(const struct load_options *opt, struct reader_limits *out);

/*
 * load_file: ingest the submission at PATH against CODES: one transaction
 * holding its kpi.submission row, its kpi.rejected_row rows and its values
 * (new values inserted, corrected ones revised, the old version moved to
 * kpi.observation_superseded). A file whose SHA-256 was already ingested
 * changes nothing (status "already"). Problems are printed on stderr as
 * "kpi: PATH:LINE: reason". A file larger than opt->limits.max_file is
 * rejected whole without being parsed (and hashed only up to the limit); so
 * is a file whose name is not UTF-8 or holds control characters (recorded
 * under its name escaped, see log_escape). Of the rejected rows, the first
 * LOAD_REJECTS_STORED are kept in kpi.rejected_row (their raw text cut at
 * max_field bytes), the rest counted in kpi.submission.rows_rejected_unstored.
 * PATH is opened without following a symbolic link, and only as a regular
 * file (reader_open_nofollow).
 * Returns 0 with *res filled (a rejected file is a 0 too: see res->status;
 * status "deferred" when the file itself failed — it changed while it was
 * read, or could not be opened or read —: nothing recorded, res->reason
 * says why, the file should wait for the next run; "refused" when
 * opt->room said no: nothing recorded either), or -1 when an error of
 * the database, of a temporary file, or SIGTERM/SIGINT stopped it (logged,
 * except a signal; the transaction is rolled back).
 */
enum kpi_status load_file(PGconn *conn, const struct codes *codes, const char *path,
                          const struct load_options *opt, struct load_result *res);

/*
 * load_check_file: the checks of load_file without a database: read and
 * validate the submission at PATH against CODES (header, every row), with
 * the same messages (opt->max_messages of them). *res gets the status the
 * file would have and its row counts (rows_new, rows_revised and
 * rows_unchanged stay 0: only loading knows them). PATH may be a symbolic
 * link (a tool's own file, e.g. /proc/self/fd/N), but must lead to a regular
 * file. Returns 0, or -1 on an I/O error (logged).
 */
enum kpi_status load_check_file(const struct codes *codes, const char *path,
                                const struct load_options *opt, struct load_result *res);

#endif
