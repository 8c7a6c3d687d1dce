/*
 * receipt.c — owns the receipts of submission files (see receipt.h): the
 * one table of Vietnamese texts of rejection reasons, the .txt and .xlsx
 * receipts, and their e-mail to the agency.
 */
#include "ingest/receipt.h"

#include "alerts/deliver.h"
#include "common/dynbuf.h"
#include "common/log.h"
#include "common/numfmt.h"
#include "db/conn.h"
#include "ingest/rowcheck.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

/*
 * The reasons: each English text (rowcheck.c, reader.c, slowpath.c,
 * load.c) as a pattern — "{}" stands for any text, captured as {1}, {2}…
 * in order — with what is wrong and what to write, in Vietnamese. VALUE:
 * the capture that is the rejected value (0: none, the row's text is
 * shown). The first pattern that matches the whole reason wins. A new
 * reason of the engine belongs here (tests/test_receipt.c runs the
 * engine's reasons through it).
 */
struct reason_text {
    const char *code;
    const char *pattern;
    int value;
    const char *problem;
    const char *fix;
};

static const struct reason_text reasons[] = {
    /* the period (rowcheck.c) */
    {"period_empty", "empty period; write YYYY-MM-DD (a day) or YYYY-MM (a month)", 0,
     "Thiếu kỳ báo cáo.", "Ghi ngày dạng NNNN-TT-NN (ví dụ 2025-07-31) hoặc tháng dạng NNNN-TT."},
    {"period_no_month", "period \"{}\" is not a valid {}: there is no month {}", 1,
     "Kỳ \"{1}\" không hợp lệ: không có tháng {3}.", "Sửa lại tháng (01 đến 12)."},
    {"period_no_day", "period \"{}\" is not a valid date: {} has {} days", 1,
     "Ngày \"{1}\" không có thật: tháng {2} chỉ có {3} ngày.", "Sửa lại ngày."},
    {"period_before_2000", "period \"{}\" is before the year 2000; check the year", 1,
     "Kỳ \"{1}\" trước năm 2000.", "Kiểm tra lại năm."},
    /* a form locale vi reads (ROWCHECK_VI_HINT at the end): before the plain ones */
    {"period_format_day_vi", "period \"{}\" must be written YYYY-MM-DD: write {}" ROWCHECK_VI_HINT,
     1, "Ngày \"{1}\" ghi sai dạng: phải ghi năm-tháng-ngày.",
     "Ghi {2}, hoặc gửi tệp vào thư mục vi/ của hộp thư (đọc ngày và số theo cách viết Việt Nam)."},
    {"period_format_month_vi", "period \"{}\" must be written YYYY-MM: write {}" ROWCHECK_VI_HINT,
     1, "Tháng \"{1}\" ghi sai dạng: phải ghi năm-tháng.",
     "Ghi {2}, hoặc gửi tệp vào thư mục vi/ của hộp thư (đọc ngày và số theo cách viết Việt Nam)."},
    {"period_format_day", "period \"{}\" must be written YYYY-MM-DD: write {}", 1,
     "Ngày \"{1}\" ghi sai dạng: phải ghi năm-tháng-ngày.", "Ghi {2}."},
    {"period_format_month", "period \"{}\" must be written YYYY-MM: write {}", 1,
     "Tháng \"{1}\" ghi sai dạng: phải ghi năm-tháng.", "Ghi {2}."},
    {"period_serial",
     "period \"{}\" looks like a spreadsheet date serial number; format the column as text "
     "YYYY-MM-DD",
     1, "Kỳ \"{1}\" là số thứ tự ngày của bảng tính, không phải ngày.",
     "Định dạng cột kỳ là văn bản (Text) và ghi ngày dạng NNNN-TT-NN."},
    {"period_unknown", "period \"{}\" is neither YYYY-MM-DD (a day) nor YYYY-MM (a month)", 1,
     "Kỳ \"{1}\" không phải ngày hay tháng.",
     "Ghi ngày dạng NNNN-TT-NN (ví dụ 2025-07-31) hoặc tháng dạng NNNN-TT."},
    {"period_future", "period \"{}\" is in the future (today is {})", 1,
     "Kỳ \"{1}\" ở tương lai (hôm nay là {2}).", "Chỉ gửi số liệu của những ngày đã qua."},
    /* the unit */
    {"unit_empty", "empty unit; write the unit code, e.g. 05443", 0, "Thiếu mã đơn vị.",
     "Ghi mã đơn vị, ví dụ 05443."},
    {"unit_zero",
     "unit \"{}\" is not registered; did you mean \"{}\"? (a spreadsheet may have dropped the "
     "leading zero: format the column as text)",
     1, "Mã đơn vị \"{1}\" không có trong danh mục; có lẽ bảng tính đã bỏ mất số 0 ở đầu.",
     "Ghi \"{2}\" và định dạng cột mã đơn vị là văn bản (Text)."},
    {"unit_unknown", "unit \"{}\" is not registered (see kpi.unit; {})", 1,
     "Mã đơn vị \"{1}\" không có trong danh mục đơn vị.",
     "Kiểm tra lại mã đơn vị (mã xã, phường theo danh mục)."},
    {"unit_dated", "unit \"{}\" names no unit on {} ({})", 1,
     "Mã đơn vị \"{1}\" không dùng cho kỳ báo cáo ngày {2}: {3}.",
     "Ghi mã đơn vị theo danh mục đơn vị hành chính của kỳ báo cáo."},
    /* the metric */
    {"metric_empty", "empty metric; write a metric code of the catalog (kpi.metric)", 0,
     "Thiếu mã chỉ tiêu.", "Ghi mã chỉ tiêu theo danh mục chỉ tiêu."},
    {"metric_case", "metric \"{}\" is not in the catalog; did you mean \"{}\"?", 1,
     "Mã chỉ tiêu \"{1}\" không đúng chữ hoa, chữ thường.", "Ghi \"{2}\"."},
    {"metric_unknown", "metric \"{}\" is not in the catalog (see kpi.metric)", 1,
     "Mã chỉ tiêu \"{1}\" không có trong danh mục chỉ tiêu.",
     "Kiểm tra lại mã chỉ tiêu theo danh mục."},
    /* the value */
    {"value_empty", "empty value; write 0 when the count is zero", 0, "Thiếu giá trị.",
     "Ghi số; ghi 0 nếu không có."},
    {"value_negative", "negative value \"{}\": counts cannot be negative", 1,
     "Giá trị \"{1}\" là số âm; số đếm không thể âm.", "Ghi số không âm."},
    {"value_sign", "value \"{}\": no sign allowed, write {}", 1, "Giá trị \"{1}\" có dấu cộng.",
     "Ghi {2}."},
    {"value_too_large", "value \"{}\" is too large: {}", 1, "Giá trị \"{1}\" quá lớn.",
     "Kiểm tra lại số."},
    {"value_thousands_vi",
     "value \"{}\": thousands separators are not allowed, write {}" ROWCHECK_VI_HINT, 1,
     "Giá trị \"{1}\" có dấu phân cách hàng nghìn.",
     "Ghi {2} (chỉ chữ số, không dấu chấm, phẩy), hoặc gửi tệp vào thư mục vi/ của hộp thư "
     "(đọc ngày và số theo cách viết Việt Nam)."},
    {"value_thousands", "value \"{}\": thousands separators are not allowed, write {}", 1,
     "Giá trị \"{1}\" có dấu phân cách hàng nghìn.", "Ghi {2} (chỉ chữ số, không dấu chấm, phẩy)."},
    {"value_decimals_zero", "value \"{}\" has decimals; write {}", 1,
     "Giá trị \"{1}\" có phần thập phân.", "Ghi {2}."},
    {"value_decimals", "value \"{}\" has decimals; counts are whole numbers", 1,
     "Giá trị \"{1}\" có phần thập phân; số đếm phải là số nguyên.", "Ghi số nguyên."},
    {"value_scientific",
     "value \"{}\" is in scientific notation; format the column as a whole number and write "
     "every digit",
     1, "Giá trị \"{1}\" ở dạng số mũ (khoa học).",
     "Định dạng cột giá trị là số nguyên (Number, 0 chữ số thập phân) và ghi đủ các chữ số."},
    {"value_not_number", "value \"{}\" is not a whole number; write digits only, e.g. 1234", 1,
     "Giá trị \"{1}\" không phải số nguyên.",
     "Chỉ ghi chữ số, ví dụ 1234; để rút số liệu đã gửi, ghi rút."},
    /* the row as a whole (rowcheck.c, reader.c) */
    {"row_fields",
     "the row has {} fields but the header has {}; check the delimiter '{}' and quote fields "
     "that contain it",
     0, "Dòng có {1} cột nhưng dòng tiêu đề có {2} cột.",
     "Kiểm tra dấu phân cách '{3}'; ô có chứa dấu này phải đặt trong ngoặc kép."},
    {"row_quotes",
     "malformed quotes: a field containing a quote must be enclosed in quotes, with each inner "
     "quote doubled (\"\")",
     0, "Dấu ngoặc kép trong dòng không đúng.",
     "Ô có chứa dấu ngoặc kép phải đặt trong ngoặc kép, mỗi dấu bên trong ghi hai lần (\"\")."},
    {"row_long_field", "field {} is {} bytes long, more than {}; {}", 0,
     "Ô thứ {1} quá dài ({2} byte, tối đa {3}).", "Rút ngắn nội dung ô."},
    /* conflicts (slowpath.c) */
    {"conflict_values",
     "conflict: period {}, unit {}, metric {} has different values in this file (lines {}); "
     "keep one row",
     0, "Kỳ {1}, đơn vị {2}, chỉ tiêu {3} có nhiều giá trị khác nhau trong tệp (các dòng {4}).",
     "Chỉ giữ một dòng với giá trị đúng."},
    {"conflict_grain_file",
     "conflict: unit {}, metric {}, month {} already has {} in this file (line {}); day values "
     "and a month value would be counted twice",
     0,
     "Đơn vị {1}, chỉ tiêu {2}, tháng {3} vừa có số liệu ngày vừa có số liệu cả tháng trong "
     "tệp (dòng {5}); sẽ bị tính hai lần.",
     "Gửi hoặc số liệu từng ngày, hoặc một số liệu cả tháng, không gửi cả hai."},
    {"conflict_month_before",
     "conflict: unit {}, metric {} already has a month value for {} from submission {} ({}, "
     "line {}); send either day values or a month value, not both",
     0,
     "Đơn vị {1}, chỉ tiêu {2} đã có số liệu cả tháng {3} (lần nộp số {4}, tệp {5}, dòng "
     "{6}).",
     "Gửi hoặc số liệu từng ngày, hoặc một số liệu cả tháng; nếu số liệu tháng đã gửi là "
     "nhầm, đề nghị rút lần nộp đó (hoặc ghi rút cho dòng đó) rồi gửi lại."},
    {"conflict_days_before",
     "conflict: unit {}, metric {} already has day values for {} from submission {} ({}, line "
     "{}); send either day values or a month value, not both",
     0,
     "Đơn vị {1}, chỉ tiêu {2} đã có số liệu từng ngày của tháng {3} (lần nộp số {4}, tệp "
     "{5}, dòng {6}).",
     "Gửi hoặc số liệu từng ngày, hoặc một số liệu cả tháng, không gửi cả hai."},
    /* the file as a whole (reader.c, rowcheck.c, load.c) */
    {"file_empty", "empty file; the first line must be the header period,unit,metric,value", 0,
     "Tệp rỗng.", "Dòng đầu tiên phải là dòng tiêu đề period,unit,metric,value."},
    {"file_no_rows", "the file has a header but no data rows", 0,
     "Tệp chỉ có dòng tiêu đề, không có dòng số liệu.", "Bổ sung số liệu rồi gửi lại."},
    {"file_all_rejected", "every row was rejected", 0, "Tất cả các dòng đều bị từ chối.",
     "Sửa các dòng theo hướng dẫn dưới đây rồi gửi lại tệp."},
    {"header_unknown", "{}unknown column \"{}\" in the header; {}", 2,
     "Dòng tiêu đề có cột lạ \"{2}\".",
     "Các cột là period, unit, metric, value (bắt buộc) và agency, note (không bắt buộc)."},
    {"header_twice", "{}column \"{}\" appears twice in the header", 2,
     "Cột \"{2}\" xuất hiện hai lần trong dòng tiêu đề.", "Xóa một cột."},
    {"header_missing", "{}the header lacks the column \"{}\"; {}", 2,
     "Dòng tiêu đề thiếu cột \"{2}\".",
     "Dòng đầu tiên phải ghi tên các cột period, unit, metric, value."},
    {"header_empty_column", "{}column {} of the header is empty; name it or delete it", 0,
     "Cột thứ {2} của dòng tiêu đề không có tên.", "Đặt tên cột hoặc xóa cột đó."},
    {"file_utf16", "{}the file is UTF-16, not UTF-8; {}", 0,
     "Tệp được lưu dạng UTF-16, không phải UTF-8.", "Lưu tệp dạng \"CSV UTF-8\" rồi gửi lại."},
    {"file_encoding", "{}UTF-8{}", 0, "Tệp không phải văn bản UTF-8.",
     "Lưu tệp dạng \"CSV UTF-8\" (không dùng bảng mã TCVN3 hay Windows-1258) rồi gửi lại."},
    {"file_quote", "{}unterminated quote{}", 0, "Có dấu ngoặc kép không được đóng.",
     "Kiểm tra các dấu ngoặc kép trong tệp."},
    {"file_too_large", "{}larger than{}", 0, "Tệp quá lớn.", "Chia tệp thành nhiều tệp nhỏ hơn."},
    {"file_line_long", "{}is longer than {} bytes{}", 0, "Có dòng quá dài.", "Kiểm tra lại tệp."},
    {"file_name", "{}the file name \"{}\" is not UTF-8 or holds control characters{}", 0,
     "Tên tệp có ký tự không hợp lệ.", "Đổi tên tệp (chữ, số, dấu gạch) rồi gửi lại."},
    {"file_cr", "{}a bare carriage return (CR){}", 0, "Ký tự xuống dòng không đúng chuẩn.",
     "Lưu tệp với ký tự xuống dòng LF hoặc CRLF."},
};

