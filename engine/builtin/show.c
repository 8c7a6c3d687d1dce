/*
 * builtin/show.c — `kpi show`: the computed indicator table for people
 * (aligned, Vietnamese number formats, breaches marked) and for scripts
 * (CSV, JSON with '.' decimals, stable columns and order).
 */
#include "builtin.h"
#include "db/conn.h"
#include "common/log.h"
#include "common/numfmt.h"
#include "common/period.h"
#include "common/status.h"
#include "common/text.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct command_doc show_doc = {
    .name = "show",
    .synopsis = "kpi show [ID...] [--unit CODE|all] [--period YYYY-MM] [--kind KIND]\n"
                "         [--format table|csv|json] [--lang vi|en]",
    .description = "Print the computed indicators (kpi compute) of one period: only the\n"
                   "indicators ID... (e.g. 3.1 4.2.4), default all.\n",
};

/* The columns of the query, in this order (CSV and JSON use these names). */
enum col {
    C_ID,
    C_NAME_VI,
    C_NAME_EN,
    C_UNIT,
    C_UNIT_NAME,
    C_KIND,
    C_LABEL,
    C_START,
    C_END,
    C_NUM,
    C_DEN,
    C_RATIO,
    C_CMP,
    C_TARGET,
    C_DUE,
    C_STATUS,
    C_REASON,
    C_REASON_VI,
    C_GAP,
    C_COMPLETE,
    C_VERSION,
    C_COUNT
};

static const char *const col_names[C_COUNT] = {
    "indicator_id",    "indicator_name_vi", "indicator_name_en", "unit_code",
    "unit_name",       "period_kind",       "period_label",      "period_start",
    "period_end",      "numerator",         "denominator",       "ratio_pct",
    "comparator",      "target_pct",        "due_date",          "status",
    "reason",          "reason_vi",         "gap_count",         "completeness_pct",
    "catalog_version",
};

/* Which columns are numbers (JSON: raw numbers, exact). */
static bool col_numeric(int c)
{
    return c == C_NUM || c == C_DEN || c == C_RATIO || c == C_TARGET || c == C_GAP ||
           c == C_COMPLETE;
}

static const char query[] =
    "WITH pick AS (SELECT coalesce($3::date, (SELECT date_trunc('month', max(period_end))::date "
    "  FROM kpi.indicator_value WHERE period_kind = $4)) AS m) "
    "SELECT s.indicator_id, s.indicator_name_vi, s.indicator_name_en, s.unit_code, s.unit_name, "
    "  s.period_kind, s.period_label, s.period_start, s.period_end, s.numerator, s.denominator, "
    "  s.ratio_pct, s.comparator, s.target_pct, s.due_date, s.status, s.reason, s.reason_vi, "
    "  s.gap_count, s.completeness_pct, s.catalog_version "
    "FROM kpi.indicator_series s, pick "
    "WHERE s.period_kind = $4 AND date_trunc('month', s.period_end) = pick.m "
    "  AND ($1::text IS NULL OR s.indicator_id = ANY (string_to_array($1, E'\\n'))) "
    "  AND CASE WHEN $2::text IS NULL THEN s.unit_kind = 'province' "
    "           WHEN $2 = 'all' THEN true ELSE s.unit_code = $2 END "
    "ORDER BY kpi.indicator_sort_key(s.indicator_id), s.unit_kind <> 'province', "
    "  s.unit_name COLLATE \"vi-VN-x-icu\", s.unit_code";

struct lang {
    enum numfmt_lang numfmt;
    const char *headers[11];
    const char *status[6][2]; /* code, label */
    const char *no_rows;
    const char *notes;
};

static const struct lang vi = {
    NUMFMT_VI,
    {"ID", "Chỉ tiêu", "Đơn vị", "Kỳ", "Tử số", "Mẫu số", "Tỷ lệ", "Mục tiêu", "Trạng thái",
     "Còn thiếu", "Đủ DL"},
    {{"met", "đạt"},
     {"breach", "KHÔNG ĐẠT"},
     {"on_track", "đúng tiến độ"},
     {"at_risk", "có nguy cơ"},
     {"no_data", "thiếu dữ liệu"},
     {"invalid", "không hợp lệ"}},
    "không có giá trị nào đã tính khớp với lựa chọn",
    "Ghi chú",
};

static const struct lang en = {
    NUMFMT_EN,
    {"ID", "Indicator", "Unit", "Period", "Numerator", "Denominator", "Ratio", "Target", "Status",
     "Gap", "Complete"},
    {{"met", "met"},
     {"breach", "BREACH"},
     {"on_track", "on track"},
     {"at_risk", "at risk"},
     {"no_data", "no data"},
     {"invalid", "invalid"}},
    "no computed values match",
    "Notes",
};

