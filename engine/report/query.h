/*
 * report/query.h — the queries of the leaders' report: every row the report
 * shows, read from kpi.indicator_value, kpi.indicator, kpi.unit and kpi.run,
 * all through PQexecParams. Each query names its result columns below; the
 * page (report/html.h) reads them by these names.
 */
#ifndef KPI_REPORT_QUERY_H
#define KPI_REPORT_QUERY_H

#include "common/status.h"

#include <libpq-fe.h>

/* What a report is about: one unit and one stored period of one kind. */
struct report_scope {
    PGconn *conn;
    const char *kind; /* a period kind (period_kinds) */
    char period[8];   /* "YYYY-MM", as asked */
    char unit[64];    /* the unit's code */
    char *unit_name;  /* malloc'd by report_query_unit; the caller frees it */
    char start[16];   /* "YYYY-MM-DD": the stored period, set by report_query_period */
    char end[16];
    const char *plan; /* --plan: the plan whose items are reported (borrowed); NULL: the plan in
                         force on the period's last day (issue 18) */
};

/*
 * report_query_unit: set S->unit and S->unit_name to the unit WANTED (a
 * code), or to the province (code 19 when several) when WANTED is NULL.
 * Returns KPI_OK; KPI_USAGE when there is no such unit (logged, with a
 * hint); KPI_ERROR when the query fails or memory runs out (logged).
 */
enum kpi_status report_query_unit(struct report_scope *s, const char *wanted);

/*
 * report_query_period: set S->start and S->end to the period of S->kind,
 * for S->unit, that holds the reference day of S->period: its 14th for
 * reporting kinds (report_*), its last day for calendar kinds. Returns
 * KPI_OK; KPI_REJECTED when no value of that period is stored (logged, with
 * a hint); KPI_ERROR when the query fails (logged).
 */
enum kpi_status report_query_period(struct report_scope *s);

/*
 * The queries below return their rows (PGRES_TUPLES_OK; the caller
 * PQclear()s), or NULL when the query fails (logged, with a hint to migrate
 * and compute when the schema lacks a table or function).
 */

/* report_query_headline: one row per indicator of the catalog as it stood
 * at the end of the period, in indicator order, with the unit's value of
 * the figure the plan judges it on (NULL columns when none): a ratio or share
 * target due on a date its deadline cell once that window has started (the
 * final verdict once the due date has passed), every other the period's
 * cell; and the trend against the previous judged period of the kind. */
PGresult *report_query_headline(const struct report_scope *s);

enum report_headline_col {
    H_ID,
    H_NAME,
    H_KIND,        /* the indicator's kind: "task" or a ratio kind */
    H_TARGET_TEXT, /* the plan's own words for the target, NULL when none */
    H_COMPARATOR,  /* ">" or ">=" */
    H_TARGET,      /* target_pct, NUMERIC text */
    H_RATIO,       /* ratio_pct, NUMERIC text */
    H_NUM,         /* bigint text */
    H_DEN,
    H_STATUS,
    H_REASON,
    H_GAP,      /* gap_count, bigint text */
    H_COMPLETE, /* completeness_pct, NUMERIC text */
    H_DELTA,    /* ratio_pct minus the previous judged period's (points, exact), judged only */
    H_LEAD,     /* the lead units, joined with "; " */
    H_DUE,      /* due date "YYYY-MM-DD" */
    H_PREV_END, /* the end of that previous period */
    H_SHORT,    /* from here: the words of the cell (common/words.h); short_name_vi */
    H_INNER_CMP,
    H_INNER_TARGET,
    H_NOUN,     /* what the gap counts: the numerator's noun, a share's facilities */
    H_DEADLINE, /* the plan's words for the deadline */
    H_LATE,     /* late_days */
    H_REASON_VI,
    H_NOTE,
    H_END,          /* the cell's period end */
    H_PERIOD_KIND,  /* the figure's period kind: the report's, or "deadline" (a target due on
                       a date: 1 January to the due date, its final verdict once passed) */
    H_START,        /* its period start */
    H_COUNTED_TO,   /* a deadline cell: the last day counted */
    H_PROJECTED,    /* projected_pct */
    H_NEEDED,       /* needed_per_month */
    H_MONTHS_FROM,  /* months counted whole (words_months) */
    H_MONTHS_TO,    /* (words_months) */
    H_ASPIRATIONAL, /* "t" when the plan says "phấn đấu" (issue 17) */
    H_BASELINE,     /* the day the denominator is fixed at, "YYYY-MM-DD", or NULL */
    H_LAGGING,      /* a task of many units: those under the unit not done, ", "-joined */
    H_SUSPECT,      /* "t": computed from an implausible value (kpi.data_quality_finding) */
    H_ASSIGNED,     /* a task of many units, the unit a province: "communes" or "listed" */
    H_YOY_RATIO, /* cùng kỳ năm trước (issue 18): the judged ratio of the same period a year
                    before, of the same series; NULL unless the item continues one of an
                    earlier plan ("continues") */
    H_YOY_END    /* that period's end */
};

/* report_query_series: the last 12 periods of S->kind up to S->end of
 * every indicator of the unit, ordered by indicator and period end. */
PGresult *report_query_series(const struct report_scope *s);

enum report_series_col {
    S_ID,
    S_END,
    S_RATIO, /* NULL unless the cell is judged */
    S_STATUS
};

/* report_query_ranking: the judged values of INDICATOR_ID for the units
 * under S->unit in the period, best first (ties by name, Vietnamese
 * collation). */
PGresult *report_query_ranking(const struct report_scope *s, const char *indicator_id);

enum report_ranking_col {
    K_NAME,
    K_RATIO,
    K_STATUS,
    K_TOTAL /* how many units are under S->unit (the same on every row) */
};

/* report_query_missing: the cells of the period without data (no_data) of
 * the unit and the units under it, one row per indicator (or indicators
 * missing the same units for the same reason) and reason, the most cells
 * first; the units listed in Vietnamese order, the unit itself first. */
PGresult *report_query_missing(const struct report_scope *s);

enum report_missing_col {
    M_IDS,    /* the indicator ids, joined with ", " */
    M_LEAD,   /* their lead units, joined with "; " ("" when none) */
    M_REASON, /* reason_vi ("" when none) */
    M_CELLS,  /* how many units miss data, bigint text */
    M_UNITS,  /* their names, joined with ", " */
    M_TOTAL   /* how many units there are: S->unit and those under it */
};

/* report_query_tasks: the tasks and dated indicators of the catalog, with
 * the unit's latest status up to S->end, by due date. */
PGresult *report_query_tasks(const struct report_scope *s);

enum report_tasks_col {
    T_ID,
    T_NAME,
    T_DUE,
    T_LEAD,
    T_STATUS,
    T_REASON,
    T_OVERDUE,
    T_SHORT, /* from here: the words of the cell (common/words.h) */
    T_KIND,
    T_DEADLINE,
    T_LATE,
    T_REASON_VI,
    T_END,
    T_NOTE,
    T_COMPARATOR,
    T_TARGET,
    T_TARGET_TEXT,
    T_RATIO,
    T_NUM, /* a task of many units: done, and assigned (bigint text) */
    T_DEN,
    T_ASSIGNED /* such a task, the unit a province: "communes" or "listed" */
};

/* report_query_footer: one row naming the compute run (kpi.compute_run)
 * and catalog version of the period's values, when they were computed, now,
 * and when that compute run finished (NULL when it has not). */
PGresult *report_query_footer(const struct report_scope *s);

enum report_footer_col { F_RUN, F_CATALOG, F_COMPUTED, F_NOW, F_RUN_FINISHED };

#endif
