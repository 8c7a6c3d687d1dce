/*
 * test_words.c — engine/common/words.c, the one voice of a cell: its value
 * cut never across its target, its target, its gap in the catalog's noun, its
 * deadline in the plan's words beside the inclusive last day, late is not on
 * time; every indicator of the shipped catalog in every status in both
 * languages without "?" or an empty slot; and the cross-surface test: the same
 * cells (a strict boundary, 99.97 % of 100 %, a share, a task done late, a
 * task overdue, no_data, invalid) through kpi show (table, CSV, JSON), the
 * HTML report, kpi alerts list, the webhook payload's annotations and the
 * e-mail text, each printing the same value, target, gap and deadline strings.
 */
#include "catalog/catalog.h"
#include "common/words.h"
#include "db/migrate.h"
#include "testlib.h"

#include <check.h>
#include <cjson/cJSON.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ck_assert_has(hay, needle)                                                                 \
    ck_assert_msg(strstr((hay), (needle)) != NULL, "\"%s\" not in:\n%s", (needle), (hay))

typedef enum kpi_status (*words_fn)(char *, size_t, const struct words_cell *, enum numfmt_lang);

static const char *w(words_fn fn, const struct words_cell *c, enum numfmt_lang lang)
{
    static char buf[4][512];
    static int k;
    k = (k + 1) % 4;
    ck_assert_int_eq(fn(buf[k], sizeof buf[k], c, lang), KPI_OK);
    return buf[k];
}

/* ---- numbers: cut, one place, never across the target ------------------- */

START_TEST(value_is_cut_never_across_its_target)
{
    /* 99.9687 % of "100 %" fails: cut to one place it is 99,9, never 100,0 */
    struct words_cell c = {
        .status = "breach", .ratio_pct = "99.9687", .comparator = ">=", .target_pct = "100"};
    ck_assert_str_eq(w(words_value, &c, NUMFMT_VI), "99,9 %");
    ck_assert_str_eq(w(words_value, &c, NUMFMT_EN), "99.9%");
    /* 80.04 % meets "trên 80 %": 80,0 would read as not above 80, so two places */
    c = (struct words_cell){
        .status = "met", .ratio_pct = "80.0400", .comparator = ">", .target_pct = "80"};
    ck_assert_str_eq(w(words_value, &c, NUMFMT_VI), "80,04 %");
    /* exactly 800/1000 = 80.0000 against "trên 80 %" is a breach: 80,0 % is exact */
    c = (struct words_cell){
        .status = "breach", .ratio_pct = "80.0000", .comparator = ">", .target_pct = "80"};
    ck_assert_str_eq(w(words_value, &c, NUMFMT_VI), "80,0 %");
    /* 79.96 against "trên 80 %": cut, 79,9 (rounding would print 80,0) */
    c.ratio_pct = "79.9600";
    ck_assert_str_eq(w(words_value, &c, NUMFMT_VI), "79,9 %");
    /* not judged: a dash, never a number */
    c = (struct words_cell){.status = "no_data"};
    ck_assert_str_eq(w(words_value, &c, NUMFMT_VI), "—");
}
END_TEST

START_TEST(counts_and_dates_as_each_language_writes_them)
{
    char buf[64];
    ck_assert_int_eq(words_count(buf, sizeof buf, "1204", NUMFMT_VI), KPI_OK);
    ck_assert_str_eq(buf, "1.204");
    words_count(buf, sizeof buf, "1204", NUMFMT_EN);
    ck_assert_str_eq(buf, "1,204");
    words_count(buf, sizeof buf, NULL, NUMFMT_VI);
    ck_assert_str_eq(buf, "—");
    words_date(buf, sizeof buf, "2025-07-17", NUMFMT_VI);
    ck_assert_str_eq(buf, "17/07/2025");
    words_date(buf, sizeof buf, "2025-07-17", NUMFMT_EN);
    ck_assert_str_eq(buf, "2025-07-17");
    /* a buffer too small: refused, and empty */
    struct words_cell c = {
        .status = "breach", .ratio_pct = "10.0000", .comparator = ">", .target_pct = "80"};
    ck_assert_int_eq(words_value(buf, 4, &c, NUMFMT_VI), KPI_REJECTED);
    ck_assert_str_eq(buf, "");
}
END_TEST

/* ---- targets and gaps in the catalog's nouns --------------------------- */

