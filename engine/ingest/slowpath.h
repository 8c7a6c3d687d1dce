/*
 * slowpath.h — the slow path of loading one submission (load.h decides
 * when): inside the file's transaction, a second pass stages the good rows
 * and set-based statements merge them into kpi.observation: conflicts
 * become kpi.rejected_row rows (printed within the message budget),
 * identical duplicates are kept once, changed values are revised (the old
 * version kept in kpi.observation_superseded), new ones inserted, and their
 * months recorded in kpi.observation_month.
 */
#ifndef KPI_INGEST_SLOWPATH_H
#define KPI_INGEST_SLOWPATH_H

#include "common/status.h"
#include "ingest/codes.h"
#include "ingest/progress.h"
#include "ingest/reader.h"
#include "ingest/rowcheck.h"

#include <libpq-fe.h>
#include <sys/stat.h>

/* The file being loaded, as the slow path needs it; everything borrowed. */
struct slowpath_file {
    PGconn *conn;                         /* in the file's transaction */
    const char *path;                     /* read again, and named in messages */
    const char *id;                       /* the submission id, as text */
    const struct reader_limits *limits;   /* as the first pass read it */
    const struct stat *st;                /* the file as hashed: it must not have changed */
    const struct rowcheck_header *header; /* of the first pass */
    const struct codes *codes;
    struct progress *progress;
    long long data_rows;    /* data rows of the first pass, for the progress line */
    long long budget;       /* row messages that may still be printed */
    long long store_budget; /* rejected rows that may still be kept in kpi.rejected_row */
};

/* What the merge did. */
struct slowpath_counts {
    long long rejected; /* rows rejected as conflicts (counted as messages) */
    long long stored;   /* of them, those kept in kpi.rejected_row (the first store_budget) */
    long long rows_new, rows_revised, rows_unchanged;
    bool changed; /* after a failure: the file changed since it was hashed (its problem) */
};

/*
 * slowpath_load: stage and merge the good rows of F (see above). Returns 0
 * with *out, or -1 (logged) when the database refused or the file changed
 * since it was hashed (out->changed), or SIGTERM/SIGINT arrived (not
 * logged); the caller then rolls the transaction back. The raw text of a
 * rejected row is kept cut at f->limits->max_field bytes (reader_cut).
 */
enum kpi_status slowpath_load(const struct slowpath_file *f, struct slowpath_counts *out);

#endif
