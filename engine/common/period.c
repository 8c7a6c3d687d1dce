/*
 * period.c — months, days of a month and the period kinds (see period.h).
 */
#include "common/period.h"

#include <ctype.h>
#include <string.h>

const struct period_kind period_kinds[] = {
    {"month", "tháng", "month", "tháng", "month", "months"},
    {"ytd", "lũy kế từ đầu năm", "year to date", "tháng", "month", "months"},
    {"quarter", "quý", "quarter", "quý", "quarter", "quarters"},
    {"half", "6 tháng", "half-year", "kỳ 6 tháng", "half-year", "half-years"},
    {"year", "năm", "year", "năm", "year", "years"},
    {"report_month", "kỳ báo cáo tháng", "monthly reporting period", "tháng", "month", "months"},
    {"report_quarter", "kỳ báo cáo quý", "quarterly reporting period", "quý", "quarter",
     "quarters"},
    {"report_half", "kỳ báo cáo 6 tháng", "half-yearly reporting period", "kỳ 6 tháng", "half-year",
     "half-years"},
    {"report_9m", "kỳ báo cáo 9 tháng", "nine-month reporting period", "kỳ 9 tháng",
     "nine-month period", "nine-month periods"},
    {"report_year", "kỳ báo cáo năm", "yearly reporting period", "năm", "year", "years"},
    {"deadline", "đến hạn", "to the due date", "kỳ đến hạn", "deadline window", "deadline windows"},
    {NULL, NULL, NULL, NULL, NULL, NULL},
};

enum kpi_status period_parse_month(const char *s, char out[PERIOD_DATE_LEN])
{
    if (s == NULL || strlen(s) != 7 || s[4] != '-')
        return KPI_REJECTED;
    for (int i = 0; i < 7; i++)
        if (i != 4 && !isdigit((unsigned char)s[i]))
            return KPI_REJECTED;
    int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    if (year < 1900 || month < 1 || month > 12)
        return KPI_REJECTED;
    memcpy(out, s, 7);
    memcpy(out + 7, "-01", 4);
    return KPI_OK;
}

int period_days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return days[month - 1] + (month == 2 && leap);
}

long period_days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void period_civil_from_days(long z, long *y, long *m, long *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

const struct period_kind *period_kind_find(const char *kind)
{
    for (const struct period_kind *k = period_kinds; kind != NULL && k->name; k++)
        if (strcmp(k->name, kind) == 0)
            return k;
    return NULL;
}

bool period_kind_valid(const char *kind)
{
    return period_kind_find(kind) != NULL;
}

const char *period_kind_label(const char *kind, bool vi)
{
    const struct period_kind *k = period_kind_find(kind);
    return k == NULL ? kind : vi ? k->label_vi : k->label_en;
}