START_TEST(gap_in_the_right_noun)
{
    struct words_cell c = {.kind = "ratio",
                           .status = "breach",
                           .ratio_pct = "99.9254",
                           .comparator = ">=",
                           .target_pct = "100",
                           .target_text_vi = "100 %",
                           .gap_count = "746",
                           .noun_vi = "công dân được cấp Căn cước",
                           .noun_en = "citizens issued an ID card"};
    ck_assert_str_eq(w(words_gap, &c, NUMFMT_VI), "cần thêm 746 công dân được cấp Căn cước");
    ck_assert_str_eq(w(words_gap, &c, NUMFMT_EN), "746 more citizens issued an ID card needed");
    ck_assert_str_eq(w(words_target, &c, NUMFMT_VI), "100 %");
    ck_assert_str_eq(w(words_target, &c, NUMFMT_EN), "at least 100%");
    c.gap_count = "1204";
    ck_assert_str_eq(w(words_gap, &c, NUMFMT_VI), "cần thêm 1.204 công dân được cấp Căn cước");
    /* met: no gap at all */
    c.status = "met";
    ck_assert_str_eq(w(words_gap, &c, NUMFMT_VI), "");

    /* a share counts facilities: 124 schools, each to reach 85 % */
    struct words_cell s = {.kind = "share",
                           .status = "breach",
                           .ratio_pct = "75.2000",
                           .comparator = ">=",
                           .target_pct = "100",
                           .target_text_vi = "100 % trường học đạt 85 % trở lên",
                           .inner_comparator = ">=",
                           .inner_target_pct = "85",
                           .gap_count = "124",
                           .noun_vi = "trường học",
                           .noun_en = "schools"};
    ck_assert_str_eq(w(words_gap, &s, NUMFMT_VI), "cần thêm 124 trường học đạt từ 85 % trở lên");
    ck_assert_str_eq(w(words_gap, &s, NUMFMT_EN), "124 more schools reaching at least 85% needed");
    ck_assert_str_eq(w(words_target, &s, NUMFMT_EN), "at least 100% of schools, each at least 85%");
    /* "trên" is strictly above */
    struct words_cell r = {.status = "breach", .comparator = ">", .target_pct = "80"};
    ck_assert_str_eq(w(words_target, &r, NUMFMT_VI), "trên 80 %");
    ck_assert_str_eq(w(words_target, &r, NUMFMT_EN), "above 80%");
}
END_TEST

/* ---- tasks: no count; overdue and late in days --------------------------- */

START_TEST(task_overdue_and_late_in_days)
{
    /* due 31/07/2025, still not done on 12/08/2025: 12 days overdue */
    struct words_cell t = {.kind = "task",
                           .status = "breach",
                           .ratio_pct = "0",
                           .gap_count = "1",
                           .due_date = "2025-07-31",
                           .deadline_text_vi = "Tháng 7/2025",
                           .deadline_text_en = "July 2025",
                           .period_end = "2025-08-12"};
    ck_assert_str_eq(w(words_gap, &t, NUMFMT_VI),
                     "chưa hoàn thành, quá hạn 12 ngày (hạn 31/07/2025)");
    ck_assert_str_eq(w(words_gap, &t, NUMFMT_EN), "not done, 12 days overdue (due 2025-07-31)");
    ck_assert_str_eq(w(words_value, &t, NUMFMT_VI), "chưa hoàn thành");
    ck_assert_str_eq(w(words_target, &t, NUMFMT_VI), "hoàn thành");
    /* across a year: 31/12/2025 to 31/01/2026 is 31 days; a leap February: 28/02 to 01/03/2024
     * is 2 days */
    t.due_date = "2025-12-31", t.period_end = "2026-01-31";
    ck_assert_str_eq(w(words_gap, &t, NUMFMT_VI),
                     "chưa hoàn thành, quá hạn 31 ngày (hạn 31/12/2025)");
    t.due_date = "2024-02-28", t.period_end = "2024-03-01";
    ck_assert_str_eq(w(words_gap, &t, NUMFMT_VI),
                     "chưa hoàn thành, quá hạn 2 ngày (hạn 28/02/2024)");
    /* before its due date: at risk, days left */
    t.status = "at_risk", t.due_date = "2025-07-31", t.period_end = "2025-07-21";
    ck_assert_str_eq(w(words_gap, &t, NUMFMT_VI), "chưa hoàn thành, còn 10 ngày (hạn 31/07/2025)");

    /* done on 20/07 against a due date of 14/07: late by 6 days, not "đạt" */
    struct words_cell late = {.kind = "task",
                              .status = "met",
                              .ratio_pct = "100",
                              .due_date = "2025-07-14",
                              .late_days = "6"};
    ck_assert_str_eq(words_class(&late), "late");
    ck_assert_str_eq(words_symbol("late"), "◷");
    ck_assert_str_ne(words_symbol("late"), words_symbol("met"));
    ck_assert_str_eq(w(words_status, &late, NUMFMT_VI), "hoàn thành muộn 6 ngày");
    ck_assert_str_eq(w(words_status, &late, NUMFMT_EN), "done 6 days late");
    ck_assert_str_eq(w(words_gap, &late, NUMFMT_VI), "");
    late.late_days = NULL; /* on time */
    ck_assert_str_eq(words_class(&late), "met");
    ck_assert_str_eq(w(words_status, &late, NUMFMT_VI), "đạt");

    /* the province cell of a task every commune and ward must do: 1 204 of 1 300 done (the
     * count grouped), 96 still to do; a commune's own cell (assigned NULL) stays in words */
    struct words_cell many = {.kind = "task",
                              .status = "breach",
                              .ratio_pct = "92.6153",
                              .numerator = "1204",
                              .denominator = "1300",
                              .assigned = "communes",
                              .due_date = "2025-07-17",
                              .period_end = "2025-08-31"};
    ck_assert_str_eq(w(words_value, &many, NUMFMT_VI), "1.204/1.300 xã, phường");
    ck_assert_str_eq(w(words_value, &many, NUMFMT_EN), "1,204/1,300 communes and wards");
    many.assigned = "listed", many.numerator = "2", many.denominator = "3";
    ck_assert_str_eq(w(words_value, &many, NUMFMT_VI), "2/3 đơn vị");
    ck_assert_str_eq(w(words_value, &many, NUMFMT_EN), "2/3 units");
    many.assigned = NULL;
    ck_assert_str_eq(w(words_value, &many, NUMFMT_VI), "chưa hoàn thành");
}
END_TEST

