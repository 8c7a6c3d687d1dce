/*
 * rowcheck.c — owns the checks of submission rows and their messages: the
 * header against the known columns, each field (period, unit, metric,
 * value) with an actionable reason, against the codes of codes.h and
 * today's date (see rowcheck.h). Pure: no database, no output.
 */
#include "ingest/rowcheck.h"

#include "common/period.h"
#include "ingest/xlsx.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const column_name[ROWCHECK_NCOLS] = {"period", "unit",   "metric",
                                                        "value",  "agency", "note"};

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_digit(s[i]))
            return false;
    return n > 0;
}

static int digits_value(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Day-first or slashed dates: three numbers separated by / - or . */
static bool other_date(const char *s, int *y, int *m, int *d)
{
    int a, b, c;
    char s1, s2;
    int used = 0;
    if (sscanf(s, "%d%c%d%c%d%n", &a, &s1, &b, &s2, &c, &used) != 5 || s[used] != '\0' ||
        s1 != s2 || (s1 != '/' && s1 != '-' && s1 != '.'))
        return false;
    if (a >= 1000) /* YYYY/MM/DD */
        *y = a, *m = b, *d = c;
    else /* DD/MM/YYYY, as Vietnamese spreadsheets write it */
        *y = c, *m = b, *d = a;
    return *y >= 2000 && *y <= 9999 && *m >= 1 && *m <= 12 && *d >= 1 &&
           *d <= period_days_in_month(*y, *m);
}

enum kpi_status rowcheck_parse_period(const char *s, struct rowcheck_period *out, char *why,
                                      size_t len)
{
    return rowcheck_parse_period_locale(s, false, out, why, len);
}

enum kpi_status rowcheck_parse_period_locale(const char *s, bool vi, struct rowcheck_period *out,
                                             char *why, size_t len)
{
    size_t n = strlen(s);
    int y, m, d;
    if (n == 0) {
        snprintf(why, len, "empty period; write YYYY-MM-DD (a day) or YYYY-MM (a month)");
        return KPI_REJECTED;
    }
    bool month_form = n == 7 && all_digits(s, 4) && s[4] == '-' && all_digits(s + 5, 2);
    bool day_form = n == 10 && all_digits(s, 4) && s[4] == '-' && all_digits(s + 5, 2) &&
                    s[7] == '-' && all_digits(s + 8, 2);
    if (month_form || day_form) {
        y = digits_value(s, 4);
        m = digits_value(s + 5, 2);
        d = day_form ? digits_value(s + 8, 2) : 1;
        if (m < 1 || m > 12) {
            snprintf(why, len, "period \"%s\" is not a valid %s: there is no month %02d", s,
                     month_form ? "month" : "date", m);
            return KPI_REJECTED;
        }
        if (d < 1 || d > period_days_in_month(y, m)) {
            snprintf(why, len, "period \"%s\" is not a valid date: %04d-%02d has %d days", s, y, m,
                     period_days_in_month(y, m));
            return KPI_REJECTED;
        }
        if (y < 2000) {
            snprintf(why, len, "period \"%s\" is before the year 2000; check the year", s);
            return KPI_REJECTED;
        }
        out->year = y;
        out->month = m;
        out->day = d;
        out->grain = month_form ? ROWCHECK_MONTH : ROWCHECK_DAY;
        return KPI_OK;
    }
    bool day_first = s[0] >= '0' && s[0] <= '9' &&
                     (s[1] < '0' || s[1] > '9' || s[2] < '0' || s[2] > '9'); /* not YYYY/… */
    if (other_date(s, &y, &m, &d)) {
        if (vi && day_first) {
            *out = (struct rowcheck_period){y, m, d, ROWCHECK_DAY};
            return KPI_OK;
        }
        snprintf(why, len, "period \"%s\" must be written YYYY-MM-DD: write %04d-%02d-%02d%s", s, y,
                 m, d, day_first ? ROWCHECK_VI_HINT : "");
        return KPI_REJECTED;
    }
    if (sscanf(s, "%d/%d%n", &m, &y, &d) == 2 && s[d] == '\0' && m >= 1 && m <= 12 && y >= 2000 &&
        y <= 9999 && s[0] != '-' && s[0] != '+') {
        if (vi) {
            *out = (struct rowcheck_period){y, m, 1, ROWCHECK_MONTH};
            return KPI_OK;
        }
        snprintf(why, len, "period \"%s\" must be written YYYY-MM: write %04d-%02d%s", s, y, m,
                 ROWCHECK_VI_HINT);
        return KPI_REJECTED;
    }
    if (n == 5 && all_digits(s, n)) {
        snprintf(why, len,
                 "period \"%s\" looks like a spreadsheet date serial number; format the "
                 "column as text YYYY-MM-DD",
                 s);
        return KPI_REJECTED;
    }
    snprintf(why, len, "period \"%s\" is neither YYYY-MM-DD (a day) nor YYYY-MM (a month)", s);
    return KPI_REJECTED;
}

/* Length of a thousands separator at S: . , ' space, NBSP, narrow NBSP; else 0. */
static size_t separator_len(const char *s)
{
    if (*s == '.' || *s == ',' || *s == ' ' || *s == '\'')
        return 1;
    if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
        return 2;
    if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0xAF)
        return 3;
    return 0;
}

