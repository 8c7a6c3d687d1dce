/*
 * report/excel.c — owns the workbooks kpi writes and the leaders' report as
 * an Excel "biểu mẫu" (see excel.h): the temporary file and its rename, the
 * shared formats and cells, the national heading of Decree 30/2020/NĐ-CP,
 * and one sheet per section of the report from the queries of
 * report/query.c, in the words of common/words.c (through report/html.c's
 * cells) beside exact numbers.
 */
#include "report/excel.h"

#include "common/log.h"
#include "common/numfmt.h"
#include "common/words.h"
#include "report/html.h"
#include "report/query.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wctype.h>

/* A format in the document's font, with the properties of FLAGS. */
enum {
    F_BORDER = 1,
    F_BOLD = 2,
    F_WRAP = 4,
    F_CENTER = 8,
    F_ITALIC = 16,
    F_SHADE = 32,
    F_UNDERLINE = 64,
};

static lxw_format *new_format(lxw_workbook *wb, int flags, const char *num_format, double size)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_font_name(f, EXCEL_FONT);
    format_set_font_size(f, size > 0 ? size : EXCEL_FONT_SIZE);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (flags & F_BORDER)
        format_set_border(f, LXW_BORDER_THIN);
    if (flags & F_BOLD)
        format_set_bold(f);
    if (flags & F_WRAP)
        format_set_text_wrap(f);
    if (flags & F_CENTER)
        format_set_align(f, LXW_ALIGN_CENTER);
    if (flags & F_ITALIC)
        format_set_italic(f);
    if (flags & F_SHADE)
        format_set_bg_color(f, 0xE8E8E8);
    if (flags & F_UNDERLINE)
        format_set_underline(f, LXW_UNDERLINE_SINGLE);
    if (num_format != NULL)
        format_set_num_format(f, num_format);
    return f;
}

enum kpi_status excel_open(struct excel *b, const char *path)
{
    *b = (struct excel){0};
    if (asprintf(&b->tmp, "%s.XXXXXX", path) < 0 || (b->path = strdup(path)) == NULL) {
        log_error("out of memory");
        goto fail;
    }
    int fd = mkstemp(b->tmp);
    if (fd < 0) {
        log_error("could not create \"%s\": %s", b->tmp, strerror(errno));
        goto fail;
    }
    close(fd);
    b->wb = workbook_new(b->tmp);
    if (b->wb == NULL) {
        log_error("could not start the workbook \"%s\"", b->tmp);
        unlink(b->tmp);
        goto fail;
    }
    b->text = new_format(b->wb, F_BORDER | F_WRAP, NULL, 0);
    b->code = new_format(b->wb, F_BORDER, "@", 0);
    b->head = new_format(b->wb, F_BORDER | F_BOLD | F_WRAP | F_CENTER | F_SHADE, NULL, 0);
    b->count = new_format(b->wb, F_BORDER, "#,##0", 0);
    b->pct = new_format(b->wb, F_BORDER, "0.0%", 0);
    b->points = new_format(b->wb, F_BORDER, "0.0###", 0);
    b->date = new_format(b->wb, F_BORDER, "dd/mm/yyyy", 0);
    b->note = new_format(b->wb, F_ITALIC, NULL, EXCEL_FONT_SIZE - 1);
    return KPI_OK;
fail:
    free(b->tmp);
    free(b->path);
    *b = (struct excel){0};
    return KPI_ERROR;
}

void excel_abandon(struct excel *b)
{
    if (b->wb != NULL) {
        /* libxlsxwriter has no way to drop a workbook: write it, then remove it */
        workbook_close(b->wb);
        unlink(b->tmp);
    }
    free(b->tmp);
    free(b->path);
    *b = (struct excel){0};
}

enum kpi_status excel_close(struct excel *b)
{
    enum kpi_status rc = KPI_ERROR;
    lxw_error err = workbook_close(b->wb);
    b->wb = NULL;
    if (err != LXW_NO_ERROR)
        log_error("could not write \"%s\": %s", b->tmp, lxw_strerror(err));
    else if (chmod(b->tmp, 0644) != 0 || rename(b->tmp, b->path) != 0)
        log_error("could not rename \"%s\" to \"%s\": %s", b->tmp, b->path, strerror(errno));
    else
        rc = KPI_OK;
    if (rc != KPI_OK)
        unlink(b->tmp);
    free(b->tmp);
    free(b->path);
    *b = (struct excel){0};
    return rc;
}