/*
 * Whether S matches the pattern P from here on, captures into CAP (start,
 * length) from index K. Backtracking over "{}": patterns are short.
 */
static bool match(const char *s, const char *p, const char *cs[], size_t cl[], int k)
{
    if (*p == '\0')
        return *s == '\0';
    if (p[0] == '{' && p[1] == '}') {
        if (k >= 8)
            return false;
        for (const char *t = s;; t++) {
            if (match(t, p + 2, cs, cl, k + 1)) {
                cs[k] = s;
                cl[k] = (size_t)(t - s);
                return true;
            }
            if (*t == '\0')
                return false;
        }
    }
    return *s == *p && match(s + 1, p + 1, cs, cl, k);
}

/* TEMPLATE with {1}..{8} replaced by the captures, into OUT (LEN bytes). */
static void fill(char *out, size_t len, const char *tmpl, const char *cs[], const size_t cl[],
                 int n)
{
    size_t o = 0;
    for (const char *t = tmpl; *t && o + 1 < len; t++) {
        if (t[0] == '{' && t[1] >= '1' && t[1] <= '8' && t[2] == '}' && t[1] - '1' < n) {
            int i = t[1] - '1';
            size_t take = cl[i] < len - 1 - o ? cl[i] : len - 1 - o;
            memcpy(out + o, cs[i], take);
            o += take;
            t += 2;
        } else {
            out[o++] = *t;
        }
    }
    out[o] = '\0';
}

