/*
 * inbox.h — ingesting a set of submission files: files or directories
 * (every entry in name order, not starting with '.' nor ending .part,
 * .filepart or .tmp; the
 * files of a sub-folder vi/ read with locale vi, rowcheck.h), each through
 * load_file() in its own transaction, optionally moved afterwards into
 * ARCHIVE/processed/ (loaded, even partly, or already ingested) or
 * ARCHIVE/rejected/ (nothing loaded). *.csv and *.xlsx files are loaded;
 * any other file of a directory (.xls, .ods, .pdf, .docx, an image…) is
 * recorded rejected with what to send instead ("send .xlsx or .csv: save
 * it in LibreOffice/Excel as 'Excel 2007-365 (.xlsx)'") and moved to
 * rejected/ like a rejected CSV. Used by `kpi ingest` and by the nightly
 * `kpi run`.
 *
 * A bad file never stops the others (docs/operators.md, "The inbox"):
 *  - only regular files of one link are read: a symbolic link (never
 *    followed), a FIFO, a device, a socket, a directory or a hard link is
 *    reported by name and moved (renamed, never read) to rejected/;
 *  - a name that is not UTF-8 or holds control characters is recorded
 *    escaped and the file rejected (load_file);
 *  - a file still being written waits for the next run: the convention is
 *    to upload under a name the walk skips (".name.csv", "name.csv.part")
 *    and rename it into place; besides, a file that changed while it was
 *    read is left in place, and with a settle delay (inbox.settle,
 *    --settle, $KPI_SETTLE_SECONDS) one modified less than that ago too;
 *  - a file that cannot be archived is reported and stays where it is;
 *  - before a file is written to the database (hashed, and not already
 *    ingested), the free space under the database's data directory (when
 *    the server is on this machine) and under the file's directory is
 *    checked: a margin ($KPI_MIN_FREE_BYTES, default 256M), and 4 times the
 *    file under the data directory; short of it the file waits, with
 *    "FILE: not ingested: only N MB free under DIR, need M MB".
 * Only an error of the database (or SIGTERM/SIGINT) ends a walk.
 */
#ifndef KPI_INBOX_H
#define KPI_INBOX_H

#include "common/status.h"
#include "ingest/load.h"
#include "ingest/receipt.h"

#include <libpq-fe.h>
#include <stdbool.h>

/* Free bytes kept beyond what a file needs ($KPI_MIN_FREE_BYTES overrides it). */
#define INBOX_DEFAULT_MIN_FREE (256LL * 1024 * 1024)

struct inbox_totals {
    long files_accepted, files_partial, files_rejected, files_already;
    long files_deferred; /* left for the next run: settling, changed while read, unreadable */
    long files_refused;  /* left for the next run: not enough free space */
    long files_unmoved;  /* ingested (or refused) but could not be archived */
    long long rows_accepted, rows_rejected, rows_new, rows_revised;
};

/* One walk: the caller fills conn, sets, opt and archive (NULL: leave files in place). */
struct inbox {
    PGconn *conn;             /* borrowed */
    const struct codes *sets; /* the codes rows are checked against (borrowed) */
    struct load_options opt;
    const char *archive; /* borrowed; NULL: no archiving */
    long settle;         /* seconds a file must be unmodified; 0: none */
    bool settle_set;     /* settle was given; false: $KPI_SETTLE_SECONDS, else 0 */
    /* NULL: no receipts; else each file loaded gets one (receipt.h), beside its archived
     * copy unless receipts->dir says where (borrowed) */
    const struct receipt_options *receipts;
    struct inbox_totals totals; /* summed over every file so far */
    /* private: the server's data directory, once looked up ("" unknown or remote) */
    long long min_free, max_file; /* the margin of free space, the file limit */
    bool db_dir_looked;
    char db_dir[4096];
    char moved[4096]; /* where the last file was archived (PATH_MAX) */
};

/*
 * inbox_prepare_archive: create ARCHIVE, ARCHIVE/processed and
 * ARCHIVE/rejected when missing. 0, or -1 (logged) when ARCHIVE cannot be
 * made; processed/ or rejected/ that cannot be is logged only (each file
 * that cannot be moved there is then reported, and the walk goes on).
 */
enum kpi_status inbox_prepare_archive(const char *archive);

/*
 * inbox_ingest_path: ingest PATH, a file or a directory (its entries in
 * name order, and those of its vi/ folder; no other sub-folder is read, the
 * archive's processed/ and rejected/ silently; a directory given is
 * followed even through a symbolic link, its entries never), adding to
 * in->totals, as described
 * above. A file is archived only after its transaction committed; a file
 * that could not be archived stays where it was (files_unmoved). Returns 0,
 * or -1 when PATH does not exist, $KPI_SETTLE_SECONDS or
 * $KPI_MIN_FREE_BYTES is not valid, or an error of the database (or a
 * signal: see interrupt_requested, then not logged) stopped it (logged; the
 * file in progress rolled back, those before it kept).
 */
enum kpi_status inbox_ingest_path(struct inbox *in, const char *path);

/*
 * inbox_parse_settle: TEXT as a settle delay, whole seconds from 0 to 86400.
 * KPI_OK with *out, or KPI_REJECTED (nothing logged; *out untouched).
 */
enum kpi_status inbox_parse_settle(const char *text, long *out);

/*
 * inbox_rejected_any: whether some file was rejected whole or in part, or
 * refused for want of space, or could not be archived (the exit status 3).
 */
bool inbox_rejected_any(const struct inbox_totals *t);

#endif