/* ---- deadlines as the plan words them ----------------------------------- */

START_TEST(deadline_in_the_plans_words_and_the_last_day)
{
    struct words_cell c = {.due_date = "2025-07-17",
                           .deadline_text_vi = "Trước 18/7/2025",
                           .deadline_text_en = "Before 18/7/2025"};
    ck_assert_str_eq(w(words_deadline, &c, NUMFMT_VI), "Trước 18/7/2025 (hạn cuối 17/07/2025)");
    ck_assert_str_eq(w(words_deadline, &c, NUMFMT_EN), "Before 18/7/2025 (last day 2025-07-17)");
    c = (struct words_cell){.due_date = "2025-07-31",
                            .deadline_text_vi = "Hoàn thành trong 7/2025"};
    ck_assert_str_eq(w(words_deadline, &c, NUMFMT_VI),
                     "Hoàn thành trong 7/2025 (hạn cuối 31/07/2025)");
    c = (struct words_cell){.due_date = "2025-09-30", .deadline_text_vi = "Quý III/2025"};
    ck_assert_str_eq(w(words_deadline, &c, NUMFMT_VI), "Quý III/2025 (hạn cuối 30/09/2025)");
    c = (struct words_cell){.deadline_text_vi = "Thực hiện thường xuyên"};
    ck_assert_str_eq(w(words_deadline, &c, NUMFMT_VI), "Thực hiện thường xuyên");
    c = (struct words_cell){0};
    ck_assert_str_eq(w(words_deadline, &c, NUMFMT_VI), "—");
}
END_TEST

/* A deadline cell before its due date (test_deadline computes these numbers): 3.5, at least
 * 80 % of 1000 procedures by 31/12/2025, 300 online by 30/6 (30 %): at this pace 60,4972 %
 * (cut to one place: 60,4 %), 500 more needed, 83 a month; counted 01/01 → 30/06. On
 * track (B: 100 % projected), the gap is empty and the projection alone says the pace. A
 * reporting window counting month totals: "số liệu cả tháng 11/2025". */