static int captures(const char *p)
{
    int n = 0;
    for (; (p = strstr(p, "{}")) != NULL; p += 2)
        n++;
    return n;
}

void receipt_explain(const char *reason, struct receipt_reason *out)
{
    const char *cs[8];
    size_t cl[8];
    for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++) {
        const struct reason_text *r = &reasons[i];
        if (!match(reason, r->pattern, cs, cl, 0))
            continue;
        int n = captures(r->pattern);
        out->code = r->code;
        fill(out->problem, sizeof out->problem, r->problem, cs, cl, n);
        fill(out->fix, sizeof out->fix, r->fix, cs, cl, n);
        out->value[0] = '\0';
        if (r->value > 0)
            snprintf(out->value, sizeof out->value, "%.*s", (int)cl[r->value - 1],
                     cs[r->value - 1]);
        return;
    }
    out->code = "other";
    out->value[0] = '\0';
    snprintf(out->problem, sizeof out->problem, "Dòng không hợp lệ.");
    snprintf(out->fix, sizeof out->fix, "Chi tiết (tiếng Anh): %s", reason);
}

/* ------------------------------------------------------------------------ */

/* One submission as the receipt tells it. */
struct sub {
    PGresult *head; /* the kpi.submission row */
    PGresult *rows; /* its rejected rows */
    bool already;   /* the file was ingested before (head is that submission) */
};

