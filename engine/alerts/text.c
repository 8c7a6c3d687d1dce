/*
 * text.c — owns what people read about one alert item, in Vietnamese or
 * English (see text.h): numbers as people write them (common/numfmt.h), the
 * period as people say it (its kind's words from common/period.h), the
 * target, the status words, the one-sentence summary of an item and the
 * detail line of a commune under its province.
 */
#include "alerts/text.h"

#include "alerts/alerts.h"
#include "common/numfmt.h"
#include "common/period.h"
#include "common/words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void alerts_format_number(const char *num, bool vi, char *buf, size_t len)
{
    enum numfmt_lang lang = vi ? NUMFMT_VI : NUMFMT_EN;
    if (numfmt_decimal(buf, len, num, NUMFMT_ALL, NUMFMT_AS_WRITTEN, lang) != 0 && len > 0)
        snprintf(buf, len, "%s", num);
}

struct words_cell text_cell(const struct item *t)
{
    return (struct words_cell){
        .kind = item_val(t, C_KIND),
        .status = item_val(t, C_STATUS),
        .ratio_pct = item_val(t, C_RATIO),
        .comparator = item_val(t, C_COMPARATOR),
        .target_pct = item_val(t, C_TARGET),
        .target_text_vi = item_val(t, C_TARGET_VI),
        .inner_comparator = item_val(t, C_INNER_COMPARATOR),
        .inner_target_pct = item_val(t, C_INNER_TARGET),
        .gap_count = item_val(t, C_GAP),
        .noun_vi = item_val(t, C_NOUN_VI),
        .noun_en = item_val(t, C_NOUN_EN),
        .due_date = item_val(t, C_DUE_DAY),
        .deadline_text_vi = item_val(t, C_DEADLINE_VI),
        .deadline_text_en = item_val(t, C_DEADLINE_EN),
        .period_end = item_val(t, C_PERIOD_END),
        .period_kind = item_val(t, C_PERIOD_KIND),
        .period_start = item_val(t, C_PERIOD_START),
        .counted_to = item_val(t, C_COUNTED_TO),
        .projected_pct = item_val(t, C_PROJECTED),
        .needed_per_month = item_val(t, C_NEEDED),
        .months_from = item_val(t, C_MONTHS_FROM),
        .months_to = item_val(t, C_MONTHS_TO),
        .late_days = item_val(t, C_LATE),
        .assigned = item_val(t, C_ASSIGNED),
        .numerator = item_val(t, C_NUM),
        .denominator = item_val(t, C_DEN),
    };
}

static enum numfmt_lang lang_of(const struct item *t)
{
    return t->vi ? NUMFMT_VI : NUMFMT_EN;
}

/* The value of T as every surface prints the same cell (common/words.h). */
static const char *ratio(const struct item *t, char *buf, size_t len)
{
    struct words_cell c = text_cell(t);
    words_value(buf, len, &c, lang_of(t));
    return buf;
}

/* The completeness of T as kpi show prints it: one place, not judged; "—" when none. */
static const char *completeness(const struct item *t, char *buf, size_t len)
{
    const char *v = item_val(t, C_COMPLETENESS);
    if (v == NULL || numfmt_pct(buf, len, v, 1, NUMFMT_AS_WRITTEN, lang_of(t)) != KPI_OK)
        snprintf(buf, len, "—");
    return buf;
}

static const char *const month_en[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};

