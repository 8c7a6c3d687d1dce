/*
 * words.h — owns what people read about one computed cell, the same on every
 * surface (kpi show, the HTML report, alert summaries and digests, e-mail,
 * kpi alerts list): its value, target, gap, deadline, status, reason and the
 * indicator's name, in Vietnamese or English, from the exact text the
 * database returns (numbers through common/numfmt.h, never floating point).
 *
 *   value     "99,9 %" (cut, one decimal, never across its target: numfmt.h),
 *             a task "đã hoàn thành" / "chưa hoàn thành", a cell not judged "—"
 *   target    the plan's words ("trên 80 %", "100 % trường học đạt 85 % trở lên"),
 *             a task "hoàn thành"
 *   gap       "cần thêm 746 công dân được cấp Căn cước", a share's facilities
 *             "cần thêm 124 trường học đạt từ 85 % trở lên", a task
 *             "chưa hoàn thành, quá hạn 12 ngày (hạn 31/07/2025)"; "" when none
 *   deadline  "Trước 18/7/2025 (hạn cuối 17/07/2025)": the plan's words and
 *             the inclusive last day the engine judges by
 *   status    "đạt", "không đạt", "hoàn thành muộn 6 ngày" (met after its due
 *             date: its own class "late", symbol and colour), …
 *   projection "theo tốc độ hiện tại đạt 83,2 % vào 31/12/2025; cần thêm 1.204
 *             mỗi tháng": a deadline cell before its due date (also at the end of
 *             its gap)
 *   months    "số liệu cả tháng 11/2025": a reporting window counting month totals
 *
 * Every function writes into BUF (LEN bytes, always NUL-terminated when LEN > 0)
 * and returns KPI_OK, or KPI_REJECTED (nothing logged, BUF "") when BUF is too
 * small. None prints "?" nor leaves a slot empty other than the gap's.
 */
#ifndef KPI_WORDS_H
#define KPI_WORDS_H

#include "common/numfmt.h"
#include "common/status.h"

#include <stdbool.h>
#include <stddef.h>

/* One cell as the database stores it: every field is text or NULL (SQL NULL). */
struct words_cell {
    const char *kind;             /* "ratio", "share", "task" or "monitor"; NULL: read as a ratio */
    const char *status;           /* met, breach, on_track, at_risk, no_data, invalid */
    const char *ratio_pct;        /* NUMERIC text, NULL unless judged */
    const char *comparator;       /* ">" or ">=" */
    const char *target_pct;       /* NUMERIC text */
    const char *target_text_vi;   /* the plan's words for the target (Vietnamese) */
    const char *inner_comparator; /* share: what each facility must meet */
    const char *inner_target_pct;
    const char *gap_count;          /* bigint text */
    const char *noun_vi, *noun_en;  /* ratio: the numerator's noun; share: the facilities */
    const char *due_date;           /* "YYYY-MM-DD": the last day, inclusive */
    const char *deadline_text_vi;   /* the plan's words for the deadline */
    const char *deadline_text_en;   /* the same in English */
    const char *period_end;         /* "YYYY-MM-DD": an overdue task is counted to it */
    const char *late_days;          /* integer text: met that many days after due_date */
    const char *reason, *reason_vi; /* why the cell is not judged (or a task's state) */
    const char *period_kind;        /* "deadline": judged on 1 January to the due date */
    const char *period_start;       /* "YYYY-MM-DD" */
    const char *counted_to;         /* a deadline cell: the last day counted so far */
    /* a deadline cell before its due date (kpi.indicator_value): */
    const char *projected_pct;    /* NUMERIC text: the ratio at the due date at today's pace */
    const char *needed_per_month; /* bigint text: the count still needed each month */
    /* a window cut inside months counting month totals whole: "YYYY-MM-DD" (their 1sts) */
    const char *months_from, *months_to;
    /* the province cell of a task every commune and ward ("communes") or listed units
     * ("listed") must do (kpi.indicator.assigned_to); NULL for any other cell, a unit's own */
    const char *assigned;
    const char *numerator, *denominator; /* bigint text: such a cell's units done, assigned */
};

/* The status class of C: its status, or "late" for a met cell with late_days > 0; "none"
 * when C has no known status. Static storage. */
const char *words_class(const struct words_cell *c);

/* The symbol of a status class (words_class): "✓", "◷" (late), "✗", "●", "▲", "○", "⚠",
 * "◇" (monitor); "–" for another. Static storage. */
const char *words_symbol(const char *cls);

