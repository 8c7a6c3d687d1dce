/*
 * words.c — the words of one cell (see words.h): which class its status is
 * in, its value, target, gap, deadline and status in Vietnamese and English,
 * days between dates without floating point, the whole text cut never across
 * a target (numfmt.h).
 */
#include "common/words.h"

#include "common/period.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DASH "—"

static bool is(const char *s, const char *t)
{
    return s != NULL && strcmp(s, t) == 0;
}

static bool vi(enum numfmt_lang lang)
{
    return lang != NUMFMT_EN;
}

/* snprintf into BUF, KPI_REJECTED ("" in BUF) when it does not fit. */
__attribute__((format(printf, 3, 4))) static enum kpi_status put(char *buf, size_t len,
                                                                 const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = len > 0 ? vsnprintf(buf, len, fmt, ap) : -1;
    va_end(ap);
    if (n < 0 || (size_t)n >= len) {
        if (len > 0)
            buf[0] = '\0';
        return KPI_REJECTED;
    }
    return KPI_OK;
}

/* The days since 1970-01-01 of "YYYY-MM-DD" (period_days_from_civil); false when
 * ISO is not such a date. */
static bool day_number(const char *iso, long *days)
{
    int y, m, d;
    char tail;
    if (iso == NULL || sscanf(iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 ||
        d < 1 || d > 31)
        return false;
    *days = period_days_from_civil(y, m, d);
    return true;
}

static bool task(const struct words_cell *c)
{
    return is(c->kind, "task");
}

static long late_days(const struct words_cell *c)
{
    long n = c->late_days != NULL ? strtol(c->late_days, NULL, 10) : 0;
    return n > 0 ? n : 0;
}

const char *words_class(const struct words_cell *c)
{
    static const char *const known[] = {"met",     "breach",  "on_track", "at_risk",
                                        "no_data", "invalid", "monitor",  "no_target"};
    if (is(c->status, "met") && late_days(c) > 0)
        return "late";
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (is(c->status, known[i]))
            return known[i];
    return "none";
}

const char *words_symbol(const char *cls)
{
    static const char *const symbols[][2] = {
        {"met", "✓"},     {"late", "◷"},    {"breach", "✗"},  {"on_track", "●"},
        {"at_risk", "▲"}, {"no_data", "○"}, {"invalid", "⚠"}, {"monitor", "◇"},
    };
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++)
        if (is(cls, symbols[i][0]))
            return symbols[i][1];
    return "–";
}

/* A judged cell: met, breach, on track, at risk. */
static bool judged(const struct words_cell *c)
{
    return is(c->status, "met") || is(c->status, "breach") || is(c->status, "on_track") ||
           is(c->status, "at_risk");
}

enum kpi_status words_value(char *buf, size_t len, const struct words_cell *c,
                            enum numfmt_lang lang)
{
    if (is(c->status, "monitor") && c->ratio_pct != NULL) { /* shown, never judged */
        char value[128];
        if (numfmt_pct(value, sizeof value, c->ratio_pct, 1, NUMFMT_AS_WRITTEN, lang) != KPI_OK)
            return put(buf, len, DASH);
        return put(buf, len, "%s", value);
    }
    if (!judged(c) || (!task(c) && c->ratio_pct == NULL))
        return put(buf, len, DASH);
    if (task(c) && c->assigned != NULL && c->numerator != NULL && c->denominator != NULL) {
        char done[64], all[64];
        words_count(done, sizeof done, c->numerator, lang);
        words_count(all, sizeof all, c->denominator, lang);
        bool communes = is(c->assigned, "communes");
        return put(buf, len, "%s/%s %s", done, all,
                   communes ? (vi(lang) ? "xã, phường" : "communes and wards")
                            : (vi(lang) ? "đơn vị" : "units"));
    }
    if (task(c))
        return is(c->status, "met") ? put(buf, len, vi(lang) ? "đã hoàn thành" : "done")
                                    : put(buf, len, vi(lang) ? "chưa hoàn thành" : "not done");
    struct numfmt_target t = {c->comparator, c->target_pct, c->status};
    char value[128];
    if (numfmt_judged_pct(value, sizeof value, c->ratio_pct, 1, NUMFMT_AS_WRITTEN, &t, lang) !=
        KPI_OK)
        return put(buf, len, DASH); /* not a number: never printed as one */
    return put(buf, len, "%s", value);
}