START_TEST(projection_window_and_months)
{
    struct words_cell c = {.kind = "ratio",
                           .status = "at_risk",
                           .ratio_pct = "30.0000",
                           .comparator = ">=",
                           .target_pct = "80",
                           .gap_count = "500",
                           .noun_vi = "thủ tục",
                           .noun_en = "procedures",
                           .due_date = "2025-12-31",
                           .period_kind = "deadline",
                           .period_start = "2025-01-01",
                           .period_end = "2025-12-31",
                           .counted_to = "2025-06-30",
                           .projected_pct = "60.4972",
                           .needed_per_month = "83"};
    ck_assert_str_eq(w(words_projection, &c, NUMFMT_VI),
                     "theo tốc độ hiện tại đạt 60,4 % vào 31/12/2025; cần thêm 83 mỗi tháng");
    ck_assert_str_eq(w(words_projection, &c, NUMFMT_EN),
                     "at the current pace 60.4% by 2025-12-31; 83 more needed each month");
    ck_assert_str_eq(w(words_gap, &c, NUMFMT_VI),
                     "cần thêm 500 thủ tục (theo tốc độ hiện tại đạt 60,4 % vào 31/12/2025; "
                     "cần thêm 83 mỗi tháng)");
    ck_assert_str_eq(w(words_window, &c, NUMFMT_VI), "lũy kế 01/01–30/06/2025");
    ck_assert_str_eq(w(words_window, &c, NUMFMT_EN), "so far, 2025-01-01 to 2025-06-30");
    /* 1.204 a month: grouped as a count */
    c.needed_per_month = "1204";
    c.projected_pct = "83.2";
    ck_assert_str_eq(w(words_projection, &c, NUMFMT_VI),
                     "theo tốc độ hiện tại đạt 83,2 % vào 31/12/2025; cần thêm 1.204 mỗi tháng");
    struct words_cell on = c;
    on.status = "on_track", on.gap_count = "0", on.projected_pct = "100", on.needed_per_month = "0";
    ck_assert_str_eq(w(words_gap, &on, NUMFMT_VI), "");
    ck_assert_str_eq(w(words_projection, &on, NUMFMT_VI),
                     "theo tốc độ hiện tại đạt 100 % vào 31/12/2025");
    /* once the due date has passed: the final verdict of the whole window */
    struct words_cell fin = {.kind = "ratio",
                             .status = "breach",
                             .period_kind = "deadline",
                             .period_start = "2025-01-01",
                             .due_date = "2025-12-31",
                             .counted_to = "2025-12-31"};
    ck_assert_str_eq(w(words_window, &fin, NUMFMT_VI), "kết quả cuối cùng 01/01–31/12/2025");
    /* a window across two years says both years */
    fin.period_start = "2024-07-14", fin.due_date = "2025-06-30", fin.counted_to = "2025-06-30";
    ck_assert_str_eq(w(words_window, &fin, NUMFMT_VI), "kết quả cuối cùng 14/07/2024–30/06/2025");
    fin.period_start = "2025-01-01", fin.due_date = "2025-12-31", fin.counted_to = "2025-12-31";
    ck_assert_str_eq(w(words_projection, &fin, NUMFMT_VI), "");
    struct words_cell m = {.kind = "ratio",
                           .status = "met",
                           .period_kind = "report_month",
                           .months_from = "2025-11-01",
                           .months_to = "2025-11-01"};
    ck_assert_str_eq(w(words_months, &m, NUMFMT_VI), "số liệu cả tháng 11/2025");
    ck_assert_str_eq(w(words_window, &m, NUMFMT_VI), "số liệu cả tháng 11/2025");
    m.months_from = "2025-09-01";
    ck_assert_str_eq(w(words_months, &m, NUMFMT_VI), "số liệu cả các tháng 9–11/2025");
    m.months_from = "2024-12-01";
    ck_assert_str_eq(w(words_months, &m, NUMFMT_EN), "whole-month counts of 12/2024–11/2025");
    m.months_from = NULL;
    ck_assert_str_eq(w(words_months, &m, NUMFMT_VI), "");
}
END_TEST

START_TEST(names_short_and_the_plans_sentence_with_its_correction)
{
    char buf[1024];
    ck_assert_str_eq(words_name("Kiện toàn Tổ Công tác Đề án 06", "Kiểm toàn Tổ …"),
                     "Kiện toàn Tổ Công tác Đề án 06");
    ck_assert_str_eq(words_name(NULL, "Kiểm toàn Tổ …"), "Kiểm toàn Tổ …");
    ck_assert_str_eq(words_name(NULL, NULL), "—");
    ck_assert_int_eq(words_detail(buf, sizeof buf, "Kiểm toàn Tổ Công tác",
                                  "\"Kiểm toàn\" là nguyên văn của kế hoạch (ý là \"Kiện toàn\")",
                                  NUMFMT_VI),
                     KPI_OK);
    ck_assert_str_eq(buf, "Kiểm toàn Tổ Công tác (ghi chú: \"Kiểm toàn\" là nguyên văn của kế "
                          "hoạch (ý là \"Kiện toàn\"))");
}
END_TEST

/* ---- every indicator of the catalog, every status, both languages ------- */

