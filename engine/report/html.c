/*
 * report/html.c — the page of the leaders' report (see html.h): CSS,
 * labels of periods, statuses and targets, and the sections around the
 * charts of svg.c. Reads query results; runs no query.
 */
#include "report/html.h"

#include "common/log.h"
#include "common/numfmt.h"
#include "common/words.h"
#include "report/svg.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The statuses in the legend and the summary counts: class (common/words.h words_class) and
 * the word the report prints. */
static const struct {
    const char *status, *word;
} statuses[] = {
    {"met", "Đạt"},
    {"late", "Hoàn thành muộn"},
    {"breach", "Không đạt"},
    {"on_track", "Đúng tiến độ"},
    {"at_risk", "Có nguy cơ"},
    {"no_data", "Thiếu số liệu"},
    {"invalid", "Không hợp lệ"},
    {"monitor", "Theo dõi"},
};

/* The value at (ROW, COL), NULL when SQL NULL. */
static const char *val(const PGresult *res, int row, int col)
{
    return PQgetisnull(res, row, col) ? NULL : PQgetvalue(res, row, col);
}

void html_escape(FILE *out, const char *s)
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
    return status != NULL && (strcmp(status, "met") == 0 || strcmp(status, "breach") == 0 ||
                              strcmp(status, "on_track") == 0 || strcmp(status, "at_risk") == 0);
}

struct words_cell html_headline_cell(const PGresult *h, int row)
{
    return (struct words_cell){
        .kind = val(h, row, H_KIND),
        .status = val(h, row, H_STATUS),
        .ratio_pct = val(h, row, H_RATIO),
        .comparator = val(h, row, H_COMPARATOR),
        .target_pct = val(h, row, H_TARGET),
        .target_text_vi = val(h, row, H_TARGET_TEXT),
        .inner_comparator = val(h, row, H_INNER_CMP),
        .inner_target_pct = val(h, row, H_INNER_TARGET),
        .gap_count = val(h, row, H_GAP),
        .noun_vi = val(h, row, H_NOUN),
        .due_date = val(h, row, H_DUE),
        .deadline_text_vi = val(h, row, H_DEADLINE),
        .period_end = val(h, row, H_END),
        .late_days = val(h, row, H_LATE),
        .reason = val(h, row, H_REASON),
        .reason_vi = val(h, row, H_REASON_VI),
        .period_kind = val(h, row, H_PERIOD_KIND),
        .period_start = val(h, row, H_START),
        .counted_to = val(h, row, H_COUNTED_TO),
        .projected_pct = val(h, row, H_PROJECTED),
        .needed_per_month = val(h, row, H_NEEDED),
        .months_from = val(h, row, H_MONTHS_FROM),
        .months_to = val(h, row, H_MONTHS_TO),
        .assigned = val(h, row, H_ASSIGNED),
        .numerator = val(h, row, H_NUM),
        .denominator = val(h, row, H_DEN),
    };
}

void html_headline_gap(char *buf, size_t len, const struct words_cell *c)
{
    words_gap(buf, len, c, NUMFMT_VI);
    if (buf[0] == '\0') /* on track: the pace that keeps it there */
        words_projection(buf, len, c, NUMFMT_VI);
    bool task = c->kind != NULL && strcmp(c->kind, "task") == 0;
    if (buf[0] == '\0' && task && words_reason(c, NUMFMT_VI) != NULL) /* done on a day */
        snprintf(buf, len, "%s", words_reason(c, NUMFMT_VI));
}

/* Write "<span class="st st-CLASS"><span class="sym">SYMBOL</span> TEXT</span>". */
static void put_pill(FILE *out, const char *cls, const char *text)
{
    fprintf(out, "<span class=\"st st-%s\"><span class=\"sym\" aria-hidden=\"true\">%s</span> ",
            cls, words_symbol(cls));
    html_escape(out, text);
    fputs("</span>", out);
}

/* The status of C as a pill: its class, symbol and words (common/words.h). */
static void put_status(FILE *out, const struct words_cell *c)
{
    char text[128];
    words_status(text, sizeof text, c, NUMFMT_VI);
    put_pill(out, words_class(c), text);
}

