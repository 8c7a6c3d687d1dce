/*
 * builtin/template.c — `kpi template`: the Excel form a unit fills for one
 * month (libxlsxwriter through report/excel.h). Its first sheet is what kpi
 * ingest reads: the header period, unit, metric, value (the long layout of
 * submission files), [agency,] note, then columns of Vietnamese labels for
 * the clerk, their headers in square brackets, which kpi ingest does not read
 * (the metric's name_vi and noun_vi, its kind of count, the
 * unit's name); one row per metric the catalog says the unit's kind sends
 * (kpi.metric.reported_by). Codes are text cells; data validation keeps
 * the values whole numbers >= 0 and the periods to that month (or a day in
 * it, not after today); the sheet is protected with only the period, value
 * and note cells unlocked. A second sheet explains the form under the
 * national heading (Decree 30/2020/NĐ-CP).
 */
#include "builtin.h"
#include "common/log.h"
#include "common/period.h"
#include "common/sqlstate.h"
#include "common/status.h"
#include "db/conn.h"
#include "report/excel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct command_doc template_doc = {
    .name = "template",
    .synopsis = "kpi template --unit CODE --period YYYY-MM [--agency NAME] --out FILE.xlsx",
    .description =
        "Write the Excel form (.xlsx) that the unit CODE fills for the month YYYY-MM: one row\n"
        "per metric its kind of unit sends (the catalog's reported_by), with the columns kpi\n"
        "ingest reads (period, unit, metric, value, agency, note) and, after them, the\n"
        "metric's Vietnamese name and noun for the clerk. Codes are text; the value cells take\n"
        "whole numbers >= 0, the period cells the month or a day in it; every other cell is\n"
        "locked (sheet protection without a password). The second sheet explains the form.\n",
};

/* The unit, and the province that issues its form (code 19 when several). */
static const char unit_query[] =
    "SELECT u.name, u.kind, (SELECT p.name FROM kpi.unit p WHERE p.kind = 'province' "
    "  ORDER BY p.code <> '19', p.code LIMIT 1) FROM kpi.unit u WHERE u.code = $1";

/* The metrics a unit of kind $1 sends: its kind in reported_by; a catalog that does not say
 * (NULL) means the communes and wards (migration 017). */
static const char metric_query[] =
    "SELECT code, name_vi, coalesce(noun_vi, ''), temporal FROM kpi.metric "
    "WHERE CASE WHEN reported_by IS NULL THEN $1 IN ('xa', 'phuong', 'dac_khu') "
    "           ELSE $1 = ANY (reported_by) END "
    "ORDER BY code";

/* The columns of the form, in this order; agency only with --agency. */
enum {
    T_PERIOD,
    T_UNIT,
    T_METRIC,
    T_VALUE,
    T_AGENCY,
    T_NOTE,
    T_NAME,
    T_NOUN,
    T_TEMPORAL,
    T_UNIT_NAME,
    T_COUNT
};

static const struct {
    const char *head; /* the header: the column's name for kpi ingest, else a label */
    double width;
    const char *comment; /* what the clerk reads on the header cell */
} columns[T_COUNT] = {
    {"period", 12,
     "Kỳ báo cáo. Để nguyên tháng (YYYY-MM: số liệu cả tháng), hoặc ghi một ngày trong tháng "
     "(số liệu của ngày đó)."},
    {"unit", 9, "Mã đơn vị báo cáo (không sửa)."},
    {"metric", 28, "Mã chỉ số (không sửa)."},
    {"value", 14,
     "Số liệu: số nguyên không âm, không có dấu phân cách hàng nghìn; ghi 0 khi không có. "
     "Dòng để trống bị trả lại trong biên nhận (mỗi dòng là một số liệu đơn vị phải báo cáo)."},
    {"agency", 24, "Cơ quan gửi số liệu (không sửa)."},
    {"note", 30, "Ghi chú (không bắt buộc)."},
    {"[Tên chỉ số]", 60, NULL}, /* in brackets: labels kpi ingest does not read */
    {"[Đơn vị đếm]", 36, NULL},
    {"[Loại số liệu]", 24, NULL},
    {"[Tên đơn vị]", 26, NULL},
};

/* The form's sheet at its columns: the index of column C, or -1 when the form has no such
 * column (agency without --agency). */
