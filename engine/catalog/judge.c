/*
 * judge.c — owns the exact threshold decision: parsing a target percentage
 * into millionths and comparing a ratio of counts with it by
 * cross-multiplication in 128 bits (see judge.h).
 */
#include "catalog/judge.h"

#include <string.h>

int catalog_parse_pct(const char *text, int64_t *micro)
{
    int64_t whole = 0, frac = 0, scale = CATALOG_PCT_SCALE;
    int digits = 0, decimals = 0;
    const char *s = text;
    for (; *s >= '0' && *s <= '9'; s++, digits++) {
        if (digits == 3)
            return -1; /* more than 3 digits: never a percentage, and no overflow */
        whole = whole * 10 + (*s - '0');
    }
    if (digits < 1)
        return -1;
    if (*s == '.') {
        for (s++; *s >= '0' && *s <= '9'; s++, decimals++) {
            if (decimals == 6)
                return -1;
            scale /= 10;
            frac += (*s - '0') * scale;
        }
        if (decimals == 0)
            return -1;
    }
    if (*s != '\0')
        return -1;
    *micro = whole * CATALOG_PCT_SCALE + frac;
    return 0;
}

int catalog_judge(const char *comparator, const char *target_pct, int64_t numerator,
                  int64_t denominator, bool *meets)
{
    int64_t target;
    *meets = false;
    if (comparator == NULL || target_pct == NULL || catalog_parse_pct(target_pct, &target) != 0 ||
        target > 100 * CATALOG_PCT_SCALE || numerator < 0 || denominator < 0)
        return -1;
    bool strict = strcmp(comparator, ">") == 0;
    if (!strict && strcmp(comparator, ">=") != 0)
        return -1;
    if (denominator == 0)
        return 1;
    /* numerator / denominator (cmp) target / (100 * CATALOG_PCT_SCALE), cross-multiplied:
     * at most 2^63 * 10^8 on either side, far inside 128 bits. */
    __extension__ __int128 lhs = (__int128)numerator * 100 * CATALOG_PCT_SCALE;
    __extension__ __int128 rhs = (__int128)target * denominator;
    *meets = strict ? lhs > rhs : lhs >= rhs;
    return 0;
}