/* Digits grouped by thousands ("1.234", "12 345 678"): the digits into out. */
static bool thousands(const char *s, char *out, size_t outlen)
{
    size_t i = 0, o = 0, sep = 0;
    char sepc = 0;
    while (is_digit(s[i]) && i < 3)
        out[o++] = s[i++];
    if (i == 0 || is_digit(s[i]))
        return false;
    size_t groups = 0;
    while (s[i] != '\0') {
        size_t l = separator_len(s + i);
        if (l == 0 || (sep != 0 && (l != sep || s[i] != sepc)))
            return false;
        sep = l;
        sepc = s[i];
        i += l;
        for (int k = 0; k < 3; k++) {
            if (!is_digit(s[i]) || o + 1 >= outlen)
                return false;
            out[o++] = s[i++];
        }
        groups++;
    }
    out[o] = '\0';
    return groups > 0;
}

enum kpi_status rowcheck_parse_value(const char *s, int64_t *out, char *why, size_t len)
{
    return rowcheck_parse_value_locale(s, false, out, why, len);
}

/* S (N bytes, digits) as a bigint into *out; false when too large (WHY says so). */
static bool digits_i64(const char *s, size_t n, const char *shown, int64_t *out, char *why,
                       size_t len)
{
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        v = v * 10 + (uint64_t)(s[i] - '0');
        if (v > INT64_MAX) {
            snprintf(why, len, "value \"%s\" is too large: at most 9223372036854775807 (bigint)",
                     shown);
            return false;
        }
    }
    *out = (int64_t)v;
    return true;
}

