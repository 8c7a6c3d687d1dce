/*
 * judge.h — the exact threshold decision of an indicator: a target
 * percentage written as a decimal string, and whether a ratio of counts
 * meets it, in 128-bit integers, never in floating point.
 */
#ifndef KPI_CATALOG_JUDGE_H
#define KPI_CATALOG_JUDGE_H

#include "common/status.h"

#include <stdbool.h>
#include <stdint.h>

#define CATALOG_PCT_SCALE INT64_C(1000000) /* catalog_parse_pct: millionths of a percent */

/*
 * catalog_parse_pct: parse a percentage written as a decimal string, 1 to 3
 * digits with up to 6 after a point ("80", "99.5", "33.333333"), into
 * millionths of a percent (*micro = 80000000 for "80"). No sign, no spaces,
 * no "%". Returns KPI_OK, or KPI_REJECTED (nothing logged; *micro untouched) when
 * TEXT is not such a string.
 * The range 0..100 is the caller's check.
 */
enum kpi_status catalog_parse_pct(const char *text, int64_t *micro);

/*
 * catalog_judge: does NUMERATOR / DENOMINATOR meet COMPARATOR (">" or ">=")
 * TARGET_PCT (a string for catalog_parse_pct, 0..100)? Decided exactly, in
 * 128-bit integers (numerator * 100 against target * denominator), never in
 * floating point, for any counts 0..INT64_MAX. Returns KPI_OK with *judged
 * true and *meets set; KPI_OK with *judged and *meets false when DENOMINATOR
 * is 0 (nothing to judge); KPI_REJECTED (nothing logged; *judged and *meets
 * false) when the comparator or target is invalid or a count is negative.
 */
enum kpi_status catalog_judge(const char *comparator, const char *target_pct, int64_t numerator,
                              int64_t denominator, bool *judged, bool *meets);

#endif
