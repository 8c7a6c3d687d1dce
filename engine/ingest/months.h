/*
 * months.h — which (metric, month) pairs a submission brings, and whether
 * a month has day rows, month rows or both: what decides the fast path of
 * loading (a file whose months hold no value yet and mix no grains) and
 * which months are recorded in kpi.observation_month. Memory is bounded by
 * MONTHS_MAX pairs, never per row.
 */
#ifndef KPI_INGEST_MONTHS_H
#define KPI_INGEST_MONTHS_H

#include "common/status.h"
#include "ingest/codes.h"
#include "ingest/rowcheck.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MONTHS_MAX     65536 /* pairs before the summary gives up (overflow) */
#define MONTHS_CACHE   256
#define MONTHS_DAY_LEN 24 /* "YYYY-MM-01" and its NUL, with room for any int year */

/* The summary; all zero (= {0}) is empty. Read n, overflow and mixed; the rest is private. */
struct months {
    uint64_t *key;         /* metric << 32 | (year * 12 + month - 1), +1; 0 = empty */
    unsigned char *grains; /* bit 1: day rows, bit 2: month rows */
    size_t cap, n;         /* n: the pairs held */
    bool overflow;         /* too many pairs, or out of memory: take the slow path */
    bool mixed;            /* a month has both day and month rows */
    /* the last key seen of each metric (mod MONTHS_CACHE) and its grains, 0: none */
    uint64_t cache_key[MONTHS_CACHE];
    unsigned char cache_grains[MONTHS_CACHE];
};

/* months_add: note a good row of metric number METRIC for the period P. Never fails (see overflow).
 */
void months_add(struct months *s, int metric, const struct rowcheck_period *p);

/*
 * months_arrays: the pairs of S as two array literals, '{metric,...}' and
 * '{YYYY-MM-01,...}' in the same order, for $n parameters (metric codes
 * are [a-z0-9_]); CODES names the metric numbers. Returns 0 with *metrics
 * and *months (the caller frees both), or -1 (logged: out of memory).
 */
enum kpi_status months_arrays(const struct months *s, const struct codes *codes, char **metrics,
                              char **months);

/* months_index: P's month as year * 12 + month - 1 (the months in order). Pure. */
int months_index(const struct rowcheck_period *p);

/* months_first_day: the first day of the month INDEX (months_index) as YYYY-MM-01 into
 * OUT. Pure. */
void months_first_day(int index, char out[MONTHS_DAY_LEN]);

/* months_free: free S's memory (S itself is the caller's); S is empty after. */
void months_free(struct months *s);

#endif