enum {
    H_ID,
    H_FILE,
    H_SHA,
    H_RECEIVED,
    H_STATUS,
    H_ACCEPTED,
    H_REJECTED,
    H_NEW,
    H_REVISED,
    H_UNCHANGED,
    H_WITHDRAWN,
    H_UNSTORED,
    H_REASON,
    H_AGENCY
};
enum { R_PLACE, R_COLUMN, R_REASON, R_RAW };

static const char sql_head[] =
    "SELECT id, file_name, sha256,"
    "       to_char(received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI'), status,"
    "       rows_accepted, rows_rejected, rows_new, rows_revised, rows_unchanged,"
    "       coalesce(rows_withdrawn, 0), rows_rejected_unstored, coalesce(reason, ''),"
    "       coalesce(agency, '')"
    "  FROM kpi.submission WHERE id = $1";

/* the place: a cell (SHEET!CELL) when the reader recorded one (xlsx), else the line */
static const char sql_rows[] =
    "SELECT coalesce(to_jsonb(r) ->> 'location', 'dòng ' || r.line_no),"
    "       coalesce(r.column_name, ''), r.reason, coalesce(r.raw, '')"
    "  FROM kpi.rejected_row r WHERE r.submission_id = $1 ORDER BY r.line_no";

static const char *column_vi(const char *c)
{
    if (strcmp(c, "period") == 0)
        return "kỳ (period)";
    if (strcmp(c, "unit") == 0)
        return "đơn vị (unit)";
    if (strcmp(c, "metric") == 0)
        return "chỉ tiêu (metric)";
    if (strcmp(c, "value") == 0)
        return "giá trị (value)";
    return c[0] ? c : "cả dòng";
}