/* One of the words of C (words_value, words_target, …) escaped. */
static void put_words(FILE *out,
                      enum kpi_status (*fn)(char *, size_t, const struct words_cell *,
                                            enum numfmt_lang),
                      const struct words_cell *c)
{
    char buf[512];
    fn(buf, sizeof buf, c, NUMFMT_VI);
    html_escape(out, buf);
}

/* The name of an indicator in a row, with the plan's sentence (and the catalog's note on
 * it) as its title. */
static void put_name(FILE *out, const char *short_name, const char *name, const char *note)
{
    char detail[2048];
    words_detail(detail, sizeof detail, name, note, NUMFMT_VI);
    fputs("<span title=\"", out);
    html_escape(out, detail);
    fputs("\">", out);
    html_escape(out, words_name(short_name, name));
    fputs("</span>", out);
}

/* A percentage that is not judged (completeness), cut to DECIMALS places. */
static void put_pct(FILE *out, const char *text, int decimals)
{
    char buf[64];
    if (text != NULL && numfmt_pct(buf, sizeof buf, text, decimals, NUMFMT_TRIM, NUMFMT_VI) == 0)
        fputs(buf, out);
    else
        fputs("—", out);
}

static void put_count(FILE *out, const char *text)
{
    char buf[64];
    if (text != NULL && numfmt_decimal(buf, sizeof buf, text, 0, NUMFMT_TRIM, NUMFMT_VI) == 0)
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
        html_escape(out, iso);
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

void html_period_title(FILE *out, const char *kind, const char *end)
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
    if (target == NULL ||
        numfmt_pct(pct, sizeof pct, target, NUMFMT_ALL, NUMFMT_TRIM, NUMFMT_VI) != 0) {
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
    "@page{size:A4 portrait;margin:10mm}\n"
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
    ".st-late{background:#EDE3F3;border-color:#7B4FA0;color:#45245E}\n"
    ".st-breach{background:#F9DCCB;border-color:#D55E00;color:#7A2E00;font-weight:bold}\n"
    ".st-on_track{background:#CCEFE4;border-color:#009E73;color:#00563F}\n"
    ".st-at_risk{background:#FBEBC2;border-color:#E69F00;color:#6B4A00}\n"
    ".st-no_data,.st-none{background:#F0F0F0;border-color:#888;color:#333;border-style:dashed}\n"
    ".st-invalid{background:#F4DDEA;border-color:#CC79A7;color:#6E2A52}\n"
    ".legend span.st{margin-right:2mm}\n"
    ".charts{display:grid;grid-template-columns:1fr 1fr 1fr;gap:2mm}\n"
    "figure{margin:0;border:1px solid #CCC;padding:1mm}figcaption{font-size:7.5pt;"
    "font-weight:bold;margin-bottom:0.5mm;line-height:1.2}\n"
    "svg.chart{width:100%;height:auto;display:block}\n"
    "svg .point.breach,svg .bar.breach{fill:#D55E00}svg .point.at_risk,svg .bar.at_risk{"
    "fill:#E69F00}svg .point.on_track,svg .bar.on_track{fill:#009E73}\n"
    /* two rankings side by side, each its best five above its worst five */
    ".rank-pair{display:grid;grid-template-columns:1fr;gap:0}\n"
    ".ranks{display:grid;grid-template-columns:1fr 1fr;gap:2mm 5mm}.rank h3{font-size:8.5pt;"
    "margin:2mm 0 0.5mm}.rank h4{margin:0.5mm 0 0}.rank p.small{margin:0.5mm 0}\n"
    "dl.units dt{font-weight:bold;margin-top:1.5mm}dl.units dd{margin:0 0 0 4mm}\n"
    "footer{margin-top:6mm;border-top:1px solid #999;padding-top:2mm;font-size:8pt;color:#333}\n"
    "@media print{body{max-width:none;padding:0;font-size:9pt}table{font-size:7pt;line-height:1.18}"
    "th,td{padding:0.6mm 1mm}.small{font-size:6.5pt}h2{margin:4mm 0 1.5mm}"
    ".charts{grid-template-columns:repeat(4,1fr)}dl.units{font-size:6.5pt;line-height:1.2}"
    "h2,h3{break-after:avoid;page-break-after:avoid}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

static void put_legend(FILE *out)
{
    fputs("<p class=\"legend small\">Ký hiệu: ", out);
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        put_pill(out, statuses[i].status, statuses[i].word);
    fputs(" · Xu hướng so với kỳ trước: ↑ tăng, ↓ giảm, → không đổi (điểm phần trăm)</p>\n", out);
}

void html_head(FILE *out, const struct report_scope *r)
{
    fputs("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          out);
    html_period_title(out, r->kind, r->end);
    fputs(" — ", out);
    html_escape(out, r->unit_name);
    fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n", css);
    fputs("<h1>Tiến độ thực hiện Đề án 06 — ", out);
    html_escape(out, r->unit_name);
    fputs("</h1>\n<p class=\"sub\">Kế hoạch số 05/KH-UBND ngày 14/7/2025 của UBND tỉnh Thái "
          "Nguyên</p>\n<p class=\"period\" id=\"period\">",
          out);
    html_period_title(out, r->kind, r->end);
    fputs(": số liệu từ ", out);
    put_date(out, r->start);
    fputs(" đến hết ", out);
    put_date(out, r->end);
    fputs("</p>\n", out);
    put_legend(out);
    fputs("</header>\n", out);
}

/*
 * The change DELTA (points, exact) against the previous period, cut to one
 * place; a change that is not zero never reads as none: it gets the places
 * it needs (-0,04 stays "↓ -0,04", not "→ 0"), as a judged figure would.
 */
static void put_trend(FILE *out, const char *delta, const char *prev_end, const char *kind)
{
    char buf[64], exact[64], label[32];
    if (delta == NULL ||
        numfmt_decimal(exact, sizeof exact, delta, NUMFMT_ALL, NUMFMT_TRIM, NUMFMT_VI) != 0) {
        fputs("—", out);
        return;
    }
    bool none = strcmp(exact, "0") == 0, down = exact[0] == '-';
    int places = 1;
    numfmt_decimal(buf, sizeof buf, delta, places, NUMFMT_TRIM, NUMFMT_VI);
    while (!none && strcmp(buf, "0") == 0 && places < NUMFMT_JUDGED_MAX_DECIMALS)
        numfmt_decimal(buf, sizeof buf, delta, ++places, NUMFMT_TRIM, NUMFMT_VI);
    period_label(label, sizeof label, kind, prev_end ? prev_end : "");
    fprintf(out, "<span title=\"so với %s\">%s %s%s</span>", label,
            none   ? "→"
            : down ? "↓"
                   : "↑",
            none || down ? "" : "+", buf);
}

/*
 * Cùng kỳ năm trước (issue 18): the judged ratio of the same period a year before, of the
 * same series, under the trend of row ROW of H; only where the item continues one of an
 * earlier plan (the query leaves it NULL otherwise). Written as a judged figure against
 * this year's target, so that it never rounds across it.
 */
static void put_year_before(FILE *out, const PGresult *h, int row)
{
    const char *ratio = val(h, row, H_YOY_RATIO);
    char buf[64];
    struct numfmt_target t = {val(h, row, H_COMPARATOR), val(h, row, H_TARGET), NULL};
    if (ratio == NULL ||
        numfmt_judged_pct(buf, sizeof buf, ratio, 1, NUMFMT_TRIM, &t, NUMFMT_VI) != KPI_OK)
        return;
    fputs("<br><span class=\"small yoy\">cùng kỳ năm trước: ", out);
    html_escape(out, buf);
    fputs("</span>", out);
}

/* How the plan judges row ROW of the headline H (issue 17), under its name: "phấn đấu",
 * the day its denominator is fixed at, the units of a task not done yet. */
static void put_judging(FILE *out, const PGresult *h, int row)
{
    const char *aspirational = val(h, row, H_ASPIRATIONAL), *baseline = val(h, row, H_BASELINE);
    const char *lagging = val(h, row, H_LAGGING);
    if (aspirational != NULL && strcmp(aspirational, "t") == 0)
        fputs(" <span class=\"small aspirational\">(phấn đấu)</span>", out);
    if (baseline != NULL) {
        fputs("<br><span class=\"small\">mẫu số cố định tại ", out);
        put_date(out, baseline);
        fputs("</span>", out);
    }
    if (lagging != NULL) {
        fputs("<br><span class=\"small lagging\">chưa hoàn thành: ", out);
        html_escape(out, lagging);
        fputs("</span>", out);
    }
}

void html_headline(FILE *out, const struct report_scope *r, const PGresult *h)
{
    int counts[sizeof statuses / sizeof statuses[0] + 1] = {0};
    for (int i = 0; i < PQntuples(h); i++) {
        struct words_cell c = html_headline_cell(h, i);
        int s = status_index(words_class(&c));
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
    html_escape(out, r->unit_name);
    fputs(" trong kỳ báo cáo.</p>\n", out);
    fputs("<table id=\"headline\">\n<colgroup><col style=\"width:6%\"><col style=\"width:23.5%\">"
          "<col style=\"width:14.5%\"><col style=\"width:15.5%\"><col style=\"width:11.5%\">"
          "<col style=\"width:17%\"><col style=\"width:6.5%\"><col style=\"width:5.5%\">"
          "</colgroup>\n<thead><tr><th>Mã</th><th>Chỉ tiêu <span class=\"small\">(chủ "
          "trì)</span></th><th>Giá trị (tử số / mẫu số)</th><th>Mục tiêu, thời hạn theo kế "
          "hoạch</th><th>Trạng thái</th><th>Còn thiếu</th><th>Xu hướng</th><th>Đủ số "
          "liệu</th></tr></thead>\n<tbody>\n",
          out);
    for (int i = 0; i < PQntuples(h); i++) {
        const char *id = val(h, i, H_ID);
        struct words_cell c = html_headline_cell(h, i);
        fputs("<tr id=\"ind-", out);
        html_escape(out, id);
        fputs("\" data-id=\"", out);
        html_escape(out, id);
        fprintf(out, "\" class=\"row-%s\"><td class=\"nowrap\">", words_class(&c));
        html_escape(out, id);
        fputs("</td><td>", out);
        put_name(out, val(h, i, H_SHORT), val(h, i, H_NAME), val(h, i, H_NOTE));
        put_judging(out, h, i);
        if (val(h, i, H_LEAD) != NULL && val(h, i, H_LEAD)[0] != '\0') {
            fputs("<br><span class=\"small lead\">", out); /* who answers for it */
            html_escape(out, val(h, i, H_LEAD));
            fputs("</span>", out);
        }
        fputs("</td><td class=\"num\">", out);
        put_words(out, words_value, &c);
        bool task = c.kind != NULL && strcmp(c.kind, "task") == 0; /* its value is its count */
        if ((judged(c.status) || strcmp(c.status ? c.status : "", "monitor") == 0) && !task &&
            val(h, i, H_NUM) != NULL && val(h, i, H_DEN) != NULL) {
            fputs("<br><span class=\"small\">", out);
            put_count(out, val(h, i, H_NUM));
            fputs(" / ", out);
            put_count(out, val(h, i, H_DEN));
            fputs("</span>", out);
        } else if (!task && words_reason(&c, NUMFMT_VI) != NULL) { /* a task's: its gap */
            fputs("<br><span class=\"small\">", out);
            html_escape(out, words_reason(&c, NUMFMT_VI));
            fputs("</span>", out);
        }
        char window[256];
        words_window(window, sizeof window, &c, NUMFMT_VI);
        if (window[0] != '\0') { /* the figure is not the period's: say what it counts */
            fputs("<br><span class=\"small\">", out);
            html_escape(out, window);
            fputs("</span>", out);
        }
        fputs("</td><td>", out);
        put_words(out, words_target, &c);
        fputs("<br><span class=\"small\">", out);
        put_words(out, words_deadline, &c);
        fputs("</span></td><td>", out);
        put_status(out, &c);
        if (val(h, i, H_SUSPECT) != NULL && strcmp(val(h, i, H_SUSPECT), "t") == 0) {
            fputs("<br><span class=\"small\">", out); /* its value is being checked */
            html_escape(out, words_suspect(NUMFMT_VI));
            fputs("</span>", out);
        }
        fputs("</td><td class=\"small\">", out);
        char gap[768];
        html_headline_gap(gap, sizeof gap, &c);
        html_escape(out, gap[0] != '\0' ? gap : "—");
        fputs("</td><td class=\"num\">", out);
        put_trend(out, val(h, i, H_DELTA), val(h, i, H_PREV_END), r->kind);
        put_year_before(out, h, i);
        fputs("</td><td class=\"num\">", out);
        put_pct(out, val(h, i, H_COMPLETE), 0);
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table>\n<p class=\"small\">Còn thiếu: số lượng tử số cần tăng thêm để đạt "
          "mục tiêu (ví dụ số hồ sơ trực tuyến). Đủ số liệu: tỷ lệ xã, phường đã báo "
          "cáo.</p>\n</section>\n",
          out);
}

/* Whether the chart of a cell of STATUS is drawn: the leader's attention, a
 * breach or a risk of one; the others are named under the charts. */
static bool charted(const char *status)
{
    return status != NULL && (strcmp(status, "breach") == 0 || strcmp(status, "at_risk") == 0);
}

/* One chart per indicator with a target not met (charted), of its last 12 periods up to this
 * one. */
enum kpi_status html_charts(FILE *out, const struct report_scope *r, const PGresult *h,
                            const PGresult *series)
{
    enum kpi_status rc = KPI_ERROR;
    int nseries = PQntuples(series);
    struct svg_point *pts = calloc((size_t)nseries + 1, sizeof *pts);
    char(*labels)[16] = calloc((size_t)nseries + 1, sizeof *labels);
    char(*years)[8] = calloc((size_t)nseries + 1, sizeof *years);
    if (pts == NULL || labels == NULL || years == NULL)
        goto fail;
    fputs("<section id=\"charts\">\n<h2>2. Diễn biến 12 kỳ gần nhất của các chỉ tiêu chưa đạt"
          "</h2>\n<div class=\"charts\">\n",
          out);
    int others = 0;
    for (int i = 0; i < PQntuples(h); i++) {
        const char *id = val(h, i, H_ID);
        if (val(h, i, H_TARGET) == NULL || strcmp(val(h, i, H_KIND), "task") == 0)
            continue;
        if (!charted(val(h, i, H_STATUS))) {
            others++;
            continue;
        }
        size_t n = 0;
        int last_year = -1;
        for (int k = 0; k < nseries; k++) {
            int y;
            if (strcmp(PQgetvalue(series, k, S_ID), id) != 0)
                continue;
            period_parts(labels[n], sizeof labels[n], &y, r->kind, PQgetvalue(series, k, S_END));
            snprintf(years[n], sizeof years[n], "%d", y % 10000);
            pts[n].label = labels[n][0] != '\0' ? labels[n] : years[n];
            /* the year under the first period and wherever it changes */
            pts[n].sublabel = labels[n][0] != '\0' && y != last_year ? years[n] : NULL;
            last_year = y;
            pts[n].value = val(series, k, S_RATIO);
            pts[n].cls = val(series, k, S_STATUS);
            n++;
        }
        char label[96], chart_id[96];
        target_label(label, sizeof label, val(h, i, H_COMPARATOR), val(h, i, H_TARGET));
        snprintf(chart_id, sizeof chart_id, "chart-%s", id);
        struct svg_line_chart c = {
            .id = chart_id,
            .title = words_name(val(h, i, H_SHORT), val(h, i, H_NAME)),
            .x_title = "Kỳ",
            .y_title = "Tỷ lệ (%)",
            .target = val(h, i, H_TARGET),
            .comparator = val(h, i, H_COMPARATOR),
            .target_label = label,
            .points = pts,
            .npoints = n,
            .lang = NUMFMT_VI,
        };
        fputs("<figure class=\"chart-box\" data-id=\"", out);
        html_escape(out, id);
        fputs("\"><figcaption>", out);
        html_escape(out, id);
        fputs(" — ", out);
        html_escape(out, words_name(val(h, i, H_SHORT), val(h, i, H_NAME)));
        fputs("</figcaption>\n", out);
        if (n == 0)
            fputs("<p class=\"small\">Chưa có số liệu các kỳ trước.</p>\n", out);
        if (svg_line_chart(out, &c) != 0) {
            log_error("could not draw the chart of indicator %s", id);
            goto fail;
        }
        fputs("</figure>\n", out);
    }
    fputs("</div>\n", out);
    if (others > 0) {
        bool first = true;
        fputs("<p class=\"small\" id=\"charts-others\">Các chỉ tiêu khác (đạt, đúng tiến độ "
              "hoặc chưa đánh giá được, xem mục 1): ",
              out);
        for (int i = 0; i < PQntuples(h); i++)
            if (val(h, i, H_TARGET) != NULL && strcmp(val(h, i, H_KIND), "task") != 0 &&
                !charted(val(h, i, H_STATUS))) {
                fputs(first ? "" : ", ", out);
                html_escape(out, val(h, i, H_ID));
                first = false;
            }
        fputs(".</p>\n", out);
    }
    fputs("</section>\n", out);
    rc = KPI_OK;
fail:
    free(pts);
    free(labels);
    free(years);
    return rc;
}

enum kpi_status html_ranking(FILE *out, const PGresult *h, int row, const PGresult *res)
{
    const char *id = val(h, row, H_ID);
    enum kpi_status rc = KPI_ERROR;
    int n = PQntuples(res);
    fputs("<div class=\"rank\" data-id=\"", out);
    html_escape(out, id);
    fputs("\"><h3>", out);
    html_escape(out, id);
    fputs(" — ", out);
    html_escape(out, words_name(val(h, row, H_SHORT), val(h, row, H_NAME)));
    fputs("</h3>\n", out);
    if (n == 0) {
        fputs("<p class=\"small\">Chưa có xã, phường nào có số liệu hợp lệ.</p></div>\n", out);
        return KPI_OK;
    }
    struct svg_bar bars[REPORT_RANK_TOP];
    int best = n < REPORT_RANK_TOP ? n : REPORT_RANK_TOP;
    int worst = n - best < REPORT_RANK_TOP ? n - best : REPORT_RANK_TOP;
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
            bars[k].symbol = s >= 0 ? words_symbol(statuses[s].status) : NULL;
        }
        char chart_id[96];
        snprintf(chart_id, sizeof chart_id, "rank-%s-%s", id, part == 0 ? "best" : "worst");
        struct svg_bar_chart c = {.id = chart_id,
                                  .title = words_name(val(h, row, H_SHORT), val(h, row, H_NAME)),
                                  .target = val(h, row, H_TARGET),
                                  .comparator = val(h, row, H_COMPARATOR),
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
    rc = KPI_OK;
fail:
    return rc;
}

void html_ranking_begin(FILE *out)
{
    fputs("<section id=\"ranking\">\n<h2>3. Xếp hạng xã, phường theo các chỉ tiêu chính</h2>\n"
          "<div class=\"ranks\">\n",
          out);
}

void html_ranking_end(FILE *out)
{
    fputs("</div>\n</section>\n", out);
}

void html_missing(FILE *out, const PGresult *res)
{
    long cells = 0;
    for (int i = 0; i < PQntuples(res); i++)
        cells += strtol(PQgetvalue(res, i, M_CELLS), NULL, 10);
    fputs("<section id=\"missing\">\n<h2>4. Số liệu còn thiếu</h2>\n", out);
    if (PQntuples(res) == 0) {
        fputs("<p>Tất cả đơn vị đã báo cáo đủ số liệu của kỳ này.</p>\n</section>\n", out);
        return;
    }
    fprintf(out,
            "<p>%ld ô chỉ tiêu thiếu số liệu, theo chỉ tiêu và đơn vị chủ trì (danh sách đơn vị: "
            "<a href=\"#appendix\">Phụ lục</a>).</p>\n<table id=\"missing-data\">\n<colgroup>"
            "<col style=\"width:14%%\"><col style=\"width:30%%\"><col style=\"width:14%%\">"
            "<col style=\"width:42%%\"></colgroup>\n<thead><tr><th>Chỉ tiêu</th><th>Chủ trì</th>"
            "<th>Số đơn vị thiếu</th><th>Lý do</th></tr></thead>\n<tbody>\n",
            cells);
    for (int i = 0; i < PQntuples(res); i++) {
        fprintf(out, "<tr data-group=\"%d\"><td>", i + 1);
        html_escape(out, val(res, i, M_IDS));
        fputs("</td><td class=\"small\">", out);
        html_escape(out, *PQgetvalue(res, i, M_LEAD) ? val(res, i, M_LEAD) : "—");
        fputs("</td><td class=\"num\">", out);
        put_count(out, val(res, i, M_CELLS));
        fputs("/", out);
        put_count(out, val(res, i, M_TOTAL));
        fputs("</td><td class=\"small\">", out);
        html_escape(out, *PQgetvalue(res, i, M_REASON) ? val(res, i, M_REASON) : "—");
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table>\n</section>\n", out);
}

void html_missing_appendix(FILE *out, const PGresult *res)
{
    if (PQntuples(res) == 0)
        return;
    fputs("<section id=\"appendix\">\n<h2>Phụ lục. Đơn vị thiếu số liệu</h2>\n"
          "<dl class=\"units small\">\n",
          out);
    for (int i = 0; i < PQntuples(res); i++) {
        fprintf(out, "<dt data-group=\"%d\">", i + 1);
        html_escape(out, val(res, i, M_IDS));
        fputs(" (", out);
        put_count(out, val(res, i, M_CELLS));
        fputs(" đơn vị)</dt><dd>", out);
        html_escape(out, val(res, i, M_UNITS));
        fputs("</dd>\n", out);
    }
    fputs("</dl>\n</section>\n", out);
}

const char *html_task_words(const PGresult *res, int i, struct words_cell *cell, char *text,
                            size_t text_len, char *note, size_t note_len)
{
    const char *status = val(res, i, T_STATUS);
    bool past = val(res, i, T_OVERDUE) != NULL && strcmp(val(res, i, T_OVERDUE), "t") == 0;
    struct words_cell c = {
        .kind = val(res, i, T_KIND),
        .status = status,
        .ratio_pct = val(res, i, T_RATIO),
        .comparator = val(res, i, T_COMPARATOR),
        .target_pct = val(res, i, T_TARGET),
        .target_text_vi = val(res, i, T_TARGET_TEXT),
        .due_date = val(res, i, T_DUE),
        .deadline_text_vi = val(res, i, T_DEADLINE),
        .period_end = val(res, i, T_END),
        .late_days = val(res, i, T_LATE),
        .reason = val(res, i, T_REASON),
        .reason_vi = val(res, i, T_REASON_VI),
        .assigned = val(res, i, T_ASSIGNED),
        .numerator = val(res, i, T_NUM),
        .denominator = val(res, i, T_DEN),
    };
    const char *cls = words_class(&c);
    words_status(text, text_len, &c, NUMFMT_VI);
    if (status == NULL && past) {
        cls = "breach", snprintf(text, text_len, "quá hạn, chưa có báo cáo");
    } else if (status == NULL) {
        cls = "no_data", snprintf(text, text_len, "chưa đến hạn, chưa có báo cáo");
    }
    words_gap(note, note_len, &c, NUMFMT_VI);
    if (note[0] == '\0' && words_reason(&c, NUMFMT_VI) != NULL)
        snprintf(note, note_len, "%s", words_reason(&c, NUMFMT_VI));
    *cell = c;
    return cls;
}

void html_tasks(FILE *out, const PGresult *res)
{
    int done = 0, overdue = 0;
    fputs("<section id=\"tasks\">\n<h2>5. Nhiệm vụ có thời hạn</h2>\n", out);
    fputs(
        "<table id=\"tasks-table\">\n<colgroup><col style=\"width:5.5%\"><col style=\"width:25%\">"
        "<col style=\"width:20%\"><col style=\"width:16.5%\"><col style=\"width:14%\">"
        "<col style=\"width:19%\"></colgroup>\n<thead><tr><th>Mã</th><th>Nhiệm vụ</th><th>Hạn</th>"
        "<th>Chủ trì</th><th>Tình trạng</th><th>Ghi chú</th></tr></thead>\n<tbody>\n",
        out);
    for (int i = 0; i < PQntuples(res); i++) {
        struct words_cell c;
        char text[128], note[512];
        const char *cls = html_task_words(res, i, &c, text, sizeof text, note, sizeof note);
        if (c.status != NULL && strcmp(c.status, "met") == 0)
            done++;
        else if (strcmp(cls, "breach") == 0) /* a breach, or past due without a report */
            overdue++;
        fputs("<tr data-id=\"", out);
        html_escape(out, val(res, i, T_ID));
        fputs("\"><td class=\"nowrap\">", out);
        html_escape(out, val(res, i, T_ID));
        fputs("</td><td>", out);
        put_name(out, val(res, i, T_SHORT), val(res, i, T_NAME), val(res, i, T_NOTE));
        fputs("</td><td class=\"small\">", out);
        put_words(out, words_deadline, &c);
        fputs("</td><td class=\"small\">", out);
        html_escape(out, val(res, i, T_LEAD));
        fputs("</td><td>", out);
        put_pill(out, cls, text);
        if (c.assigned != NULL) { /* a task of many units: how many have done it */
            fputs("<br><span class=\"small\">", out);
            put_words(out, words_value, &c);
            fputs("</span>", out);
        }
        fputs("</td><td class=\"small\">", out);
        html_escape(out, note);
        fputs("</td></tr>\n", out);
    }
    fprintf(out,
            "</tbody></table>\n<p>%d nhiệm vụ: %d đã hoàn thành, %d quá hạn.</p>\n</section>\n",
            PQntuples(res), done, overdue);
}

void html_footer(FILE *out, const struct report_scope *r, const PGresult *res)
{
    fputs("<footer id=\"trace\">\n<p>Lượt tính số liệu (run id): <b id=\"run-id\">", out);
    html_escape(out, val(res, 0, F_RUN) ? val(res, 0, F_RUN) : "—");
    fputs("</b>", out);
    if (val(res, 0, F_RUN_FINISHED) != NULL) {
        fputs(" (xong lúc ", out);
        html_escape(out, val(res, 0, F_RUN_FINISHED));
        fputs(")", out);
    }
    fputs(" · Phiên bản danh mục chỉ tiêu: <b id=\"catalog-version\">", out);
    html_escape(out, val(res, 0, F_CATALOG) ? val(res, 0, F_CATALOG) : "—");
    fputs("</b> · Số liệu chốt đến hết ngày <b id=\"cutoff\">", out);
    put_date(out, r->end);
    fputs("</b> (kỳ từ ", out);
    put_date(out, r->start);
    fputs(")</p>\n<p>Giá trị tính lúc ", out);
    html_escape(out, val(res, 0, F_COMPUTED));
    fputs(" · Báo cáo lập lúc ", out);
    html_escape(out, val(res, 0, F_NOW));
    fputs(" (giờ Việt Nam) bởi kpi " KPI_VERSION
          ". Mọi số liệu truy được trong bảng kpi.indicator_value (cột run_id, "
          "catalog_version).</p>\n"
          "</footer>\n",
          out);
    fputs("</body>\n</html>\n", out);
}
