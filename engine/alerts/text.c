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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void alerts_format_number(const char *num, bool vi, char *buf, size_t len)
{
    enum numfmt_lang lang = vi ? NUMFMT_VI : NUMFMT_EN;
    if (numfmt_decimal(buf, len, num, NUMFMT_ALL, NUMFMT_AS_WRITTEN, lang) != 0 && len > 0)
        snprintf(buf, len, "%s", num);
}

/* A number of column COL formatted for people, or "?" when NULL. */
static const char *num(const struct item *t, int col, char *buf, size_t len)
{
    const char *v = item_val(t, col);
    alerts_format_number(v ? v : "?", t->vi, buf, len);
    return buf;
}

/*
 * The percentage V for people with its sign ("80,4 %", "80.4%"): judged
 * against TARGET when not NULL (cut, never across its target: numfmt.h),
 * else cut to DECIMALS (NUMFMT_ALL: as written). "? %" when V is NULL, V
 * itself with the sign when it is not decimal text.
 */
static const char *pct_text(const char *v, int decimals, const struct numfmt_target *target,
                            bool vi, char *buf, size_t len)
{
    enum numfmt_lang lang = vi ? NUMFMT_VI : NUMFMT_EN;
    int rc = target != NULL
                 ? numfmt_judged_pct(buf, len, v, decimals, NUMFMT_AS_WRITTEN, target, lang)
                 : numfmt_pct(buf, len, v, decimals, NUMFMT_AS_WRITTEN, lang);
    if (rc != 0)
        snprintf(buf, len, vi ? "%s %%" : "%s%%", v ? v : "?");
    return buf;
}

/* The ratio of T as kpi show prints the same cell: one place, judged against its target. */
static const char *ratio(const struct item *t, char *buf, size_t len)
{
    struct numfmt_target target = {item_val(t, C_COMPARATOR), item_val(t, C_TARGET),
                                   item_val(t, C_STATUS)};
    return pct_text(item_val(t, C_RATIO), 1, &target, t->vi, buf, len);
}

/* The completeness of T as kpi show prints it: one place, not judged. */
static const char *completeness(const struct item *t, char *buf, size_t len)
{
    return pct_text(item_val(t, C_COMPLETENESS), 1, NULL, t->vi, buf, len);
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
    char n[64];
    if (t->vi && item_val(t, C_TARGET_VI)) {
        fputs(item_val(t, C_TARGET_VI), f);
        return;
    }
    pct_text(item_val(t, C_TARGET), NUMFMT_ALL, NULL, t->vi, n, sizeof n);
    if (item_is(t, C_COMPARATOR, ">"))
        fprintf(f, t->vi ? "trên %s" : "above %s", n);
    else
        fprintf(f, t->vi ? "từ %s trở lên" : "at least %s", n);
}

static const char *status_words(const char *status, bool vi)
{
    static const struct {
        const char *status, *vi, *en;
    } words[] = {
        {"met", "đạt", "met"},
        {"breach", "không đạt", "breach"},
        {"on_track", "đúng tiến độ", "on track"},
        {"at_risk", "có nguy cơ không đạt", "at risk"},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (status && strcmp(status, words[i].status) == 0)
            return vi ? words[i].vi : words[i].en;
    return status ? status : "?";
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
        fprintf(f, t->vi ? " Nội dung: %s" : " Target: %s", name);
        if (item_val(t, C_PLAN_REF))
            fprintf(f, " (%s)", item_val(t, C_PLAN_REF));
        fputc('.', f);
    }
}

/*
 * The gap clause: "; cần thêm 1.204 hồ sơ …" — nothing when there is no gap.
 * The numerator metric names the counted things: its Vietnamese name without
 * the leading "Số " ("number of"), its English name with a lower-case start.
 */
static void gap_text(FILE *f, const struct item *t)
{
    static const char so[] = "Số ";
    char n[64];
    const char *gap = item_val(t, C_GAP);
    if (gap == NULL || strcmp(gap, "0") == 0)
        return;
    const char *metric = item_val(t, t->vi ? C_METRIC_VI : C_METRIC_EN);
    num(t, C_GAP, n, sizeof n);
    if (t->vi) {
        if (metric && strncmp(metric, so, strlen(so)) == 0)
            metric += strlen(so);
        fprintf(f, "; cần thêm %s %s", n, metric ? metric : "đơn vị");
    } else if (metric && metric[0] >= 'A' && metric[0] <= 'Z' && metric[1] >= 'a' &&
               metric[1] <= 'z') {
        fprintf(f, "; %s more %c%s needed", n, metric[0] - 'A' + 'a', metric + 1);
    } else {
        fprintf(f, "; %s more %s needed", n, metric ? metric : "units");
    }
}

/*
 * The one-sentence summary of a row (summary_vi / summary_en), e.g.
 * "Chỉ tiêu 3.1 — tháng 09/2025 — Tỉnh Thái Nguyên đạt 76,4 % (mục tiêu:
 * trên 80 %); cần thêm 1.204 hồ sơ trực tuyến; 3 tháng liên tiếp không đạt.
 * Chủ trì: …"
 */
