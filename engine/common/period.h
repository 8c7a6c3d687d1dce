/*
 * period.h — the periods kpi computes over, as people write them on the
 * command line: months ("YYYY-MM") and period kinds ("month", "report_year"…).
 * The windows themselves are computed in SQL (kpi.period_windows, sql/005).
 */
#ifndef KPI_PERIOD_H
#define KPI_PERIOD_H

#include <stdbool.h>

#define PERIOD_DATE_LEN 11 /* "YYYY-MM-DD" and a NUL */

/*
 * period_parse_month: check that S is a month "YYYY-MM" (year 1900..9999,
 * month 01..12, nothing else) and write its first day "YYYY-MM-01" into out.
 * Returns 0, or -1 (nothing logged; out untouched) when S is not a month.
 */
int period_parse_month(const char *s, char out[PERIOD_DATE_LEN]);

/*
 * period_kind_valid: whether KIND is one of the period kinds of
 * kpi.indicator_value (period_kinds, in the order people read them).
 */
bool period_kind_valid(const char *kind);

/* The period kinds, NULL-terminated: calendar first, then reporting ones. */
extern const char *const period_kinds[];

#endif