static const char *status_vi(const struct sub *s)
{
    const char *st = PQgetvalue(s->head, 0, H_STATUS);
    if (s->already)
        return "Tệp này đã được nhận trước đây (cùng nội dung); lần gửi này không thay đổi gì.";
    if (strcmp(st, "accepted") == 0)
        return "Đã nhận toàn bộ.";
    if (strcmp(st, "partial") == 0)
        return "Đã nhận một phần: một số dòng bị từ chối (xem danh sách dưới đây).";
    return "Bị từ chối: không có số liệu nào của tệp được nhận.";
}

/* A count column as Vietnamese text ("1.204"; "—" when NULL). */
static const char *count_vi(const PGresult *r, int col, char *buf, size_t len)
{
    if (PQgetisnull(r, 0, col))
        return "—";
    if (numfmt_count(buf, len, strtoll(PQgetvalue(r, 0, col), NULL, 10), NUMFMT_VI) != KPI_OK)
        snprintf(buf, len, "%s", PQgetvalue(r, 0, col));
    return buf;
}

/* The value shown for a rejected row: the one its reason quotes, else the row's text. */
static const char *row_value(const struct receipt_reason *why, const char *raw)
{
    return why->value[0] ? why->value : raw;
}

static enum kpi_status write_txt(const struct sub *s, const char *path, struct dynbuf *body)
{
    char a[32], b[32], c[32], d[32], e[32], g[32];
    const PGresult *h = s->head;
    dynbuf_addf(body,
                "BIÊN NHẬN TỆP SỐ LIỆU\n\n"
                "Tệp đã gửi: %s\n"
                "Mã SHA-256: %s\n"
                "Lần nộp số: %s, nhận lúc %s (giờ Việt Nam)\n"
                "Kết quả: %s\n",
                PQgetvalue(h, 0, H_FILE), PQgetvalue(h, 0, H_SHA), PQgetvalue(h, 0, H_ID),
                PQgetvalue(h, 0, H_RECEIVED), status_vi(s));
    const char *reason = PQgetvalue(h, 0, H_REASON);
    if (reason[0] && strcmp(reason, "every row was rejected") != 0) {
        /* the file refused whole: "line N: reason" */
        long long line = 0;
        int used = 0;
        if (sscanf(reason, "line %lld: %n", &line, &used) == 1 && used > 0)
            reason += used;
        struct receipt_reason why;
        receipt_explain(reason, &why);
        dynbuf_addf(body, "Lý do: %s", why.problem);
        if (line > 0)
            dynbuf_addf(body, " (dòng %lld)", line);
        dynbuf_addf(body, "\nCần làm: %s\n", why.fix);
    }
    dynbuf_addf(body,
                "\nSố dòng được nhận: %s (mới: %s; sửa đổi: %s; không đổi: %s)\n"
                "Số dòng rút số liệu: %s\n"
                "Số dòng bị từ chối: %s\n",
                count_vi(h, H_ACCEPTED, a, sizeof a), count_vi(h, H_NEW, b, sizeof b),
                count_vi(h, H_REVISED, c, sizeof c), count_vi(h, H_UNCHANGED, d, sizeof d),
                count_vi(h, H_WITHDRAWN, e, sizeof e), count_vi(h, H_REJECTED, g, sizeof g));
    int n = PQntuples(s->rows);
    if (n > 0) {
        dynbuf_add(body, "\nCÁC DÒNG BỊ TỪ CHỐI\n");
        for (int i = 0; i < n; i++) {
            struct receipt_reason why;
            receipt_explain(PQgetvalue(s->rows, i, R_REASON), &why);
            char place[128];
            snprintf(place, sizeof place, "%s", PQgetvalue(s->rows, i, R_PLACE));
            if (place[0] >= 'a' && place[0] <= 'z' && strncmp(place, "dòng", 5) == 0)
                place[0] = 'D'; /* "dòng 3" starts the line: "Dòng 3" */
            dynbuf_addf(body, "\n%s, cột %s, giá trị \"%s\"\n  Lỗi: %s\n  Cần ghi: %s\n", place,
                        column_vi(PQgetvalue(s->rows, i, R_COLUMN)),
                        row_value(&why, PQgetvalue(s->rows, i, R_RAW)), why.problem, why.fix);
        }
    }
    long long unstored = strtoll(PQgetvalue(h, 0, H_UNSTORED), NULL, 10);
    if (unstored > 0)
        dynbuf_addf(body,
                    "\n… và %lld dòng bị từ chối khác không được liệt kê (chỉ %d dòng đầu được "
                    "ghi lại); sửa các dòng trên rồi gửi lại toàn bộ tệp.\n",
                    unstored, n);
    dynbuf_add(body, "\nĐể rút một số liệu đã gửi, gửi lại dòng đó với giá trị rút.\n"
                     "Biên nhận này do hệ thống kpi (Đề án 06, tỉnh Thái Nguyên) tự động lập.\n");
    if (dynbuf_ptr(body) == NULL) {
        log_error("out of memory");
        return KPI_ERROR;
    }
    FILE *f = fopen(path, "w");
    if (f == NULL || fwrite(dynbuf_ptr(body), 1, dynbuf_len(body), f) != dynbuf_len(body) ||
        fclose(f) != 0) {
        log_error("could not write the receipt \"%s\": %s", path, strerror(errno));
        return KPI_ERROR;
    }
    return KPI_OK;
}

