/*
 * check.h — the validation of a catalog's parsed JSON files (read.c parses,
 * this checks): metrics.json and each indicator file, every problem
 * recorded with its file and JSON pointer, not only the first. Internal to
 * engine/catalog/.
 */
#ifndef KPI_CATALOG_CHECK_H
#define KPI_CATALOG_CHECK_H

#include "catalog/model.h"
#include "common/dynbuf.h"

#include <cjson/cJSON.h>
#include <stdbool.h>

/* The state of checking one catalog. */
struct check {
    struct catalog *cat;    /* borrowed: indicators are checked against its metrics */
    const char *file;       /* the file being checked, named in problems ("" the directory) */
    bool metrics_ok;        /* metrics.json parsed: metric codes can be checked */
    bool oom;               /* memory ran out: the catalog is unusable */
    struct dynbuf problems; /* struct catalog_problem, in the order found */
};

/* check_init: start checking CAT (not NULL): no problem yet, file "". No allocation. */
void check_init(struct check *ck, struct catalog *cat);

/*
 * check_problem: record a problem of ck->file at the JSON pointer PATH
 * ("/" for the whole file), its message from FMT. When memory runs out the
 * problem is lost and ck->oom set.
 */
void check_problem(struct check *ck, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * check_metrics: check ROOT, the object of metrics.json, and fill
 * ck->cat->metrics / n_metrics (a faulty metric is kept, so that the
 * indicators using it draw no second problem).
 */
void check_metrics(struct check *ck, const cJSON *root);

/*
 * check_indicator: check ROOT, the object of one indicator file, and fill
 * IND with its valid values (pointing into ROOT, which must outlive IND).
 */
void check_indicator(struct check *ck, const cJSON *root, struct catalog_indicator *ind);

/*
 * check_plan: check ROOT, the object of a plan folder's plan.json, and fill
 * PLAN (its dir set by the caller) with its valid values (pointing into ROOT).
 */
void check_plan(struct check *ck, const cJSON *root, struct catalog_plan *plan);

/* check_is_plan_id: whether S is a plan id: lower-case letters, digits and "-". */
bool check_is_plan_id(const char *s);

/* check_date_error: NULL when TEXT is a date YYYY-MM-DD, else why not (static storage). */
const char *check_date_error(const char *text);

/* check_is_code: whether S is a code: a lower-case letter, then letters, digits or "_". */
bool check_is_code(const char *s);

/*
 * check_finish: hand the problems to ck->cat (problems, n_problems; freed by
 * catalog_free). CK is empty after and must be initialised again to be used.
 */
void check_finish(struct check *ck);

#endif
