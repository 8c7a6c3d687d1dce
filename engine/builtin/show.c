/*
 * builtin/show.c — `kpi show`: the computed indicator table for people
 * (aligned, Vietnamese number formats, breaches marked), for scripts (CSV,
 * JSON with '.' decimals, stable columns and order) and for spreadsheets
 * (the CSV columns as an .xlsx workbook, report/excel.h; or CSV for a
 * Vietnamese Excel with --excel).
 */
#include "builtin.h"
#include "db/conn.h"
#include "common/log.h"
#include "common/numfmt.h"
#include "common/period.h"
#include "common/status.h"
#include "common/text.h"
#include "common/words.h"
#include "report/excel.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct command_doc show_doc = {
    .name = "show",
    .synopsis = "kpi show [ID...] [--unit CODE|all] [--period YYYY-MM] [--kind KIND] [--plan ID]\n"
                "         [--format table|csv|json|xlsx] [--excel] [--out FILE] [--lang vi|en]",
    .description =
        "Print the computed indicators (kpi compute) of one period: only the\n"
        "indicators ID... (e.g. 3.1 4.2.4), default all. Without --kind, each\n"
        "target on the figure the plan judges it on: the month, and a ratio or\n"
        "share target due on a date on its deadline window (1 January to the due\n"
        "date, projected to it until then, its final verdict after). Each cell is\n"
        "judged by the plan in force on its period's last day (docs/plans.md);\n"
        "--plan ID shows only the cells that plan judged.\n"
        "--format xlsx writes the columns of CSV as a workbook (--out FILE): numbers as\n"
        "numbers, dates as dates, codes as text.\n"
        "--format csv --excel writes CSV for a Vietnamese Excel: a UTF-8 BOM, ';' between\n"
        "fields, ',' decimals, and every text a spreadsheet would read as a number or a date\n"
        "(codes such as 05533, \"79,2 %\") written as the formula =\"...\", which Excel and\n"
        "LibreOffice keep as that text.\n",
};

/* The columns of the query, in this order (CSV and JSON use these names); those from C_KIND_I
 * on are read for the words of a cell (common/words.h), not printed as they are. */
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
    C_LATE,
    C_SHORT_VI,
    C_SHORT_EN,
    C_COUNT,
    C_KIND_I = C_COUNT, /* the indicator's kind: ratio, share, task */
    C_TARGET_VI,
    C_INNER_CMP,
    C_INNER_TARGET,
    C_NOUN_VI,
    C_NOUN_EN,
    C_DEADLINE_VI,
    C_DEADLINE_EN,
    C_SUSPECT,    /* "true": computed from an implausible value (kpi.data_quality_finding): its
                     status_text says so (CSV, JSON, the table); JSON also "suspect": true */
    C_ASSIGNED,   /* a task of many units, the unit a province: who must do it ("communes",
                     "listed"), so its value reads "80/92 xã, phường" (words_value) */
    C_COUNTED_TO, /* from here also in JSON (json_extra): a deadline cell's day counted to, */
    C_PROJECTED,  /* its projection and the count needed per month, */
    C_NEEDED,
    C_MONTHS_FROM, /* the months a cut window counts whole */
    C_MONTHS_TO,
    C_PLAN,      /* the plan that judged the cell (issue 18; JSON "plan_id") */
    C_CARRIED,   /* the share of the numerator carried from units before the map (issue 19) */
    C_ESTIMATED, /* why the cell is an estimate (a partial part left out), NULL: exact */
    C_ALL
};

/* The JSON keys of C_COUNTED_TO.. (numbers: C_PROJECTED, C_NEEDED), then two words. */
static const char *const json_extra[C_ALL - C_COUNTED_TO] = {
    "counted_to", "projected_pct", "needed_per_month", "months_from",
    "months_to",  "plan_id",       "carried_pct",      "estimated",
};

static const char *const col_names[C_COUNT] = {
    "indicator_id",    "indicator_name_vi", "indicator_name_en", "unit_code",
    "unit_name",       "period_kind",       "period_label",      "period_start",
    "period_end",      "numerator",         "denominator",       "ratio_pct",
    "comparator",      "target_pct",        "due_date",          "status",
    "reason",          "reason_vi",         "gap_count",         "completeness_pct",
    "catalog_version", "late_days",         "short_name_vi",     "short_name_en",
};