/* The period of the row as people say it. */
static void period_text(FILE *f, const struct item *t)
{
    const char *kind = item_val(t, C_PERIOD_KIND), *ps = item_val(t, C_PERIOD_START),
               *pe = item_val(t, C_PERIOD_END);
    int y = 0, m = 1, d = 1, ye = 0, me = 1, de = 1;
    sscanf(ps, "%d-%d-%d", &y, &m, &d);
    sscanf(pe, "%d-%d-%d", &ye, &me, &de);
    if (m < 1 || m > 12)
        m = 1;
    if (me < 1 || me > 12)
        me = 1;
    if (strcmp(kind, "deadline") == 0) { /* "lũy kế 01/01–14/12/2025" (common/words.h) */
        char window[256];
        struct words_cell c = text_cell(t);
        words_window(window, sizeof window, &c, lang_of(t));
        if (window[0] != '\0') {
            fputs(window, f);
            return;
        }
    }
    if (strcmp(kind, "month") == 0) {
        if (t->vi)
            fprintf(f, "tháng %02d/%04d", m, y);
        else
            fprintf(f, "%s %04d", month_en[m - 1], y);
    } else if (strcmp(kind, "quarter") == 0) {
        static const char *const roman[] = {"I", "II", "III", "IV"};
        int q = (m - 1) / 3;
        if (t->vi)
            fprintf(f, "quý %s/%04d", roman[q], y);
        else
            fprintf(f, "Q%d %04d", q + 1, y);
    } else if (strcmp(kind, "half") == 0) {
        if (t->vi)
            fprintf(f, "6 tháng %s năm %04d", m <= 6 ? "đầu" : "cuối", y);
        else
            fprintf(f, "H%d %04d", m <= 6 ? 1 : 2, y);
    } else if (strcmp(kind, "year") == 0) {
        fprintf(f, t->vi ? "năm %04d" : "year %04d", y);
    } else if (strcmp(kind, "ytd") == 0) {
        if (t->vi)
            fprintf(f, "lũy kế từ đầu năm đến hết tháng %02d/%04d", me, ye);
        else
            fprintf(f, "year to date to %s %04d", month_en[me - 1], ye);
    } else if (t->vi) { /* a reporting period, named as kpi show names its kind */
        fprintf(f, "%s %02d/%02d/%04d–%02d/%02d/%04d", period_kind_label(kind, true), d, m, y, de,
                me, ye);
    } else {
        fprintf(f, "%s %s to %s", period_kind_label(kind, false), ps, pe);
    }
}

void text_target(FILE *f, const struct item *t)
{
    char buf[512];
    struct words_cell c = text_cell(t);
    words_target(buf, sizeof buf, &c, lang_of(t));
    fputs(buf, f);
}

/* The words of STATUS (the status of a cell without its late days). */
static const char *status_words(const char *status, bool vi, char *buf, size_t len)
{
    struct words_cell c = {.status = status};
    words_status(buf, len, &c, vi ? NUMFMT_VI : NUMFMT_EN);
    return buf;
}

/* "Chủ trì: …. Phối hợp: …. Nội dung: … (mục …)." */
static void responsibility(FILE *f, const struct item *t)
{
    const char *lead = item_val(t, C_LEAD), *support = item_val(t, C_SUPPORT);
    if (lead && *lead)
        fprintf(f, t->vi ? " Chủ trì: %s." : " Lead: %s.", lead);
    if (support && *support)
        fprintf(f, t->vi ? " Phối hợp: %s." : " Support: %s.", support);
    const char *name = item_val(t, t->vi ? C_NAME_VI : C_NAME_EN);
    if (name) {
        /* the plan's sentence verbatim, with the catalog's correction of a typo in it */
        char detail[4096];
        if (words_detail(detail, sizeof detail, name, t->vi ? item_val(t, C_NOTE) : NULL,
                         lang_of(t)) != KPI_OK)
            snprintf(detail, sizeof detail, "%s", name);
        fprintf(f, t->vi ? " Nội dung: %s" : " Target: %s", detail);
        if (item_val(t, C_PLAN_REF))
            fprintf(f, " (%s)", item_val(t, C_PLAN_REF));
        fputc('.', f);
    }
}

/* The gap clause: "; cần thêm 1.204 hồ sơ …" (common/words.h) — nothing when there is none. */
static void gap_text(FILE *f, const struct item *t)
{
    char buf[512];
    struct words_cell c = text_cell(t);
    words_gap(buf, sizeof buf, &c, lang_of(t));
    if (buf[0] != '\0')
        fprintf(f, "; %s", buf);
}

/* " Thời hạn: Trước 18/7/2025 (hạn cuối 17/07/2025)." — nothing when the catalog has none. */
static void deadline_text(FILE *f, const struct item *t)
{
    char buf[512];
    struct words_cell c = text_cell(t);
    words_deadline(buf, sizeof buf, &c, lang_of(t));
    if (strcmp(buf, "—") != 0)
        fprintf(f, t->vi ? " Thời hạn: %s." : " Deadline: %s.", buf);
}

/* " Chưa hoàn thành (2): Xã A, Xã B." — the units of a task of many units not done yet
 * (rõ người, rõ việc); nothing when all are, or T is no such task. */