static enum kpi_status write_xlsx(const struct sub *s, const char *path)
{
    lxw_workbook_options wo = {.constant_memory = LXW_FALSE, .tmpdir = NULL};
    lxw_workbook *wb = workbook_new_opt(path, &wo);
    if (wb == NULL) {
        log_error("could not write the receipt \"%s\"", path);
        return KPI_ERROR;
    }
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Biên nhận");
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format *title = workbook_add_format(wb);
    format_set_bold(title);
    format_set_font_size(title, 14);
    lxw_format *head = workbook_add_format(wb);
    format_set_bold(head);
    format_set_bg_color(head, 0xD9D9D9);
    format_set_border(head, LXW_BORDER_THIN);
    lxw_format *bad = workbook_add_format(wb); /* a rejected row: highlighted */
    format_set_bg_color(bad, 0xFFC7CE);
    format_set_font_color(bad, 0x9C0006);
    format_set_border(bad, LXW_BORDER_THIN);
    format_set_text_wrap(bad);
    lxw_format *count = workbook_add_format(wb);
    format_set_num_format(count, "#,##0");
    format_set_align(count, LXW_ALIGN_LEFT);
    const PGresult *h = s->head;
    worksheet_set_column(ws, 0, 0, 22, NULL);
    worksheet_set_column(ws, 1, 1, 18, NULL);
    worksheet_set_column(ws, 2, 2, 20, NULL);
    worksheet_set_column(ws, 3, 4, 48, NULL);
    worksheet_write_string(ws, 0, 0, "BIÊN NHẬN TỆP SỐ LIỆU", title);
    static const char *const labels[] = {"Tệp đã gửi", "Mã SHA-256", "Lần nộp số", "Nhận lúc",
                                         "Kết quả"};
    const char *values[] = {PQgetvalue(h, 0, H_FILE), PQgetvalue(h, 0, H_SHA),
                            PQgetvalue(h, 0, H_ID), PQgetvalue(h, 0, H_RECEIVED), status_vi(s)};
    lxw_row_t r = 2;
    for (int i = 0; i < 5; i++, r++) {
        worksheet_write_string(ws, r, 0, labels[i], bold);
        worksheet_write_string(ws, r, 1, values[i], NULL);
    }
    static const char *const clabels[] = {"Số dòng được nhận",   "  mới",
                                          "  sửa đổi",           "  không đổi",
                                          "Số dòng rút số liệu", "Số dòng bị từ chối"};
    static const int ccols[] = {H_ACCEPTED, H_NEW, H_REVISED, H_UNCHANGED, H_WITHDRAWN, H_REJECTED};
    r++;
    for (int i = 0; i < 6; i++, r++) {
        worksheet_write_string(ws, r, 0, clabels[i], bold);
        if (PQgetisnull(h, 0, ccols[i]))
            worksheet_write_string(ws, r, 1, "—", NULL);
        else
            worksheet_write_number(ws, r, 1, (double)strtoll(PQgetvalue(h, 0, ccols[i]), NULL, 10),
                                   count);
    }
    r++;
    static const char *const heads[] = {"Vị trí", "Cột", "Giá trị", "Lỗi", "Cần ghi"};
    for (int c = 0; c < 5; c++)
        worksheet_write_string(ws, r, (lxw_col_t)c, heads[c], head);
    r++;
    for (int i = 0; i < PQntuples(s->rows); i++, r++) {
        struct receipt_reason why;
        receipt_explain(PQgetvalue(s->rows, i, R_REASON), &why);
        worksheet_write_string(ws, r, 0, PQgetvalue(s->rows, i, R_PLACE), bad);
        worksheet_write_string(ws, r, 1, column_vi(PQgetvalue(s->rows, i, R_COLUMN)), bad);
        worksheet_write_string(ws, r, 2, row_value(&why, PQgetvalue(s->rows, i, R_RAW)), bad);
        worksheet_write_string(ws, r, 3, why.problem, bad);
        worksheet_write_string(ws, r, 4, why.fix, bad);
    }
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR) {
        log_error("could not write the receipt \"%s\": %s", path, lxw_strerror(e));
        return KPI_ERROR;
    }
    return KPI_OK;
}

