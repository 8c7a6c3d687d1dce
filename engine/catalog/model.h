/*
 * model.h — what an indicator catalog is once read (the JSON files of
 * indicators/, described in indicators/README.md): its metrics, its
 * indicators, the problems found in it and its version. Read it with
 * catalog_load (read.h); judge with catalog_judge (judge.h); store with
 * catalog_store (store.h). catalog/catalog.h includes them all.
 */
#ifndef KPI_CATALOG_MODEL_H
#define KPI_CATALOG_MODEL_H

#include "common/hash.h"

#include <stddef.h>

#define CATALOG_METRICS_FILE "metrics.json"

/* The most characters (code points) of short_name_vi and short_name_en. */
#define CATALOG_SHORT_NAME_MAX 60

struct catalog_units {
    const char **names;
    size_t n;
};

/* A metric code agencies report (one member of metrics.json). */
struct catalog_metric {
    const char *code;
    const char *name_vi;
    const char *name_en;
    const char *noun_vi; /* what one unit of the count is, plural in English: "công dân được cấp
                            Căn cước", "citizens issued an ID card" (a gap's noun, words.h) */
    const char *noun_en;
    const char *temporal;             /* "flow" (summed over time) or "stock" (last value) */
    struct catalog_units reported_by; /* the unit kinds that report it ("xa", "hospital", ...);
                                         n == 0 when the file does not say */
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
    const char *short_name_vi; /* at most CATALOG_SHORT_NAME_MAX characters: tables, subjects */
    const char *short_name_en;
    const char *plan_ref;
    const char *kind;      /* "ratio", "share" or "task" */
    const char *numerator; /* metric codes (ratio, share) */
    const char *denominator;
    const char *comparator; /* ">" or ">=" (ratio, share) */
    const char *target_pct; /* decimal string, "80", "99.5" */
    const char *target_text_vi;
    const char *facility_kind;    /* share: unit kind judged one by one */
    const char *facility_noun_vi; /* share: those units counted, "trường học", "schools" */
    const char *facility_noun_en;
    const char *inner_comparator;
    const char *inner_target_pct;
    const char *status_metric; /* task: reported 1 when done */
    const char *cadence;       /* "monthly_ytd", "ongoing" or "due" */
    const char *deadline_text_vi;
    const char *deadline_text_en;
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

#endif
