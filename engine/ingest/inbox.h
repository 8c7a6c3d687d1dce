/*
 * inbox.h — ingesting a set of submission files: files or directories
 * (every *.csv in name order), each through load_file() in its own
 * transaction, optionally moved afterwards into ARCHIVE/processed/ (loaded,
 * even partly, or already ingested) or ARCHIVE/rejected/ (nothing loaded).
 * Used by `kpi ingest` and by the nightly `kpi run`.
 */
#ifndef KPI_INBOX_H
#define KPI_INBOX_H

#include "common/status.h"
#include "ingest/load.h"

#include <libpq-fe.h>
#include <stdbool.h>

struct inbox_totals {
    long files_accepted, files_partial, files_rejected, files_already;
    long long rows_accepted, rows_rejected, rows_new, rows_revised;
};

/* One walk: the caller fills conn, sets, opt and archive (NULL: leave files in place). */
struct inbox {
    PGconn *conn;             /* borrowed */
    const struct codes *sets; /* the codes rows are checked against (borrowed) */
    struct load_options opt;
    const char *archive;        /* borrowed; NULL: no archiving */
    struct inbox_totals totals; /* summed over every file so far */
};

/*
 * inbox_prepare_archive: create ARCHIVE, ARCHIVE/processed and
 * ARCHIVE/rejected when missing. 0, or -1 (logged).
 */
enum kpi_status inbox_prepare_archive(const char *archive);

/*
 * inbox_ingest_path: ingest PATH, a file or a directory (its *.csv files in
 * name order, not recursive), adding to in->totals. A file is archived only
 * after its transaction committed; a file that could not be archived stays
 * where it was. Returns 0, or -1 when an error (database, I/O) stopped it
 * (logged; the file in progress rolled back, those before it kept).
 */
enum kpi_status inbox_ingest_path(struct inbox *in, const char *path);

/* inbox_rejected_any: whether some file was rejected whole or in part. */
bool inbox_rejected_any(const struct inbox_totals *t);

#endif