/* The words of a cell (common/words.h) in the language of --lang, after the columns above in
 * CSV and JSON: what people read, the same text as every other surface prints. */
enum words_col { W_VALUE, W_TARGET, W_GAP, W_DEADLINE, W_STATUS, W_CLASS, W_COUNT };

static const char *const words_names[W_COUNT] = {
    "value_text", "target_text", "gap_text", "deadline_text", "status_text", "status_class",
};

/* Which columns are numbers (JSON: raw numbers, exact). */
static bool col_numeric(int c)
{
    return c == C_NUM || c == C_DEN || c == C_RATIO || c == C_TARGET || c == C_GAP ||
           c == C_COMPLETE || c == C_LATE;
}

static const char query[] =
    "WITH pick AS (SELECT coalesce($3::date, (SELECT date_trunc('month', max(period_end))::date "
    "  FROM kpi.indicator_value WHERE period_kind = $4)) AS m) "
    "SELECT s.indicator_id, s.indicator_name_vi, s.indicator_name_en, s.unit_code, s.unit_name, "
    "  s.period_kind, s.period_label, s.period_start, s.period_end, s.numerator, s.denominator, "
    "  s.ratio_pct, s.comparator, s.target_pct, s.due_date, s.status, s.reason, s.reason_vi, "
    "  s.gap_count, s.completeness_pct, s.catalog_version, s.late_days, i.short_name_vi, "
    "  i.short_name_en, i.kind, i.target_text_vi, i.inner_comparator, "
    "  trim_scale(i.inner_target_pct)::text, "
    "  CASE WHEN i.kind = 'share' THEN i.facility_noun_vi ELSE m.noun_vi END, "
    "  CASE WHEN i.kind = 'share' THEN i.facility_noun_en ELSE m.noun_en END, "
    "  i.deadline_text_vi, i.deadline_text_en, s.suspect::text, "
    "  CASE WHEN i.assigned_to <> 'province' AND s.unit_kind = 'province' THEN i.assigned_to END, "
    "  s.counted_to, s.projected_pct, "
    "  s.needed_per_month, s.months_from, s.months_to, s.plan_id, s.carried_pct, s.estimated "
    "FROM kpi.indicator_series s CROSS JOIN pick "
    /* the row of the plan that judged the cell: the plan in force on its last day */
    "LEFT JOIN LATERAL kpi.indicator_of(s.plan_id, s.indicator_id, s.period_end) i ON true "
    "LEFT JOIN kpi.metric m ON m.code = i.numerator_metric "
    /* the default view ($5): the figure the plan judges, a ratio or share target due on a
     * date on its deadline window once that has started by the month's end, every other on
     * the month */
    "WHERE CASE WHEN $5::boolean AND i.kind <> 'task' AND i.due_date IS NOT NULL "
    "  AND EXISTS (SELECT 1 FROM kpi.indicator_value d WHERE d.plan_id = s.plan_id "
    "    AND d.indicator_id = s.indicator_id "
    "    AND d.unit_code = s.unit_code AND d.period_kind = 'deadline' "
    "    AND d.period_end = i.due_date "
    "    AND d.period_start <= (pick.m + interval '1 month - 1 day')::date) "
    "  THEN s.period_kind = 'deadline' AND s.period_end = i.due_date "
    "  ELSE s.period_kind = $4 AND date_trunc('month', s.period_end) = pick.m END "
    "  AND ($1::text IS NULL OR s.indicator_id = ANY (string_to_array($1, E'\\n'))) "
    /* --plan ($6), else the plan judging the period (issue 18): not the no_target cells of
     * an earlier plan's item the plan in force lacks */
    "  AND CASE WHEN $6::text IS NULL "
    "           THEN s.plan_id = '' OR s.plan_id IS NOT DISTINCT FROM "
    "kpi.plan_judging(s.period_end) "
    "           ELSE s.plan_id = $6 END "
    "  AND CASE WHEN $2::text IS NULL THEN s.unit_kind = 'province' "
    "           WHEN $2 = 'all' THEN true ELSE s.unit_code = $2 END "
    "ORDER BY kpi.indicator_sort_key(s.indicator_id), s.unit_kind <> 'province', "
    "  s.unit_name COLLATE \"vi-VN-x-icu\", s.unit_code";