START_TEST(every_indicator_in_every_status_has_words_without_a_question_mark)
{
    static const char *const statuses[] = {"met",     "breach",  "on_track", "at_risk",
                                           "no_data", "invalid", "monitor",  NULL};
    struct catalog *cat = NULL;
    ck_assert_int_eq(catalog_load(testlib_path("indicators"), &cat), KPI_OK);
    ck_assert_uint_eq(cat->n_problems, 0);
    ck_assert_uint_eq(cat->n_indicators, 38); /* 30, and issue 17's 3.3, 4.2.4.b, 4.4, 5.4.b,
                                                 5.4.c, 5.8, 7.4 and 10.1 */
    for (size_t i = 0; i < cat->n_indicators; i++) {
        const struct catalog_indicator *d = &cat->indicators[i];
        const struct catalog_metric *m =
            catalog_metric_find(cat, d->numerator ? d->numerator : d->status_metric);
        ck_assert_ptr_nonnull(m);
        bool share = strcmp(d->kind, "share") == 0, task = strcmp(d->kind, "task") == 0;
        ck_assert_msg(d->short_name_vi && d->short_name_en, "%s has no short name", d->id);
        for (size_t s = 0; s < sizeof statuses / sizeof statuses[0]; s++) {
            bool late = statuses[s] == NULL; /* the last: met, late */
            /* a monitored series is never judged: it has only its own status */
            if (strcmp(d->kind, "monitor") == 0 && (late || strcmp(statuses[s], "monitor") != 0))
                continue;
            struct words_cell c = {
                .kind = d->kind,
                .status = late ? "met" : statuses[s],
                .ratio_pct = task ? "0" : "79.9600",
                .comparator = d->comparator,
                .target_pct = d->target_pct,
                .target_text_vi = d->target_text_vi,
                .inner_comparator = d->inner_comparator,
                .inner_target_pct = d->inner_target_pct,
                .gap_count = "5",
                .noun_vi = share ? d->facility_noun_vi : m->noun_vi,
                .noun_en = share ? d->facility_noun_en : m->noun_en,
                .due_date = d->due_date,
                .deadline_text_vi = d->deadline_text_vi,
                .deadline_text_en = d->deadline_text_en,
                .period_end = "2025-12-31",
                .late_days = late ? "6" : NULL,
                .reason = "why",
                .reason_vi = "vì sao",
            };
            if (task && (late || strcmp(c.status, "met") == 0 || strcmp(c.status, "on_track") == 0))
                c.ratio_pct = "100";
            for (int lang = NUMFMT_VI; lang <= NUMFMT_EN; lang++) {
                const words_fn fns[] = {words_value, words_target, words_gap, words_deadline,
                                        words_status};
                for (size_t f = 0; f < sizeof fns / sizeof fns[0]; f++) {
                    const char *text = w(fns[f], &c, (enum numfmt_lang)lang);
                    ck_assert_msg(strchr(text, '?') == NULL, "%s %s: \"%s\"", d->id, c.status,
                                  text);
                    bool failing =
                        strcmp(c.status, "breach") == 0 || strcmp(c.status, "at_risk") == 0;
                    /* the gap is empty exactly when nothing is missing */
                    ck_assert_msg(fns[f] != words_gap ? text[0] != '\0'
                                                      : (text[0] != '\0') == failing,
                                  "%s %s: slot %zu \"%s\"", d->id, c.status, f, text);
                }
            }
        }
    }
    catalog_free(cat);
}
END_TEST

/* ---- the cross-surface test ---------------------------------------------- */

/* One cell: its row in kpi.indicator_value and the words every surface must print. */
static const struct cross {
    const char *id, *num, *den, *ratio, *status, *gap, *late, *reason;
    bool alerts; /* a breach of a province cell: it fires */
    const char *value, *target, *gap_text, *deadline, *status_text;
} cells[] = {
    /* 800 / 1000 = 80 % exactly, "trên 80 %": a breach; 801 needed, 1 more */
    {"3.1", "800", "1000", "80.0000", "breach", "1", NULL, NULL, true, "80,0 %", "trên 80 %",
     "cần thêm 1 hồ sơ dịch vụ công thiết yếu được giải quyết trực tuyến",
     "Chỉ tiêu hàng tháng và cả năm", "không đạt"},
    /* 9997 / 10000 = 99.97 % of "100 %": 3 citizens more */
    {"5.1.a", "9997", "10000", "99.9700", "breach", "3", NULL, NULL, true, "99,9 %", "100 %",
     "cần thêm 3 công dân được cấp Căn cước", "Thực hiện thường xuyên", "không đạt"},
    /* 376 of 500 schools at 85 % or more: 75.2 %, 124 schools more */
    {"4.2.4", "376", "500", "75.2000", "breach", "124", NULL, NULL, true, "75,2 %",
     "100 % trường học đạt 85 % trở lên", "cần thêm 124 trường học đạt từ 85 % trở lên",
     "Thực hiện thường xuyên", "không đạt"},
    /* task 5.9 (the province's own) done on 05/08/2025, due 31/07/2025: 5 days late */
    {"5.9", "1", "1", "100", "met", "0", "5", "done on 2025-08-05, after the due date 2025-07-31",
     false, "đã hoàn thành", "hoàn thành", "", "Tháng 7/2025 (hạn cuối 31/07/2025)",
     "hoàn thành muộn 5 ngày"},
    /* task 2.3 due 31/07/2025, not done at 31/08/2025: 31 days overdue */
    {"2.3", "0", "1", "0", "breach", "1", NULL, "overdue: not reported done by 2025-07-31", true,
     "chưa hoàn thành", "hoàn thành", "chưa hoàn thành, quá hạn 31 ngày (hạn 31/07/2025)",
     "Hoàn thành trong 7/2025 (hạn cuối 31/07/2025)", "không đạt"},
    {"3.2.b", NULL, NULL, NULL, "no_data", NULL, NULL, "no counts of tthc_data_reused", false, "—",
     "tối thiểu 50 %", "", "Hoàn thành trong năm 2025 (hạn cuối 31/12/2025)", "thiếu dữ liệu"},
    {"4.1", "120", "100", NULL, "invalid", NULL, NULL, "numerator above denominator", false, "—",
     "từ 95 % trở lên", "", "Thực hiện thường xuyên", "không hợp lệ"},
};

#define N_CELLS (sizeof cells / sizeof cells[0])

static char db[4096];