enum kpi_status rowcheck_parse_value_locale(const char *s, bool vi, int64_t *out, char *why,
                                            size_t len)
{
    size_t n = strlen(s);
    char digits[64];
    if (n == 0) {
        snprintf(why, len, "empty value; write 0 when the count is zero");
        return KPI_REJECTED;
    }
    if (s[0] == '-' || (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x88 &&
                        (unsigned char)s[2] == 0x92)) {
        snprintf(why, len, "negative value \"%s\": counts cannot be negative", s);
        return KPI_REJECTED;
    }
    if (s[0] == '+') {
        snprintf(why, len, "value \"%s\": no sign allowed, write %s", s, s + 1);
        return KPI_REJECTED;
    }
    if (all_digits(s, n))
        return digits_i64(s, n, s, out, why, len) ? KPI_OK : KPI_REJECTED;
    size_t intlen0 = strspn(s, "0123456789");
    bool dot_groups = s[intlen0] == '.' && thousands(s, digits, sizeof digits);
    if (vi && dot_groups)
        return digits_i64(digits, strlen(digits), s, out, why, len) ? KPI_OK : KPI_REJECTED;
    if (vi && s[intlen0] == ',' && intlen0 > 0 && all_digits(s + intlen0 + 1, n - intlen0 - 1)) {
        snprintf(why, len,
                 "value \"%s\" has decimals (',' is the decimal comma of locale vi); counts are "
                 "whole numbers",
                 s);
        return KPI_REJECTED;
    }
    if (thousands(s, digits, sizeof digits)) {
        snprintf(why, len, "value \"%s\": thousands separators are not allowed, write %s%s", s,
                 digits, dot_groups ? ROWCHECK_VI_HINT : "");
        return KPI_REJECTED;
    }
    size_t intlen = strspn(s, "0123456789");
    if (intlen > 0 && (s[intlen] == '.' || s[intlen] == ',') &&
        all_digits(s + intlen + 1, n - intlen - 1)) {
        if (strspn(s + intlen + 1, "0") == n - intlen - 1 && intlen < sizeof digits) {
            snprintf(why, len, "value \"%s\" has decimals; write %.*s", s, (int)intlen, s);
            return KPI_REJECTED;
        }
        snprintf(why, len, "value \"%s\" has decimals; counts are whole numbers", s);
        return KPI_REJECTED;
    }
    if (strpbrk(s, "eE") != NULL && strspn(s, "0123456789.,eE+-") == n && intlen > 0) {
        snprintf(why, len,
                 "value \"%s\" is in scientific notation; format the column as a whole number "
                 "and write every digit",
                 s);
        return KPI_REJECTED;
    }
    snprintf(why, len, "value \"%s\" is not a whole number; write digits only, e.g. 1234", s);
    return KPI_REJECTED;
}

static void check_unit(const struct codes *codes, const char *u, size_t n, char *why, size_t len)
{
    if (n == 0) {
        snprintf(why, len, "empty unit; write the unit code, e.g. 05443");
        return;
    }
    if (all_digits(u, n) && n < 5) {
        char padded[8];
        for (int width = 2; width <= 5; width += 3) {
            if ((int)n >= width)
                continue;
            snprintf(padded, sizeof padded, "%0*d", width, atoi(u));
            int idx;
            if (codes_unit(codes, padded, strlen(padded), &idx)) {
                snprintf(why, len,
                         "unit \"%s\" is not registered; did you mean \"%s\"? (a spreadsheet "
                         "may have dropped the leading zero: format the column as text)",
                         u, padded);
                return;
            }
        }
    }
    snprintf(why, len,
             "unit \"%s\" is not registered (see kpi.unit; `kpi units load` registers units)", u);
}

static void check_metric(const struct codes *codes, const char *m, size_t n, char *why, size_t len)
{
    char lower[128];
    if (n == 0) {
        snprintf(why, len, "empty metric; write a metric code of the catalog (kpi.metric)");
        return;
    }
    if (n < sizeof lower) {
        for (size_t i = 0; i <= n; i++)
            lower[i] = (m[i] >= 'A' && m[i] <= 'Z') ? (char)(m[i] - 'A' + 'a') : m[i];
        int idx;
        if (codes_metric(codes, lower, n, &idx)) {
            snprintf(why, len, "metric \"%s\" is not in the catalog; did you mean \"%s\"?", m,
                     lower);
            return;
        }
    }
    snprintf(why, len, "metric \"%s\" is not in the catalog (see kpi.metric)", m);
}