struct lang {
    enum numfmt_lang numfmt;
    const char *headers[11];
    const char *no_rows;
    const char *notes;
    const char *deadlines;
};

static const struct lang vi = {
    NUMFMT_VI,
    {"ID", "Chỉ tiêu", "Đơn vị", "Kỳ", "Tử số", "Mẫu số", "Tỷ lệ", "Mục tiêu", "Trạng thái",
     "Còn thiếu", "Đủ DL"},
    "không có giá trị nào đã tính khớp với lựa chọn",
    "Ghi chú",
    "Thời hạn",
};

static const struct lang en = {
    NUMFMT_EN,
    {"ID", "Indicator", "Unit", "Period", "Numerator", "Denominator", "Ratio", "Target", "Status",
     "Gap", "Complete"},
    "no computed values match",
    "Notes",
    "Deadlines",
};

/* A date "YYYY-MM-DD" as people of L write it: 31/12/2025 (vi), 2025-12-31 (en). */
static void fmt_date(char *dst, size_t len, const char *iso, const struct lang *l)
{
    words_date(dst, len, iso, l->numfmt);
}

/* The field C of row R, NULL when SQL NULL. */
static const char *get(const PGresult *res, int r, int c)
{
    return PQgetisnull(res, r, c) ? NULL : PQgetvalue(res, r, c);
}

/* Row R as a cell for common/words.h. */
static struct words_cell row_cell(const PGresult *res, int r)
{
    return (struct words_cell){
        .kind = get(res, r, C_KIND_I),
        .status = get(res, r, C_STATUS),
        .ratio_pct = get(res, r, C_RATIO),
        .comparator = get(res, r, C_CMP),
        .target_pct = get(res, r, C_TARGET),
        .target_text_vi = get(res, r, C_TARGET_VI),
        .inner_comparator = get(res, r, C_INNER_CMP),
        .inner_target_pct = get(res, r, C_INNER_TARGET),
        .gap_count = get(res, r, C_GAP),
        .noun_vi = get(res, r, C_NOUN_VI),
        .noun_en = get(res, r, C_NOUN_EN),
        .due_date = get(res, r, C_DUE),
        .deadline_text_vi = get(res, r, C_DEADLINE_VI),
        .deadline_text_en = get(res, r, C_DEADLINE_EN),
        .period_end = get(res, r, C_END),
        .late_days = get(res, r, C_LATE),
        .reason = get(res, r, C_REASON),
        .reason_vi = get(res, r, C_REASON_VI),
        .period_kind = get(res, r, C_KIND),
        .period_start = get(res, r, C_START),
        .counted_to = get(res, r, C_COUNTED_TO),
        .projected_pct = get(res, r, C_PROJECTED),
        .needed_per_month = get(res, r, C_NEEDED),
        .months_from = get(res, r, C_MONTHS_FROM),
        .months_to = get(res, r, C_MONTHS_TO),
        .assigned = get(res, r, C_ASSIGNED),
        .numerator = get(res, r, C_NUM),
        .denominator = get(res, r, C_DEN),
    };
}

/* The words W of row R in LANG into BUF (LEN bytes). */
static const char *row_words(const PGresult *res, int r, int w, enum numfmt_lang lang, char *buf,
                             size_t len)
{
    struct words_cell c = row_cell(res, r);
    switch (w) {
    case W_VALUE:
        words_value(buf, len, &c, lang);
        break;
    case W_TARGET:
        words_target(buf, len, &c, lang);
        break;
    case W_GAP:
        words_gap(buf, len, &c, lang);
        break;
    case W_DEADLINE:
        words_deadline(buf, len, &c, lang);
        break;
    case W_STATUS: /* a suspect cell's says so: "không đạt (cần kiểm tra số liệu)" */
        words_status(buf, len, &c, lang);
        if (strcmp(PQgetvalue(res, r, C_SUSPECT), "true") == 0) {
            size_t n = strlen(buf);
            snprintf(buf + n, len - n, " (%s)", words_suspect(lang));
        }
        break;
    default:
        snprintf(buf, len, "%s", words_class(&c));
    }
    return buf;
}