/* A database with the shipped catalog, the province and its cells of August 2025. */
static void cross_setup(void)
{
    snprintf(db, sizeof db, "%s", testlib_db_new());
    const char *migrate[] = {"--db", db, "--catalog", testlib_path("indicators"), "migrate", NULL};
    char *err = NULL;
    ck_assert_msg(testlib_kpi(NULL, &err, NULL, migrate) == KPI_OK, "migrate: %s", err);
    free(err);
    PGconn *conn = testlib_connect(db);
    testlib_exec(conn, "INSERT INTO kpi.unit (code, name, kind, parent_code) VALUES "
                       "('19', 'Tỉnh Thái Nguyên', 'province', NULL); "
                       "INSERT INTO kpi.compute_run (mode) VALUES ('full')");
    static const char sql[] =
        "INSERT INTO kpi.indicator_value (indicator_id, unit_code, period_kind, period_start, "
        "  period_end, period_label, numerator, denominator, ratio_pct, comparator, target_pct, "
        "  due_date, status, reason, reason_vi, gap_count, completeness_pct, catalog_version, "
        "  computed_at, run_id, late_days, plan_id) "
        "SELECT i.id, '19', 'month', '2025-08-01', '2025-08-31', '2025-08', $2::bigint, "
        "  $3::bigint, $4::numeric, i.comparator, i.target_pct, i.due_date, $5, $6::text, "
        "  CASE WHEN $6::text IS NOT NULL THEN 'lý do: ' || $6::text END, $7::bigint, 100, "
        "i.catalog_version, "
        "  now(), (SELECT max(id) FROM kpi.compute_run), $8::integer, i.plan_id "
        "  FROM kpi.indicator i WHERE i.id = $1";
    for (size_t i = 0; i < N_CELLS; i++) {
        const struct cross *c = &cells[i];
        const char *params[] = {c->id,     c->num,    c->den, c->ratio,
                                c->status, c->reason, c->gap, c->late};
        PGresult *res = PQexecParams(conn, sql, 8, NULL, params, NULL, NULL, 0);
        ck_assert_msg(PQresultStatus(res) == PGRES_COMMAND_OK, "%s", PQerrorMessage(conn));
        ck_assert_str_eq(PQcmdTuples(res), "1");
        PQclear(res);
    }
    PQfinish(conn);
}

/* The four words of cell I (the gap when it has one) in TEXT, or the test fails naming SURFACE. */
static void assert_words(const char *surface, const char *text, size_t i)
{
    const struct cross *c = &cells[i];
    const char *words[] = {c->value, c->target, c->gap_text, c->deadline};
    for (size_t k = 0; k < 4; k++)
        if (words[k][0] != '\0')
            ck_assert_msg(strstr(text, words[k]) != NULL, "%s, cell %s: \"%s\" not in:\n%s",
                          surface, c->id, words[k], text);
}

/* The text of OUT between the first "ID_MARK" and the next "END_MARK" (malloc'd). */
static char *between(const char *out, const char *start, const char *end)
{
    const char *p = strstr(out, start);
    ck_assert_msg(p != NULL, "\"%s\" not in:\n%s", start, out);
    const char *q = end ? strstr(p + strlen(start), end) : NULL;
    return strndup(p, q ? (size_t)(q - p) : strlen(p));
}

static char *kpi(const char *a1, const char *a2, const char *a3, const char *a4, const char *a5,
                 const char *a6, const char *a7)
{
    const char *args[] = {"--db", db, a1, a2, a3, a4, a5, a6, a7, NULL};
    char *out = NULL, *err = NULL;
    int st = testlib_kpi(&out, &err, NULL, args);
    ck_assert_msg(st == KPI_OK, "kpi %s %s: exit %d: %s", a1, a2 ? a2 : "", st, err);
    free(err);
    return out;
}

