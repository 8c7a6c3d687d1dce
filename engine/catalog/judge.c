/*
 * judge.c — owns the exact threshold decision: parsing a target percentage
 * into millionths and comparing a ratio of counts with it by
 * cross-multiplication in 128 bits (see judge.h).
 */
#include "catalog/judge.h"

#include <string.h>

enum kpi_status catalog_parse_pct(const char *text, int64_t *micro)
{
    int64_t whole = 0, frac = 0, scale = CATALOG_PCT_SCALE;
    int digits = 0, decimals = 0;
    const char *s = text;
    for (; *s >= '0' && *s <= '9'; s++, digits++) {
        if (digits == 3)
            return KPI_REJECTED; /* more than 3 digits: never a percentage, and no overflow */
        whole = whole * 10 + (*s - '0');
    }
    if (digits < 1)
        return KPI_REJECTED;
    if (*s == '.') {
        for (s++; *s >= '0' && *s <= '9'; s++, decimals++) {
            if (decimals == 6)
                return KPI_REJECTED;
            scale /= 10;
            frac += (*s - '0') * scale;
        }
        if (decimals == 0)
            return KPI_REJECTED;
    }
    if (*s != '\0')
        return KPI_REJECTED;
    *micro = whole * CATALOG_PCT_SCALE + frac;
    return KPI_OK;
}

enum kpi_status catalog_judge(const char *comparator, const char *target_pct, int64_t numerator,
                              int64_t denominator, bool *judged, bool *meets)
{
    int64_t target;
    *judged = false;
    *meets = false;
    if (comparator == NULL || target_pct == NULL || catalog_parse_pct(target_pct, &target) != 0 ||
        target > 100 * CATALOG_PCT_SCALE || numerator < 0 || denominator < 0)
        return KPI_REJECTED;
    bool strict = strcmp(comparator, ">") == 0;
    if (!strict && strcmp(comparator, ">=") != 0)
        return KPI_REJECTED;
    if (denominator == 0)
        return KPI_OK; /* nothing to judge */
    /* numerator / denominator (cmp) target / (100 * CATALOG_PCT_SCALE), cross-multiplied:
     * at most 2^63 * 10^8 on either side, far inside 128 bits. */
    __extension__ __int128 lhs = (__int128)numerator * 100 * CATALOG_PCT_SCALE;
    __extension__ __int128 rhs = (__int128)target * denominator;
    *judged = true;
    *meets = strict ? lhs > rhs : lhs >= rhs;
    return KPI_OK;
}