/* "trên 80 %" / "từ 80 % trở lên" / "above 80%" / "at least 80%" of CMP and PCT. */
static enum kpi_status threshold(char *buf, size_t len, const char *cmp, const char *pct,
                                 enum numfmt_lang lang)
{
    char n[64];
    if (numfmt_pct(n, sizeof n, pct, NUMFMT_ALL, NUMFMT_TRIM, lang) != KPI_OK)
        return put(buf, len, DASH);
    if (is(cmp, ">"))
        return put(buf, len, vi(lang) ? "trên %s" : "above %s", n);
    return put(buf, len, vi(lang) ? "từ %s trở lên" : "at least %s", n);
}

enum kpi_status words_target(char *buf, size_t len, const struct words_cell *c,
                             enum numfmt_lang lang)
{
    if (task(c))
        return put(buf, len, vi(lang) ? "hoàn thành" : "done");
    if (vi(lang) && c->target_text_vi != NULL && c->target_text_vi[0] != '\0')
        return put(buf, len, "%s", c->target_text_vi);
    if (is(c->kind, "monitor"))
        return put(buf, len, vi(lang) ? "theo dõi, không đặt ngưỡng" : "monitored, no threshold");
    if (c->target_pct == NULL)
        return put(buf, len, DASH);
    char outer[96], inner[96];
    if (threshold(outer, sizeof outer, c->comparator, c->target_pct, lang) != KPI_OK)
        return put(buf, len, DASH);
    if (!is(c->kind, "share") || c->inner_target_pct == NULL)
        return put(buf, len, "%s", outer);
    threshold(inner, sizeof inner, c->inner_comparator, c->inner_target_pct, lang);
    const char *noun = vi(lang) ? c->noun_vi : c->noun_en;
    if (noun == NULL)
        noun = vi(lang) ? "cơ sở" : "facilities";
    return put(buf, len, vi(lang) ? "%s %s đạt %s" : "%s of %s, each %s", outer, noun, inner);
}

