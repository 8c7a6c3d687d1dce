/*
 * period.c — months and period kinds as written on the command line (see
 * period.h).
 */
#include "common/period.h"

#include <ctype.h>
#include <string.h>

const char *const period_kinds[] = {
    "month",          "ytd",         "quarter",   "half",        "year", "report_month",
    "report_quarter", "report_half", "report_9m", "report_year", NULL,
};

int period_parse_month(const char *s, char out[PERIOD_DATE_LEN])
{
    if (s == NULL || strlen(s) != 7 || s[4] != '-')
        return -1;
    for (int i = 0; i < 7; i++)
        if (i != 4 && !isdigit((unsigned char)s[i]))
            return -1;
    int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    if (year < 1900 || month < 1 || month > 12)
        return -1;
    memcpy(out, s, 7);
    memcpy(out + 7, "-01", 4);
    return 0;
}

bool period_kind_valid(const char *kind)
{
    for (const char *const *k = period_kinds; *k; k++)
        if (strcmp(*k, kind) == 0)
            return true;
    return false;
}