/* The e-mail receiver of the agency that sent FILE (its name), or NULL. */
static const struct routes_receiver *agency_of(const struct routes *routes, const char *file)
{
    if (routes == NULL)
        return NULL;
    for (size_t i = 0; i < routes->nagencies; i++)
        if (strncmp(file, routes->agencies[i].prefix, strlen(routes->agencies[i].prefix)) == 0)
            return routes_receiver(routes, routes->agencies[i].receiver);
    return NULL;
}

static enum kpi_status send_receipt(const struct routes *routes, const struct routes_receiver *rcv,
                                    const struct sub *s, const char *body)
{
    char subject[600], key[128], err[512];
    snprintf(subject, sizeof subject, "Biên nhận tệp số liệu %s: %s",
             PQgetvalue(s->head, 0, H_FILE),
             s->already ? "đã nhận trước đây"
             : strcmp(PQgetvalue(s->head, 0, H_STATUS), "accepted") == 0 ? "đã nhận"
             : strcmp(PQgetvalue(s->head, 0, H_STATUS), "partial") == 0  ? "nhận một phần"
                                                                         : "bị từ chối");
    snprintf(key, sizeof key, "kpi-receipt-%s-%.16s", PQgetvalue(s->head, 0, H_ID),
             PQgetvalue(s->head, 0, H_SHA));
    if (deliver_mail(routes, rcv, key, subject, body, err, sizeof err) != KPI_OK) {
        log_error("%s: the receipt could not be e-mailed to receiver \"%s\": %s",
                  PQgetvalue(s->head, 0, H_FILE), rcv->name, err);
        return KPI_ERROR;
    }
    log_info("%s: receipt e-mailed to receiver \"%s\"", PQgetvalue(s->head, 0, H_FILE), rcv->name);
    return KPI_OK;
}