void text_summary(FILE *f, const struct item *t)
{
    char pct[64], n[64];
    /* how periods of the kind are counted (period_kinds[]; an unknown kind in months) */
    const struct period_kind *pk = period_kind_find(item_val(t, C_PERIOD_KIND));
    const char *pu_vi = pk ? pk->unit_vi : "tháng", *pu_one = pk ? pk->unit_en : "month",
               *pu_many = pk ? pk->units_en : "months";
    long consecutive = strtol(item_val(t, C_CONSECUTIVE), NULL, 10);
    const char *unit = item_val(t, C_UNIT_NAME);
    bool data = item_is(t, C_ALERTNAME, "KpiDataMissing");
    bool restate = item_is(t, C_EVENT, "restate");
    bool resolved = item_is(t, C_EVENT, "resolve");

    if (restate)
        fputs(t->vi ? "Đính chính: " : "Restatement: ", f);
    fprintf(f, t->vi ? "Chỉ tiêu %s — " : "Indicator %s — ", item_val(t, C_INDICATOR));
    period_text(f, t);
    fprintf(f, " — %s", unit);
    ratio(t, pct, sizeof pct);

    if (restate) {
        if (t->vi)
            fprintf(f,
                    ": số liệu đã được điều chỉnh, kết quả đổi từ «%s» thành «%s» "
                    "(nay %s, mục tiêu: ",
                    status_words(item_val(t, C_PREV_STATUS), true),
                    status_words(item_val(t, C_STATUS), true), pct);
        else
            fprintf(f, ": the figures were revised, from “%s” to “%s” (now %s, target: ",
                    status_words(item_val(t, C_PREV_STATUS), false),
                    status_words(item_val(t, C_STATUS), false), pct);
        text_target(f, t);
        fputs(").", f);
    } else if (data && resolved) {
        if (t->vi)
            fprintf(f, ": đã đủ số liệu để đánh giá (%s đơn vị đã báo cáo).",
                    completeness(t, n, sizeof n));
        else
            fprintf(f, ": enough data to judge again (%s of units reported).",
                    completeness(t, n, sizeof n));
    } else if (data) {
        char fl[64];
        pct_text(t->floor, NUMFMT_ALL, NULL, t->vi, fl, sizeof fl);
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
    } else if (resolved) {
        fprintf(f, t->vi ? " đã đạt %s (mục tiêu: " : " now at %s (target: ", pct);
        text_target(f, t);
        if (t->vi)
            fprintf(f, "); hết cảnh báo sau %ld %s không đạt.", consecutive, pu_vi);
        else
            fprintf(f, "); alert cleared after %ld %s below target.", consecutive,
                    consecutive == 1 ? pu_one : pu_many);
    } else if (item_is(t, C_STATUS, "at_risk")) {
        fprintf(f, t->vi ? " mới đạt %s (mục tiêu: " : " only at %s (target: ", pct);
        text_target(f, t);
        if (item_val(t, C_DUE))
            fprintf(f, t->vi ? ", hạn %s" : ", due %s", item_val(t, C_DUE));
        fputc(')', f);
        gap_text(f, t);
        if (t->vi)
            fprintf(f, "; có nguy cơ không đạt khi đến hạn (còn %s ngày).",
                    item_val(t, C_DAYS_LEFT) ? item_val(t, C_DAYS_LEFT) : "?");
        else
            fprintf(f, "; at risk of missing the deadline (%s days left).",
                    item_val(t, C_DAYS_LEFT) ? item_val(t, C_DAYS_LEFT) : "?");
    } else {
        fprintf(f, t->vi ? " đạt %s (mục tiêu: " : " at %s (target: ", pct);
        text_target(f, t);
        fputc(')', f);
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
    responsibility(f, t);
}

/* A detail line under a province alert: "Xã A: 70,0 % (cần thêm 12 …)". */
void text_detail(FILE *f, const struct item *t)
{
    char pct[64], n[64];
    fprintf(f, "%s: ", item_val(t, C_UNIT_NAME));
    if (item_is(t, C_EVENT, "resolve"))
        fprintf(f, t->vi ? "đã đạt %s" : "now at %s", ratio(t, pct, sizeof pct));
    else if (item_is(t, C_EVENT, "restate"))
        fprintf(f, t->vi ? "đính chính từ «%s» thành «%s» (%s)" : "revised from “%s” to “%s” (%s)",
                status_words(item_val(t, C_PREV_STATUS), t->vi),
                status_words(item_val(t, C_STATUS), t->vi), ratio(t, pct, sizeof pct));
    else
        fputs(ratio(t, pct, sizeof pct), f);
    if (!item_is(t, C_EVENT, "resolve") && item_val(t, C_GAP) && !item_is(t, C_GAP, "0"))
        fprintf(f, t->vi ? " (cần thêm %s)" : " (%s more needed)", num(t, C_GAP, n, sizeof n));
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