/* A date "YYYY-MM-DD" as people of L write it: 31/12/2025 (vi), 2025-12-31 (en). */
static void fmt_date(char *dst, size_t len, const char *iso, const struct lang *l)
{
    if (l == &vi && strlen(iso) == 10)
        snprintf(dst, len, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
    else
        snprintf(dst, len, "%s", iso);
}

static const char *status_label(const char *status, const struct lang *l)
{
    for (size_t i = 0; i < 6; i++)
        if (strcmp(l->status[i][0], status) == 0)
            return l->status[i][1];
    return status;
}

#define TCOLS 11

/* The table's cells for row R, each malloc'd into out[TCOLS]. */
static enum kpi_status table_row(const PGresult *res, int r, const struct lang *l, char **out)
{
    char buf[256];
    const char *v;
#define GET(c) (PQgetisnull(res, r, (c)) ? NULL : PQgetvalue(res, r, (c)))
#define VAL(c) PQgetvalue(res, r, (c)) /* "" when NULL */
/* A number column: its text for people (or DASH when NULL or not a number). */
#define NUM(c, fmt, dash) ((v = GET(c)) != NULL && (fmt) == 0 ? buf : (dash))
    out[0] = strdup(VAL(C_ID));
    text_cut(buf, sizeof buf, VAL(l == &vi ? C_NAME_VI : C_NAME_EN), 36);
    out[1] = strdup(buf);
    text_cut(buf, sizeof buf, VAL(C_UNIT_NAME), 24);
    out[2] = strdup(buf);
    out[3] = strdup(VAL(C_LABEL));
    out[4] = strdup(NUM(C_NUM, numfmt_decimal(buf, sizeof buf, v, 0, NUMFMT_TRIM, l->numfmt), "–"));
    out[5] = strdup(NUM(C_DEN, numfmt_decimal(buf, sizeof buf, v, 0, NUMFMT_TRIM, l->numfmt), "–"));
    /* the ratio on the side of its target that its status says (numfmt.h) */
    struct numfmt_target target = {GET(C_CMP), GET(C_TARGET), GET(C_STATUS)};
    out[6] = strdup(
        NUM(C_RATIO,
            numfmt_judged_pct(buf, sizeof buf, v, 1, NUMFMT_AS_WRITTEN, &target, l->numfmt), "–"));
    char due[16] = "–";
    if (GET(C_DUE))
        fmt_date(due, sizeof due, GET(C_DUE), l);
    v = GET(C_TARGET);
    if (v) {
        char pct[64];
        numfmt_pct(pct, sizeof pct, v, NUMFMT_ALL, NUMFMT_TRIM, l->numfmt);
        snprintf(buf, sizeof buf, "%s %s", strcmp(VAL(C_CMP), ">") == 0 ? ">" : "≥", pct);
        if (GET(C_DUE)) {
            size_t n = strlen(buf);
            snprintf(buf + n, sizeof buf - n, l == &vi ? " trước %s" : " by %s", due);
        }
    } else {
        snprintf(buf, sizeof buf, l == &vi ? "xong trước %s" : "done by %s", due);
    }
    out[7] = strdup(buf);
    v = status_label(VAL(C_STATUS), l);
    snprintf(buf, sizeof buf, "%s%s", strcmp(VAL(C_STATUS), "breach") == 0 ? "✗ " : "", v);
    out[8] = strdup(buf);
    v = GET(C_GAP);
    bool gap = v != NULL && strcmp(v, "0") != 0;
    out[9] = strdup(
        gap ? NUM(C_GAP, numfmt_decimal(buf, sizeof buf, v, 0, NUMFMT_TRIM, l->numfmt), "") : "");
    out[10] = strdup(
        NUM(C_COMPLETE, numfmt_pct(buf, sizeof buf, v, 1, NUMFMT_AS_WRITTEN, l->numfmt), ""));
#undef NUM
#undef GET
#undef VAL
    for (int c = 0; c < TCOLS; c++)
        if (out[c] == NULL)
            return KPI_ERROR;
    return KPI_OK;
}

static const char *status_colour(const char *status)
{
    if (strcmp(status, "breach") == 0 || strcmp(status, "invalid") == 0)
        return "\033[1;31m";
    if (strcmp(status, "at_risk") == 0)
        return "\033[33m";
    if (strcmp(status, "met") == 0 || strcmp(status, "on_track") == 0)
        return "\033[32m";
    return "\033[2m";
}

static void put_padded(const char *s, size_t width, bool right)
{
    size_t pad = width - text_width(s);
    if (right)
        printf("%*s%s", (int)pad, "", s);
    else
        printf("%s%*s", s, (int)pad, "");
}

static enum kpi_status print_table(const PGresult *res, const struct lang *l)
{
    static const bool right[TCOLS] = {false, false, false, false, true, true,
                                      true,  false, false, true,  true};
    int n = PQntuples(res), rc = KPI_ERROR;
    bool colour = isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL;
    size_t width[TCOLS];
    char **cells = calloc((size_t)n * TCOLS + 1, sizeof *cells);
    if (cells == NULL)
        goto fail;
    for (int c = 0; c < TCOLS; c++)
        width[c] = text_width(l->headers[c]);
    for (int r = 0; r < n; r++) {
        if (table_row(res, r, l, cells + (size_t)r * TCOLS) != 0)
            goto fail;
        for (int c = 0; c < TCOLS; c++) {
            size_t w = text_width(cells[(size_t)r * TCOLS + c]);
            if (w > width[c])
                width[c] = w;
        }
    }
    char from[16], to[16];
    fmt_date(from, sizeof from, PQgetvalue(res, 0, C_START), l);
    fmt_date(to, sizeof to, PQgetvalue(res, 0, C_END), l);
    printf("%s: %s %s (%s → %s)\n", l == &vi ? "Kỳ" : "Period",
           period_kind_label(PQgetvalue(res, 0, C_KIND), l == &vi), PQgetvalue(res, 0, C_LABEL),
           from, to);
    for (int c = 0; c < TCOLS; c++) {
        put_padded(l->headers[c], width[c], right[c]);
        fputs(c + 1 < TCOLS ? "  " : "\n", stdout);
    }
    for (int c = 0; c < TCOLS; c++) {
        for (size_t i = 0; i < width[c]; i++)
            fputs("─", stdout);
        fputs(c + 1 < TCOLS ? "  " : "\n", stdout);
    }
    int notes = 0;
    for (int r = 0; r < n; r++) {
        const char *st = PQgetvalue(res, r, C_STATUS);
        for (int c = 0; c < TCOLS; c++) {
            bool paint = colour && c == 8;
            if (paint)
                fputs(status_colour(st), stdout);
            put_padded(cells[(size_t)r * TCOLS + c], width[c], right[c]);
            if (paint)
                fputs("\033[0m", stdout);
            fputs(c + 1 < TCOLS ? "  " : "\n", stdout);
        }
        notes += !PQgetisnull(res, r, C_REASON);
    }
    if (notes > 0) {
        printf("\n%s:\n", l->notes);
        for (int r = 0; r < n; r++)
            if (!PQgetisnull(res, r, C_REASON))
                printf("  %s %s: %s\n", PQgetvalue(res, r, C_ID), PQgetvalue(res, r, C_UNIT_NAME),
                       PQgetvalue(res, r, l == &vi ? C_REASON_VI : C_REASON));
    }
    rc = KPI_OK;
fail:
    if (cells != NULL)
        for (size_t i = 0; i < (size_t)n * TCOLS; i++)
            free(cells[i]);
    free(cells);
    if (rc != 0)
        log_error("out of memory");
    return rc;
}

static void csv_field(const char *s)
{
    if (strpbrk(s, ",\"\r\n") == NULL) {
        fputs(s, stdout);
        return;
    }
    putchar('"');
    for (; *s; s++) {
        if (*s == '"')
            putchar('"');
        putchar(*s);
    }
    putchar('"');
}

static void print_csv(const PGresult *res)
{
    for (int c = 0; c < C_COUNT; c++) {
        fputs(col_names[c], stdout);
        putchar(c + 1 < C_COUNT ? ',' : '\n');
    }
    for (int r = 0; r < PQntuples(res); r++)
        for (int c = 0; c < C_COUNT; c++) {
            csv_field(PQgetvalue(res, r, c)); /* NULL is "" */
            putchar(c + 1 < C_COUNT ? ',' : '\n');
        }
}

static enum kpi_status print_json(const PGresult *res)
{
    enum kpi_status rc = KPI_ERROR;
    char *text = NULL;
    cJSON *arr = cJSON_CreateArray();
    if (arr == NULL)
        goto fail;
    for (int r = 0; r < PQntuples(res); r++) {
        cJSON *o = cJSON_CreateObject();
        if (o == NULL || !cJSON_AddItemToArray(arr, o))
            goto fail;
        for (int c = 0; c < C_COUNT; c++) {
            const char *v = PQgetvalue(res, r, c);
            cJSON *item = PQgetisnull(res, r, c) ? cJSON_CreateNull()
                          : col_numeric(c)       ? cJSON_CreateRaw(v)
                                                 : cJSON_CreateString(v);
            if (item == NULL || !cJSON_AddItemToObject(o, col_names[c], item))
                goto fail;
        }
    }
    text = cJSON_Print(arr);
    if (text == NULL)
        goto fail;
    puts(text);
    rc = KPI_OK;
fail:
    if (rc != 0)
        log_error("out of memory");
    free(text);
    cJSON_Delete(arr);
    return rc;
}

/* The IDs as one parameter: joined with newlines (NULL when none). */
static char *join_ids(int n, char **ids)
{
    size_t len = 1;
    for (int i = 0; i < n; i++)
        len += strlen(ids[i]) + 1;
    char *s = malloc(len);
    if (s == NULL)
        return NULL;
    s[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (i > 0)
            strcat(s, "\n");
        strcat(s, ids[i]);
    }
    return s;
}

/* The callback of --kind: a period kind. */
static enum kpi_status kind_option(const struct kpi_option *opt, const char *arg)
{
    if (!period_kind_valid(arg))
        return builtin_usage_error("show", "'%s' is not a period kind", arg);
    *(const char **)opt->value = arg;
    return KPI_OK;
}

/* The callback of --format table|csv|json. */
static enum kpi_status format_option(const struct kpi_option *opt, const char *arg)
{
    if (strcmp(arg, "table") != 0 && strcmp(arg, "csv") != 0 && strcmp(arg, "json") != 0)
        return builtin_usage_error("show", "unknown format '%s'; use table, csv or json", arg);
    *(const char **)opt->value = arg;
    return KPI_OK;
}

/* The callback of --lang vi|en: opt->value is the const struct lang * to set. */
static enum kpi_status lang_option(const struct kpi_option *opt, const char *arg)
{
    if (strcmp(arg, "vi") != 0 && strcmp(arg, "en") != 0)
        return builtin_usage_error("show", "unknown language '%s'; use vi or en", arg);
    *(const struct lang **)opt->value = strcmp(arg, "en") == 0 ? &en : &vi;
    return KPI_OK;
}

enum kpi_status cmd_show(int argc, char **argv)
{
    const char *unit = NULL, *kind = "month", *format = "table";
    const struct lang *l = &vi;
    char month[PERIOD_DATE_LEN] = "";
    struct kpi_option options[] = {
        OPT_STRING("unit", 0, &unit, "CODE",
                   "one unit (commune, ward or province); 'all': every unit; default: the "
                   "province"),
        OPT_MONTH("period", 0, month,
                  "the period of KIND that ends in this month; default: the latest"),
        OPT_CALLBACK("kind", 0, &kind, "KIND", kind_option,
                     "month (default), ytd, quarter, half, year, report_month, report_quarter, "
                     "report_half, report_9m, report_year"),
        OPT_CALLBACK("format", 0, &format, "FORMAT", format_option,
                     "table (default; for people), csv or json (for scripts: '.' decimals, exact "
                     "values, stable columns)"),
        OPT_CALLBACK("lang", 0, &l, "LANG", lang_option,
                     "vi (default) or en: the language and number format of the table"),
        OPT_END(),
    };
    int args;
    enum kpi_status done;
    if (!parse_options(argc, argv, &show_doc, options, &args, &done))
        return done;
    bool have_month = month[0] != '\0';

    int rc = KPI_ERROR;
    PGconn *conn = NULL;
    PGresult *res = NULL;
    char *ids = args < argc ? join_ids(argc - args, argv + args) : NULL;
    if (args < argc && ids == NULL) {
        log_error("out of memory");
        return KPI_ERROR;
    }
    if (conn_open(kpi_opts.db, kpi_opts.home, &conn) != 0)
        goto fail;
    const char *params[] = {ids, unit, have_month ? month : NULL, kind};
    res = PQexecParams(conn, query, 4, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("could not read the indicator values: %s", conn_errmsg(conn));
        goto fail;
    }
    if (strcmp(format, "csv") == 0) {
        print_csv(res);
    } else if (strcmp(format, "json") == 0) {
        if (print_json(res) != 0)
            goto fail;
    } else if (PQntuples(res) == 0) {
        log_info("%s", l->no_rows);
    } else if (print_table(res, l) != 0) {
        goto fail;
    }
    rc = KPI_OK;
fail:
    PQclear(res);
    PQfinish(conn);
    free(ids);
    return rc;
}