static int column_at(int c, bool agency)
{
    if (c == T_AGENCY && !agency)
        return -1;
    return c > T_AGENCY && !agency ? c - 1 : c;
}

struct form {
    const char *unit, *unit_name, *kind, *province, *agency;
    char period[8];
    int year, month, last_day;
};

/* Column letter of the form's column C ("A", "B", …; the form has fewer than 27). */
static char letter(int c)
{
    return (char)('A' + c);
}

/* A cell the clerk fills: unlocked, shaded, bordered, in NUM_FORMAT. */
static lxw_format *open_format(struct excel *b, const char *num_format)
{
    lxw_format *f = workbook_add_format(b->wb);
    format_set_font_name(f, EXCEL_FONT);
    format_set_font_size(f, EXCEL_FONT_SIZE);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_bg_color(f, 0xFFF8DC);
    format_set_unlocked(f);
    format_set_num_format(f, num_format);
    return f;
}

static enum kpi_status write_form_sheet(struct excel *b, const struct form *f,
                                        const PGresult *metrics)
{
    bool agency = f->agency != NULL;
    int n = PQntuples(metrics);
    lxw_worksheet *ws = excel_sheet(b, "Biểu mẫu", true);
    if (ws == NULL)
        return KPI_ERROR;
    lxw_format *open = open_format(b, "@"), *open_count = open_format(b, "#,##0");
    lxw_format *open_period = open_format(b, "yyyy-mm-dd");

    for (int c = 0; c < T_COUNT; c++) {
        int at = column_at(c, agency);
        if (at < 0)
            continue;
        worksheet_set_column(ws, (lxw_col_t)at, (lxw_col_t)at, columns[c].width, NULL);
        worksheet_write_string(ws, 0, (lxw_col_t)at, columns[c].head, b->head);
        if (columns[c].comment != NULL)
            worksheet_write_comment(ws, 0, (lxw_col_t)at, columns[c].comment);
    }
    for (int i = 0; i < n; i++) {
        lxw_row_t row = (lxw_row_t)i + 1;
        bool flow = strcmp(PQgetvalue(metrics, i, 3), "flow") == 0;
        worksheet_write_string(ws, row, (lxw_col_t)column_at(T_PERIOD, agency), f->period,
                               open_period);
        worksheet_write_string(ws, row, (lxw_col_t)column_at(T_UNIT, agency), f->unit, b->code);
        worksheet_write_string(ws, row, (lxw_col_t)column_at(T_METRIC, agency),
                               PQgetvalue(metrics, i, 0), b->code);
        worksheet_write_blank(ws, row, (lxw_col_t)column_at(T_VALUE, agency), open_count);
        if (agency)
            worksheet_write_string(ws, row, (lxw_col_t)column_at(T_AGENCY, agency), f->agency,
                                   b->text);
        worksheet_write_blank(ws, row, (lxw_col_t)column_at(T_NOTE, agency), open);
        worksheet_write_string(ws, row, (lxw_col_t)column_at(T_NAME, agency),
                               PQgetvalue(metrics, i, 1), b->text);
        worksheet_write_string(ws, row, (lxw_col_t)column_at(T_NOUN, agency),
                               PQgetvalue(metrics, i, 2), b->text);
        worksheet_write_string(ws, row, (lxw_col_t)column_at(T_TEMPORAL, agency),
                               flow ? "số phát sinh trong kỳ" : "số hiện có đến cuối kỳ", b->text);
        worksheet_write_string(ws, row, (lxw_col_t)column_at(T_UNIT_NAME, agency), f->unit_name,
                               b->text);
    }

    /* the values: whole numbers >= 0 */
    lxw_row_t last = (lxw_row_t)n;
    lxw_col_t vc = (lxw_col_t)column_at(T_VALUE, agency),
              pc = (lxw_col_t)column_at(T_PERIOD, agency);
    lxw_data_validation value = {
        .validate = LXW_VALIDATION_TYPE_INTEGER,
        .criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO,
        .value_number = 0,
        .input_title = "Số liệu",
        .input_message = "Số nguyên không âm, ví dụ 18250 (không có dấu chấm, dấu phẩy).",
        .error_title = "Số liệu không hợp lệ",
        .error_message = "Chỉ nhập số nguyên không âm (0, 1, 2, …), không có phần thập phân.",
    };
    /* the periods: the month as written, or a day of it not after today */
    char formula[256], message[256], error[256];
    snprintf(formula, sizeof formula,
             "=OR(%c2=\"%s\",AND(ISNUMBER(%c2),%c2>=DATE(%d,%d,1),%c2<=MIN(DATE(%d,%d,%d),"
             "TODAY())))",
             letter((int)pc), f->period, letter((int)pc), letter((int)pc), f->year, f->month,
             letter((int)pc), f->year, f->month, f->last_day);
    snprintf(message, sizeof message,
             "Để nguyên %s (cả tháng) hoặc ghi một ngày từ 01/%02d/%d đến %02d/%02d/%d.", f->period,
             f->month, f->year, f->last_day, f->month, f->year);
    snprintf(error, sizeof error,
             "Kỳ phải là %s hoặc một ngày trong tháng %d/%d, không sau hôm nay.", f->period,
             f->month, f->year);
    lxw_data_validation period = {
        .validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA,
        .value_formula = formula,
        .input_title = "Kỳ báo cáo",
        .input_message = message,
        .error_title = "Kỳ không hợp lệ",
        .error_message = error,
    };
    if (n > 0 && (worksheet_data_validation_range(ws, 1, vc, last, vc, &value) != LXW_NO_ERROR ||
                  worksheet_data_validation_range(ws, 1, pc, last, pc, &period) != LXW_NO_ERROR)) {
        log_error("could not add the data validation of the form");
        return KPI_ERROR;
    }
    lxw_protection protection = {.format_columns = 1, .format_rows = 1};
    worksheet_protect(ws, NULL, &protection);
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_activate(ws);
    return KPI_OK;
}