/* The name of row R's indicator in a row of L: its short name (the full one before short
 * names were loaded). */
static const char *row_name(const PGresult *res, int r, const struct lang *l)
{
    return l == &vi ? words_name(get(res, r, C_SHORT_VI), get(res, r, C_NAME_VI))
                    : words_name(get(res, r, C_SHORT_EN), get(res, r, C_NAME_EN));
}

#define TCOLS 11

/* The table's cells for row R, each malloc'd into out[TCOLS]. */
static enum kpi_status table_row(const PGresult *res, int r, const struct lang *l, char **out)
{
    char buf[512], status[128];
    struct words_cell c = row_cell(res, r);
    out[0] = strdup(PQgetvalue(res, r, C_ID));
    text_cut(buf, sizeof buf, row_name(res, r, l), 36);
    out[1] = strdup(buf);
    text_cut(buf, sizeof buf, PQgetvalue(res, r, C_UNIT_NAME), 24);
    out[2] = strdup(buf);
    if (strcmp(PQgetvalue(res, r, C_KIND), "deadline") == 0) { /* "đến hạn 31/12/2025" */
        char due[32];
        fmt_date(due, sizeof due, get(res, r, C_END), l);
        snprintf(buf, sizeof buf, "%s %s", period_kind_label("deadline", l == &vi), due);
        out[3] = strdup(buf);
    } else {
        out[3] = strdup(PQgetvalue(res, r, C_LABEL));
    }
    words_count(buf, sizeof buf, get(res, r, C_NUM), l->numfmt);
    out[4] = strdup(buf);
    words_count(buf, sizeof buf, get(res, r, C_DEN), l->numfmt);
    out[5] = strdup(buf);
    words_value(buf, sizeof buf, &c, l->numfmt);
    out[6] = strdup(buf);
    words_target(buf, sizeof buf, &c, l->numfmt);
    out[7] = strdup(buf);
    row_words(res, r, W_STATUS, l->numfmt, status, sizeof status);
    snprintf(buf, sizeof buf, "%s %s", words_symbol(words_class(&c)), status);
    out[8] = strdup(buf);
    words_gap(buf, sizeof buf, &c, l->numfmt);
    if (buf[0] == '\0') /* on track: the pace that keeps it there */
        words_projection(buf, sizeof buf, &c, l->numfmt);
    out[9] = strdup(buf);
    const char *v = get(res, r, C_COMPLETE);
    if (v == NULL || numfmt_pct(buf, sizeof buf, v, 1, NUMFMT_AS_WRITTEN, l->numfmt) != 0)
        buf[0] = '\0';
    out[10] = strdup(buf);
    for (int k = 0; k < TCOLS; k++)
        if (out[k] == NULL)
            return KPI_ERROR;
    return KPI_OK;
}