enum kpi_status rowcheck_row(const struct rowcheck_header *h, const struct codes *codes,
                             const struct reader_row *row, struct rowcheck_good *g,
                             rowcheck_report *report, void *ctx, int *problems)
{
    char why[READER_MSG_LEN];
    *problems = 0;
    if (row->malformed != NULL) {
        *problems = 1;
        if (report != NULL && report(ctx, row, NULL, row->malformed) != 0)
            return KPI_ERROR;
        return KPI_OK;
    }
    if (row->nfields != h->ncols && row->sheet != NULL) {
        char ref[160];
        xlsx_cell_ref(row->sheet, row->first_col + (int)h->ncols, row->line_no, ref, sizeof ref);
        snprintf(why, sizeof why,
                 "the row has a value in %s, a column without a header; name the column or "
                 "delete the value",
                 ref);
        *problems = 1;
        if (report != NULL && report(ctx, row, NULL, why) != 0)
            return KPI_ERROR;
        return KPI_OK;
    }
    if (row->nfields != h->ncols) {
        snprintf(why, sizeof why,
                 "the row has %zu fields but the header has %zu; check the delimiter '%c' and "
                 "quote fields that contain it",
                 row->nfields, h->ncols, h->delim);
        *problems = 1;
        if (report != NULL && report(ctx, row, NULL, why) != 0)
            return KPI_ERROR;
        return KPI_OK;
    }
    const char *period = row->field[h->col[ROWCHECK_PERIOD]];
    const char *unit = row->field[h->col[ROWCHECK_UNIT]];
    size_t unit_len = row->len[h->col[ROWCHECK_UNIT]];
    const char *metric = row->field[h->col[ROWCHECK_METRIC]];
    size_t metric_len = row->len[h->col[ROWCHECK_METRIC]];
    const char *value = row->field[h->col[ROWCHECK_VALUE]];

    bool period_ok = false;
    if (rowcheck_parse_period_locale(period, h->locale_vi, &g->period, why, sizeof why) != 0) {
        ++*problems;
        if (report != NULL && report(ctx, row, "period", why) != 0)
            return KPI_ERROR;
    } else {
        long ymd = g->period.year * 10000L + g->period.month * 100 + g->period.day;
        period_ok = true;
        if (ymd > codes_today_n(codes)) {
            ++*problems;
            snprintf(why, sizeof why, "period \"%s\" is in the future (today is %s)", period,
                     codes_today(codes));
            if (report != NULL && report(ctx, row, "period", why) != 0)
                return KPI_ERROR;
        }
    }
    if (!codes_unit(codes, unit, unit_len, &g->unit_idx)) {
        ++*problems;
        check_unit(codes, unit, unit_len, why, sizeof why);
        if (report != NULL && report(ctx, row, "unit", why) != 0)
            return KPI_ERROR;
    }
    const char *hint;
    if (g->unit_idx >= 0 && period_ok &&
        !codes_unit_on(codes, g->unit_idx,
                       g->period.year * 10000L + g->period.month * 100 + g->period.day, &hint)) {
        ++*problems;
        snprintf(why, sizeof why, "unit \"%.*s\" names no unit on %04d-%02d-%02d (%s)",
                 (int)unit_len, unit, g->period.year, g->period.month, g->period.day, hint);
        if (report != NULL && report(ctx, row, "unit", why) != 0)
            return KPI_ERROR;
    }
    if (!codes_metric(codes, metric, metric_len, &g->metric)) {
        ++*problems;
        check_metric(codes, metric, metric_len, why, sizeof why);
        if (report != NULL && report(ctx, row, "metric", why) != 0)
            return KPI_ERROR;
    }
    g->withdraw = rowcheck_is_withdrawal(value);
    if (!g->withdraw &&
        rowcheck_parse_value_locale(value, h->locale_vi, &g->value, why, sizeof why) != 0) {
        ++*problems;
        if (report != NULL && report(ctx, row, "value", why) != 0)
            return KPI_ERROR;
    }
    g->unit = unit;
    g->unit_len = unit_len;
    return KPI_OK;
}

/* A column of the wide header ROW: a metric of CODES? Else the reason, in WHY. */
static enum kpi_status wide_metric(struct rowcheck_header *h, const struct reader_row *row,
                                   const struct codes *codes, size_t i, char *why, size_t len)
{
    char where[160], hint[READER_MSG_LEN];
    int idx;
    if (codes == NULL || codes_metric(codes, row->field[i], row->len[i], &idx))
        return KPI_OK;
    h->bad_field = (int)i;
    if (row->sheet != NULL)
        xlsx_col_name(row->first_col + (int)i, where);
    else
        snprintf(where, sizeof where, "%zu", i + 1);
    check_metric(codes, row->field[i], row->len[i], hint, sizeof hint);
    snprintf(why, len,
             "column %s of the wide header: %s; a wide header is period, unit (and agency, "
             "note), then one metric code per column",
             where, hint);
    return KPI_REJECTED;
}

bool rowcheck_is_withdrawal(const char *s)
{
    return strcmp(s, "rút") == 0 || strcmp(s, "Rút") == 0 || strcmp(s, "RÚT") == 0 ||
           strcasecmp(s, "withdraw") == 0;
}