static void lagging_text(FILE *f, const struct item *t)
{
    const char *lagging = item_val(t, C_LAGGING);
    if (lagging == NULL || item_val(t, C_ASSIGNED) == NULL)
        return;
    const char *num = item_val(t, C_NUM), *den = item_val(t, C_DEN);
    if (num != NULL && den != NULL) /* assigned minus done */
        fprintf(f, t->vi ? " Chưa hoàn thành (%lld): %s." : " Not done yet (%lld): %s.",
                strtoll(den, NULL, 10) - strtoll(num, NULL, 10), lagging);
    else
        fprintf(f, t->vi ? " Chưa hoàn thành: %s." : " Not done yet: %s.", lagging);
}

/* " (mục tiêu: trên 80 %)": the target of T. */
static void target_clause(FILE *f, const struct item *t)
{
    fputs(t->vi ? " (mục tiêu: " : " (target: ", f);
    text_target(f, t);
    fputc(')', f);
}

/*
 * A report not sent (KpiReportMissing; the indicator column holds the metric):
 * "Báo cáo chưa gửi — Xã A: chưa gửi số liệu «…» (metric) từ 01/12/2025 đến
 * 03/12/2025 (3 kỳ)." or, resolved, "… đã gửi số liệu «…» còn thiếu."
 */
static void report_missing_text(FILE *f, const struct item *t)
{
    char from[32], to[32];
    const char *name = item_val(t, t->vi ? C_NAME_VI : C_NAME_EN);
    words_date(from, sizeof from, item_val(t, C_FIRST_PERIOD), lang_of(t));
    words_date(to, sizeof to, item_val(t, C_PERIOD_START), lang_of(t));
    fprintf(f,
            t->vi ? "Báo cáo chưa gửi — %s: " : "Report not sent — %s: ", item_val(t, C_UNIT_NAME));
    if (item_is(t, C_EVENT, "resolve"))
        fprintf(f, t->vi ? "đã gửi số liệu «%s» (%s) còn thiếu." : "sent the missing «%s» (%s).",
                name ? name : "—", item_val(t, C_INDICATOR));
    else if (strcmp(from, to) == 0)
        fprintf(f, t->vi ? "chưa gửi số liệu «%s» (%s) kỳ %s." : "no «%s» (%s) for %s.",
                name ? name : "—", item_val(t, C_INDICATOR), to);
    else
        fprintf(f,
                t->vi ? "chưa gửi số liệu «%s» (%s) từ %s đến %s (%s kỳ)."
                      : "no «%s» (%s) from %s to %s (%s periods).",
                name ? name : "—", item_val(t, C_INDICATOR), from, to, item_val(t, C_CONSECUTIVE));
    responsibility(f, t);
}

/* Whether T is a month of a target due on a date, inside the year its deadline window counts
 * (1 January of the due date's year on): kpi.alert_cells judges it on that window instead. */
static bool superseded(const struct item *t)
{
    const char *due = item_val(t, C_DUE_DAY), *start = item_val(t, C_PERIOD_START);
    return item_is(t, C_PERIOD_KIND, "month") && !item_is(t, C_KIND, "task") && due != NULL &&
           start != NULL && strlen(due) >= 4 && strncmp(start, due, 4) >= 0;
}

/*
 * The one-sentence summary of a row (summary_vi / summary_en), e.g.
 * "Chỉ tiêu 3.1 — tháng 09/2025 — Tỉnh Thái Nguyên đạt 76,4 % (mục tiêu:
 * trên 80 %); cần thêm 1.204 hồ sơ …; 3 tháng liên tiếp không đạt. Thời
 * hạn: Chỉ tiêu hàng tháng và cả năm. Chủ trì: …"; a task: "Nhiệm vụ 2.3 —
 * … — Tỉnh …: chưa hoàn thành, quá hạn 12 ngày (hạn 31/07/2025). Thời hạn: …"
 */