static const char *status_colour(const char *cls)
{
    if (strcmp(cls, "breach") == 0 || strcmp(cls, "invalid") == 0)
        return "\033[1;31m";
    if (strcmp(cls, "at_risk") == 0)
        return "\033[33m";
    if (strcmp(cls, "late") == 0)
        return "\033[35m";
    if (strcmp(cls, "met") == 0 || strcmp(cls, "on_track") == 0)
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

/* Below the table: each indicator's deadline once, in the plan's words and the last day. */
static void print_deadlines(const PGresult *res, const struct lang *l)
{
    char buf[512];
    printf("\n%s:\n", l->deadlines);
    for (int r = 0; r < PQntuples(res); r++) {
        if (r > 0 && strcmp(PQgetvalue(res, r, C_ID), PQgetvalue(res, r - 1, C_ID)) == 0)
            continue;
        printf("  %s %s: %s\n", PQgetvalue(res, r, C_ID), row_name(res, r, l),
               row_words(res, r, W_DEADLINE, l->numfmt, buf, sizeof buf));
    }
}

/* The note of row R on the map of 1/7/2025 (issue 19): what it carried from the old units, why
 * it is an estimate; nothing when neither. */
static void print_map_note(const PGresult *res, int r, const struct lang *l)
{
    const char *carried = get(res, r, C_CARRIED), *est = get(res, r, C_ESTIMATED);
    char pct[64];
    if (carried == NULL && est == NULL)
        return;
    printf("  %s %s: ", PQgetvalue(res, r, C_ID), PQgetvalue(res, r, C_UNIT_NAME));
    if (carried != NULL &&
        numfmt_pct(pct, sizeof pct, carried, 2, NUMFMT_TRIM, l->numfmt) == KPI_OK)
        printf(l == &vi ? "%s số liệu của đơn vị trước 01/07/2025"
                        : "%s carried from the units "
                          "before 1/7/2025",
               pct);
    if (est != NULL)
        printf("%s%s: %s", carried != NULL ? "; " : "", l == &vi ? "ước tính" : "estimated", est);
    putchar('\n');
}

static enum kpi_status print_table(const PGresult *res, const struct lang *l)
{
    static const bool right[TCOLS] = {false, false, false, false, true, true,
                                      true,  false, false, false, true};
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
    int h = 0; /* the period of the table: its first row not judged on a deadline window */
    while (h + 1 < n && strcmp(PQgetvalue(res, h, C_KIND), "deadline") == 0)
        h++;
    fmt_date(from, sizeof from, PQgetvalue(res, h, C_START), l);
    fmt_date(to, sizeof to, PQgetvalue(res, h, C_END), l);
    printf("%s: %s %s (%s → %s)\n", l == &vi ? "Kỳ" : "Period",
           period_kind_label(PQgetvalue(res, h, C_KIND), l == &vi), PQgetvalue(res, h, C_LABEL),
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
        struct words_cell wc = row_cell(res, r);
        for (int c = 0; c < TCOLS; c++) {
            bool paint = colour && c == 8;
            if (paint)
                fputs(status_colour(words_class(&wc)), stdout);
            put_padded(cells[(size_t)r * TCOLS + c], width[c], right[c]);
            if (paint)
                fputs("\033[0m", stdout);
            fputs(c + 1 < TCOLS ? "  " : "\n", stdout);
        }
        notes += words_reason(&wc, l->numfmt) != NULL || get(res, r, C_CARRIED) != NULL ||
                 get(res, r, C_ESTIMATED) != NULL;
    }
    print_deadlines(res, l);
    if (notes > 0) {
        printf("\n%s:\n", l->notes);
        for (int r = 0; r < n; r++) {
            struct words_cell wc = row_cell(res, r);
            if (words_reason(&wc, l->numfmt) != NULL)
                printf("  %s %s: %s\n", PQgetvalue(res, r, C_ID), PQgetvalue(res, r, C_UNIT_NAME),
                       words_reason(&wc, l->numfmt));
            print_map_note(res, r, l);
        }
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

/* Whether a spreadsheet opening CSV would read the text S as a number, a date or a formula:
 * it begins with a digit, a sign, '=' or '@'. */
static bool spreadsheet_reads(const char *s)
{
    return *s != '\0' && strchr("0123456789+-=@", *s) != NULL;
}

/* S as one CSV field, quoted when it holds DELIM, a quote or a line break; for EXCEL a text
 * that a spreadsheet would read otherwise (spreadsheet_reads) as the formula ="S". */
static void csv_field(const char *s, char delim, bool excel)
{
    bool formula = excel && spreadsheet_reads(s);
    char specials[] = {delim, '"', '\r', '\n', '\0'};
    if (!formula && strpbrk(s, specials) == NULL) {
        fputs(s, stdout);
        return;
    }
    if (formula && strpbrk(s, specials) == NULL) {
        printf("=\"%s\"", s);
        return;
    }
    fputs(formula ? "\"=\"\"" : "\"", stdout);
    for (; *s; s++) {
        if (*s == '"')
            fputs(formula ? "\"\"\"\"" : "\"\"", stdout);
        else
            putchar(*s);
    }
    fputs(formula ? "\"\"\"" : "\"", stdout);
}

/* A number of the query ("73.8544", "-0.5") as a Vietnamese spreadsheet reads it: "73,8544". */
static void csv_number(const char *s)
{
    for (; *s; s++)
        putchar(*s == '.' ? ',' : *s);
}

/* Whether column C holds a date ("YYYY-MM-DD"): a spreadsheet reads it as one, rightly. */
static bool col_date(int c)
{
    return c == C_START || c == C_END || c == C_DUE;
}

/* CSV of RES: ',' and '.' decimals (scripts), or for EXCEL a BOM, ';' and ',' decimals. */
static void print_csv(const PGresult *res, const struct lang *l, bool excel)
{
    char buf[512], delim = excel ? ';' : ',';
    if (excel)
        fputs("\xEF\xBB\xBF", stdout);
    for (int c = 0; c < C_COUNT + W_COUNT; c++) {
        fputs(c < C_COUNT ? col_names[c] : words_names[c - C_COUNT], stdout);
        putchar(c + 1 < C_COUNT + W_COUNT ? delim : '\n');
    }
    for (int r = 0; r < PQntuples(res); r++)
        for (int c = 0; c < C_COUNT + W_COUNT; c++) {
            const char *v = c < C_COUNT
                                ? PQgetvalue(res, r, c) /* NULL is "" */
                                : row_words(res, r, c - C_COUNT, l->numfmt, buf, sizeof buf);
            if (excel && c < C_COUNT && col_numeric(c))
                csv_number(v);
            else
                csv_field(v, delim, excel && !(c < C_COUNT && col_date(c)));
            putchar(c + 1 < C_COUNT + W_COUNT ? delim : '\n');
        }
}

/* The workbook of RES at PATH: the columns of CSV, numbers as numbers, dates as dates, codes
 * and words as text. */
static enum kpi_status write_xlsx(const PGresult *res, const struct lang *l, const char *path)
{
    struct excel b;
    char buf[512];
    if (excel_open(&b, path) != KPI_OK)
        return KPI_ERROR;
    lxw_worksheet *ws = excel_sheet(&b, l == &vi ? "Chỉ tiêu" : "Indicators", true);
    if (ws == NULL) {
        excel_abandon(&b);
        return KPI_ERROR;
    }
    int ncols = C_COUNT + W_COUNT;
    for (int c = 0; c < ncols; c++) {
        worksheet_write_string(ws, 0, (lxw_col_t)c,
                               c < C_COUNT ? col_names[c] : words_names[c - C_COUNT], b.head);
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
                             c == C_NAME_VI || c == C_NAME_EN ? 40 : 14, NULL);
    }
    for (int r = 0; r < PQntuples(res); r++)
        for (int c = 0; c < ncols; c++) {
            lxw_row_t row = (lxw_row_t)r + 1;
            const char *v = c < C_COUNT
                                ? get(res, r, c)
                                : row_words(res, r, c - C_COUNT, l->numfmt, buf, sizeof buf);
            if (c < C_COUNT && col_numeric(c))
                excel_put_numeric(ws, row, (lxw_col_t)c, v, 1,
                                  c == C_RATIO || c == C_TARGET || c == C_COMPLETE ? b.points
                                                                                   : b.count);
            else if (c < C_COUNT && col_date(c))
                excel_put_date(ws, row, (lxw_col_t)c, v, b.date);
            else if (v == NULL)
                worksheet_write_blank(ws, row, (lxw_col_t)c, b.code);
            else
                worksheet_write_string(ws, row, (lxw_col_t)c, v, b.code);
        }
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, (lxw_row_t)PQntuples(res), (lxw_col_t)(ncols - 1));
    return excel_close(&b);
}

/* The keys of json_extra into O for row R, and the words of its window and projection
 * (window_text, projection_text: "" when none). */
static enum kpi_status json_deadline(cJSON *o, const PGresult *res, int r, const struct lang *l)
{
    char buf[512];
    struct words_cell c = row_cell(res, r);
    for (int k = C_COUNTED_TO; k < C_ALL; k++) {
        const char *v = get(res, r, k);
        bool number = k == C_PROJECTED || k == C_NEEDED || k == C_CARRIED;
        cJSON *item = v == NULL ? cJSON_CreateNull()
                      : number  ? cJSON_CreateRaw(v)
                                : cJSON_CreateString(v);
        if (item == NULL || !cJSON_AddItemToObject(o, json_extra[k - C_COUNTED_TO], item))
            return KPI_ERROR;
    }
    words_window(buf, sizeof buf, &c, l->numfmt);
    if (cJSON_AddStringToObject(o, "window_text", buf) == NULL)
        return KPI_ERROR;
    words_projection(buf, sizeof buf, &c, l->numfmt);
    if (cJSON_AddStringToObject(o, "projection_text", buf) == NULL)
        return KPI_ERROR;
    return KPI_OK;
}

static enum kpi_status print_json(const PGresult *res, const struct lang *l)
{
    enum kpi_status rc = KPI_ERROR;
    char *text = NULL, buf[512];
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
        for (int w = 0; w < W_COUNT; w++) {
            cJSON *item = cJSON_CreateString(row_words(res, r, w, l->numfmt, buf, sizeof buf));
            if (item == NULL || !cJSON_AddItemToObject(o, words_names[w], item))
                goto fail;
        }
        if (json_deadline(o, res, r, l) != KPI_OK ||
            !cJSON_AddBoolToObject(o, "suspect",
                                   strcmp(PQgetvalue(res, r, C_SUSPECT), "true") == 0))
            goto fail;
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

/* The callback of --format table|csv|json|xlsx. */
static enum kpi_status format_option(const struct kpi_option *opt, const char *arg)
{
    if (strcmp(arg, "table") != 0 && strcmp(arg, "csv") != 0 && strcmp(arg, "json") != 0 &&
        strcmp(arg, "xlsx") != 0)
        return builtin_usage_error("show", "unknown format '%s'; use table, csv, json or xlsx",
                                   arg);
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
    const char *unit = NULL, *kind = NULL, *format = "table", *out = NULL, *plan = NULL;
    bool excel = false;
    const struct lang *l = &vi;
    char month[PERIOD_DATE_LEN] = "";
    struct kpi_option options[] = {
        OPT_STRING("unit", 0, &unit, "CODE",
                   "one unit (commune, ward or province); 'all': every unit; default: the "
                   "province"),
        OPT_MONTH("period", 0, month,
                  "the period of KIND that ends in this month; default: the latest"),
        OPT_CALLBACK("kind", 0, &kind, "KIND", kind_option,
                     "month, ytd, quarter, half, year, report_month, report_quarter, "
                     "report_half, report_9m, report_year or deadline"),
        OPT_STRING("plan", 0, &plan, "ID",
                   "only the cells the plan ID judged (e.g. kh05-2025); default: each period "
                   "by the plan in force on its last day"),
        OPT_CALLBACK("format", 0, &format, "FORMAT", format_option,
                     "table (default; for people), csv or json (for scripts: '.' decimals, exact "
                     "values, stable columns), xlsx (those columns as a workbook; --out)"),
        OPT_BOOL("excel", 0, &excel,
                 "csv for a Vietnamese Excel: UTF-8 BOM, ';' separator, ',' decimals, codes "
                 "kept as text"),
        OPT_STRING("out", 'o', &out, "FILE", "xlsx: where to write the workbook (required)"),
        OPT_CALLBACK("lang", 0, &l, "LANG", lang_option,
                     "vi (default) or en: the language of the table and of the words columns "
                     "of CSV and JSON (value_text, target_text, gap_text, deadline_text, "
                     "status_text)"),
        OPT_END(),
    };
    int args;
    enum kpi_status done;
    if (!parse_options(argc, argv, &show_doc, options, &args, &done))
        return done;
    bool have_month = month[0] != '\0';
    if (excel && strcmp(format, "csv") != 0)
        return builtin_usage_error("show", "--excel is for --format csv");
    if (strcmp(format, "xlsx") == 0 && (out == NULL || *out == '\0'))
        return builtin_usage_error("show", "--format xlsx needs --out FILE.xlsx");
    if (out != NULL && strcmp(format, "xlsx") != 0)
        return builtin_usage_error("show", "--out is for --format xlsx");

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
    /* no --kind: the month, and each target due on a date on its deadline window */
    const char *params[] = {
        ids, unit, have_month ? month : NULL, kind ? kind : "month", kind ? "false" : "true", plan};
    res = PQexecParams(conn, query, 6, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        log_error("could not read the indicator values: %s", conn_errmsg(conn));
        goto fail;
    }
    if (strcmp(format, "csv") == 0) {
        print_csv(res, l, excel);
    } else if (strcmp(format, "xlsx") == 0) {
        if (write_xlsx(res, l, out) != 0)
            goto fail;
        printf("wrote %s\n", out);
    } else if (strcmp(format, "json") == 0) {
        if (print_json(res, l) != 0)
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