/* words_value: the value of C ("99,9 %", "đã hoàn thành", "—"); the province cell of a task
 * of many units (assigned) the count done of those assigned, in the plan's words for them:
 * "80/92 xã, phường" ("80/92 communes and wards"), "2/3 đơn vị" ("2/3 units"). */
enum kpi_status words_value(char *buf, size_t len, const struct words_cell *c,
                            enum numfmt_lang lang);

/* words_target: the target of C in the plan's words (vi) or in English. */
enum kpi_status words_target(char *buf, size_t len, const struct words_cell *c,
                             enum numfmt_lang lang);

/* words_gap: what is missing to meet the target ("cần thêm …"); "" when nothing is. A
 * deadline cell at risk adds its projection: "cần thêm 500 thủ tục (theo tốc độ hiện tại
 * đạt 60,4 % vào 31/12/2025; cần thêm 83 mỗi tháng)". */
enum kpi_status words_gap(char *buf, size_t len, const struct words_cell *c, enum numfmt_lang lang);

/* words_deadline: "Trước 18/7/2025 (hạn cuối 17/07/2025)", the plan's words alone when
 * there is no due date ("Thực hiện thường xuyên"), "—" when neither. */
enum kpi_status words_deadline(char *buf, size_t len, const struct words_cell *c,
                               enum numfmt_lang lang);

/* words_status: the status of C as a word ("đạt", "không đạt",
 * "hoàn thành muộn 6 ngày", "thiếu dữ liệu", …). */
enum kpi_status words_status(char *buf, size_t len, const struct words_cell *c,
                             enum numfmt_lang lang);

/* words_projection: "theo tốc độ hiện tại đạt 60,4 % vào 31/12/2025; cần thêm 83 mỗi
 * tháng" ("at the current pace 60.4% by 2025-12-31; 83 more needed each month"), the
 * second half only when a count is needed; "" when C has no projection (projected_pct
 * NULL). The percentage is cut as words_value cuts, judged by C's status. */
enum kpi_status words_projection(char *buf, size_t len, const struct words_cell *c,
                                 enum numfmt_lang lang);

/* words_months: "số liệu cả tháng 11/2025", "số liệu cả các tháng 9–11/2025",
 * "số liệu cả các tháng 12/2024–11/2025" ("whole-month counts of 11/2025"); "" when C
 * counts no month totals in a window cutting their months (months_from NULL). */
enum kpi_status words_months(char *buf, size_t len, const struct words_cell *c,
                             enum numfmt_lang lang);

/* words_window: what the figure of C counts, when it is not simply its period: a deadline
 * cell "kết quả cuối cùng 01/01–31/12/2025" (the due date has passed) or "lũy kế
 * 01/01–30/06/2025" (the start's year said once when it is the end's; "final, 2025-01-01 to
 * 2025-12-31" / "so far, …"), then words_months' words after "; ";
 * "" when neither. */
enum kpi_status words_window(char *buf, size_t len, const struct words_cell *c,
                             enum numfmt_lang lang);

/* words_reason: the reason of C in LANG (reason_vi in Vietnamese, reason in English);
 * NULL when there is none. Borrowed from C. */
const char *words_reason(const struct words_cell *c, enum numfmt_lang lang);

/* words_count: the integer text TEXT grouped ("1.204" / "1,204"); "—" when NULL. */
enum kpi_status words_count(char *buf, size_t len, const char *text, enum numfmt_lang lang);

/* words_date: "YYYY-MM-DD" as LANG writes a day: "17/07/2025" (vi), "2025-07-17" (en);
 * "—" when NULL, the text itself when it is no such date. */
enum kpi_status words_date(char *buf, size_t len, const char *iso, enum numfmt_lang lang);

/* words_name: the name of an indicator in a row: SHORT_NAME, else NAME (a catalog loaded
 * before short names), else "—". Borrowed. */
const char *words_name(const char *short_name, const char *name);

/* words_detail: the plan's sentence NAME, with the catalog's NOTE when there is one
 * (a typo of the plan quoted verbatim beside its correction): "Kiểm toàn Tổ … (ghi chú:
 * "Kiểm toàn" là nguyên văn của kế hoạch (ý là "Kiện toàn"))". */
enum kpi_status words_detail(char *buf, size_t len, const char *name, const char *note,
                             enum numfmt_lang lang);

/* words_suspect: what a cell computed from an implausible value (kpi.data_quality_finding,
 * not confirmed) says beside its value, and its alert: "cần kiểm tra số liệu" / "data to
 * check". Static storage. */
const char *words_suspect(enum numfmt_lang lang);

#endif