void text_summary(FILE *f, const struct item *t)
{
    char pct[64], n[64], w1[64], w2[64];
    /* how periods of the kind are counted (period_kinds[]; an unknown kind in months) */
    const struct period_kind *pk = period_kind_find(item_val(t, C_PERIOD_KIND));
    const char *pu_vi = pk ? pk->unit_vi : "tháng", *pu_one = pk ? pk->unit_en : "month",
               *pu_many = pk ? pk->units_en : "months";
    long consecutive = strtol(item_val(t, C_CONSECUTIVE), NULL, 10);
    const char *unit = item_val(t, C_UNIT_NAME);
    bool data = item_is(t, C_ALERTNAME, "KpiDataMissing");
    bool restate = item_is(t, C_EVENT, "restate");
    bool resolved = item_is(t, C_EVENT, "resolve");
    bool task = item_is(t, C_KIND, "task");
    bool suspect = item_is(t, C_ALERTNAME, "KpiDataSuspect");

    if (item_is(t, C_ALERTNAME, "KpiReportMissing")) {
        report_missing_text(f, t);
        return;
    }
    if (restate)
        fputs(t->vi ? "Đính chính: " : "Restatement: ", f);
    if (task)
        fprintf(f, t->vi ? "Nhiệm vụ %s — " : "Task %s — ", item_val(t, C_INDICATOR));
    else
        fprintf(f, t->vi ? "Chỉ tiêu %s — " : "Indicator %s — ", item_val(t, C_INDICATOR));
    period_text(f, t);
    fprintf(f, " — %s", unit);
    ratio(t, pct, sizeof pct);

    if (restate) {
        if (t->vi)
            fprintf(f, ": số liệu đã được điều chỉnh, kết quả đổi từ «%s» thành «%s» (nay %s",
                    status_words(item_val(t, C_PREV_STATUS), true, w1, sizeof w1),
                    status_words(item_val(t, C_STATUS), true, w2, sizeof w2), pct);
        else
            fprintf(f, ": the figures were revised, from “%s” to “%s” (now %s",
                    status_words(item_val(t, C_PREV_STATUS), false, w1, sizeof w1),
                    status_words(item_val(t, C_STATUS), false, w2, sizeof w2), pct);
        fputc(')', f);
        target_clause(f, t);
        fputc('.', f);
    } else if (suspect) {
        /* computed from an implausible value: told to the lead unit, not yet to leaders */
        fprintf(f, t->vi ? ": %s — kết quả %s" : ": %s — %s", words_suspect(lang_of(t)), pct);
        target_clause(f, t);
        fputs(t->vi ? " được tính từ số liệu bất thường; chưa báo lãnh đạo cho đến khi số liệu "
                      "được xác nhận hoặc sửa."
                    : " was computed from an implausible count; leaders are not told until the "
                      "count is confirmed or corrected.",
              f);
    } else if (data && resolved) {
        if (t->vi)
            fprintf(f, ": đã đủ số liệu để đánh giá (%s đơn vị đã báo cáo).",
                    completeness(t, n, sizeof n));
        else
            fprintf(f, ": enough data to judge again (%s of units reported).",
                    completeness(t, n, sizeof n));
    } else if (data) {
        char fl[64];
        if (t->floor == NULL || numfmt_pct(fl, sizeof fl, t->floor, NUMFMT_ALL, NUMFMT_AS_WRITTEN,
                                           lang_of(t)) != KPI_OK)
            snprintf(fl, sizeof fl, "—");
        if (t->vi)
            fprintf(f,
                    ": chưa đủ số liệu để đánh giá (mới có %s đơn vị báo cáo, cần tối "
                    "thiểu %s); đề nghị đơn vị chủ trì đôn đốc gửi số liệu.",
                    completeness(t, n, sizeof n), fl);
        else
            fprintf(f,
                    ": not enough data to judge (%s of units reported, at least %s "
                    "needed); the lead unit should chase the missing reports.",
                    completeness(t, n, sizeof n), fl);
    } else if (resolved && superseded(t)) {
        /* its month no longer judges it, its deadline window does (kpi.alert_cells) */
        fputs(t->vi ? ": hết cảnh báo theo tháng; chỉ tiêu nay được đánh giá theo lũy kế đến hạn."
                    : ": the monthly alert ends; the target is now judged on its deadline window.",
              f);
    } else if (resolved) {
        fprintf(f, t->vi ? " đã đạt %s" : " now at %s", pct);
        target_clause(f, t);
        if (t->vi)
            fprintf(f, "; hết cảnh báo sau %ld %s không đạt.", consecutive, pu_vi);
        else
            fprintf(f, "; alert cleared after %ld %s below target.", consecutive,
                    consecutive == 1 ? pu_one : pu_many);
    } else if (task) {
        /* a task carries no count: its gap says how late it is (common/words.h) */
        char gap[512];
        struct words_cell c = text_cell(t);
        words_gap(gap, sizeof gap, &c, lang_of(t));
        if (c.assigned != NULL) /* a task of many units: how many did it, and who has not */
            fprintf(f, ": %s%s%s.", pct, gap[0] != '\0' ? "; " : "", gap);
        else
            fprintf(f, ": %s.", gap[0] != '\0' ? gap : pct);
        lagging_text(f, t);
    } else if (item_is(t, C_STATUS, "at_risk")) {
        fprintf(f, t->vi ? " mới đạt %s" : " only at %s", pct);
        target_clause(f, t);
        gap_text(f, t);
        const char *left = item_val(t, C_DAYS_LEFT);
        if (left != NULL && t->vi)
            fprintf(f, "; có nguy cơ không đạt khi đến hạn (còn %s ngày).", left);
        else if (left != NULL)
            fprintf(f, "; at risk of missing the deadline (%s days left).", left);
        else
            fputs(t->vi ? "; có nguy cơ không đạt khi đến hạn."
                        : "; at risk of missing the deadline.",
                  f);
    } else if (item_is(t, C_PERIOD_KIND, "deadline")) { /* the plan's final verdict */
        fprintf(f, t->vi ? " đạt %s" : " at %s", pct);
        target_clause(f, t);
        gap_text(f, t);
        fputs(t->vi ? "; không đạt khi đến hạn." : "; missed at the due date.", f);
    } else {
        fprintf(f, t->vi ? " đạt %s" : " at %s", pct);
        target_clause(f, t);
        gap_text(f, t);
        if (t->vi && consecutive > 1)
            fprintf(f, "; %ld %s liên tiếp không đạt.", consecutive, pu_vi);
        else if (t->vi)
            fprintf(f, "; %s đầu tiên không đạt.", pu_vi);
        else if (consecutive > 1)
            fprintf(f, "; %ld consecutive %s below target.", consecutive, pu_many);
        else
            fprintf(f, "; first %s below target.", pu_one);
    }
    deadline_text(f, t);
    responsibility(f, t);
}

