/*
 * catalog.h — the indicator catalog (the JSON files of indicators/): where it is, reading
 * and validating it with every problem reported, its version (a SHA-256 of
 * its content), the exact threshold decision, and loading it into
 * kpi.metric / kpi.indicator. The file format is described in
 * indicators/README.md.
 */
#ifndef KPI_CATALOG_H
#define KPI_CATALOG_H

#include "common/hash.h"

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define CATALOG_METRICS_FILE "metrics.json"

/* A metric code agencies report (one member of metrics.json). */
struct catalog_metric {
    const char *code;
    const char *name_vi;
    const char *name_en;
    const char *temporal; /* "flow" (summed over time) or "stock" (last value) */
};

struct catalog_units {
    const char **names;
    size_t n;
};

/*
 * One indicator file. Strings are NULL when the file omits the key (for
 * instance numerator for a task, due_date unless cadence is "due").
 */
struct catalog_indicator {
    const char *file;           /* the file name inside the catalog directory */
    const char *id;             /* the appendix item, e.g. "3.1", "5.1.b" */
    const char *effective_from; /* YYYY-MM-DD, or NULL: since always */
    const char *name_vi;
    const char *name_en;
    const char *plan_ref;
    const char *kind;      /* "ratio", "share" or "task" */
    const char *numerator; /* metric codes (ratio, share) */
    const char *denominator;
    const char *comparator; /* ">" or ">=" (ratio, share) */
    const char *target_pct; /* decimal string, "80", "99.5" */
    const char *target_text_vi;
    const char *facility_kind; /* share: unit kind judged one by one */
    const char *inner_comparator;
    const char *inner_target_pct;
    const char *status_metric; /* task: reported 1 when done */
    const char *cadence;       /* "monthly_ytd", "ongoing" or "due" */
    const char *deadline_text_vi;
    const char *due_date;
    const char *note;
    struct catalog_units lead_units;
    struct catalog_units support_units;
};

/* One problem of a catalog, printed as "FILE: PATH: MESSAGE". */
struct catalog_problem {
    char *file;    /* file name inside the directory ("" for the directory) */
    char *path;    /* JSON pointer, "/" for the whole file */
    char *message; /* tells the editor what to fix */
};

struct catalog {
    char *dir;                      /* as given to catalog_load */
    char version[HASH_HEX_LEN];     /* SHA-256 of the content, see catalog_load */
    struct catalog_metric *metrics; /* in metrics.json order */
    size_t n_metrics;
    struct catalog_indicator *indicators; /* sorted by id (3.2 < 3.10), effective_from */
    size_t n_indicators;
    struct catalog_problem *problems; /* in file order; empty when the catalog is valid */
    size_t n_problems;
    void *priv; /* the parsed files the strings above point into */
};

/*
 * catalog_dir: the catalog directory kpi uses, into buf: OPTION (--catalog)
 * when not NULL/empty, else $KPI_CATALOG, else KPI_SOURCE_DIR/indicators when
 * it is a directory, else KPI_DATA_DIR/indicators when it is one. Returns 0,
 * or -1 (logged) when none is found or buf is too small.
 */
int catalog_dir(const char *option, char *buf, size_t len);

/*
 * catalog_load: read and validate every *.json file of DIR (files whose name
 * starts with "." are ignored; other files are not part of the catalog).
 * Every problem found is recorded in (*out)->problems, not only the first;
 * the catalog is usable only when n_problems is 0. (*out)->version is the
 * SHA-256, in hex, over the .json files in byte order of their names, each
 * fed as NAME, NUL, decimal byte length, NUL, bytes — the same on every
 * machine for the same content. Returns 0 with *out set (free it with
 * catalog_free), or -1 (logged) when memory runs out.
 */
int catalog_load(const char *dir, struct catalog **out);

/* catalog_free: release CAT and everything it points to (NULL is allowed). */
void catalog_free(struct catalog *cat);

/*
 * catalog_print_problems: write the problems of CAT to OUT, one a line, as
 * "DIR/FILE: PATH: MESSAGE" ("DIR: PATH: MESSAGE" for the directory itself).
 */
void catalog_print_problems(const struct catalog *cat, FILE *out);

/* catalog_metric_find: the metric CODE of CAT, or NULL. */
const struct catalog_metric *catalog_metric_find(const struct catalog *cat, const char *code);

/*
 * catalog_parse_pct: parse a percentage written as a decimal string, 1 to 3
 * digits with up to 6 after a point ("80", "99.5", "33.333333"), into
 * millionths of a percent (*micro = 80000000 for "80"). No sign, no spaces,
 * no "%". Returns 0, or -1 when TEXT is not such a string (*micro untouched).
 * The range 0..100 is the caller's check.
 */
int catalog_parse_pct(const char *text, int64_t *micro);

/*
 * catalog_judge: does NUMERATOR / DENOMINATOR meet COMPARATOR (">" or ">=")
 * TARGET_PCT (a string for catalog_parse_pct, 0..100)? Decided exactly, in
 * 128-bit integers (numerator * 100 against target * denominator), never in
 * floating point, for any counts 0..INT64_MAX. Returns 0 with *meets set;
 * 1 when DENOMINATOR is 0 (nothing to judge; *meets false); -1 when the
 * comparator or target is invalid or a count is negative (*meets false).
 */
int catalog_judge(const char *comparator, const char *target_pct, int64_t numerator,
                  int64_t denominator, bool *meets);

/*
 * catalog_store: load CAT (valid: n_problems 0) into kpi.metric and
 * kpi.indicator in one transaction: insert new rows, update changed ones
 * (rows whose content and catalog_version already match are not touched),
 * never delete; keep every version in kpi.metric_history /
 * kpi.indicator_history and record the load in kpi.catalog_load. One line
 * per change is written to REPORT (may be NULL); *changed (may be NULL) is
 * the number of rows inserted or updated. Returns 0, or -1 (logged, rolled
 * back).
 */
int catalog_store(PGconn *conn, const struct catalog *cat, FILE *report, int *changed);

/*
 * catalog_loaded_version: the catalog version loaded last into the
 * database, into out ("" when none, or when the schema has no catalog yet).
 * Returns 0, or -1 (logged).
 */
int catalog_loaded_version(PGconn *conn, char out[HASH_HEX_LEN]);

/*
 * catalog_sync: load the catalog of DIR and store it (catalog_store) when it
 * has no problems; otherwise print its problems on stderr and store
 * nothing. REPORT and *changed as for catalog_store. Returns KPI_OK,
 * KPI_REJECTED (the catalog has problems), or KPI_ERROR (logged).
 */
int catalog_sync(PGconn *conn, const char *dir, FILE *report, int *changed);

#endif
