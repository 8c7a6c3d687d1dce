/*
 * builtin/ingest.c — `kpi ingest [--archive DIR] [--settle SECONDS]
 * [--sheet NAME] [--locale vi] PATH...`:
 * load agency submission files (engine/ingest/load.c), each in its own
 * transaction, and optionally move them to DIR/processed/ or DIR/rejected/
 * afterwards (engine/ingest/inbox.c: what is refused, what waits).
 */
#include "alerts/routes.h"
#include "builtin.h"
#include "db/conn.h"
#include "ingest/inbox.h"
#include "common/interrupt.h"
#include "common/log.h"
#include "db/migrate.h"
#include "common/sizelimit.h"
#include "common/status.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define INGEST_SCHEMA 4 /* kpi.observation_month: any schema from the baseline (12) on */

static const struct command_doc ingest_doc = {
    .name = "ingest",
    .synopsis =
        "kpi ingest [--archive DIR] [--settle SECONDS] [--sheet NAME] [--locale vi] PATH...\n"
        "kpi ingest [--receipt-dir DIR] [--routes FILE] PATH...\n"
        "kpi ingest [--max-row-bytes N] [--max-field-bytes N] [--max-file-bytes N] PATH...",
    .description =
        "Load agency submissions: CSV or Excel (.xlsx) files, or directories (every *.csv and\n"
        "*.xlsx in name order; any other file there is moved to DIR/rejected/ with what to send\n"
        "instead; the files of a sub-folder vi/ are read with --locale vi).\n"
        "Header period,unit,metric,value[,agency,note] in any order; ',' or ';'; UTF-8. Or the\n"
        "wide layout: period,unit,<metric>,<metric>... (one row per unit, one column per\n"
        "metric): each non-empty cell is one value. A workbook's first sheet is read (or\n"
        "--sheet NAME), its cells as typed: dates, numbers, text; messages name FILE:SHEET!CELL.\n"
        "Good rows are kept, bad rows recorded in kpi.rejected_row with their reason; each file\n"
        "is one transaction; a file already ingested (same SHA-256) changes nothing.\n"
        "Only regular files are read: a symbolic link, FIFO, device or directory named *.csv is\n"
        "reported and moved to DIR/rejected/ unread. Upload under another name (.x.csv or\n"
        "x.csv.part) and rename into place: a file that changes while it is read is left for\n"
        "the next run. Before each file the free space under the database's data directory and\n"
        "the inbox is checked (KPI_MIN_FREE_BYTES, default 256M, plus 4 times the file).\n"
        "With --locale vi, day-first dates (31/07/2025, 07/2025) and counts grouped by '.'\n"
        "(18.250) are read too; without it they are refused with a hint.\n"
        "With --archive or --receipt-dir, each file gets a receipt in Vietnamese for its\n"
        "agency, FILE.receipt.txt and FILE.receipt.xlsx (beside the archived file, or in the\n"
        "--receipt-dir): its SHA-256, counts and every rejected row with what to write instead;\n"
        "e-mailed when the --routes file's \"agencies\" map the file's name to a receiver.\n",
    .epilogue = "N is a byte count with an optional k, M or G. A workbook's shared strings are\n"
                "capped at KPI_MAX_XLSX_STRINGS_BYTES (default 64M, uncompressed).\n\n"
                "exit status: 0 every file accepted, already ingested or left for later; 3 some\n"
                "rows or files rejected, refused for space, or not archived; 1 an error of the\n"
                "database stopped it (the file in progress rolled back); 2 usage\n",
};

/* The callback of --settle SECONDS: 0, or KPI_USAGE. */
static enum kpi_status settle_option(const struct kpi_option *opt, const char *text)
{
    struct inbox *in = opt->value;
    if (inbox_parse_settle(text, &in->settle) != KPI_OK) {
        builtin_usage_error("ingest", "--settle takes whole seconds from 0 to 86400, not \"%s\"",
                            text);
        return KPI_USAGE;
    }
    in->settle_set = true;
    return KPI_OK;
}

/* The callback of --max-row-bytes, --max-field-bytes, --max-file-bytes: 0, or -1. */
static enum kpi_status limit_option(const struct kpi_option *opt, const char *text)
{
    struct reader_limits *l = opt->value;
    bool file = strcmp(opt->long_name, "max-file-bytes") == 0;
    long long v;
    long long max = file ? LLONG_MAX : READER_MAX_ROW;
    if (sizelimit_parse(text, &v) != 0 || v > max) {
        builtin_usage_error(
            "ingest", "\"%s\" is not a size from 1 to %lld bytes (e.g. 65536, 64k, 2G)", text, max);
        return KPI_USAGE;
    }
    if (file)
        l->max_file = v;
    else if (strcmp(opt->long_name, "max-row-bytes") == 0)
        l->max_row = (size_t)v;
    else
        l->max_field = (size_t)v;
    return KPI_OK;
}