enum kpi_status receipt_issue(PGconn *conn, const struct receipt_options *opt, const char *path,
                              const struct load_result *res)
{
    if (res->submission_id <= 0 || strcmp(res->status, "deferred") == 0 ||
        strcmp(res->status, "refused") == 0)
        return KPI_OK;
    char id[24], dir[PATH_MAX], txt[PATH_MAX + 32], xlsx[PATH_MAX + 32];
    snprintf(id, sizeof id, "%lld", res->submission_id);
    const char *params[1] = {id};
    struct sub s = {.already = strcmp(res->status, "already") == 0};
    struct dynbuf body;
    dynbuf_init(&body, 4 * 1024 * 1024);
    enum kpi_status rc = KPI_ERROR;
    s.head = conn_exec(conn, sql_head, 1, params, "could not read the submission for its receipt");
    if (s.head == NULL || PQntuples(s.head) != 1)
        goto done;
    s.rows = conn_exec(conn, sql_rows, 1, params, "could not read the rejected rows");
    if (s.rows == NULL)
        goto done;
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    if (opt->dir != NULL)
        snprintf(dir, sizeof dir, "%s", opt->dir);
    else
        snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
    if (dir[0] == '\0')
        snprintf(dir, sizeof dir, "/");
    snprintf(txt, sizeof txt, "%s/%s.receipt.txt", dir, name);
    snprintf(xlsx, sizeof xlsx, "%s/%s.receipt.xlsx", dir, name);
    if (write_txt(&s, txt, &body) != KPI_OK || write_xlsx(&s, xlsx) != KPI_OK)
        goto done;
    rc = KPI_OK;
    const struct routes_receiver *rcv = agency_of(opt->routes, PQgetvalue(s.head, 0, H_FILE));
    if (rcv != NULL)
        rc = send_receipt(opt->routes, rcv, &s, dynbuf_ptr(&body));
done:
    PQclear(s.head);
    PQclear(s.rows);
    dynbuf_free(&body);
    return rc;
}
