/*
 * numfmt.h — numbers for people: counts and percentages written the
 * Vietnamese way (`1.204`, `80,4 %`) or the English way (`1,204`, `80.4%`),
 * from the exact decimal text PostgreSQL returns for bigint and NUMERIC.
 * Rounding is done on the digits (half away from zero); no value ever passes
 * through floating point. Machine formats (CSV, JSON) do not use this module.
 */
#ifndef KPI_NUMFMT_H
#define KPI_NUMFMT_H

#include <stddef.h>
#include <stdint.h>

enum numfmt_lang {
    NUMFMT_VI = 0, /* thousands '.', decimals ',', "80,4 %" */
    NUMFMT_EN = 1, /* thousands ',', decimals '.', "80.4%" */
};

/*
 * numfmt_decimal: write the decimal TEXT ("-1234.567", "80.40", "12", "+3")
 * rounded to at most DECIMALS places (0..18, half away from zero), without
 * trailing fractional zeros, with thousands grouped: "1.234,57" (vi) or
 * "1,234.57" (en) for DECIMALS 2. "-0" after rounding is written "0".
 * Returns 0, or -1 when TEXT is not a plain decimal number or BUF (LEN bytes,
 * always NUL-terminated when LEN > 0) is too small.
 */
int numfmt_decimal(char *buf, size_t len, const char *text, int decimals, enum numfmt_lang lang);

/*
 * numfmt_pct: numfmt_decimal followed by the percent sign: "80,4 %" (vi,
 * with a space as Vietnamese typography writes it) or "80.4%" (en).
 * Same contract as numfmt_decimal.
 */
int numfmt_pct(char *buf, size_t len, const char *text, int decimals, enum numfmt_lang lang);

/*
 * numfmt_count: an integer count with thousands grouped: 1204 → "1.204" (vi)
 * or "1,204" (en). Returns 0, or -1 when BUF (LEN bytes) is too small.
 */
int numfmt_count(char *buf, size_t len, int64_t value, enum numfmt_lang lang);

#endif