/* The callback of --locale: only vi (and the default, c). 0, or KPI_USAGE. */
static enum kpi_status locale_option(const struct kpi_option *opt, const char *text)
{
    struct reader_limits *l = opt->value;
    if (strcmp(text, "vi") == 0 || strcmp(text, "c") == 0 || strcmp(text, "C") == 0) {
        l->locale_vi = strcmp(text, "vi") == 0;
        return KPI_OK;
    }
    builtin_usage_error("ingest", "--locale takes vi (or c, the default), not \"%s\"", text);
    return KPI_USAGE;
}

enum kpi_status cmd_ingest(int argc, char **argv)
{
    struct inbox run = {.opt = {.progress = isatty(STDERR_FILENO), .max_messages = 100}};
    struct codes *sets = NULL;
    struct receipt_options receipts = {0};
    const char *routes_path = NULL;
    struct routes *routes = NULL;
    int version, sig, rc = KPI_ERROR;
    struct kpi_option options[] = {
        OPT_STRING("archive", 0, &run.archive, "DIR",
                   "after each file, move it to DIR/processed/ (loaded, even partly, or already "
                   "ingested) or DIR/rejected/ (nothing of it loaded)"),
        OPT_STRING("receipt-dir", 0, &receipts.dir, "DIR",
                   "write each file's receipt into DIR (default: beside the archived file, with "
                   "--archive; else none)"),
        OPT_STRING("routes", 0, &routes_path, "FILE",
                   "e-mail each receipt to the agency its \"agencies\" name for the file"),
        OPT_CALLBACK("settle", 0, &run, "SECONDS", settle_option,
                     "leave a file modified less than SECONDS ago for the next "
                     "run (default 0; $KPI_SETTLE_SECONDS)"),
        OPT_STRING("sheet", 0, &run.opt.limits.sheet, "NAME",
                   "read the sheet NAME of a workbook (.xlsx) instead of its first"),
        OPT_CALLBACK("locale", 0, &run.opt.limits, "vi", locale_option,
                     "read day-first dates (31/07/2025) and '.' thousands (18.250) too"),
        OPT_CALLBACK("max-row-bytes", 0, &run.opt.limits, "N", limit_option,
                     "longest row (default 64k; $KPI_MAX_ROW_BYTES; at most 1M): the file is "
                     "rejected"),
        OPT_CALLBACK("max-field-bytes", 0, &run.opt.limits, "N", limit_option,
                     "longest field (default 4k; $KPI_MAX_FIELD_BYTES): the row is rejected"),
        OPT_CALLBACK("max-file-bytes", 0, &run.opt.limits, "N", limit_option,
                     "largest file (default 4G; $KPI_MAX_FILE_BYTES): the file is rejected"),
        OPT_END(),
    };
    int args;
    enum kpi_status done;
    if (!parse_options(argc, argv, &ingest_doc, options, &args, &done))
        return done;
    if (args >= argc)
        return builtin_usage_error("ingest", "no file or directory to ingest");
    if (routes_path != NULL && run.archive == NULL && receipts.dir == NULL)
        return builtin_usage_error("ingest", "--routes sends receipts: give --archive or "
                                             "--receipt-dir too");
    if (run.archive != NULL && inbox_prepare_archive(run.archive) != 0)
        return KPI_ERROR;
    if (receipts.dir != NULL && mkdir(receipts.dir, 0755) != 0 && errno != EEXIST) {
        log_error("could not create directory \"%s\": %s", receipts.dir, strerror(errno));
        return KPI_ERROR;
    }
    if (routes_path != NULL) {
        int n;
        enum kpi_status st = routes_load(routes_path, stderr, &routes, &n);
        if (st != KPI_OK) {
            if (st == KPI_REJECTED)
                log_error("%d problem%s in the routes file \"%s\"; nothing was done", n,
                          n == 1 ? "" : "s", routes_path);
            return KPI_ERROR;
        }
        receipts.routes = routes;
    }
    if (run.archive != NULL || receipts.dir != NULL)
        run.receipts = &receipts;
    if (conn_open(kpi_opts.db, kpi_opts.home, &run.conn) != 0) {
        routes_free(routes);
        return KPI_ERROR;
    }
    /* SIGTERM, SIGINT: the statement in progress is cancelled, its file rolled back */
    if (interrupt_install(run.conn) != 0)
        goto done;
    if (migrate_version(run.conn, &version) != KPI_OK)
        goto done;
    if (version < INGEST_SCHEMA) {
        log_error("the database schema is at version %d, ingesting needs %d; run 'kpi migrate'",
                  version, INGEST_SCHEMA);
        goto done;
    }
    if (codes_load(run.conn, &sets) != 0)
        goto done;
    run.sets = sets;
    for (int i = args; i < argc && !interrupt_requested(NULL); i++)
        if (inbox_ingest_path(&run, argv[i]) != 0)
            goto done;
    if (interrupt_requested(NULL))
        goto done;
    rc = inbox_rejected_any(&run.totals) ? KPI_REJECTED : KPI_OK;
done:
    if (interrupt_requested(&sig))
        log_error("interrupted by signal %d: the file in progress was rolled back, the files "
                  "before it are kept",
                  sig);
    interrupt_watch(NULL);
    codes_free(sets);
    routes_free(routes);
    PQfinish(run.conn);
    return rc;
}