static void write_guide_sheet(struct excel *b, const struct form *f, int n)
{
    lxw_worksheet *ws = excel_sheet(b, "Hướng dẫn", false);
    if (ws == NULL)
        return;
    worksheet_set_column(ws, 0, 3, 24, NULL);
    char *issuer_name = excel_upper(f->province ? f->province : f->unit_name);
    char issuer[256], title[512], lines[6][512];
    snprintf(issuer, sizeof issuer, "UBND %s", issuer_name ? issuer_name : "");
    free(issuer_name);
    snprintf(title, sizeof title, "Số liệu Đề án 06 tháng %d/%d — %s (mã %s)", f->month, f->year,
             f->unit_name, f->unit);
    struct excel_heading h = {
        .issuer = issuer,
        .number = "Biểu mẫu số liệu Đề án 06",
        .place = "Thái Nguyên",
        .date = NULL,
        .kind = "BIỂU MẪU",
        .title = title,
        .sub = f->agency,
    };
    lxw_row_t row = excel_heading(b, ws, &h, 4);
    snprintf(lines[0], sizeof lines[0],
             "1. Điền cột value ở trang \"Biểu mẫu\": %d chỉ số, mỗi dòng một chỉ số; ghi 0 khi "
             "không có (dòng để trống bị trả lại trong biên nhận).",
             n);
    snprintf(lines[1], sizeof lines[1],
             "2. Số liệu là số nguyên không âm (ví dụ 18250), không ghi dấu chấm hay dấu phẩy "
             "phân cách.");
    snprintf(lines[2], sizeof lines[2],
             "3. Cột period: để nguyên %s khi gửi số liệu cả tháng (số phát sinh trong tháng, "
             "hoặc số hiện có đến cuối tháng); ghi một ngày trong tháng khi gửi số liệu của ngày "
             "đó.",
             f->period);
    snprintf(lines[3], sizeof lines[3],
             "4. Không sửa các cột unit, metric (mã đơn vị, mã chỉ số) và không đổi tên cột: "
             "phần mềm đọc đúng các cột này.");
    snprintf(lines[4], sizeof lines[4],
             "5. Lưu tệp dạng .xlsx và gửi lại; sau khi nhận, hệ thống gửi biên nhận liệt kê các "
             "dòng đã nhận và các dòng bị từ chối.");
    snprintf(lines[5], sizeof lines[5],
             "Các cột sau cột note (tên chỉ số, đơn vị đếm, loại số liệu, tên đơn vị) chỉ để "
             "tham khảo.");
    for (size_t k = 0; k < sizeof lines / sizeof lines[0]; k++) {
        worksheet_merge_range(ws, row, 0, row, 3, lines[k], b->text);
        worksheet_set_row(ws, row, 48, NULL);
        row++;
    }
}