START_TEST(same_words_on_every_surface)
{
    cross_setup();

    /* kpi show: the table (the deadline listed below it, once per indicator) */
    char *table = kpi("show", "--period", "2025-08", NULL, NULL, NULL, NULL);
    ck_assert_msg(strchr(table, '?') == NULL, "a question mark in:\n%s", table);
    const char *deadlines = strstr(table, "\nThời hạn:\n");
    ck_assert_ptr_nonnull(deadlines);
    for (size_t i = 0; i < N_CELLS; i++) {
        char mark[32], both[2048];
        snprintf(mark, sizeof mark, "\n%s ", cells[i].id);
        char *row = between(table, mark, "\n");
        snprintf(mark, sizeof mark, "\n  %s ", cells[i].id);
        char *deadline = between(deadlines, mark, "\n"); /* listed below the table, once */
        snprintf(both, sizeof both, "%s%s", row, deadline);
        assert_words("show table", both, i);
        ck_assert_has(row, cells[i].status_text);
        free(row);
        free(deadline);
    }
    free(table);

    /* kpi show: CSV and JSON carry the same words in columns of their own */
    char *csv = kpi("show", "--period", "2025-08", "--format", "csv", NULL, NULL);
    ck_assert_has(csv, ",late_days,short_name_vi,short_name_en,value_text,target_text,gap_text,"
                       "deadline_text,status_text,status_class\n");
    for (size_t i = 0; i < N_CELLS; i++) {
        char mark[32];
        snprintf(mark, sizeof mark, "\n%s,", cells[i].id);
        char *row = between(csv, mark, "\n");
        assert_words("show csv", row, i);
        free(row);
    }
    ck_assert_has(csv, ",5,\"Định danh địa điểm, đánh số nhà\",");
    ck_assert_has(csv, ",hoàn thành muộn 5 ngày,late\n");
    free(csv);
    char *json = kpi("show", "--period", "2025-08", "--format", "json", NULL, NULL);
    cJSON *arr = cJSON_Parse(json);
    ck_assert_ptr_nonnull(arr);
    for (size_t i = 0; i < N_CELLS; i++) {
        const cJSON *o = NULL, *it;
        cJSON_ArrayForEach(it, arr)
        {
            if (strcmp(cJSON_GetObjectItem(it, "indicator_id")->valuestring, cells[i].id) == 0)
                o = it;
        }
        ck_assert_ptr_nonnull(o);
        ck_assert_str_eq(cJSON_GetObjectItem(o, "value_text")->valuestring, cells[i].value);
        ck_assert_str_eq(cJSON_GetObjectItem(o, "target_text")->valuestring, cells[i].target);
        ck_assert_str_eq(cJSON_GetObjectItem(o, "gap_text")->valuestring, cells[i].gap_text);
        ck_assert_str_eq(cJSON_GetObjectItem(o, "deadline_text")->valuestring, cells[i].deadline);
        ck_assert_str_eq(cJSON_GetObjectItem(o, "status_text")->valuestring, cells[i].status_text);
        const cJSON *late = cJSON_GetObjectItem(o, "late_days");
        if (cells[i].late)
            ck_assert_int_eq(late->valueint, atoi(cells[i].late));
        else
            ck_assert(cJSON_IsNull(late));
    }
    cJSON_Delete(arr);
    free(json);

    /* the HTML report: one row of the headline per indicator */
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/report.html", testlib_tmpdir());
    free(kpi("report", "--period", "2025-08", "--kind", "month", "--out", path));
    char *html = testlib_read_file(path);
    for (size_t i = 0; i < N_CELLS; i++) {
        char mark[64];
        snprintf(mark, sizeof mark, "<tr id=\"ind-%s\"", cells[i].id);
        char *row = between(html, mark, "</tr>");
        assert_words("report", row, i);
        ck_assert_has(row, cells[i].status_text);
        free(row);
    }
    ck_assert_has(html, "<span class=\"st st-late\"><span class=\"sym\" aria-hidden=\"true\">◷");
    free(html);

    /* the alerts: a webhook and an e-mail receiver of the province's breaches */
    char routes[PATH_MAX];
    snprintf(routes, sizeof routes, "%s/routes.json", testlib_tmpdir());
    static const char rtext[] =
        "{\"receivers\": [{\"name\": \"leaders\", \"webhook\": {\"url\": "
        "\"http://127.0.0.1:9/hook\"}}, {\"name\": \"mail\", \"email\": {\"to\": "
        "[\"lanh-dao@example.org\"], \"from\": \"kpi@example.org\", \"smtp_url\": "
        "\"smtp://127.0.0.1:9\"}}], \"routes\": [{\"receiver\": \"leaders\", \"units\": "
        "\"province\", \"indicators\": [\"*\"], \"period_kinds\": [\"month\"]}, {\"receiver\": "
        "\"mail\", \"units\": \"province\", \"indicators\": [\"*\"], \"period_kinds\": "
        "[\"month\"]}]}";
    testlib_write_file(routes, rtext, strlen(rtext));
    free(kpi("alerts", "--routes", routes, "--now", "2025-09-05 08:00+07", NULL, NULL));

    char *list = kpi("alerts", "list", NULL, NULL, NULL, NULL, NULL);
    PGconn *conn = testlib_connect(db);
    char *payload = testlib_value(conn, "SELECT payload::text FROM kpi.outbox "
                                        "WHERE channel = 'webhook'");
    char *mail = testlib_value(conn, "SELECT body_text FROM kpi.outbox WHERE channel = 'email'");
    PQfinish(conn);
    ck_assert_ptr_nonnull(payload);
    ck_assert_ptr_nonnull(mail);
    cJSON *p = cJSON_Parse(payload);
    ck_assert_ptr_nonnull(p);
    ck_assert_msg(strchr(mail, '?') == NULL, "a question mark in:\n%s", mail);
    int fired = 0;
    for (size_t i = 0; i < N_CELLS; i++) {
        if (!cells[i].alerts)
            continue;
        fired++;
        /* kpi alerts list: the row of the indicator */
        char mark[64];
        snprintf(mark, sizeof mark, "  %s  ", cells[i].id);
        char *row = between(list, mark, "\n");
        assert_words("alerts list", row, i);
        free(row);
        /* the webhook: the alert's Vietnamese summary */
        const cJSON *a = NULL, *it;
        cJSON_ArrayForEach(it, cJSON_GetObjectItem(p, "alerts"))
        {
            const cJSON *labels = cJSON_GetObjectItem(it, "labels");
            if (strcmp(cJSON_GetObjectItem(labels, "indicator")->valuestring, cells[i].id) == 0)
                a = it;
        }
        ck_assert_msg(a != NULL, "no webhook alert of %s", cells[i].id);
        const char *summary =
            cJSON_GetObjectItem(cJSON_GetObjectItem(a, "annotations"), "summary_vi")->valuestring;
        ck_assert_msg(strchr(summary, '?') == NULL, "a question mark in: %s", summary);
        assert_words("webhook summary_vi", summary, i);
        /* the e-mail: the line of the indicator */
        snprintf(mark, sizeof mark, "Chỉ tiêu %s —", cells[i].id);
        if (strcmp(cells[i].id, "2.3") == 0)
            snprintf(mark, sizeof mark, "Nhiệm vụ %s —", cells[i].id);
        char *line = between(mail, mark, "\n");
        assert_words("e-mail", line, i);
        free(line);
    }
    ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(p, "alerts")), fired);
    cJSON_Delete(p);
    free(payload);
    free(mail);
    free(list);
}
END_TEST

