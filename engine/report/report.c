/*
 * report.c — the leaders' HTML report (see report.h). Owns the queries of
 * the report (all through PQexecParams) and the HTML around the charts of
 * svg.c; every string from the database is escaped on output.
 */
#include "report/report.h"

#include "db/conn.h"
#include "common/log.h"
#include "common/numfmt.h"
#include "common/status.h"
#include "report/svg.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const kinds[] = {
    "report_month", "report_quarter", "report_half", "report_9m", "report_year",
    "month",        "quarter",        "half",        "year",      "ytd"};

/* The indicators whose communes are ranked (KH 05 appendix items). */
static const char *const ranked[] = {"3.1", "4.1", "5.2", "4.2.2"};

#define RANK_TOP 10

/* How each status shows: a symbol (for greyscale and colour-blind readers) and a word. */
static const struct {
    const char *status, *symbol, *word;
} statuses[] = {
    {"met", "✓", "Đạt"},
    {"breach", "✗", "Không đạt"},
    {"on_track", "●", "Đúng tiến độ"},
    {"at_risk", "▲", "Có nguy cơ"},
    {"no_data", "?", "Thiếu số liệu"},
    {"invalid", "⚠", "Không hợp lệ"},
};

/* Sort key of an indicator id: its dotted parts padded, so that 3.2.a < 3.10. */
#define ID_ORDER(col)                                                                              \
    "(SELECT array_agg(lpad(p, 4, '0') COLLATE \"C\" ORDER BY o) "                                 \
    "FROM unnest(string_to_array(" col ", '.')) WITH ORDINALITY AS u (p, o))"

/* The catalog as it stood at the end of the period: one row per indicator id. */
#define CATALOG_AT(end)                                                                            \
    "SELECT DISTINCT ON (id) id, name_vi, kind, target_text_vi, comparator, target_pct, "          \
    "due_date, lead_units FROM kpi.indicator WHERE effective_from <= " end                         \
    " ORDER BY id, effective_from DESC"

struct report {
    PGconn *conn;
    FILE *out;
    const char *kind;
    char period[8];  /* YYYY-MM */
    char unit[64];   /* code */
    char *unit_name; /* malloc'd */
    char start[16];  /* YYYY-MM-DD */
    char end[16];
};

/* Run a query with text parameters; NULL (logged with WHAT) unless it returned rows. */
static PGresult *query(struct report *r, const char *sql, int n, const char *const *params,
                       const char *what)
{
    PGresult *res = PQexecParams(r->conn, sql, n, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(res) == PGRES_TUPLES_OK)
        return res;
    if (strcmp(conn_sqlstate(res), "42P01") == 0 || strcmp(conn_sqlstate(res), "42883") == 0)
        log_error("could not read %s: %s\nhint: run 'kpi migrate' and 'kpi compute' first", what,
                  conn_errmsg(r->conn));
    else
        log_error("could not read %s: %s", what, conn_errmsg(r->conn));
    PQclear(res);
    return NULL;
}

/* query() with the report's period as $1 unit, $2 kind, $3 start, $4 end. */
static PGresult *query_period(struct report *r, const char *sql, const char *what)
{
    const char *params[4] = {r->unit, r->kind, r->start, r->end};
    return query(r, sql, 4, params, what);
}

/* The value at (ROW, COL), NULL when SQL NULL. */
static const char *val(const PGresult *res, int row, int col)
{
    return PQgetisnull(res, row, col) ? NULL : PQgetvalue(res, row, col);
}

static void esc(FILE *out, const char *s)
{
    svg_escape(out, s);
}

static int status_index(const char *status)
{
    for (size_t i = 0; status != NULL && i < sizeof statuses / sizeof statuses[0]; i++)
        if (strcmp(statuses[i].status, status) == 0)
            return (int)i;
    return -1;
}

/* A judged cell: its ratio is shown (no_data and invalid never are). */
static bool judged(const char *status)
{
    int i = status_index(status);
    return i >= 0 && i <= 3;
}

/* Write "<span class="st st-STATUS">SYMBOL WORD</span>". */
static void put_status(FILE *out, const char *status)
{
    int i = status_index(status);
    if (i < 0) {
        fputs("<span class=\"st st-none\">– Chưa có kết quả</span>", out);
        return;
    }
    fprintf(out,
            "<span class=\"st st-%s\"><span class=\"sym\" aria-hidden=\"true\">%s</span> %s</span>",
            statuses[i].status, statuses[i].symbol, statuses[i].word);
}

static void put_pct(FILE *out, const char *text, int decimals)
{
    char buf[64];
    if (text != NULL && numfmt_pct(buf, sizeof buf, text, decimals, NUMFMT_VI) == 0)
        fputs(buf, out);
    else
        fputs("—", out);
}

static void put_count(FILE *out, const char *text)
{
    char buf[64];
    if (text != NULL && numfmt_decimal(buf, sizeof buf, text, 0, NUMFMT_VI) == 0)
        fputs(buf, out);
    else
        fputs("—", out);
}