lxw_worksheet *excel_sheet(struct excel *b, const char *name, bool landscape)
{
    lxw_error err = workbook_validate_sheet_name(b->wb, name);
    if (err != LXW_NO_ERROR) {
        log_error("invalid sheet name \"%s\": %s", name, lxw_strerror(err));
        return NULL;
    }
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
    if (ws == NULL) {
        log_error("could not add the sheet \"%s\"", name);
        return NULL;
    }
    worksheet_set_paper(ws, 9); /* A4 */
    if (landscape)
        worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_margins(ws, 0.6, 0.4, 0.6, 0.6);
    worksheet_set_footer(ws, "&CTrang &P/&N");
    return ws;
}

bool excel_numeric(const char *text, double scale, double *out)
{
    char *end;
    if (text == NULL || *text == '\0')
        return false;
    errno = 0;
    double v = strtod(text, &end);
    if (*end != '\0' || errno != 0)
        return false;
    *out = v / scale;
    return true;
}

void excel_put_numeric(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
                       double scale, lxw_format *fmt)
{
    double v;
    if (excel_numeric(text, scale, &v))
        worksheet_write_number(ws, row, col, v, fmt);
    else
        worksheet_write_blank(ws, row, col, fmt);
}

void excel_put_date(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *iso,
                    lxw_format *fmt)
{
    int y, m, d, used = 0;
    if (iso == NULL) {
        worksheet_write_blank(ws, row, col, fmt);
    } else if (sscanf(iso, "%4d-%2d-%2d%n", &y, &m, &d, &used) == 3 && used == 10 &&
               iso[10] == '\0') {
        lxw_datetime dt = {.year = y, .month = m, .day = d};
        worksheet_write_datetime(ws, row, col, &dt, fmt);
    } else {
        worksheet_write_string(ws, row, col, iso, fmt);
    }
}

/* TEXT across the columns C0..C1 of ROW (merged when more than one). */
static void span(lxw_worksheet *ws, lxw_row_t row, lxw_col_t c0, lxw_col_t c1, const char *text,
                 lxw_format *fmt)
{
    if (c1 > c0)
        worksheet_merge_range(ws, row, c0, row, c1, text, fmt);
    else
        worksheet_write_string(ws, row, c0, text, fmt);
}

lxw_row_t excel_heading(struct excel *b, lxw_worksheet *ws, const struct excel_heading *h,
                        lxw_col_t ncols)
{
    lxw_format *bold = new_format(b->wb, F_BOLD | F_CENTER | F_WRAP, NULL, 0);
    lxw_format *motto = new_format(b->wb, F_BOLD | F_CENTER | F_UNDERLINE, NULL, 0);
    lxw_format *plain = new_format(b->wb, F_CENTER, NULL, 0);
    lxw_format *italic = new_format(b->wb, F_ITALIC | F_CENTER, NULL, 0);
    lxw_format *kind = new_format(b->wb, F_BOLD | F_CENTER, NULL, EXCEL_FONT_SIZE + 2);
    lxw_format *title = new_format(b->wb, F_BOLD | F_CENTER | F_WRAP, NULL, 0);
    lxw_col_t left = ncols * 2 / 5, last = ncols - 1;
    char date[160];
    int y, m, d;
    if (left < 1)
        left = 1;
    if (h->date != NULL && sscanf(h->date, "%2d/%2d/%4d", &d, &m, &y) == 3)
        snprintf(date, sizeof date, "%s, ngày %02d tháng %s%d năm %d", h->place, d,
                 m <= 2 ? "0" : "", m, y);
    else
        snprintf(date, sizeof date, "%s, ngày ..... tháng ..... năm ........", h->place);
    span(ws, 0, 0, left - 1, h->issuer, bold);
    span(ws, 0, left, last, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold);
    span(ws, 1, 0, left - 1, "", plain);
    span(ws, 1, left, last, "Độc lập - Tự do - Hạnh phúc", motto);
    span(ws, 2, 0, left - 1, h->number, plain);
    span(ws, 2, left, last, date, italic);
    worksheet_set_row(ws, 0, 32, NULL);
    span(ws, 4, 0, last, h->kind, kind);
    span(ws, 5, 0, last, h->title, title);
    worksheet_set_row(ws, 5, 32, NULL);
    if (h->sub == NULL)
        return 7;
    span(ws, 6, 0, last, h->sub, italic);
    return 8;
}

