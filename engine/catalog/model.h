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

#include <stdbool.h>
#include <stddef.h>

#define CATALOG_METRICS_FILE  "metrics.json"
#define CATALOG_SCHEDULE_FILE "schedule.json" /* optional: expected submissions (watch.h) */
#define CATALOG_PLAN_FILE     "plan.json"     /* a plan's folder: indicators/<plan id>/ */

/*
 * One plan (a folder of the catalog holding plan.json and its items, issue 18):
 * the document, and the days it is in force. A period is judged by the plan in
 * force on its last day (docs/plans.md). Strings point into the parsed file;
 * appendix_*, note NULL when absent.
 */
struct catalog_plan {
    const char *dir;             /* the folder name, equal to id */
    const char *id;              /* "kh05-2025": lower-case letters, digits, "-" */
    const char *document_number; /* "05/KH-UBND" */
    const char *document_date;   /* YYYY-MM-DD */
    const char *appendix_number; /* the appendix's own citation when it differs, or NULL */
    const char *appendix_date;
    const char *title_vi;
    const char *title_en;
    const char *valid_from; /* YYYY-MM-DD: the first day in force */
    const char *valid_to;   /* YYYY-MM-DD: the last day in force */
    const char *province;
    const char *note;
    char version[HASH_HEX_LEN]; /* SHA-256 of plan.json */
};

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
    bool month_in_report_month;       /* month totals belong to the reporting window holding
                                         their month's 15th (4.2.2, 4.2.3) */
};

/*
 * One indicator file. Strings are NULL when the file omits the key (for
 * instance numerator for a task, due_date unless cadence is "due").
 */
struct catalog_indicator {
    const char *file;           /* the file inside the catalog directory: "kh05-2025/3.1.json" */
    const char *plan;           /* its plan's id, or NULL for an item outside any plan folder */
    const char *id;             /* the appendix item, e.g. "3.1", "5.1.b" */
    const char *continues;      /* "<plan>/<item>" it carries over (one series), or NULL */
    const char *effective_from; /* YYYY-MM-DD, or NULL: since always */
    const char *name_vi;
    const char *name_en;
    const char *short_name_vi; /* at most CATALOG_SHORT_NAME_MAX characters: tables, subjects */
    const char *short_name_en;
    const char *plan_ref;
    const char *kind;      /* "ratio", "share", "task" or "monitor" */
    const char *numerator; /* metric codes (ratio, share) */
    const char *denominator;
    const char *comparator; /* ">" or ">=" (ratio, share) */
    const char *target_pct; /* decimal string, "80", "99.5" */
    const char *target_text_vi;
    const char *facility_kind;    /* share: unit kind judged one by one (the first of
                                     facility_kinds when the file lists several) */
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
    /* How the plan judges it (issue 17; indicators/README.md quotes the plan for each). */
    struct catalog_units facility_kinds; /* share: every kind judged ("facility_kind" a list) */
    bool aspirational;                   /* "phấn đấu": alerts at most warning */
    const char *denominator_baseline;    /* ratio: the denominator fixed at this day, or NULL */
    const char *assigned_to;             /* task: "province" (NULL too), "communes", "listed" */
    struct catalog_units assigned_units; /* task, assigned_to "listed": the unit codes */
    /* Set by catalog_load once every file is read (issue 18). */
    char *series;               /* the series key: "<plan>/<item>" of the item its continues
                                   chain starts at ("3.1" outside plans); freed by catalog_free */
    char version[HASH_HEX_LEN]; /* SHA-256 of the item's own file, its plan id and the metrics
                                   it counts: a changed target re-stamps only its cells */
};

/*
 * How one metric's counts are checked for implausible values (metrics.json, the
 * metric's "quality" object; defaults when absent). Numbers as decimal text for
 * the database; NULL: no bound.
 */
struct catalog_quality {
    const char *window;      /* the unit's earlier months a value is judged against: "12" */
    const char *z_threshold; /* the modified z-score beyond which it is an outlier: "3.5" */
    const char *min_periods; /* the fewest earlier months that make a judgement: "6" */
    const char *min, *max;   /* bounds of a unit's month, or NULL */
    bool monotone;           /* a stock that should only grow: a fall is a finding */
    char buf[4][24];         /* storage of the numbers above */
};

/* One expected submission of schedule.json: who sends which metrics, how often, by when. */
struct catalog_schedule {
    const char *name;                /* "communes-daily" */
    const char *sender_vi;           /* "UBND xã, phường, đặc khu", "Sở Y tế" */
    struct catalog_units unit_kinds; /* the units that send (kpi.unit.kind) … */
    struct catalog_units unit_codes; /* … or named units */
    struct catalog_units metrics;    /* n == 0: those whose reported_by names a kind */
    struct catalog_units lead_units; /* n == 0: the lead units of the indicators using each */
    const char *cadence;             /* "daily" or "monthly" */
    char due_after[48];              /* PostgreSQL interval text: "1 day 08:00" */
    char lookback[16];               /* periods listed: "7" */
    const char *since;               /* YYYY-MM-DD: the first period expected */
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
    struct catalog_indicator *indicators; /* sorted by plan (items outside plans first, then by
                                             valid_from), id (3.2 < 3.10), effective_from */
    size_t n_indicators;
    struct catalog_plan *plans; /* sorted by valid_from */
    size_t n_plans;
    struct catalog_problem *problems; /* in file order; empty when the catalog is valid */
    size_t n_problems;
    void *priv; /* the parsed files the strings above point into */
    /* data watch (catalog/watch.h): per metric of metrics.json, in its order, how its counts
     * are checked ("quality"); the expected submissions of schedule.json (none without it) */
    struct catalog_quality *quality; /* n_metrics entries once metrics.json is read */
    struct catalog_schedule *schedules;
    size_t n_schedules;
    const char *time_zone; /* schedule.json's, "Asia/Ho_Chi_Minh" by default */
};

#endif
