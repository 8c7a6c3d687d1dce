/*
 * report.h — the leaders' report: one self-contained HTML file (inline CSS
 * and SVG, no script, no fetch) showing where a unit (by default the
 * province) stands on every indicator of the catalog for one period, read
 * from kpi.indicator_value, kpi.indicator and kpi.unit. Sections: headline
 * table, a 12-period chart per indicator with its target line, the ranking
 * of communes and wards on the headline indicators, the missing data, the
 * dated tasks, and a footer naming the run, the catalog version and the
 * data cut-off. Vietnamese; prints on A4.
 */
#ifndef KPI_REPORT_H
#define KPI_REPORT_H

#include "common/status.h"

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

struct report_options {
    const char *period; /* "YYYY-MM": the month the report is for */
    const char *kind;   /* a period kind (see report_kind_valid); NULL: "report_month" */
    const char *unit;   /* a unit code; NULL: the province (code 19 when several) */
    const char *plan;   /* a plan id (--plan); NULL: the plan in force on the period's last day */
};

/* The indicators whose communes are ranked (KH 05 appendix items), in the order of the report. */
#define REPORT_NRANKED 4
extern const char *const report_ranked[REPORT_NRANKED];

struct report_scope; /* report/query.h */

/*
 * report_scope_open: resolve OPT into *S (report/query.h) for CONN: the
 * unit (the province when OPT->unit is NULL) and the stored period of
 * OPT->kind holding the reference day of OPT->period (see report_write).
 * Returns KPI_OK (the caller ends S with report_scope_close); KPI_USAGE for
 * a malformed period, an unknown kind or unit; KPI_REJECTED when no value of
 * that period is stored; KPI_ERROR when a query fails (all logged; nothing
 * to close on failure).
 */
enum kpi_status report_scope_open(PGconn *conn, const struct report_options *opt,
                                  struct report_scope *s);

/* report_scope_close: free what report_scope_open allocated in S. */
void report_scope_close(struct report_scope *s);

/*
 * report_kind_valid: whether KIND is a period kind the report knows:
 * report_month, report_quarter, report_half, report_9m, report_year, month,
 * quarter, half, year, ytd.
 */
bool report_kind_valid(const char *kind);

/*
 * report_write: write the report OPT asks for to OUT_PATH, through a
 * temporary file in the same folder renamed into place (a reader never sees
 * half a report; OUT_PATH is left untouched on failure). The period is the
 * one of OPT->kind, for OPT->unit, that contains the 14th of OPT->period
 * (reporting kinds, report_*) or its last day (calendar kinds), as kpi
 * compute stored it. Returns KPI_OK; KPI_USAGE for a malformed period,
 * unknown kind or unknown unit; KPI_REJECTED when the database has no value
 * for that period (nothing written); KPI_ERROR when a database or file error
 * stops it (all logged).
 */
enum kpi_status report_write(PGconn *conn, const struct report_options *opt, const char *out_path);

#define REPORT_DUE_MAX 4

/*
 * report_due_kinds: the reports due on DATE ("YYYY-MM-DD", a Vietnam
 * calendar day), by the reporting regime of the plan ("15 hằng tháng, 6
 * tháng và năm"): on the 15th of every month report_month, and also
 * report_quarter in March, June, September and December, report_half in
 * June, report_9m in September and report_year in December — each for the
 * window that closed on the 14th, i.e. --period YYYY-MM of DATE. Stores up
 * to REPORT_DUE_MAX kind names (static strings) in KINDS and their number
 * in *N (0 on other days). Returns KPI_OK, or KPI_REJECTED (nothing logged;
 * *N 0) when DATE is not a valid date.
 */
enum kpi_status report_due_kinds(const char *date, const char *kinds[REPORT_DUE_MAX], size_t *n);

/*
 * report_write_due: write every report due on DATE (report_due_kinds) for
 * the province into folder DIR as DIR/KIND-YYYY-MM.html, e.g.
 * report_month-2025-09.html — what the nightly run calls. Tries every due
 * kind even when one fails. *written (may be NULL) = how many were written.
 * Returns KPI_OK (also when none is due), KPI_USAGE for an invalid DATE,
 * KPI_ERROR when a report failed, else KPI_REJECTED when a due report had no
 * computed values (data not in yet; logged).
 */
enum kpi_status report_write_due(PGconn *conn, const char *date, const char *dir, int *written);

#endif