enum kpi_status words_date(char *buf, size_t len, const char *iso, enum numfmt_lang lang)
{
    long days;
    if (iso == NULL)
        return put(buf, len, DASH);
    if (!vi(lang) || !day_number(iso, &days))
        return put(buf, len, "%s", iso);
    return put(buf, len, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
}

enum kpi_status words_count(char *buf, size_t len, const char *text, enum numfmt_lang lang)
{
    if (text != NULL && numfmt_decimal(buf, len, text, 0, NUMFMT_TRIM, lang) == KPI_OK)
        return KPI_OK;
    return put(buf, len, "%s", text != NULL ? text : DASH);
}

enum kpi_status words_gap(char *buf, size_t len, const struct words_cell *c, enum numfmt_lang lang)
{
    char due[32], n[64];
    bool failing = is(c->status, "breach") || is(c->status, "at_risk");
    if (!failing)
        return put(buf, len, "%s", "");
    if (task(c)) {
        long d, e;
        words_date(due, sizeof due, c->due_date, lang);
        bool dated = day_number(c->due_date, &d) && day_number(c->period_end, &e);
        long days = dated ? (e > d ? e - d : d - e) : 0;
        const char *s = days == 1 ? "" : "s"; /* English plural */
        if (dated && e > d && vi(lang))
            return put(buf, len, "chưa hoàn thành, quá hạn %ld ngày (hạn %s)", days, due);
        if (dated && e > d)
            return put(buf, len, "not done, %ld day%s overdue (due %s)", days, s, due);
        if (dated && e == d)
            return put(buf, len,
                       vi(lang) ? "chưa hoàn thành, hạn cuối hôm nay (%s)"
                                : "not done, due today (%s)",
                       due);
        if (dated && vi(lang))
            return put(buf, len, "chưa hoàn thành, còn %ld ngày (hạn %s)", days, due);
        if (dated)
            return put(buf, len, "not done, %ld day%s left (due %s)", days, s, due);
        return put(buf, len, vi(lang) ? "chưa hoàn thành" : "not done");
    }
    if (c->gap_count == NULL || is(c->gap_count, "0"))
        return put(buf, len, "%s", "");
    words_count(n, sizeof n, c->gap_count, lang);
    const char *noun = vi(lang) ? c->noun_vi : c->noun_en;
    bool share = is(c->kind, "share");
    if ((noun == NULL || noun[0] == '\0') && share)
        noun = vi(lang) ? "cơ sở" : "facilities";
    char gap[512], pace[256];
    if (noun == NULL || noun[0] == '\0') { /* a catalog loaded before the nouns: the count alone */
        put(gap, sizeof gap, vi(lang) ? "cần thêm %s" : "%s more needed", n);
    } else if (share && c->inner_target_pct != NULL) {
        char inner[96];
        threshold(inner, sizeof inner, c->inner_comparator, c->inner_target_pct, lang);
        put(gap, sizeof gap, vi(lang) ? "cần thêm %s %s đạt %s" : "%s more %s reaching %s needed",
            n, noun, inner);
    } else {
        put(gap, sizeof gap, vi(lang) ? "cần thêm %s %s" : "%s more %s needed", n, noun);
    }
    if (words_projection(pace, sizeof pace, c, lang) != KPI_OK || pace[0] == '\0')
        return put(buf, len, "%s", gap);
    return put(buf, len, "%s (%s)", gap, pace);
}

enum kpi_status words_projection(char *buf, size_t len, const struct words_cell *c,
                                 enum numfmt_lang lang)
{
    if (c->projected_pct == NULL || task(c))
        return put(buf, len, "%s", "");
    /* judged as the projection is: on track meets the target, at risk fails it */
    struct numfmt_target t = {c->comparator, c->target_pct, c->status};
    char pct[128], due[32], n[64];
    if (numfmt_judged_pct(pct, sizeof pct, c->projected_pct, 1, NUMFMT_AS_WRITTEN, &t, lang) !=
        KPI_OK)
        return put(buf, len, "%s", "");
    words_date(due, sizeof due, c->due_date, lang);
    bool need = c->needed_per_month != NULL && !is(c->needed_per_month, "0");
    if (!need)
        return put(buf, len,
                   vi(lang) ? "theo tốc độ hiện tại đạt %s vào %s" : "at the current pace %s by %s",
                   pct, due);
    words_count(n, sizeof n, c->needed_per_month, lang);
    return put(buf, len,
               vi(lang) ? "theo tốc độ hiện tại đạt %s vào %s; cần thêm %s mỗi tháng"
                        : "at the current pace %s by %s; %s more needed each month",
               pct, due, n);
}

enum kpi_status words_months(char *buf, size_t len, const struct words_cell *c,
                             enum numfmt_lang lang)
{
    int y1, m1, y2, m2;
    const char *to = c->months_to != NULL ? c->months_to : c->months_from;
    if (c->months_from == NULL || sscanf(c->months_from, "%4d-%2d", &y1, &m1) != 2 ||
        sscanf(to, "%4d-%2d", &y2, &m2) != 2)
        return put(buf, len, "%s", "");
    const char *one = vi(lang) ? "số liệu cả tháng" : "whole-month counts of";
    const char *many = vi(lang) ? "số liệu cả các tháng" : "whole-month counts of";
    if (y1 == y2 && m1 == m2)
        return put(buf, len, "%s %d/%d", one, m1, y1);
    if (y1 == y2)
        return put(buf, len, "%s %d–%d/%d", many, m1, m2, y1);
    return put(buf, len, "%s %d/%d–%d/%d", many, m1, y1, m2, y2);
}

enum kpi_status words_deadline(char *buf, size_t len, const struct words_cell *c,
                               enum numfmt_lang lang)
{
    const char *text = vi(lang) ? c->deadline_text_vi : c->deadline_text_en;
    if (text != NULL && text[0] == '\0')
        text = NULL;
    char due[32];
    if (c->due_date == NULL)
        return put(buf, len, "%s", text != NULL ? text : DASH);
    words_date(due, sizeof due, c->due_date, lang);
    if (text == NULL)
        return put(buf, len, vi(lang) ? "hạn cuối %s" : "last day %s", due);
    return put(buf, len, vi(lang) ? "%s (hạn cuối %s)" : "%s (last day %s)", text, due);
}

enum kpi_status words_status(char *buf, size_t len, const struct words_cell *c,
                             enum numfmt_lang lang)
{
    static const char *const words[][3] = {
        {"met", "đạt", "met"},
        {"breach", "không đạt", "breach"},
        {"on_track", "đúng tiến độ", "on track"},
        {"at_risk", "có nguy cơ không đạt", "at risk"},
        {"no_data", "thiếu dữ liệu", "no data"},
        {"invalid", "không hợp lệ", "invalid"},
        {"monitor", "theo dõi", "monitored"}, /* a series shown, never judged (issue 17) */
        /* no plan in force on the period's last day (issue 18) */
        {"no_target", "ngoài thời gian kế hoạch", "no plan in force"},
    };
    const char *cls = words_class(c);
    if (is(cls, "late")) {
        long n = late_days(c);
        if (vi(lang))
            return put(buf, len, "hoàn thành muộn %ld ngày", n);
        return put(buf, len, "done %ld day%s late", n, n == 1 ? "" : "s");
    }
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (is(cls, words[i][0]))
            return put(buf, len, "%s", words[i][vi(lang) ? 1 : 2]);
    return put(buf, len, vi(lang) ? "chưa có kết quả" : "not computed");
}

const char *words_reason(const struct words_cell *c, enum numfmt_lang lang)
{
    return vi(lang) ? c->reason_vi : c->reason;
}

const char *words_name(const char *short_name, const char *name)
{
    if (short_name != NULL && short_name[0] != '\0')
        return short_name;
    return name != NULL && name[0] != '\0' ? name : DASH;
}

enum kpi_status words_detail(char *buf, size_t len, const char *name, const char *note,
                             enum numfmt_lang lang)
{
    if (name == NULL || name[0] == '\0')
        return put(buf, len, DASH);
    if (note == NULL || note[0] == '\0')
        return put(buf, len, "%s", name);
    return put(buf, len, vi(lang) ? "%s (ghi chú: %s)" : "%s (note: %s)", name, note);
}

enum kpi_status words_window(char *buf, size_t len, const struct words_cell *c,
                             enum numfmt_lang lang)
{
    char months[128], from[32], to[32], span[160] = "";
    words_months(months, sizeof months, c, lang);
    if (is(c->period_kind, "deadline") && c->period_start != NULL) {
        long due, counted;
        bool final = !day_number(c->counted_to, &counted) || !day_number(c->due_date, &due) ||
                     counted >= due;
        words_date(from, sizeof from, c->period_start, lang);
        words_date(to, sizeof to, final ? c->due_date : c->counted_to, lang);
        /* Vietnamese: the start's year left out when the end says it ("01/01–31/12/2025") */
        if (vi(lang) && strlen(from) == 10 && strlen(to) == 10 && strcmp(from + 6, to + 6) == 0)
            from[5] = '\0';
        if (vi(lang))
            put(span, sizeof span, "%s %s–%s", final ? "kết quả cuối cùng" : "lũy kế", from, to);
        else
            put(span, sizeof span, "%s %s to %s", final ? "final," : "so far,", from, to);
    }
    if (span[0] != '\0' && months[0] != '\0')
        return put(buf, len, "%s; %s", span, months);
    return put(buf, len, "%s", span[0] != '\0' ? span : months);
}

const char *words_suspect(enum numfmt_lang lang)
{
    return vi(lang) ? "cần kiểm tra số liệu" : "data to check";
}