enum kpi_status cmd_template(int argc, char **argv)
{
    struct form f = {0};
    const char *period = NULL, *out = NULL;
    struct kpi_option options[] = {
        OPT_STRING("unit", 'u', &f.unit, "CODE", "the unit that fills the form (kpi units list)"),
        OPT_STRING("period", 'p', &period, "YYYY-MM", "the month the form is for"),
        OPT_STRING("agency", 'a', &f.agency, "NAME",
                   "the agency that sends it: an agency column filled with NAME"),
        OPT_STRING("out", 'o', &out, "FILE",
                   "where to write the form (.xlsx; replaced atomically)"),
        OPT_END(),
    };
    int args;
    enum kpi_status done;
    if (!parse_options(argc, argv, &template_doc, options, &args, &done))
        return done;
    if (args < argc)
        return builtin_usage_error("template", "unexpected argument '%s'", argv[args]);
    if (f.unit == NULL || *f.unit == '\0')
        return builtin_usage_error("template", "--unit CODE is required");
    char first[PERIOD_DATE_LEN];
    if (period == NULL || period_parse_month(period, first) != KPI_OK)
        return builtin_usage_error("template", "--period YYYY-MM is required, e.g. 2025-09");
    if (out == NULL || *out == '\0')
        return builtin_usage_error("template", "--out FILE.xlsx is required");
    if (f.agency != NULL && *f.agency == '\0')
        f.agency = NULL;
    snprintf(f.period, sizeof f.period, "%.7s", period);
    sscanf(f.period, "%4d-%2d", &f.year, &f.month);
    f.last_day = period_days_in_month(f.year, f.month);

    enum kpi_status rc = KPI_ERROR;
    PGconn *conn;
    PGresult *unit = NULL, *metrics = NULL;
    if (conn_open(kpi_opts.db, kpi_opts.home, &conn) != 0)
        return KPI_ERROR;
    const char *p1[] = {f.unit};
    unit = PQexecParams(conn, unit_query, 1, NULL, p1, NULL, NULL, 0);
    if (PQresultStatus(unit) != PGRES_TUPLES_OK) {
        log_error("could not read the unit: %s", conn_errmsg(conn));
        goto fail;
    }
    if (PQntuples(unit) == 0) {
        log_error("unknown unit \"%s\"; kpi units list shows the codes", f.unit);
        rc = KPI_USAGE;
        goto fail;
    }
    f.unit_name = PQgetvalue(unit, 0, 0);
    f.kind = PQgetvalue(unit, 0, 1);
    f.province = PQgetisnull(unit, 0, 2) ? NULL : PQgetvalue(unit, 0, 2);
    const char *p2[] = {f.kind};
    metrics = PQexecParams(conn, metric_query, 1, NULL, p2, NULL, NULL, 0);
    if (PQresultStatus(metrics) != PGRES_TUPLES_OK) {
        const char *state = PQresultErrorField(metrics, PG_DIAG_SQLSTATE);
        log_error("could not read the metrics: %s%s", conn_errmsg(conn),
                  sqlstate_is(state, SQLSTATE_UNDEFINED_COLUMN)
                      ? " (run kpi migrate: kpi.metric.reported_by comes with migration 017)"
                      : "");
        goto fail;
    }
    if (PQntuples(metrics) == 0) {
        log_error("no metric of the catalog is sent by a unit of kind \"%s\" (%s); the "
                  "catalog's reported_by names the kinds of each metric",
                  f.kind, f.unit);
        rc = KPI_REJECTED;
        goto fail;
    }
    struct excel b;
    if (excel_open(&b, out) != KPI_OK)
        goto fail;
    lxw_doc_properties props = {
        .title = "Biểu mẫu số liệu Đề án 06",
        .subject = f.period,
        .author = "kpi " KPI_VERSION,
        .company = (char *)f.unit_name,
    };
    workbook_set_properties(b.wb, &props);
    if (write_form_sheet(&b, &f, metrics) != KPI_OK) {
        excel_abandon(&b);
        goto fail;
    }
    write_guide_sheet(&b, &f, PQntuples(metrics));
    rc = excel_close(&b);
    if (rc == KPI_OK)
        printf("wrote %s: %d metrics of %s (%s) for %s\n", out, PQntuples(metrics), f.unit_name,
               f.unit, f.period);
fail:
    PQclear(unit);
    PQclear(metrics);
    PQfinish(conn);
    return rc;
}