enum kpi_status rowcheck_header(struct rowcheck_header *h, const struct reader_row *row, char delim,
                                const struct codes *codes, char *why, size_t len)
{
    h->delim = delim;
    h->ncols = 0;
    h->wide = row->wide;
    h->locale_vi = row->locale_vi;
    h->bad_field = -1;
    for (int c = 0; c < ROWCHECK_NCOLS; c++)
        h->col[c] = -1;
    if (row->malformed != NULL) {
        snprintf(why, len, "the header line has %s", row->malformed);
        return KPI_REJECTED;
    }
    h->ncols = row->nfields;
    for (size_t i = 0; i < row->nfields; i++) {
        char name[64];
        size_t n = row->len[i];
        if (n == 0) {
            snprintf(why, len, "column %zu of the header is empty; name it or delete it", i + 1);
            return KPI_REJECTED;
        }
        for (size_t k = 0; k < n && k + 1 < sizeof name; k++)
            name[k] = (row->field[i][k] >= 'A' && row->field[i][k] <= 'Z')
                          ? (char)(row->field[i][k] - 'A' + 'a')
                          : row->field[i][k];
        name[n < sizeof name ? n : sizeof name - 1] = '\0';
        if (reader_is_label(row->field[i], n))
            continue; /* "[Tên chỉ số]": for people, not read */
        int c = 0;
        while (c < ROWCHECK_NCOLS && strcmp(name, column_name[c]) != 0)
            c++;
        if (h->wide && (c == ROWCHECK_NCOLS || n >= sizeof name)) {
            if (wide_metric(h, row, codes, i, why, len) != KPI_OK)
                return KPI_REJECTED;
            continue;
        }
        h->bad_field = (int)i;
        if (c == ROWCHECK_NCOLS || n >= sizeof name) {
            snprintf(
                why, len,
                "unknown column \"%s\" in the header; the columns are period, unit, metric, "
                "value (required) and agency, note (optional); a column of labels for people is "
                "named in square brackets, e.g. \"[Tên chỉ số]\"",
                row->field[i]);
            return KPI_REJECTED;
        }
        if (h->col[c] >= 0) {
            snprintf(why, len, "column \"%s\" appears twice in the header", column_name[c]);
            return KPI_REJECTED;
        }
        h->col[c] = (int)i;
        h->bad_field = -1;
    }
    if (h->wide) { /* the reader hands the rows out as period,unit,metric,value,agency,note */
        for (int c = 0; c < ROWCHECK_NCOLS; c++)
            h->col[c] = c;
        h->ncols = ROWCHECK_NCOLS;
    }
    for (int c = 0; c < ROWCHECK_REQUIRED; c++) {
        if (h->col[c] < 0) {
            snprintf(why, len,
                     "the header lacks the column \"%s\"; the first line must name the columns "
                     "period, unit, metric, value",
                     column_name[c]);
            return KPI_REJECTED;
        }
    }
    return KPI_OK;
}

const char *rowcheck_where(const struct rowcheck_header *h, const struct reader_row *row,
                           const char *column, char *buf, size_t len)
{
    if (row->sheet == NULL) {
        snprintf(buf, len, "%lld", row->line_no);
        return buf;
    }
    int field = -1;
    for (int c = 0; column != NULL && c < ROWCHECK_NCOLS; c++)
        if (strcmp(column, column_name[c]) == 0)
            field = h->col[c];
    if (field >= 0 && row->col != NULL)
        field = (size_t)field < row->nfields ? row->col[field] : -1;
    xlsx_cell_ref(row->sheet, field >= 0 ? row->first_col + field : -1, row->line_no, buf, len);
    return buf;
}

const char *rowcheck_header_where(const struct rowcheck_header *h, const struct reader_row *row,
                                  char *buf, size_t len)
{
    if (row->sheet == NULL)
        snprintf(buf, len, "%lld", row->line_no);
    else
        xlsx_cell_ref(row->sheet, h->bad_field >= 0 ? row->first_col + h->bad_field : -1,
                      row->line_no, buf, len);
    return buf;
}