char *excel_upper(const char *s)
{
    static locale_t utf8 = (locale_t)0;
    if (utf8 == (locale_t)0)
        utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    size_t n = strlen(s);
    char *out = malloc(n * 2 + 1); /* an upper-case letter is at most one byte longer */
    if (out == NULL)
        return NULL;
    const unsigned char *p = (const unsigned char *)s;
    char *o = out;
    while (*p) {
        wint_t c = *p;
        int len = 1;
        if (*p >= 0xF0 && p[1] && p[2] && p[3])
            len = 4, c = (wint_t)(*p & 0x07) << 18 | (wint_t)(p[1] & 0x3F) << 12 |
                         (wint_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
        else if (*p >= 0xE0 && p[1] && p[2])
            len = 3, c = (wint_t)(*p & 0x0F) << 12 | (wint_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
        else if (*p >= 0xC0 && p[1])
            len = 2, c = (wint_t)(*p & 0x1F) << 6 | (p[1] & 0x3F);
        wint_t u = utf8 != (locale_t)0 ? towupper_l(c, utf8) : (c < 128 ? towupper(c) : c);
        if (len == 1 && *p >= 0x80) /* not UTF-8: kept as it is */
            u = c;
        if (u < 0x80)
            *o++ = (char)u;
        else if (u < 0x800)
            *o++ = (char)(0xC0 | u >> 6), *o++ = (char)(0x80 | (u & 0x3F));
        else if (u < 0x10000)
            *o++ = (char)(0xE0 | u >> 12), *o++ = (char)(0x80 | (u >> 6 & 0x3F)),
            *o++ = (char)(0x80 | (u & 0x3F));
        else
            *o++ = (char)(0xF0 | u >> 18), *o++ = (char)(0x80 | (u >> 12 & 0x3F)),
            *o++ = (char)(0x80 | (u >> 6 & 0x3F)), *o++ = (char)(0x80 | (u & 0x3F));
        p += len;
    }
    *o = '\0';
    return out;
}

/* --- the report ---------------------------------------------------------------------- */

/* What every sheet of the report shares. */
struct book_report {
    struct excel b;
    const struct report_scope *r;
    struct excel_heading heading;
    char start[16], end[16]; /* the period, "DD/MM/YYYY" */
    char sub[64];            /* the heading's line under the title: the period */
    lxw_format *section;     /* a section's title: bold, left */
};

/* The value at (ROW, COL), NULL when SQL NULL. */
static const char *val(const PGresult *res, int row, int col)
{
    return PQgetisnull(res, row, col) ? NULL : PQgetvalue(res, row, col);
}

/* A judged cell: its ratio is shown (no_data and invalid never are), as in report/html.c. */
static bool judged(const char *status)
{
    return status != NULL && (strcmp(status, "met") == 0 || strcmp(status, "breach") == 0 ||
                              strcmp(status, "on_track") == 0 || strcmp(status, "at_risk") == 0);
}

/* A new sheet NAME of the report with its heading, section title TITLE and the column
 * headers HEADS[N] (NULL: none; the sheet writes its own) of widths WIDTHS[N]; *row is the
 * first row under them. */
static lxw_worksheet *report_sheet(struct book_report *br, const char *name, const char *title,
                                   const char *const *heads, const double *widths, int n,
                                   lxw_row_t *row)
{
    lxw_worksheet *ws = excel_sheet(&br->b, name, true);
    if (ws == NULL)
        return NULL;
    for (int c = 0; c < n; c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
    lxw_row_t r = excel_heading(&br->b, ws, &br->heading, (lxw_col_t)n);
    span(ws, r++, 0, (lxw_col_t)(n - 1), title, br->section);
    if (heads == NULL) {
        *row = r;
        return ws;
    }
    for (int c = 0; c < n; c++)
        worksheet_write_string(ws, r, (lxw_col_t)c, heads[c], br->b.head);
    worksheet_repeat_rows(ws, r, r);
    worksheet_freeze_panes(ws, r + 1, 0);
    *row = r + 1;
    return ws;
}

/* One of the words of C (words_value, words_target, …) into the cell (ROW, COL). */
static void put_words(struct book_report *br, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                      enum kpi_status (*fn)(char *, size_t, const struct words_cell *,
                                            enum numfmt_lang),
                      const struct words_cell *c)
{
    char buf[512];
    fn(buf, sizeof buf, c, NUMFMT_VI);
    worksheet_write_string(ws, row, col, buf, br->b.text);
}

static void put_text(struct book_report *br, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                     const char *text)
{
    worksheet_write_string(ws, row, col, text != NULL && *text != '\0' ? text : "—", br->b.text);
}

/* The columns of sheet 1, the headline table. */
enum {
    HX_ID,
    HX_NAME,
    HX_VALUE,
    HX_RATIO,
    HX_NUM,
    HX_DEN,
    HX_TARGET_TEXT,
    HX_TARGET,
    HX_DEADLINE,
    HX_STATUS,
    HX_GAP_TEXT,
    HX_GAP,
    HX_DELTA,
    HX_COMPLETE,
    HX_LEAD,
    HX_COUNT
};

static const char *const headline_heads[HX_COUNT] = {
    "Mã",
    "Chỉ tiêu",
    "Giá trị",
    "Tỷ lệ (số)",
    "Tử số",
    "Mẫu số",
    "Mục tiêu theo kế hoạch",
    "Mục tiêu (số)",
    "Thời hạn",
    "Trạng thái",
    "Còn thiếu",
    "Số còn thiếu",
    "Xu hướng (điểm %)",
    "Đủ số liệu",
    "Chủ trì",
};
static const double headline_widths[HX_COUNT] = {7,  30, 11, 10, 11, 11, 22, 10,
                                                 24, 16, 30, 10, 10, 9,  24};

static enum kpi_status sheet_headline(struct book_report *br, const PGresult *h,
                                      const PGresult *footer)
{
    lxw_row_t row;
    lxw_worksheet *ws = report_sheet(br, "1. Tổng hợp", "1. Tổng hợp các chỉ tiêu", headline_heads,
                                     headline_widths, HX_COUNT, &row);
    if (ws == NULL)
        return KPI_ERROR;
    for (int i = 0; i < PQntuples(h); i++, row++) {
        struct words_cell c = html_headline_cell(h, i);
        char status[160], words[128];
        bool shown = judged(c.status) && c.ratio_pct != NULL;
        worksheet_write_string(ws, row, HX_ID, val(h, i, H_ID), br->b.code);
        put_text(br, ws, row, HX_NAME, words_name(val(h, i, H_SHORT), val(h, i, H_NAME)));
        put_words(br, ws, row, HX_VALUE, words_value, &c);
        excel_put_numeric(ws, row, HX_RATIO, shown ? c.ratio_pct : NULL, 100, br->b.pct);
        excel_put_numeric(ws, row, HX_NUM, shown ? val(h, i, H_NUM) : NULL, 1, br->b.count);
        excel_put_numeric(ws, row, HX_DEN, shown ? val(h, i, H_DEN) : NULL, 1, br->b.count);
        put_words(br, ws, row, HX_TARGET_TEXT, words_target, &c);
        excel_put_numeric(ws, row, HX_TARGET, c.target_pct, 100, br->b.pct);
        put_words(br, ws, row, HX_DEADLINE, words_deadline, &c);
        words_status(words, sizeof words, &c, NUMFMT_VI);
        snprintf(status, sizeof status, "%s %s", words_symbol(words_class(&c)), words);
        put_text(br, ws, row, HX_STATUS, status);
        char gap[768];
        html_headline_gap(gap, sizeof gap, &c); /* the HTML report's "Còn thiếu" */
        if (val(h, i, H_LAGGING) != NULL) {     /* a task of many units: who has not done it */
            char *all = NULL;
            if (asprintf(&all, "%s%schưa hoàn thành: %s", gap, gap[0] ? "; " : "",
                         val(h, i, H_LAGGING)) < 0)
                return KPI_ERROR;
            put_text(br, ws, row, HX_GAP_TEXT, all);
            free(all);
        } else {
            put_text(br, ws, row, HX_GAP_TEXT, gap);
        }
        excel_put_numeric(ws, row, HX_GAP, c.gap_count, 1, br->b.count);
        excel_put_numeric(ws, row, HX_DELTA, val(h, i, H_DELTA), 1, br->b.points);
        excel_put_numeric(ws, row, HX_COMPLETE, val(h, i, H_COMPLETE), 100, br->b.pct);
        put_text(br, ws, row, HX_LEAD, val(h, i, H_LEAD));
    }
    row++;
    static const char *const notes[] = {
        "Giá trị, Mục tiêu theo kế hoạch, Trạng thái, Còn thiếu: như báo cáo (tỷ lệ cắt bớt, "
        "không làm tròn, không bao giờ vượt qua mục tiêu).",
        "Các cột (số), Tử số, Mẫu số, Số còn thiếu, Xu hướng, Đủ số liệu là giá trị chính xác để "
        "tính toán; Excel làm tròn khi hiển thị, nên con số để đọc là cột chữ bên cạnh.",
        "Còn thiếu: số lượng tử số cần tăng thêm để đạt mục tiêu. Đủ số liệu: tỷ lệ xã, phường "
        "đã báo cáo. Xu hướng: so với kỳ trước, điểm phần trăm.",
    };
    for (size_t k = 0; k < sizeof notes / sizeof notes[0]; k++)
        worksheet_write_string(ws, row++, 0, notes[k], br->b.note);
    char trace[512];
    snprintf(trace, sizeof trace,
             "Lượt tính số liệu (run id): %s · Phiên bản danh mục chỉ tiêu: %s · Số liệu chốt "
             "đến hết ngày %s",
             val(footer, 0, F_RUN) ? val(footer, 0, F_RUN) : "—",
             val(footer, 0, F_CATALOG) ? val(footer, 0, F_CATALOG) : "—", br->end);
    worksheet_write_string(ws, ++row, 0, trace, br->b.note);
    snprintf(trace, sizeof trace,
             "Giá trị tính lúc %s · Biểu lập lúc %s (giờ Việt Nam) bởi kpi " KPI_VERSION
             ". Mọi số liệu truy được trong bảng kpi.indicator_value.",
             val(footer, 0, F_COMPUTED) ? val(footer, 0, F_COMPUTED) : "—",
             val(footer, 0, F_NOW) ? val(footer, 0, F_NOW) : "—");
    worksheet_write_string(ws, ++row, 0, trace, br->b.note);
    worksheet_activate(ws);
    return KPI_OK;
}

static int cmp_text(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sheet 2: the ratio of the last 12 periods (SERIES) of every indicator of H with a target. */
static enum kpi_status sheet_series(struct book_report *br, const PGresult *h,
                                    const PGresult *series)
{
    enum kpi_status rc = KPI_ERROR;
    int nseries = PQntuples(series), nends = 0;
    const char **ends = calloc((size_t)nseries + 1, sizeof *ends);
    const char **heads = calloc((size_t)nseries + 4, sizeof *heads);
    double *widths = calloc((size_t)nseries + 4, sizeof *widths);
    char(*labels)[32] = calloc((size_t)nseries + 1, sizeof *labels);
    if (ends == NULL || heads == NULL || widths == NULL || labels == NULL) {
        log_error("out of memory");
        goto fail;
    }
    for (int k = 0; k < nseries; k++)
        ends[k] = PQgetvalue(series, k, S_END);
    qsort(ends, (size_t)nseries, sizeof *ends, cmp_text);
    for (int k = 0; k < nseries; k++)
        if (nends == 0 || strcmp(ends[nends - 1], ends[k]) != 0)
            ends[nends++] = ends[k];
    heads[0] = "Mã", heads[1] = "Chỉ tiêu", heads[2] = "Mục tiêu theo kế hoạch";
    widths[0] = 7, widths[1] = 30, widths[2] = 22;
    for (int e = 0; e < nends; e++) {
        char day[16];
        words_date(day, sizeof day, ends[e], NUMFMT_VI);
        snprintf(labels[e], sizeof labels[e], "Kỳ đến %s", day);
        heads[3 + e] = labels[e];
        widths[3 + e] = 11;
    }
    lxw_row_t row;
    lxw_worksheet *ws =
        report_sheet(br, "2. Diễn biến", "2. Diễn biến 12 kỳ gần nhất: tỷ lệ của từng kỳ (số)",
                     heads, widths, nends + 3 < 4 ? 4 : nends + 3, &row);
    if (ws == NULL)
        goto fail;
    for (int i = 0; i < PQntuples(h); i++) {
        const char *id = val(h, i, H_ID);
        if (val(h, i, H_TARGET) == NULL || strcmp(val(h, i, H_KIND), "task") == 0)
            continue;
        struct words_cell c = html_headline_cell(h, i);
        worksheet_write_string(ws, row, 0, id, br->b.code);
        put_text(br, ws, row, 1, words_name(val(h, i, H_SHORT), val(h, i, H_NAME)));
        put_words(br, ws, row, 2, words_target, &c);
        for (int e = 0; e < nends; e++)
            worksheet_write_blank(ws, row, (lxw_col_t)(3 + e), br->b.pct);
        for (int k = 0; k < nseries; k++) {
            if (strcmp(PQgetvalue(series, k, S_ID), id) != 0)
                continue;
            const char **at = bsearch(&(const char *){PQgetvalue(series, k, S_END)}, ends,
                                      (size_t)nends, sizeof *ends, cmp_text);
            if (at != NULL)
                excel_put_numeric(ws, row, (lxw_col_t)(3 + (at - ends)), val(series, k, S_RATIO),
                                  100, br->b.pct);
        }
        row++;
    }
    worksheet_write_string(
        ws, row + 1, 0,
        "Ô trống: kỳ chưa đánh giá được (thiếu số liệu hoặc số liệu không hợp "
        "lệ). Excel làm tròn khi hiển thị; giá trị trong ô là giá trị chính xác.",
        br->b.note);
    rc = KPI_OK;
fail:
    free(ends);
    free(heads);
    free(widths);
    free(labels);
    return rc;
}

/* Sheet 3: every unit under the report's unit, best first, on each ranked indicator of H. */
static enum kpi_status sheet_ranking(struct book_report *br, const PGresult *h)
{
    static const char *const heads[] = {"Hạng", "Xã, phường", "Giá trị", "Tỷ lệ (số)",
                                        "Trạng thái"};
    static const double widths[] = {7, 34, 12, 12, 22};
    lxw_row_t row;
    lxw_worksheet *ws = report_sheet(
        br, "3. Xếp hạng", "3. Xếp hạng xã, phường theo các chỉ tiêu chính", NULL, widths, 5, &row);
    if (ws == NULL)
        return KPI_ERROR;
    lxw_format *title = new_format(br->b.wb, F_BOLD, NULL, 0);
    row--; /* a blank row before each indicator's title, its headers under it */
    for (size_t k = 0; k < REPORT_NRANKED; k++)
        for (int i = 0; i < PQntuples(h); i++) {
            if (strcmp(val(h, i, H_ID), report_ranked[k]) != 0 || val(h, i, H_TARGET) == NULL)
                continue;
            PGresult *rank = report_query_ranking(br->r, val(h, i, H_ID));
            if (rank == NULL)
                return KPI_ERROR;
            struct words_cell base = html_headline_cell(h, i);
            char line[512], target[256];
            words_target(target, sizeof target, &base, NUMFMT_VI);
            snprintf(line, sizeof line, "%s — %s (mục tiêu: %s)", val(h, i, H_ID),
                     words_name(val(h, i, H_SHORT), val(h, i, H_NAME)), target);
            row++;
            span(ws, row++, 0, 4, line, title);
            for (int c = 0; c < 5; c++)
                worksheet_write_string(ws, row, (lxw_col_t)c, heads[c], br->b.head);
            row++;
            for (int u = 0; u < PQntuples(rank); u++, row++) {
                struct words_cell c = {
                    .kind = base.kind,
                    .status = val(rank, u, K_STATUS),
                    .ratio_pct = val(rank, u, K_RATIO),
                    .comparator = base.comparator,
                    .target_pct = base.target_pct,
                };
                char words[128];
                worksheet_write_number(ws, row, 0, u + 1, br->b.count);
                put_text(br, ws, row, 1, val(rank, u, K_NAME));
                put_words(br, ws, row, 2, words_value, &c);
                excel_put_numeric(ws, row, 3, c.ratio_pct, 100, br->b.pct);
                words_status(words, sizeof words, &c, NUMFMT_VI);
                snprintf(line, sizeof line, "%s %s", words_symbol(words_class(&c)), words);
                put_text(br, ws, row, 4, line);
            }
            if (PQntuples(rank) == 0)
                snprintf(line, sizeof line, "Chưa có xã, phường nào có số liệu hợp lệ.");
            else
                snprintf(line, sizeof line, "%d/%s xã, phường có số liệu hợp lệ.", PQntuples(rank),
                         PQgetvalue(rank, 0, K_TOTAL));
            worksheet_write_string(ws, row++, 0, line, br->b.note);
            PQclear(rank);
        }
    return KPI_OK;
}

/* Sheet 4: the missing data (MISSING), with the units of each row. */
static enum kpi_status sheet_missing(struct book_report *br, const PGresult *missing)
{
    static const char *const heads[] = {"Chỉ tiêu",       "Chủ trì", "Số đơn vị thiếu",
                                        "Tổng số đơn vị", "Lý do",   "Đơn vị thiếu số liệu"};
    static const double widths[] = {14, 28, 10, 10, 34, 60};
    lxw_row_t row;
    lxw_worksheet *ws =
        report_sheet(br, "4. Số liệu thiếu", "4. Số liệu còn thiếu", heads, widths, 6, &row);
    if (ws == NULL)
        return KPI_ERROR;
    for (int i = 0; i < PQntuples(missing); i++, row++) {
        worksheet_write_string(ws, row, 0, val(missing, i, M_IDS), br->b.code);
        put_text(br, ws, row, 1, val(missing, i, M_LEAD));
        excel_put_numeric(ws, row, 2, val(missing, i, M_CELLS), 1, br->b.count);
        excel_put_numeric(ws, row, 3, val(missing, i, M_TOTAL), 1, br->b.count);
        put_text(br, ws, row, 4, val(missing, i, M_REASON));
        put_text(br, ws, row, 5, val(missing, i, M_UNITS));
    }
    if (PQntuples(missing) == 0)
        worksheet_write_string(ws, row, 0, "Tất cả đơn vị đã báo cáo đủ số liệu của kỳ này.",
                               br->b.note);
    return KPI_OK;
}

/* Sheet 5: the tasks and dated indicators (TASKS). */
static enum kpi_status sheet_tasks(struct book_report *br, const PGresult *tasks)
{
    static const char *const heads[] = {"Mã",      "Nhiệm vụ",   "Thời hạn",
                                        "Chủ trì", "Tình trạng", "Ghi chú"};
    static const double widths[] = {7, 40, 26, 28, 24, 34};
    lxw_row_t row;
    lxw_worksheet *ws =
        report_sheet(br, "5. Nhiệm vụ", "5. Nhiệm vụ có thời hạn", heads, widths, 6, &row);
    if (ws == NULL)
        return KPI_ERROR;
    for (int i = 0; i < PQntuples(tasks); i++, row++) {
        struct words_cell c;
        char text[128], note[512], status[160];
        const char *cls = html_task_words(tasks, i, &c, text, sizeof text, note, sizeof note);
        worksheet_write_string(ws, row, 0, val(tasks, i, T_ID), br->b.code);
        put_text(br, ws, row, 1, words_name(val(tasks, i, T_SHORT), val(tasks, i, T_NAME)));
        put_words(br, ws, row, 2, words_deadline, &c);
        put_text(br, ws, row, 3, val(tasks, i, T_LEAD));
        snprintf(status, sizeof status, "%s %s", words_symbol(cls), text);
        put_text(br, ws, row, 4, status);
        put_text(br, ws, row, 5, note);
    }
    return KPI_OK;
}

/* The place of the date line: the unit's name without its kind ("Tỉnh Thái Nguyên" →
 * "Thái Nguyên"); borrowed from NAME. */
static const char *place_of(const char *name)
{
    static const char *const kinds[] = {"Tỉnh ", "Thành phố ", "Xã ", "Phường ", "Đặc khu "};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        if (strncmp(name, kinds[k], strlen(kinds[k])) == 0)
            return name + strlen(kinds[k]);
    return name;
}

enum kpi_status excel_report_write(PGconn *conn, const struct report_options *opt,
                                   const char *issuer, const char *out_path)
{
    struct book_report br = {0};
    struct report_scope r;
    enum kpi_status rc = report_scope_open(conn, opt, &r);
    if (rc != KPI_OK)
        return rc;
    rc = KPI_ERROR;
    br.r = &r;
    PGresult *h = NULL, *series = NULL, *missing = NULL, *tasks = NULL, *footer = NULL;
    char *upper = NULL, *period = NULL, *title = NULL, today[16] = "";
    size_t period_len;
    bool open = false;
    if ((h = report_query_headline(&r)) == NULL || (series = report_query_series(&r)) == NULL ||
        (missing = report_query_missing(&r)) == NULL || (tasks = report_query_tasks(&r)) == NULL ||
        (footer = report_query_footer(&r)) == NULL)
        goto fail;
    FILE *f = open_memstream(&period, &period_len);
    if (f == NULL)
        goto oom;
    html_period_title(f, r.kind, r.end);
    if (fclose(f) != 0)
        goto oom;
    words_date(br.start, sizeof br.start, r.start, NUMFMT_VI);
    words_date(br.end, sizeof br.end, r.end, NUMFMT_VI);
    snprintf(br.sub, sizeof br.sub, "Số liệu từ %s đến hết %s", br.start, br.end);
    if (val(footer, 0, F_NOW) != NULL) /* "DD/MM/YYYY HH:MI", Vietnam time */
        snprintf(today, sizeof today, "%.10s", val(footer, 0, F_NOW));
    if (asprintf(&title, "Tiến độ thực hiện Đề án 06 — %s\n%s", r.unit_name, period) < 0) {
        title = NULL;
        goto oom;
    }
    if (issuer == NULL) {
        char *name = excel_upper(r.unit_name);
        if (name == NULL || asprintf(&upper, "UBND %s", name) < 0) {
            free(name);
            upper = NULL;
            goto oom;
        }
        free(name);
        issuer = upper;
    }
    br.heading = (struct excel_heading){
        .issuer = issuer,
        .number = "Số:        /BC-UBND",
        .place = place_of(r.unit_name),
        .date = today[0] ? today : NULL,
        .kind = "BÁO CÁO",
        .title = title,
        .sub = br.sub,
    };
    if (excel_open(&br.b, out_path) != KPI_OK)
        goto fail;
    open = true;
    br.section = new_format(br.b.wb, F_BOLD, NULL, EXCEL_FONT_SIZE + 1);
    if (sheet_headline(&br, h, footer) != KPI_OK || sheet_series(&br, h, series) != KPI_OK ||
        sheet_ranking(&br, h) != KPI_OK || sheet_missing(&br, missing) != KPI_OK ||
        sheet_tasks(&br, tasks) != KPI_OK)
        goto fail;
    open = false;
    rc = excel_close(&br.b);
    goto fail;
oom:
    log_error("out of memory");
fail:
    if (open)
        excel_abandon(&br.b);
    PQclear(h);
    PQclear(series);
    PQclear(missing);
    PQclear(tasks);
    PQclear(footer);
    free(upper);
    free(period);
    free(title);
    report_scope_close(&r);
    return rc;
}
