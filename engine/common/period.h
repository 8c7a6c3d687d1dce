/*
 * period.h — the periods kpi computes over, as people write them on the
 * command line and read them: months ("YYYY-MM"), days of a month, and the
 * one list of period kinds ("month", "report_year"…) with their names in
 * Vietnamese and English and the nouns they are counted in. The windows themselves are computed in
 * SQL (kpi.period_windows).
 */
#ifndef KPI_PERIOD_H
#define KPI_PERIOD_H

#include "common/status.h"

#include <stdbool.h>

#define PERIOD_DATE_LEN 11 /* "YYYY-MM-DD" and a NUL */

/*
 * period_parse_month: check that S is a month "YYYY-MM" (year 1900..9999,
 * month 01..12, nothing else) and write its first day "YYYY-MM-01" into out.
 * Returns KPI_OK, or KPI_REJECTED (nothing logged; out untouched) when S is
 * not a month.
 */
enum kpi_status period_parse_month(const char *s, char out[PERIOD_DATE_LEN]);

/*
 * period_days_in_month: the number of days of MONTH (1..12) of YEAR in the
 * Gregorian calendar (29 for February of 2024, 2000; 28 of 1900, 2025).
 * Returns 0 when MONTH is out of range.
 */
int period_days_in_month(int year, int month);

/*
 * period_days_from_civil: the days since 1970-01-01 of YEAR-MONTH-DAY in the
 * proleptic Gregorian calendar (H. Hinnant's days_from_civil; negative before
 * 1970: 1899-12-30 is -25569). period_civil_from_days: its inverse, the date
 * of day DAYS into *year, *month, *day. Neither checks its input; neither fails.
 */
long period_days_from_civil(long year, long month, long day);
void period_civil_from_days(long days, long *year, long *month, long *day);

/* A period kind of kpi.indicator_value, with the words people read for it. */
struct period_kind {
    const char *name;     /* as stored and written on the command line: "report_9m" */
    const char *label_vi; /* for people: "kỳ báo cáo 9 tháng" */
    const char *label_en; /* in English: "nine-month reporting period" */
    /* How periods of the kind are counted ("3 quý liên tiếp", "3 consecutive quarters"):
       the Vietnamese noun, the English one and its plural. */
    const char *unit_vi, *unit_en, *units_en;
};

/* The period kinds, calendar first, then reporting ones; ended by a NULL name. */
extern const struct period_kind period_kinds[];

/*
 * period_kind_valid: whether KIND (may be NULL) is one of period_kinds.
 */
bool period_kind_valid(const char *kind);

/*
 * period_kind_find: the entry of period_kinds named KIND (may be NULL), or
 * NULL when there is none. Static storage.
 */
const struct period_kind *period_kind_find(const char *kind);

/*
 * period_kind_label: the name of KIND for people, as kpi show and the alert
 * texts print it: its label_vi when VI, else its label_en. An unknown KIND
 * is returned as given. Never NULL unless KIND is.
 */
const char *period_kind_label(const char *kind, bool vi);

#endif
