/*
 * numfmt.h — every number people read (kpi show, the HTML report and its
 * SVG charts, alert texts): counts and percentages written the Vietnamese
 * way (`1.204`, `80,4 %`) or the English way (`1,204`, `80.4%`), from the
 * exact decimal text PostgreSQL returns for bigint and NUMERIC. No value
 * ever passes through floating point, and no figure is ever rounded:
 *
 *   Digits beyond the places shown are cut off (truncated toward zero).
 *   A judged percentage (a ratio with a target) is moreover written so that
 *   it reads on the side of its target that its status says: a failing
 *   value never prints as reaching the target, a met one never as failing.
 *   When the cut figure would read across (79.96 against "trên 80 %" is
 *   safe as "79,9 %", but 80.01 against it would print "80 %", which reads
 *   as not above 80), one more decimal is written, up to
 *   NUMFMT_JUDGED_MAX_DECIMALS, until it does not ("80,01 %").
 *
 * Machine formats (CSV, JSON) do not use this module: they carry the text.
 */
#ifndef KPI_NUMFMT_H
#define KPI_NUMFMT_H

#include "common/status.h"

#include <stddef.h>
#include <stdint.h>

enum numfmt_lang {
    NUMFMT_VI = 0, /* thousands '.', decimals ',', "80,4 %" */
    NUMFMT_EN = 1, /* thousands ',', decimals '.', "80.4%" */
};

/* How the fractional digits that remain after cutting are written. */
enum numfmt_style {
    NUMFMT_TRIM = 0,       /* trailing zeros dropped: "80.0" → "80", "80.40" → "80,4" */
    NUMFMT_AS_WRITTEN = 1, /* as the text has them, never padded: "80.0" → "80,0", "80" → "80" */
};

/* As DECIMALS: every fractional digit of the text (nothing is cut). */
#define NUMFMT_ALL (-1)

/*
 * The most decimals a judged percentage is widened to (numfmt_judged_pct):
 * the precision of a catalog target (catalog_parse_pct, micro-percent).
 * kpi.indicator_value.ratio_pct has 4 (round(…, 4) in the compute), so its
 * figures never need more.
 */
#define NUMFMT_JUDGED_MAX_DECIMALS 6

/*
 * numfmt_decimal: write the decimal TEXT ("-1234.567", "80.40", "12", "+3",
 * ".5", "12.") cut to at most DECIMALS places (0..30, or NUMFMT_ALL) toward
 * zero, with its fractional digits in STYLE and its thousands grouped:
 * "1.234,56" (vi) or "1,234.56" (en) for "1234.567", DECIMALS 2. A result of
 * zero is written without sign ("-0.04" at 1 place is "0").
 * Returns KPI_OK, or KPI_REJECTED (nothing logged) when TEXT is NULL or not a plain decimal number
 * (no exponent, NaN or spaces), DECIMALS is out of range, or BUF (LEN bytes) is too small, or
 * KPI_ERROR (nothing logged) when memory runs out; BUF is always NUL-terminated when LEN > 0 ("" on
 * failure).
 */
enum kpi_status numfmt_decimal(char *buf, size_t len, const char *text, int decimals,
                               enum numfmt_style style, enum numfmt_lang lang);

/*
 * numfmt_pct: numfmt_decimal followed by the percent sign: "80,4 %" (vi,
 * with a space as Vietnamese typography writes it) or "80.4%" (en). For a
 * figure that is not judged against a target (completeness, a target
 * itself: write a target with NUMFMT_ALL, never cut). Same contract.
 */
enum kpi_status numfmt_pct(char *buf, size_t len, const char *text, int decimals,
                           enum numfmt_style style, enum numfmt_lang lang);

/*
 * numfmt_count: an integer count with thousands grouped: 1204 → "1.204" (vi)
 * or "1,204" (en). Returns KPI_OK, or KPI_REJECTED when BUF (LEN bytes) is too
 * small ("" then).
 */
enum kpi_status numfmt_count(char *buf, size_t len, int64_t value, enum numfmt_lang lang);

/* The target a percentage is judged against, as kpi.indicator_value stores it. */
struct numfmt_target {
    const char *comparator; /* ">" (above: "trên 80 %"), ">=" (at least); also "<", "<=" */
    const char *pct;        /* exact decimal text of the target percentage, e.g. "80.000000" */
    const char *status;     /* the cell's status: met, on_track (meets), breach, at_risk
                               (fails); NULL or another: VALUE compared exactly with PCT */
};

/*
 * numfmt_judged_pct: the percentage VALUE (decimal text) as numfmt_pct
 * writes it with DECIMALS places (0..30) and STYLE, judged against T:
 *  1. its side is T->status when that names one (met, on_track: meets;
 *     breach, at_risk: fails), else the exact comparison of VALUE with
 *     T->pct by T->comparator;
 *  2. VALUE is cut toward zero to DECIMALS places; while the cut figure,
 *     compared with the target, reads on the other side, one more place is
 *     written, up to max(DECIMALS, NUMFMT_JUDGED_MAX_DECIMALS) and never
 *     past VALUE's own digits (99.9687 breach of ">= 100" → "99,9 %";
 *     80.01 met of "> 80" → "80,01 %"; 80.0 of "> 80" is a breach → "80 %");
 *  3. when even VALUE's own digits read across — the status says otherwise
 *     because VALUE was rounded before it got here (ratio_pct is round(…, 4):
 *     a 79.99996 breach of ">= 80" arrives as "80.0000") — the figure at its
 *     last place is moved one unit of that place toward its side: "79,9999 %",
 *     which is the exact value truncated. (For a met "> 80" that arrived as
 *     "80.0000" it writes "80,0001 %": on the right side, at most one unit
 *     of the fourth place high.) A status that contradicts VALUE by more
 *     than that is written as the cut VALUE.
 * T NULL, or T->comparator or T->pct NULL: numfmt_pct (not judged).
 * Returns KPI_OK, or KPI_REJECTED as numfmt_pct, also when T->pct is not decimal text or
 * T->comparator is none of the four.
 */
enum kpi_status numfmt_judged_pct(char *buf, size_t len, const char *value, int decimals,
                                  enum numfmt_style style, const struct numfmt_target *t,
                                  enum numfmt_lang lang);

#endif