/* A detail line under a province alert: "Xã A: 70,0 % (cần thêm 12 …)". */
void text_detail(FILE *f, const struct item *t)
{
    char pct[64], w1[64], w2[64], gap[512];
    struct words_cell c = text_cell(t);
    fprintf(f, "%s: ", item_val(t, C_UNIT_NAME));
    if (item_is(t, C_EVENT, "resolve"))
        fprintf(f, t->vi ? "đã đạt %s" : "now at %s", ratio(t, pct, sizeof pct));
    else if (item_is(t, C_EVENT, "restate"))
        fprintf(f, t->vi ? "đính chính từ «%s» thành «%s» (%s)" : "revised from “%s” to “%s” (%s)",
                status_words(item_val(t, C_PREV_STATUS), t->vi, w1, sizeof w1),
                status_words(item_val(t, C_STATUS), t->vi, w2, sizeof w2),
                ratio(t, pct, sizeof pct));
    else
        fputs(ratio(t, pct, sizeof pct), f);
    words_gap(gap, sizeof gap, &c, lang_of(t));
    if (!item_is(t, C_EVENT, "resolve") && gap[0] != '\0')
        fprintf(f, " (%s)", gap);
    if (item_is(t, C_ALERTNAME, "KpiDataSuspect"))
        fprintf(f, " — %s", words_suspect(lang_of(t)));
    const char *ev = item_val(t, C_EVENT);
    if (strcmp(ev, "fire") == 0)
        fputs(t->vi ? " — mới" : " — new", f);
}

const char *text_event_tag(const char *event, bool vi)
{
    static const struct {
        const char *event, *vi, *en;
    } tags[] = {
        {"fire", "MỚI", "NEW"},
        {"reminder", "NHẮC LẠI", "REMINDER"},
        {"escalate", "NÂNG MỨC", "ESCALATED"},
        {"resolve", "ĐÃ KHẮC PHỤC", "RESOLVED"},
        {"restate", "ĐÍNH CHÍNH", "RESTATED"},
        {"firing", "ĐANG CẢNH BÁO", "STILL FIRING"},
    };
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
        if (strcmp(event, tags[i].event) == 0)
            return vi ? tags[i].vi : tags[i].en;
    return event;
}

/* A malloc'd string written by FN into a memory stream, or NULL. */
char *text_render(void (*fn)(FILE *, const struct item *), const struct item *t)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (f == NULL)
        return NULL;
    fn(f, t);
    if (fclose(f) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}