/* kpi compute: task 1.1 of tests/data/compute_world.sql, due 17/07/2025, reported done on
 * 23/07/2025: met, 23 - 17 = 6 days late, in kpi.indicator_value and kpi show's JSON; done on
 * time (the 17th itself) it has no late days. */
START_TEST(compute_stores_the_days_a_task_was_late)
{
    snprintf(db, sizeof db, "%s", testlib_db_new());
    PGconn *conn = testlib_connect(db);
    ck_assert_int_eq(migrate_run(conn, NULL, NULL, NULL), KPI_OK); /* the schema, no catalog */
    char *sql = testlib_read_file(testlib_path("tests/data/compute_world.sql"));
    testlib_exec(conn, sql);
    free(sql);
    testlib_exec(conn, "INSERT INTO kpi.observation (metric, unit_code, period_start, grain, "
                       "value, submission_id, line_no) VALUES "
                       "('task_1_1_done', 'A', '2025-07-23', 'day', 1, 1, 2)");
    const char *compute[] = {"--db", db, "compute", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, NULL, compute), KPI_OK);
    char *v = testlib_value(conn, "SELECT status || ' ' || late_days FROM kpi.indicator_value "
                                  "WHERE indicator_id = '1.1' AND period_kind = 'month' "
                                  "AND period_end = '2025-07-31'");
    ck_assert_ptr_nonnull(v);
    ck_assert_str_eq(v, "met 6");
    free(v);
    char *json = kpi("show", "1.1", "--period", "2025-07", "--format", "json", NULL);
    ck_assert_has(json, "\"late_days\":\t6,");
    ck_assert_has(json, "\"status_text\":\t\"hoàn thành muộn 6 ngày\"");
    ck_assert_has(json, "\"status_class\":\t\"late\"");
    free(json);
    /* done on the due date itself: on time */
    testlib_exec(conn, "DELETE FROM kpi.observation; INSERT INTO kpi.observation (metric, "
                       "unit_code, period_start, grain, value, submission_id, line_no) VALUES "
                       "('task_1_1_done', 'A', '2025-07-17', 'day', 1, 1, 2)");
    const char *full[] = {"--db", db, "compute", "--full", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, NULL, full), KPI_OK);
    v = testlib_value(conn, "SELECT status || ' ' || coalesce(late_days::text, 'on time') "
                            "FROM kpi.indicator_value WHERE indicator_id = '1.1' "
                            "AND period_kind = 'month' AND period_end = '2025-07-31'");
    ck_assert_str_eq(v, "met on time");
    free(v);
    PQfinish(conn);
}
END_TEST

static Suite *words_suite(void)
{
    Suite *s = suite_create("words");
    TCase *tc = tcase_create("words");
    tcase_add_test(tc, value_is_cut_never_across_its_target);
    tcase_add_test(tc, counts_and_dates_as_each_language_writes_them);
    tcase_add_test(tc, gap_in_the_right_noun);
    tcase_add_test(tc, task_overdue_and_late_in_days);
    tcase_add_test(tc, deadline_in_the_plans_words_and_the_last_day);
    tcase_add_test(tc, projection_window_and_months);
    tcase_add_test(tc, names_short_and_the_plans_sentence_with_its_correction);
    tcase_add_test(tc, every_indicator_in_every_status_has_words_without_a_question_mark);
    suite_add_tcase(s, tc);
    TCase *db_tc = tcase_create("surfaces");
    tcase_add_test(db_tc, same_words_on_every_surface);
    tcase_add_test(db_tc, compute_stores_the_days_a_task_was_late);
    suite_add_tcase(s, db_tc);
    return s;
}

int main(void)
{
    return testlib_run(words_suite());
}