/* "YYYY-MM-DD" → "DD/MM/YYYY" (as given when it does not parse). */
static void put_date(FILE *out, const char *iso)
{
    int y, m, d;
    if (iso != NULL && sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
        fprintf(out, "%02d/%02d/%04d", d, m, y);
    else
        esc(out, iso);
}

static const char *roman_quarter(int m)
{
    static const char *const q[] = {"I", "II", "III", "IV"};
    return q[(m - 1) / 3];
}

/*
 * The axis label of the period of KIND ending on END ("T9", "Q3", "H1",
 * "9T"; empty for years) into buf, and its year in *year.
 */
static void period_parts(char *buf, size_t len, int *year, const char *kind, const char *end)
{
    int y = 0, m = 1, d = 1;
    if (end == NULL || sscanf(end, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
        m = 1;
    *year = y;
    if (strcmp(kind, "quarter") == 0 || strcmp(kind, "report_quarter") == 0)
        snprintf(buf, len, "Q%d", (m + 2) / 3);
    else if (strcmp(kind, "half") == 0 || strcmp(kind, "report_half") == 0)
        snprintf(buf, len, "H%d", m <= 6 ? 1 : 2);
    else if (strcmp(kind, "report_9m") == 0)
        snprintf(buf, len, "9T");
    else if (strcmp(kind, "year") == 0 || strcmp(kind, "report_year") == 0)
        snprintf(buf, len, "%s", "");
    else
        snprintf(buf, len, "T%d", m);
}

/* The full label of that period: "T8/2025", "Q3/2025", "2025". */
static void period_label(char *buf, size_t len, const char *kind, const char *end)
{
    char part[16];
    int y;
    period_parts(part, sizeof part, &y, kind, end);
    if (part[0] == '\0')
        snprintf(buf, len, "%d", y);
    else
        snprintf(buf, len, "%s/%d", part, y);
}

/* The title of the period: "Báo cáo tháng 9/2025", "Quý III/2025", … */
static void put_period_title(FILE *out, const char *kind, const char *end)
{
    int y = 0, m = 1, d = 1;
    if (sscanf(end, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
        m = 1;
    if (strcmp(kind, "report_month") == 0)
        fprintf(out, "Báo cáo tháng %d/%d", m, y);
    else if (strcmp(kind, "report_quarter") == 0)
        fprintf(out, "Báo cáo quý %s/%d", roman_quarter(m), y);
    else if (strcmp(kind, "report_half") == 0)
        fprintf(out, "Báo cáo 6 tháng năm %d", y);
    else if (strcmp(kind, "report_9m") == 0)
        fprintf(out, "Báo cáo 9 tháng năm %d", y);
    else if (strcmp(kind, "report_year") == 0)
        fprintf(out, "Báo cáo năm %d", y);
    else if (strcmp(kind, "month") == 0)
        fprintf(out, "Tháng %d/%d", m, y);
    else if (strcmp(kind, "quarter") == 0)
        fprintf(out, "Quý %s/%d", roman_quarter(m), y);
    else if (strcmp(kind, "half") == 0)
        fprintf(out, "6 tháng %s năm %d", m <= 6 ? "đầu" : "cuối", y);
    else if (strcmp(kind, "year") == 0)
        fprintf(out, "Năm %d", y);
    else
        fprintf(out, "Lũy kế từ đầu năm đến hết tháng %d/%d", m, y);
}

/* "Mục tiêu trên 80 %" / "Mục tiêu từ 95 % trở lên" / "Mục tiêu 100 %", into buf. */
static void target_label(char *buf, size_t len, const char *comparator, const char *target)
{
    char pct[64];
    if (target == NULL || numfmt_pct(pct, sizeof pct, target, 1, NUMFMT_VI) != 0) {
        snprintf(buf, len, "Mục tiêu");
        return;
    }
    if (comparator != NULL && strcmp(comparator, ">") == 0)
        snprintf(buf, len, "Mục tiêu trên %s", pct);
    else if (strcmp(pct, "100 %") == 0)
        snprintf(buf, len, "Mục tiêu 100 %%");
    else
        snprintf(buf, len, "Mục tiêu từ %s trở lên", pct);
}

static const char css[] =
    "@page{size:A4 portrait;margin:12mm}\n"
    "*{box-sizing:border-box}\n"
    "body{font-family:\"DejaVu Sans\",\"Noto Sans\",\"Liberation Sans\",Arial,sans-serif;"
    "font-size:10pt;line-height:1.35;color:#111;background:#fff;max-width:200mm;margin:0 auto;"
    "padding:6mm 4mm}\n"
    "h1{font-size:16pt;margin:0 0 2mm}h2{font-size:12.5pt;margin:6mm 0 2mm;"
    "border-bottom:2px solid #0072B2;padding-bottom:1mm}h3{font-size:10.5pt;margin:4mm 0 1mm}"
    "h4{font-size:9pt;margin:1mm 0;font-weight:normal;color:#444}\n"
    ".sub{margin:0;color:#333}.period{font-weight:bold;margin:1mm 0}\n"
    "table{border-collapse:collapse;width:100%;font-size:8.5pt;table-layout:fixed;"
    "overflow-wrap:break-word}\n"
    "th,td{border:1px solid #999;padding:1.5mm 1.5mm;vertical-align:top;text-align:left}\n"
    "th{background:#E8E8E8}thead{display:table-header-group}\n"
    "tr,figure,.rank,.legend{break-inside:avoid;page-break-inside:avoid}\n"
    ".num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
    ".small{font-size:7.5pt;color:#444;white-space:normal}.nowrap{white-space:nowrap}\n"
    ".st{display:inline-block;white-space:normal;padding:0 1.5mm;border-radius:1mm;"
    "border:1px solid}\n"
    ".sym{font-weight:bold}\n"
    ".st-met{background:#D5E8F5;border-color:#0072B2;color:#00466E}\n"
    ".st-breach{background:#F9DCCB;border-color:#D55E00;color:#7A2E00;font-weight:bold}\n"
    ".st-on_track{background:#CCEFE4;border-color:#009E73;color:#00563F}\n"
    ".st-at_risk{background:#FBEBC2;border-color:#E69F00;color:#6B4A00}\n"
    ".st-no_data,.st-none{background:#F0F0F0;border-color:#888;color:#333;border-style:dashed}\n"
    ".st-invalid{background:#F4DDEA;border-color:#CC79A7;color:#6E2A52}\n"
    ".legend span.st{margin-right:2mm}\n"
    ".charts{display:grid;grid-template-columns:1fr 1fr;gap:3mm}\n"
    "figure{margin:0;border:1px solid #CCC;padding:1.5mm}figcaption{font-size:8.5pt;"
    "font-weight:bold;margin-bottom:1mm}\n"
    "svg.chart{width:100%;height:auto;display:block}\n"
    "svg .point.breach,svg .bar.breach{fill:#D55E00}svg .point.at_risk,svg .bar.at_risk{"
    "fill:#E69F00}svg .point.on_track,svg .bar.on_track{fill:#009E73}\n"
    ".rank-pair{display:grid;grid-template-columns:1fr 1fr;gap:3mm}\n"
    "footer{margin-top:6mm;border-top:1px solid #999;padding-top:2mm;font-size:8pt;color:#333}\n"
    "@media print{body{max-width:none;padding:0}section{break-before:page;"
    "page-break-before:always}section#summary{break-before:auto;page-break-before:auto}"
    "h2,h3{break-after:avoid;page-break-after:avoid}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

/* Find the unit (given or the province) and its name. */
static int resolve_unit(struct report *r, const char *wanted)
{
    static const char by_code[] = "SELECT code, name FROM kpi.unit WHERE code = $1";
    static const char province[] = "SELECT code, name FROM kpi.unit WHERE kind = 'province' "
                                   "ORDER BY code = '19' DESC, code LIMIT 1";
    const char *params[1] = {wanted};
    PGresult *res = wanted ? query(r, by_code, 1, params, "the unit registry")
                           : query(r, province, 0, NULL, "the unit registry");
    if (res == NULL)
        return KPI_ERROR;
    if (PQntuples(res) == 0) {
        if (wanted)
            log_error("unit \"%s\" is not in the registry\nhint: see kpi.unit, or load the units "
                      "first",
                      wanted);
        else
            log_error("the registry has no province\nhint: load the units first, or give --unit");
        PQclear(res);
        return KPI_USAGE;
    }
    snprintf(r->unit, sizeof r->unit, "%s", PQgetvalue(res, 0, 0));
    r->unit_name = strdup(PQgetvalue(res, 0, 1));
    PQclear(res);
    return r->unit_name ? KPI_OK : KPI_ERROR;
}

/* Find the stored period of the report's kind that holds the reference day of r->period. */
static int resolve_period(struct report *r)
{
    static const char sql[] =
        "WITH ref AS (SELECT CASE WHEN $2 LIKE 'report\\_%' THEN to_date($3 || '-14', "
        "'YYYY-MM-DD') ELSE (to_date($3 || '-01', 'YYYY-MM-DD') + interval '1 month' - "
        "interval '1 day')::date END AS d) "
        "SELECT v.period_start, v.period_end FROM kpi.indicator_value v, ref "
        "WHERE v.unit_code = $1 AND v.period_kind = $2 AND v.period_start <= ref.d "
        "AND v.period_end >= ref.d ORDER BY v.period_end, v.period_start DESC LIMIT 1";
    const char *params[3] = {r->unit, r->kind, r->period};
    PGresult *res = query(r, sql, 3, params, "kpi.indicator_value");
    if (res == NULL)
        return KPI_ERROR;
    if (PQntuples(res) == 0) {
        log_error("no computed values for %s %s of unit %s\nhint: run 'kpi compute' for that "
                  "period first",
                  r->kind, r->period, r->unit);
        PQclear(res);
        return KPI_REJECTED;
    }
    snprintf(r->start, sizeof r->start, "%s", PQgetvalue(res, 0, 0));
    snprintf(r->end, sizeof r->end, "%s", PQgetvalue(res, 0, 1));
    PQclear(res);
    return KPI_OK;
}

static void put_legend(FILE *out)
{
    fputs("<p class=\"legend small\">Ký hiệu: ", out);
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        put_status(out, statuses[i].status);
    fputs(" · Xu hướng so với kỳ trước: ↑ tăng, ↓ giảm, → không đổi (điểm phần trăm)</p>\n", out);
}

/* Columns of the headline query. */
enum {
    H_ID,
    H_NAME,
    H_KIND,
    H_TARGET_TEXT,
    H_COMPARATOR,
    H_TARGET,
    H_RATIO,
    H_NUM,
    H_DEN,
    H_STATUS,
    H_REASON,
    H_GAP,
    H_COMPLETE,
    H_DELTA,
    H_LEAD,
    H_DUE,
    H_PREV_END
};

static PGresult *headline_query(struct report *r)
{
    static const char sql[] = "WITH ind AS (" CATALOG_AT(
        "$4::date") ") "
                    "SELECT i.id, i.name_vi, i.kind, i.target_text_vi, i.comparator, i.target_pct, "
                    "v.ratio_pct, v.numerator, v.denominator, v.status, v.reason, v.gap_count, "
                    "v.completeness_pct, CASE WHEN v.status IN ('met', 'breach', 'on_track', "
                    "'at_risk') "
                    "THEN round(v.ratio_pct - p.ratio_pct, 1) END, "
                    "array_to_string(i.lead_units, '; '), i.due_date, p.period_end "
                    "FROM ind i "
                    "LEFT JOIN kpi.indicator_value v ON v.indicator_id = i.id AND v.unit_code = $1 "
                    "AND v.period_kind = $2 AND v.period_start = $3::date AND v.period_end = "
                    "$4::date "
                    "LEFT JOIN LATERAL (SELECT q.ratio_pct, q.period_end FROM kpi.indicator_value "
                    "q "
                    "WHERE q.indicator_id = i.id AND q.unit_code = $1 AND q.period_kind = $2 "
                    "AND q.period_end < $3::date AND q.ratio_pct IS NOT NULL "
                    "AND q.status IN ('met', 'breach', 'on_track', 'at_risk') "
                    "ORDER BY q.period_end DESC LIMIT 1) p ON true "
                    "ORDER BY " ID_ORDER("i.id") ", i.id";
    return query_period(r, sql, "the indicators");
}

static void put_trend(FILE *out, const char *delta, const char *prev_end, const char *kind)
{
    char buf[64], label[32];
    if (delta == NULL || numfmt_decimal(buf, sizeof buf, delta, 1, NUMFMT_VI) != 0) {
        fputs("—", out);
        return;
    }
    period_label(label, sizeof label, kind, prev_end ? prev_end : "");
    const char *arrow = delta[0] == '-' ? "↓" : strcmp(buf, "0") == 0 ? "→" : "↑";
    fprintf(out, "<span title=\"so với %s\">%s %s%s</span>", label, arrow,
            delta[0] == '-' || strcmp(buf, "0") == 0 ? "" : "+", buf);
}

static void put_headline(struct report *r, PGresult *h)
{
    FILE *out = r->out;
    int counts[sizeof statuses / sizeof statuses[0] + 1] = {0};
    for (int i = 0; i < PQntuples(h); i++) {
        int s = status_index(val(h, i, H_STATUS));
        counts[s < 0 ? (int)(sizeof statuses / sizeof statuses[0]) : s]++;
    }
    fputs("<section id=\"summary\">\n<h2>1. Tổng hợp các chỉ tiêu</h2>\n<p>", out);
    fprintf(out, "%d chỉ tiêu: ", PQntuples(h));
    for (size_t s = 0; s < sizeof statuses / sizeof statuses[0]; s++)
        if (counts[s] > 0)
            fprintf(out, "%s %d · ", statuses[s].word, counts[s]);
    if (counts[sizeof statuses / sizeof statuses[0]] > 0)
        fprintf(out, "Chưa có kết quả %d · ", counts[sizeof statuses / sizeof statuses[0]]);
    fputs("giá trị của ", out);
    esc(out, r->unit_name);
    fputs(" trong kỳ báo cáo.</p>\n", out);
    fputs(
        "<table id=\"headline\">\n<colgroup><col style=\"width:6%\"><col style=\"width:21%\">"
        "<col style=\"width:12%\"><col style=\"width:12%\"><col style=\"width:15%\">"
        "<col style=\"width:7%\"><col style=\"width:8%\"><col style=\"width:6%\">"
        "<col style=\"width:13%\"></colgroup>\n<thead><tr><th>Mã</th><th>Chỉ tiêu</th><th>Giá trị "
        "(tử số / mẫu số)</th><th>Mục tiêu theo kế hoạch</th><th>Trạng thái</th><th>Còn "
        "thiếu</th><th>Xu hướng</th><th>Đủ số liệu</th><th>Chủ trì</th></tr></thead>\n<tbody>\n",
        out);
    for (int i = 0; i < PQntuples(h); i++) {
        const char *id = val(h, i, H_ID), *status = val(h, i, H_STATUS);
        fputs("<tr id=\"ind-", out);
        esc(out, id);
        fputs("\" data-id=\"", out);
        esc(out, id);
        int si = status_index(status);
        fprintf(out, "\" class=\"row-%s\"><td class=\"nowrap\">",
                si >= 0 ? statuses[si].status : "none");
        esc(out, id);
        fputs("</td><td>", out);
        esc(out, val(h, i, H_NAME));
        fputs("</td><td class=\"num\">", out);
        if (judged(status) && val(h, i, H_RATIO) != NULL) {
            put_pct(out, val(h, i, H_RATIO), 1);
            fputs("<br><span class=\"small\">", out);
            put_count(out, val(h, i, H_NUM));
            fputs(" / ", out);
            put_count(out, val(h, i, H_DEN));
            fputs("</span>", out);
        } else {
            fputs("—", out);
            if (val(h, i, H_REASON) != NULL) {
                fputs("<br><span class=\"small\">", out);
                esc(out, val(h, i, H_REASON));
                fputs("</span>", out);
            }
        }
        fputs("</td><td>", out);
        if (val(h, i, H_TARGET_TEXT) != NULL) {
            esc(out, val(h, i, H_TARGET_TEXT));
        } else if (strcmp(val(h, i, H_KIND), "task") == 0) {
            fputs("Hoàn thành", out);
        } else {
            char label[96];
            target_label(label, sizeof label, val(h, i, H_COMPARATOR), val(h, i, H_TARGET));
            fputs(label, out);
        }
        if (val(h, i, H_DUE) != NULL) {
            bool task = strcmp(val(h, i, H_KIND), "task") == 0;
            fputs(task ? " trước " : "<br><span class=\"small\">hạn ", out);
            put_date(out, val(h, i, H_DUE));
            fputs(task ? "" : "</span>", out);
        }
        fputs("</td><td>", out);
        put_status(out, status);
        fputs("</td><td class=\"num\">", out);
        const char *gap = val(h, i, H_GAP);
        if (gap != NULL && strcmp(gap, "0") != 0)
            put_count(out, gap);
        else
            fputs("—", out);
        fputs("</td><td class=\"num\">", out);
        put_trend(out, val(h, i, H_DELTA), val(h, i, H_PREV_END), r->kind);
        fputs("</td><td class=\"num\">", out);
        put_pct(out, val(h, i, H_COMPLETE), 0);
        fputs("</td><td class=\"small\">", out);
        esc(out, val(h, i, H_LEAD));
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table>\n<p class=\"small\">Còn thiếu: số lượng tử số cần tăng thêm để đạt "
          "mục tiêu (ví dụ số hồ sơ trực tuyến). Đủ số liệu: tỷ lệ xã, phường đã báo "
          "cáo.</p>\n</section>\n",
          out);
}

/* One chart per indicator with a target, of its last 12 periods up to this one. */
static int put_charts(struct report *r, PGresult *h)
{
    static const char sql[] =
        "SELECT indicator_id, period_end, "
        "CASE WHEN status IN ('met', 'breach', 'on_track', 'at_risk') THEN ratio_pct END, status "
        "FROM (SELECT v.*, row_number() OVER (PARTITION BY indicator_id ORDER BY period_end "
        "DESC) AS rn FROM kpi.indicator_value v WHERE unit_code = $1 AND period_kind = $2 "
        "AND period_end <= $3::date) s WHERE rn <= 12 ORDER BY indicator_id, period_end";
    const char *params[3] = {r->unit, r->kind, r->end};
    PGresult *series = query(r, sql, 3, params, "the series");
    if (series == NULL)
        return -1;
    int rc = -1, nseries = PQntuples(series);
    struct svg_point *pts = calloc((size_t)nseries + 1, sizeof *pts);
    char(*labels)[16] = calloc((size_t)nseries + 1, sizeof *labels);
    char(*years)[8] = calloc((size_t)nseries + 1, sizeof *years);
    if (pts == NULL || labels == NULL || years == NULL)
        goto fail;
    FILE *out = r->out;
    fputs("<section id=\"charts\">\n<h2>2. Diễn biến 12 kỳ gần nhất</h2>\n<div class=\"charts\">\n",
          out);
    for (int i = 0; i < PQntuples(h); i++) {
        const char *id = val(h, i, H_ID);
        if (val(h, i, H_TARGET) == NULL || strcmp(val(h, i, H_KIND), "task") == 0)
            continue;
        size_t n = 0;
        int last_year = -1;
        for (int k = 0; k < nseries; k++) {
            int y;
            if (strcmp(PQgetvalue(series, k, 0), id) != 0)
                continue;
            period_parts(labels[n], sizeof labels[n], &y, r->kind, PQgetvalue(series, k, 1));
            snprintf(years[n], sizeof years[n], "%d", y % 10000);
            pts[n].label = labels[n][0] != '\0' ? labels[n] : years[n];
            /* the year under the first period and wherever it changes */
            pts[n].sublabel = labels[n][0] != '\0' && y != last_year ? years[n] : NULL;
            last_year = y;
            pts[n].value = val(series, k, 2);
            pts[n].cls = val(series, k, 3);
            n++;
        }
        char label[96], chart_id[96];
        target_label(label, sizeof label, val(h, i, H_COMPARATOR), val(h, i, H_TARGET));
        snprintf(chart_id, sizeof chart_id, "chart-%s", id);
        struct svg_line_chart c = {
            .id = chart_id,
            .title = val(h, i, H_NAME),
            .x_title = "Kỳ",
            .y_title = "Tỷ lệ (%)",
            .target = val(h, i, H_TARGET),
            .target_label = label,
            .points = pts,
            .npoints = n,
            .lang = NUMFMT_VI,
        };
        fputs("<figure class=\"chart-box\" data-id=\"", out);
        esc(out, id);
        fputs("\"><figcaption>", out);
        esc(out, id);
        fputs(" — ", out);
        esc(out, val(h, i, H_NAME));
        fputs("</figcaption>\n", out);
        if (n == 0)
            fputs("<p class=\"small\">Chưa có số liệu các kỳ trước.</p>\n", out);
        if (svg_line_chart(out, &c) != 0) {
            log_error("could not draw the chart of indicator %s", id);
            goto fail;
        }
        fputs("</figure>\n", out);
    }
    fputs("</div>\n</section>\n", out);
    rc = 0;
fail:
    free(pts);
    free(labels);
    free(years);
    PQclear(series);
    return rc;
}

/* Columns of the ranking query. */
enum { K_NAME, K_RATIO, K_STATUS, K_TOTAL };

static int put_ranking_one(struct report *r, PGresult *h, int row)
{
    static const char sql[] =
        "SELECT u.name, v.ratio_pct, v.status, "
        "(SELECT count(*) FROM kpi.unit c WHERE c.parent_code = $1) "
        "FROM kpi.indicator_value v JOIN kpi.unit u ON u.code = v.unit_code "
        "WHERE u.parent_code = $1 AND v.indicator_id = $2 AND v.period_kind = $3 "
        "AND v.period_start = $4::date AND v.period_end = $5::date AND v.ratio_pct IS NOT NULL "
        "AND v.status IN ('met', 'breach', 'on_track', 'at_risk') "
        "ORDER BY v.ratio_pct DESC, u.name COLLATE \"vi-VN-x-icu\", u.code";
    const char *id = val(h, row, H_ID);
    const char *params[5] = {r->unit, id, r->kind, r->start, r->end};
    PGresult *res = query(r, sql, 5, params, "the ranking");
    if (res == NULL)
        return -1;
    FILE *out = r->out;
    int rc = -1, n = PQntuples(res);
    fputs("<div class=\"rank\" data-id=\"", out);
    esc(out, id);
    fputs("\"><h3>", out);
    esc(out, id);
    fputs(" — ", out);
    esc(out, val(h, row, H_NAME));
    fputs("</h3>\n", out);
    if (n == 0) {
        fputs("<p class=\"small\">Chưa có xã, phường nào có số liệu hợp lệ.</p></div>\n", out);
        PQclear(res);
        return 0;
    }
    struct svg_bar bars[RANK_TOP];
    int best = n < RANK_TOP ? n : RANK_TOP;
    int worst = n - best < RANK_TOP ? n - best : RANK_TOP;
    fputs("<div class=\"rank-pair\">\n", out);
    for (int part = 0; part < 2; part++) {
        int count = part == 0 ? best : worst;
        if (count == 0)
            continue;
        for (int k = 0; k < count; k++) {
            int src = part == 0 ? k : n - 1 - k;
            int s = status_index(val(res, src, K_STATUS));
            bars[k].label = val(res, src, K_NAME);
            bars[k].value = val(res, src, K_RATIO);
            bars[k].cls = s >= 0 ? statuses[s].status : NULL;
            bars[k].symbol = s >= 0 ? statuses[s].symbol : NULL;
        }
        char chart_id[96];
        snprintf(chart_id, sizeof chart_id, "rank-%s-%s", id, part == 0 ? "best" : "worst");
        struct svg_bar_chart c = {.id = chart_id,
                                  .title = val(h, row, H_NAME),
                                  .target = val(h, row, H_TARGET),
                                  .bars = bars,
                                  .nbars = (size_t)count,
                                  .lang = NUMFMT_VI};
        fprintf(out, "<div><h4>%d đơn vị %s</h4>\n", count,
                part == 0 ? "cao nhất" : "thấp nhất (thấp nhất ở trên)");
        if (svg_bar_chart(out, &c) != 0) {
            log_error("could not draw the ranking of indicator %s", id);
            goto fail;
        }
        fputs("</div>\n", out);
    }
    long total = strtol(PQgetvalue(res, 0, K_TOTAL), NULL, 10);
    fprintf(out, "</div>\n<p class=\"small\">%d/%ld xã, phường có số liệu hợp lệ", n, total);
    if (total > n)
        fprintf(out, "; %ld đơn vị thiếu số liệu hoặc số liệu không hợp lệ (xem mục 4)", total - n);
    fputs(".</p></div>\n", out);
    rc = 0;
fail:
    PQclear(res);
    return rc;
}

static int put_ranking(struct report *r, PGresult *h)
{
    fputs("<section id=\"ranking\">\n<h2>3. Xếp hạng xã, phường theo các chỉ tiêu chính</h2>\n",
          r->out);
    for (size_t k = 0; k < sizeof ranked / sizeof ranked[0]; k++)
        for (int i = 0; i < PQntuples(h); i++)
            if (strcmp(val(h, i, H_ID), ranked[k]) == 0 && val(h, i, H_TARGET) != NULL &&
                put_ranking_one(r, h, i) != 0)
                return -1;
    fputs("</section>\n", r->out);
    return 0;
}

static int put_missing(struct report *r)
{
    static const char sql[] =
        "SELECT coalesce(u.name, v.unit_code), v.unit_code, "
        "string_agg(v.indicator_id, ', ' ORDER BY string_to_array(v.indicator_id, '.') COLLATE "
        "\"C\"), coalesce(v.reason, ''), count(*) "
        "FROM kpi.indicator_value v LEFT JOIN kpi.unit u ON u.code = v.unit_code "
        "WHERE v.period_kind = $2 AND v.period_start = $3::date AND v.period_end = $4::date "
        "AND v.status = 'no_data' AND (v.unit_code = $1 OR u.parent_code = $1) "
        "GROUP BY u.name, v.unit_code, v.reason "
        "ORDER BY v.unit_code = $1 DESC, u.name COLLATE \"vi-VN-x-icu\", v.unit_code, 4";
    PGresult *res = query_period(r, sql, "the missing data");
    if (res == NULL)
        return -1;
    FILE *out = r->out;
    long cells = 0;
    for (int i = 0; i < PQntuples(res); i++)
        cells += strtol(PQgetvalue(res, i, 4), NULL, 10);
    fputs("<section id=\"missing\">\n<h2>4. Số liệu còn thiếu</h2>\n", out);
    if (PQntuples(res) == 0) {
        fputs("<p>Tất cả đơn vị đã báo cáo đủ số liệu của kỳ này.</p>\n</section>\n", out);
        PQclear(res);
        return 0;
    }
    fprintf(out,
            "<p>%ld ô chỉ tiêu thiếu số liệu (đơn vị chưa báo cáo một vế của tỷ lệ, hoặc mẫu số "
            "bằng 0).</p>\n<table id=\"missing-data\">\n<colgroup><col style=\"width:32%%\"><col "
            "style=\"width:12%%\"><col style=\"width:24%%\"><col style=\"width:32%%\"></colgroup>\n"
            "<thead><tr><th>Đơn vị</th><th>Mã đơn "
            "vị</th><th>Chỉ tiêu thiếu</th><th>Lý do</th></tr></thead>\n<tbody>\n",
            cells);
    for (int i = 0; i < PQntuples(res); i++) {
        fputs("<tr><td>", out);
        esc(out, val(res, i, 0));
        fputs("</td><td class=\"nowrap\">", out);
        esc(out, val(res, i, 1));
        fputs("</td><td>", out);
        esc(out, val(res, i, 2));
        fputs("</td><td class=\"small\">", out);
        esc(out, val(res, i, 3));
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table>\n</section>\n", out);
    PQclear(res);
    return 0;
}

/* Columns of the tasks query. */
enum { T_ID, T_NAME, T_DUE, T_LEAD, T_STATUS, T_REASON, T_OVERDUE };

static int put_tasks(struct report *r)
{
    static const char sql[] = "WITH ind AS (" CATALOG_AT(
        "$3::date") ") "
                    "SELECT i.id, i.name_vi, i.due_date, array_to_string(i.lead_units, '; '), "
                    "v.status, "
                    "v.reason, i.due_date < $3::date "
                    "FROM ind i LEFT JOIN LATERAL (SELECT q.status, q.reason FROM "
                    "kpi.indicator_value q "
                    "WHERE q.indicator_id = i.id AND q.unit_code = $1 AND q.period_end <= $3::date "
                    "ORDER BY q.period_kind = $2 DESC, q.period_end DESC LIMIT 1) v ON true "
                    "WHERE i.kind = 'task' OR i.due_date IS NOT NULL "
                    "ORDER BY i.due_date NULLS LAST, " ID_ORDER("i.id") ", i.id";
    const char *params[3] = {r->unit, r->kind, r->end};
    PGresult *res = query(r, sql, 3, params, "the dated tasks");
    if (res == NULL)
        return -1;
    FILE *out = r->out;
    int done = 0, overdue = 0;
    fputs("<section id=\"tasks\">\n<h2>5. Nhiệm vụ có thời hạn</h2>\n", out);
    fputs(
        "<table id=\"tasks-table\">\n<colgroup><col style=\"width:7%\"><col style=\"width:29%\">"
        "<col style=\"width:11%\"><col style=\"width:17%\"><col style=\"width:18%\">"
        "<col style=\"width:18%\"></colgroup>\n<thead><tr><th>Mã</th><th>Nhiệm vụ</th><th>Hạn</th>"
        "<th>Chủ trì</th><th>Tình trạng</th><th>Ghi chú</th></tr></thead>\n<tbody>\n",
        out);
    for (int i = 0; i < PQntuples(res); i++) {
        const char *status = val(res, i, T_STATUS);
        bool past = val(res, i, T_OVERDUE) != NULL && strcmp(val(res, i, T_OVERDUE), "t") == 0;
        const char *cls, *text;
        if (status != NULL && strcmp(status, "met") == 0) {
            cls = "met", text = "✓ Đã hoàn thành";
            done++;
        } else if (status != NULL && strcmp(status, "breach") == 0) {
            cls = "breach", text = "✗ Quá hạn, chưa đạt";
            overdue++;
        } else if (status != NULL && strcmp(status, "on_track") == 0) {
            cls = "on_track", text = "● Đang thực hiện, đúng tiến độ";
        } else if (status != NULL && strcmp(status, "at_risk") == 0) {
            cls = "at_risk", text = "▲ Đang thực hiện, có nguy cơ chậm";
        } else if (status != NULL && strcmp(status, "invalid") == 0) {
            cls = "invalid", text = "⚠ Số liệu không hợp lệ";
        } else if (past) {
            cls = "breach", text = "✗ Quá hạn, chưa có báo cáo";
            overdue++;
        } else {
            cls = "no_data", text = "? Chưa đến hạn, chưa có báo cáo";
        }
        fputs("<tr data-id=\"", out);
        esc(out, val(res, i, T_ID));
        fputs("\"><td class=\"nowrap\">", out);
        esc(out, val(res, i, T_ID));
        fputs("</td><td>", out);
        esc(out, val(res, i, T_NAME));
        fputs("</td><td class=\"nowrap\">", out);
        put_date(out, val(res, i, T_DUE));
        fputs("</td><td class=\"small\">", out);
        esc(out, val(res, i, T_LEAD));
        fprintf(out, "</td><td><span class=\"st st-%s\">%s</span></td><td class=\"small\">", cls,
                text);
        esc(out, val(res, i, T_REASON));
        fputs("</td></tr>\n", out);
    }
    fprintf(out,
            "</tbody></table>\n<p>%d nhiệm vụ: %d đã hoàn thành, %d quá hạn.</p>\n</section>\n",
            PQntuples(res), done, overdue);
    PQclear(res);
    return 0;
}

static int put_footer(struct report *r)
{
    static const char sql[] =
        "SELECT max(v.run_id), string_agg(DISTINCT v.catalog_version, ', '), "
        "to_char(max(v.computed_at), 'DD/MM/YYYY HH24:MI'), to_char(now(), 'DD/MM/YYYY HH24:MI'), "
        "(SELECT to_char(started_at, 'DD/MM/YYYY HH24:MI') || ', ' || CASE status WHEN 'succeeded' "
        "THEN 'thành công' "
        "WHEN 'partial' THEN 'thành công một phần' WHEN 'failed' THEN 'thất bại' "
        "WHEN 'interrupted' THEN 'bị ngắt' ELSE 'đang chạy' END FROM kpi.run "
        "WHERE id = max(v.run_id)) "
        "FROM kpi.indicator_value v WHERE v.unit_code = $1 AND v.period_kind = $2 "
        "AND v.period_start = $3::date AND v.period_end = $4::date";
    PGresult *res = query_period(r, sql, "the run and catalog of the values");
    if (res == NULL)
        return -1;
    FILE *out = r->out;
    fputs("<footer id=\"trace\">\n<p>Lần chạy (run id): <b id=\"run-id\">", out);
    esc(out, val(res, 0, 0) ? val(res, 0, 0) : "—");
    fputs("</b>", out);
    if (val(res, 0, 4) != NULL) {
        fputs(" (bắt đầu ", out);
        esc(out, val(res, 0, 4));
        fputs(")", out);
    }
    fputs(" · Phiên bản danh mục chỉ tiêu: <b id=\"catalog-version\">", out);
    esc(out, val(res, 0, 1) ? val(res, 0, 1) : "—");
    fputs("</b> · Số liệu chốt đến hết ngày <b id=\"cutoff\">", out);
    put_date(out, r->end);
    fputs("</b> (kỳ từ ", out);
    put_date(out, r->start);
    fputs(")</p>\n<p>Giá trị tính lúc ", out);
    esc(out, val(res, 0, 2));
    fputs(" · Báo cáo lập lúc ", out);
    esc(out, val(res, 0, 3));
    fputs(" (giờ Việt Nam) bởi kpi " KPI_VERSION
          ". Mọi số liệu truy được trong bảng kpi.indicator_value (cột run_id, "
          "catalog_version).</p>\n"
          "</footer>\n",
          out);
    PQclear(res);
    return 0;
}

static int put_document(struct report *r)
{
    FILE *out = r->out;
    int rc = -1;
    PGresult *h = headline_query(r);
    if (h == NULL)
        return -1;
    fputs("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          out);
    put_period_title(out, r->kind, r->end);
    fputs(" — ", out);
    esc(out, r->unit_name);
    fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n", css);
    fputs("<h1>Tiến độ thực hiện Đề án 06 — ", out);
    esc(out, r->unit_name);
    fputs("</h1>\n<p class=\"sub\">Kế hoạch số 05/KH-UBND ngày 14/7/2025 của UBND tỉnh Thái "
          "Nguyên</p>\n<p class=\"period\" id=\"period\">",
          out);
    put_period_title(out, r->kind, r->end);
    fputs(": số liệu từ ", out);
    put_date(out, r->start);
    fputs(" đến hết ", out);
    put_date(out, r->end);
    fputs("</p>\n", out);
    put_legend(out);
    fputs("</header>\n", out);
    put_headline(r, h);
    if (put_charts(r, h) != 0 || put_ranking(r, h) != 0 || put_missing(r) != 0 ||
        put_tasks(r) != 0 || put_footer(r) != 0)
        goto fail;
    fputs("</body>\n</html>\n", out);
    rc = 0;
fail:
    PQclear(h);
    return rc;
}

bool report_kind_valid(const char *kind)
{
    for (size_t i = 0; kind != NULL && i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kinds[i], kind) == 0)
            return true;
    return false;
}

static bool period_valid(const char *p)
{
    return p != NULL && strlen(p) == 7 && strspn(p, "0123456789") == 4 && p[4] == '-' &&
           strspn(p + 5, "0123456789") == 2 &&
           ((p[5] == '0' && p[6] != '0') || (p[5] == '1' && p[6] <= '2'));
}

int report_write(PGconn *conn, const struct report_options *opt, const char *out_path)
{
    struct report r = {.conn = conn, .kind = opt->kind ? opt->kind : "report_month"};
    char *tmp = NULL;
    int fd = -1, rc;
    if (!period_valid(opt->period)) {
        log_error("invalid period \"%s\": expected YYYY-MM, e.g. 2025-09",
                  opt->period ? opt->period : "");
        return KPI_USAGE;
    }
    if (!report_kind_valid(r.kind)) {
        log_error("unknown period kind \"%s\": use report_month, report_quarter, report_half, "
                  "report_9m, report_year, month, quarter, half, year or ytd",
                  r.kind);
        return KPI_USAGE;
    }
    snprintf(r.period, sizeof r.period, "%s", opt->period);
    rc = resolve_unit(&r, opt->unit);
    if (rc != KPI_OK)
        goto fail;
    rc = resolve_period(&r);
    if (rc != KPI_OK)
        goto fail;

    rc = KPI_ERROR;
    if (asprintf(&tmp, "%s.XXXXXX", out_path) < 0) {
        tmp = NULL;
        goto fail;
    }
    fd = mkstemp(tmp);
    if (fd < 0) {
        log_error("could not create \"%s\": %s", tmp, strerror(errno));
        free(tmp);
        tmp = NULL;
        goto fail;
    }
    r.out = fdopen(fd, "w");
    if (r.out == NULL) {
        log_error("could not open \"%s\": %s", tmp, strerror(errno));
        goto fail;
    }
    fd = -1;
    if (put_document(&r) != 0)
        goto fail;
    if (fflush(r.out) != 0 || ferror(r.out) || fsync(fileno(r.out)) != 0 ||
        fchmod(fileno(r.out), 0644) != 0) {
        log_error("could not write \"%s\": %s", tmp, strerror(errno));
        goto fail;
    }
    int closed = fclose(r.out);
    r.out = NULL;
    if (closed != 0) {
        log_error("could not write \"%s\": %s", tmp, strerror(errno));
        goto fail;
    }
    if (rename(tmp, out_path) != 0) {
        log_error("could not rename \"%s\" to \"%s\": %s", tmp, out_path, strerror(errno));
        goto fail;
    }
    free(tmp);
    tmp = NULL;
    rc = KPI_OK;
fail:
    if (r.out != NULL)
        fclose(r.out);
    if (fd >= 0)
        close(fd);
    if (tmp != NULL) {
        unlink(tmp);
        free(tmp);
    }
    free(r.unit_name);
    return rc;
}

int report_due_kinds(const char *date, const char *out[REPORT_DUE_MAX], size_t *n)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, m, d;
    *n = 0;
    if (date == NULL || strlen(date) != 10 || date[4] != '-' || date[7] != '-' ||
        strspn(date, "0123456789") != 4 || strspn(date + 5, "0123456789") != 2 ||
        strspn(date + 8, "0123456789") != 2 || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3)
        return -1;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1] + (m == 2 && leap))
        return -1;
    if (d != 15)
        return 0;
    out[(*n)++] = "report_month";
    if (m % 3 == 0)
        out[(*n)++] = "report_quarter";
    if (m == 6)
        out[(*n)++] = "report_half";
    if (m == 9)
        out[(*n)++] = "report_9m";
    if (m == 12)
        out[(*n)++] = "report_year";
    return 0;
}

int report_write_due(PGconn *conn, const char *date, const char *dir, int *written)
{
    const char *due[REPORT_DUE_MAX];
    size_t n;
    int rc = KPI_OK, count = 0;
    if (written != NULL)
        *written = 0;
    if (report_due_kinds(date, due, &n) != 0) {
        log_error("invalid date \"%s\": expected YYYY-MM-DD", date ? date : "");
        return KPI_USAGE;
    }
    for (size_t i = 0; i < n; i++) {
        char period[8], *path = NULL;
        snprintf(period, sizeof period, "%.7s", date);
        if (asprintf(&path, "%s/%s-%s.html", dir, due[i], period) < 0)
            return KPI_ERROR;
        struct report_options opt = {.period = period, .kind = due[i]};
        int one = report_write(conn, &opt, path);
        if (one == KPI_OK) {
            log_info("wrote %s", path);
            count++;
        } else if (rc == KPI_OK || (rc == KPI_REJECTED && one != KPI_REJECTED)) {
            rc = one; /* an error outweighs missing data */
        }
        free(path);
    }
    if (written != NULL)
        *written = count;
    return rc;
}
