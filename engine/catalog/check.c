/*
 * check.c — owns the validation of the catalog's parsed JSON: metrics.json
 * and each indicator file, key by key (types, words, codes, dates,
 * percentages, which keys each kind of indicator has, whether the target's
 * wording agrees with its comparator), and the list of problems, each with
 * file, JSON pointer and a message that tells the editor what to fix, and
 * a "did you mean" when a word is misspelt (see check.h).
 */
#include "catalog/check.h"

#include "catalog/watch.h"

#include "catalog/judge.h"
#include "catalog/read.h"
#include "common/json.h"
#include "common/period.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The most bytes of problems one catalog_load keeps (never reached: files are capped). */
#define PROBLEMS_CAP ((size_t)1 << 30)

static char *xstrdup(struct check *ck, const char *s)
{
    char *d = strdup(s);
    if (d == NULL)
        ck->oom = true;
    return d;
}

void check_init(struct check *ck, struct catalog *cat)
{
    ck->cat = cat;
    ck->file = "";
    ck->metrics_ok = false;
    ck->oom = false;
    dynbuf_init(&ck->problems, PROBLEMS_CAP);
}

void check_problem(struct check *ck, const char *path, const char *fmt, ...)
{
    struct catalog_problem p = {NULL, NULL, NULL};
    va_list ap;
    va_start(ap, fmt);
    int n = vasprintf(&p.message, fmt, ap);
    va_end(ap);
    if (n < 0) {
        ck->oom = true;
        return;
    }
    p.file = xstrdup(ck, ck->file);
    p.path = xstrdup(ck, path);
    if (p.file == NULL || p.path == NULL || dynbuf_addn(&ck->problems, &p, sizeof p) != DYNBUF_OK) {
        free(p.file);
        free(p.path);
        free(p.message);
        ck->oom = true;
        return;
    }
}

void check_finish(struct check *ck)
{
    size_t n = dynbuf_len(&ck->problems) / sizeof(struct catalog_problem);
    ck->cat->problems = (struct catalog_problem *)(void *)dynbuf_take(&ck->problems);
    ck->cat->n_problems = ck->cat->problems != NULL ? n : 0;
}

/* JSON pointer /A or /A/B into buf (B may be NULL), escaping "~" and "/". */
static const char *pointer(char *buf, size_t len, const char *a, const char *b)
{
    size_t o = 0;
    const char *parts[] = {a, b};
    for (size_t i = 0; i < 2 && parts[i] != NULL; i++) {
        if (o + 1 < len)
            buf[o++] = '/';
        for (const char *s = parts[i]; *s && o + 2 < len; s++) {
            if (*s == '~' || *s == '/') {
                buf[o++] = '~';
                buf[o++] = *s == '~' ? '0' : '1';
            } else {
                buf[o++] = *s;
            }
        }
    }
    buf[o] = '\0';
    return buf;
}

/* Edit distance of A and B (bytes), for "did you mean" hints. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), row[64];
    if (la >= 63 || lb >= 63)
        return SIZE_MAX;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            if (up + 1 < best)
                best = up + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

/* The candidate closest to WORD when it is a plausible misspelling, else NULL. */
static const char *closest(const char *word, const char *const *candidates, size_t n)
{
    const char *best = NULL;
    size_t best_d = SIZE_MAX, limit = strlen(word) / 3 + 1;
    for (size_t i = 0; i < n; i++) {
        size_t d = distance(word, candidates[i]);
        if (d < best_d) {
            best_d = d;
            best = candidates[i];
        }
    }
    return best_d <= limit ? best : NULL;
}

/* ---- syntax of values -------------------------------------------------- */

static bool is_code(const char *s)
{
    if (!(*s >= 'a' && *s <= 'z'))
        return false;
    for (s++; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

/* "3", "3.1", "5.1.b": digits first, then digits or lower-case letters. */
static bool is_item_id(const char *s)
{
    bool first = true;
    while (true) {
        const char *start = s;
        if (*s >= '0' && *s <= '9')
            while (*s >= '0' && *s <= '9')
                s++;
        else if (!first && *s >= 'a' && *s <= 'z')
            while (*s >= 'a' && *s <= 'z')
                s++;
        if (s == start)
            return false;
        if (*s == '\0')
            return true;
        if (*s != '.')
            return false;
        s++;
        first = false;
    }
}

/* NULL when TEXT is a date YYYY-MM-DD, else why not (static storage). */
static const char *date_error(const char *text)
{
    static char why[96];
    int v[3] = {0, 0, 0};
    static const int widths[] = {4, 2, 2};
    const char *s = text;
    for (int f = 0; f < 3; f++) {
        for (int i = 0; i < widths[f]; i++, s++) {
            if (*s < '0' || *s > '9')
                return "write it as YYYY-MM-DD, e.g. \"2025-12-31\"";
            v[f] = v[f] * 10 + (*s - '0');
        }
        if (f < 2 && *s++ != '-')
            return "write it as YYYY-MM-DD, e.g. \"2025-12-31\"";
    }
    if (*s != '\0')
        return "write it as YYYY-MM-DD, e.g. \"2025-12-31\"";
    if (v[0] < 1900 || v[0] > 2999)
        return "the year must be between 1900 and 2999";
    if (v[1] < 1 || v[1] > 12)
        return "the month must be 01 to 12";
    if (v[2] < 1 || v[2] > period_days_in_month(v[0], v[1])) {
        snprintf(why, sizeof why, "month %02d of %d has %d days", v[1], v[0],
                 period_days_in_month(v[0], v[1]));
        return why;
    }
    return NULL;
}

const char *check_date_error(const char *text)
{
    return date_error(text);
}

bool check_is_code(const char *s)
{
    return is_code(s);
}

/* Record a problem for every key of OBJ that appears twice; PREFIX (may be NULL) is its key. */
static void check_duplicate_keys(struct check *ck, const cJSON *obj, const char *prefix)
{
    char path[512];
    for (const cJSON *a = obj->child; a != NULL; a = a->next)
        if (json_key_repeated(obj, a))
            check_problem(ck,
                          prefix ? pointer(path, sizeof path, prefix, a->string)
                                 : pointer(path, sizeof path, a->string, NULL),
                          "key \"%s\" appears twice; keep one", a->string);
}

/* ---- metrics.json ------------------------------------------------------ */

static const char *const metric_keys[] = {
    "name_vi",  "name_en", "noun_vi",     "noun_en",
    "temporal", "note",    "reported_by", "month_in_report_month",
    "quality"};

static const char *metric_string(struct check *ck, const cJSON *m, const char *key)
{
    char path[512];
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(m, key);
    pointer(path, sizeof path, m->string, key);
    if (v == NULL) {
        check_problem(ck, path,
                      "missing key \"%s\"; every metric needs name_vi, name_en, noun_vi, noun_en "
                      "and temporal",
                      key);
        return NULL;
    }
    if (!cJSON_IsString(v) || v->valuestring[0] == '\0') {
        check_problem(ck, path, "\"%s\" must be text in double quotes, not empty", key);
        return NULL;
    }
    return v->valuestring;
}

/*
 * The metric M's "reported_by" into *out: a list of unit kinds as the unit
 * registry writes them (kpi.unit.kind: "xa", "phuong", "hospital", ...), each
 * once. Absent: *out stays empty (completeness then counts the communes and
 * wards below a cell, as before the key existed).
 */
static void check_reported_by(struct check *ck, const cJSON *m, struct catalog_units *out)
{
    char path[512];
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(m, "reported_by");
    if (v == NULL)
        return;
    pointer(path, sizeof path, m->string, "reported_by");
    if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) == 0) {
        check_problem(ck, path,
                      "\"reported_by\" must list the kinds of unit that send this count, as the "
                      "unit registry names them, e.g. [\"xa\", \"phuong\", \"dac_khu\"] or "
                      "[\"hospital\"]");
        return;
    }
    out->names = calloc((size_t)cJSON_GetArraySize(v), sizeof *out->names);
    if (out->names == NULL) {
        ck->oom = true;
        return;
    }
    int i = 0;
    for (const cJSON *k = v->child; k != NULL; k = k->next, i++) {
        char at[540];
        snprintf(at, sizeof at, "%.511s/%d", path, i);
        if (!cJSON_IsString(k) || !is_code(k->valuestring)) {
            check_problem(ck, at,
                          "each kind of unit must be lower-case letters, digits and \"_\" in "
                          "double quotes, as in the unit registry's kind column, e.g. \"xa\"");
            continue;
        }
        bool again = false;
        for (size_t j = 0; j < out->n; j++)
            again = again || strcmp(out->names[j], k->valuestring) == 0;
        if (again)
            check_problem(ck, at, "kind \"%s\" is listed twice; keep one", k->valuestring);
        else
            out->names[out->n++] = k->valuestring;
    }
}

void check_metrics(struct check *ck, const cJSON *root)
{
    size_t n = 0;
    char path[512];
    for (const cJSON *m = root->child; m != NULL; m = m->next)
        n++;
    if (n == 0) {
        check_problem(ck, "/",
                      "no metric is declared; list every metric code as \"code\": "
                      "{\"name_vi\": ..., \"name_en\": ..., \"temporal\": ...}");
        return;
    }
    ck->cat->metrics = calloc(n, sizeof *ck->cat->metrics);
    if (ck->cat->metrics == NULL) {
        ck->oom = true;
        return;
    }
    check_duplicate_keys(ck, root, NULL);
    for (const cJSON *m = root->child; m != NULL; m = m->next) {
        struct catalog_metric *out = &ck->cat->metrics[ck->cat->n_metrics];
        if (json_key_repeated(root, m))
            continue; /* reported by check_duplicate_keys */
        /* kept even when faulty, so that indicators using it draw no second problem */
        out->code = m->string;
        ck->cat->n_metrics++;
        pointer(path, sizeof path, m->string, NULL);
        if (!is_code(m->string)) {
            check_problem(
                ck, path,
                "metric code \"%s\" must be lower-case letters, digits and \"_\", starting "
                "with a letter, e.g. \"dvc_essential_online\"",
                m->string);
        }
        if (!cJSON_IsObject(m)) {
            check_problem(ck, path,
                          "metric \"%s\" must be an object: {\"name_vi\": ..., \"name_en\": ..., "
                          "\"temporal\": \"flow\" or \"stock\"}",
                          m->string);
            continue;
        }
        check_duplicate_keys(ck, m, m->string);
        for (const cJSON *k = m->child; k != NULL; k = k->next) {
            if (json_key_repeated(m, k))
                continue;
            size_t nkeys = sizeof metric_keys / sizeof metric_keys[0];
            bool known = false;
            for (size_t i = 0; i < nkeys; i++)
                known = known || strcmp(k->string, metric_keys[i]) == 0;
            if (known)
                continue;
            const char *hint = closest(k->string, metric_keys, nkeys);
            check_problem(ck, pointer(path, sizeof path, m->string, k->string),
                          "unknown key \"%s\"%s%s%s; a metric has name_vi, name_en, noun_vi, "
                          "noun_en, temporal and optionally note, reported_by, "
                          "month_in_report_month and quality",
                          k->string, hint ? " (did you mean \"" : "", hint ? hint : "",
                          hint ? "\"?)" : "");
        }
        out->name_vi = metric_string(ck, m, "name_vi");
        out->name_en = metric_string(ck, m, "name_en");
        out->noun_vi = metric_string(ck, m, "noun_vi");
        out->noun_en = metric_string(ck, m, "noun_en");
        out->temporal = metric_string(ck, m, "temporal");
        const cJSON *note = cJSON_GetObjectItemCaseSensitive(m, "note");
        if (note != NULL && !cJSON_IsString(note)) {
            check_problem(ck, pointer(path, sizeof path, m->string, "note"),
                          "\"note\" must be text in double quotes");
        }
        check_reported_by(ck, m, &out->reported_by);
        /* month totals counted in the reporting window holding their month's 15th */
        const cJSON *whole = cJSON_GetObjectItemCaseSensitive(m, "month_in_report_month");
        if (whole != NULL && !cJSON_IsBool(whole)) {
            check_problem(ck, pointer(path, sizeof path, m->string, "month_in_report_month"),
                          "\"month_in_report_month\" must be true or false");
        }
        out->month_in_report_month = cJSON_IsTrue(whole);
        if (out->temporal != NULL && strcmp(out->temporal, "flow") != 0 &&
            strcmp(out->temporal, "stock") != 0) {
            check_problem(
                ck, pointer(path, sizeof path, m->string, "temporal"),
                "temporal \"%s\" is not known; use \"flow\" for counts of events summed over "
                "time (dossiers, visits, payments) or \"stock\" for head-counts whose last "
                "value counts (citizens, accounts, hospitals)",
                out->temporal);
        }
    }
    watch_check_quality(ck, root); /* each metric's "quality" (watch.c) */
}

/* ---- indicator files --------------------------------------------------- */

/* The code points of the UTF-8 text S (the catalog's text is valid UTF-8: read.c checks). */
static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

enum field_type {
    T_ID,
    T_TEXT,
    T_SHORT, /* text of at most CATALOG_SHORT_NAME_MAX characters */
    T_KIND,
    T_METRIC,
    T_CMP,
    T_PCT,
    T_DATE,
    T_CADENCE,
    T_CODE,
    T_UNITS,
    T_BOOL,  /* true or false (judging_fields) */
    T_KINDS, /* a unit kind code, or a list of them */
    T_ASSIGN /* "province", "communes", or a list of unit codes */
};

enum {
    K_RATIO = 1,
    K_SHARE = 2,
    K_TASK = 4,
    K_MONITOR = 8, /* a series shown, never judged */
    K_MEASURED = K_RATIO | K_SHARE,
    K_COUNTED = K_MEASURED | K_MONITOR, /* the kinds with a numerator */
    K_ALL = 15
};

struct field {
    const char *key;
    enum field_type type;
    unsigned allowed;  /* the kinds that may have it */
    unsigned required; /* the kinds that must have it */
    size_t offset;     /* of its member in struct catalog_indicator */
    const char *what;  /* what it is, for messages */
};

#define AT(member) offsetof(struct catalog_indicator, member)

static const struct field fields[] = {
    {"id", T_ID, K_ALL, K_ALL, AT(id),
     "the item number of the plan's appendix, e.g. \"3.1\" or \"5.1.b\""},
    {"effective_from", T_DATE, K_ALL, 0, AT(effective_from),
     "the first day this version applies, YYYY-MM-DD"},
    {"name_vi", T_TEXT, K_ALL, K_ALL, AT(name_vi), "the plan's own wording, in Vietnamese"},
    {"name_en", T_TEXT, K_ALL, K_ALL, AT(name_en), "the name in English"},
    {"short_name_vi", T_SHORT, K_ALL, K_ALL, AT(short_name_vi),
     "the name in a table's row, a subject or a chart title, in Vietnamese, at most 60 "
     "characters, e.g. \"Kiện toàn Tổ Công tác Đề án 06\""},
    {"short_name_en", T_SHORT, K_ALL, K_ALL, AT(short_name_en),
     "the short name in English, at most 60 characters"},
    {"plan_ref", T_TEXT, K_ALL, K_ALL, AT(plan_ref),
     "where the plan sets it, e.g. \"KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.1\""},
    {"kind", T_KIND, K_ALL, K_ALL, AT(kind),
     "\"ratio\", \"share\", \"task\" or \"monitor\" (a series shown, never judged)"},
    {"numerator", T_METRIC, K_COUNTED, K_COUNTED, AT(numerator),
     "the metric code counted above the line, declared in metrics.json"},
    {"denominator", T_METRIC, K_COUNTED, K_MEASURED, AT(denominator),
     "the metric code counted below the line, declared in metrics.json"},
    {"comparator", T_CMP, K_MEASURED, K_MEASURED, AT(comparator),
     "\">\" for \"trên\" (strictly above) or \">=\" for \"từ ... trở lên\", \"tối thiểu\", "
     "\"ít nhất\", \"100 %\""},
    {"target_pct", T_PCT, K_MEASURED, K_MEASURED, AT(target_pct),
     "the target percentage as text, e.g. \"80\" or \"99.5\""},
    {"target_text_vi", T_TEXT, K_MEASURED, K_MEASURED, AT(target_text_vi),
     "the target as the plan words it, e.g. \"trên 80 %\", shown in alerts"},
    {"facility_kind", T_KINDS, K_SHARE, K_SHARE, AT(facility_kind),
     "the kind of facility judged one by one, e.g. \"school\", or a list of kinds, e.g. "
     "[\"health_facility\", \"hospital\"]"},
    {"facility_noun_vi", T_TEXT, K_SHARE, K_SHARE, AT(facility_noun_vi),
     "what a gap counts: those facilities in Vietnamese, e.g. \"trường học\""},
    {"facility_noun_en", T_TEXT, K_SHARE, K_SHARE, AT(facility_noun_en),
     "those facilities in English, plural, e.g. \"schools\""},
    {"inner_comparator", T_CMP, K_SHARE, K_SHARE, AT(inner_comparator),
     "the comparator each facility's own ratio must meet, \">\" or \">=\""},
    {"inner_target_pct", T_PCT, K_SHARE, K_SHARE, AT(inner_target_pct),
     "the target each facility's own ratio must meet, e.g. \"85\""},
    {"status_metric", T_METRIC, K_TASK, K_TASK, AT(status_metric),
     "the metric the lead unit reports as 1 when the task is done, declared in metrics.json"},
    {"cadence", T_CADENCE, K_ALL, K_ALL, AT(cadence),
     "\"monthly_ytd\" (every month and the year to date), \"ongoing\" or \"due\" (by due_date)"},
    {"deadline_text_vi", T_TEXT, K_ALL, 0, AT(deadline_text_vi),
     "the deadline as the plan words it, e.g. \"Trước ngày 19/8/2025\""},
    {"deadline_text_en", T_TEXT, K_ALL, 0, AT(deadline_text_en),
     "the same in English, e.g. \"Before 19/8/2025\""},
    {"due_date", T_DATE, K_ALL, 0, AT(due_date), "the last day to meet the target, YYYY-MM-DD"},
    {"lead_units", T_UNITS, K_ALL, K_ALL, AT(lead_units),
     "the lead units (đơn vị chủ trì), a list of names in square brackets"},
    {"support_units", T_UNITS, K_ALL, 0, AT(support_units),
     "the supporting units (đơn vị phối hợp), a list of names in square brackets"},
    {"note", T_TEXT, K_ALL, 0, AT(note), "a remark for the people who edit the catalog"},
    {"continues", T_TEXT, K_ALL, 0, AT(continues),
     "the item of an earlier plan this one carries over, \"<plan>/<item>\", e.g. "
     "\"kh05-2025/3.1\": one series and one alert key across the plans (docs/plans.md)"},
};

#define N_FIELDS (sizeof fields / sizeof fields[0])

/* The keys that say how the plan judges a target (issue 17), apart from the table above. */
static const struct field judging_fields[] = {
    {"aspirational", T_BOOL, K_MEASURED | K_TASK, 0, AT(aspirational),
     "true when the plan words the target \"phấn đấu\" (strive for): its alerts are at most "
     "warning; false when the plan binds it"},
    {"denominator_baseline", T_DATE, K_RATIO, 0, AT(denominator_baseline),
     "the day the denominator is fixed at (each unit's last value on or before it), e.g. "
     "\"2025-07-14\" for \"hiện nay\" at the plan's date"},
    {"assigned_to", T_ASSIGN, K_TASK, 0, AT(assigned_to),
     "who must do the task: \"province\", \"communes\" (every commune and ward) or a list of "
     "unit codes, e.g. [\"01840\", \"01843\"]"},
};

#define N_JUDGING (sizeof judging_fields / sizeof judging_fields[0])

static const char *const kinds[] = {"ratio", "share", "task", "monitor"};
static const char *const cadences[] = {"monthly_ytd", "ongoing", "due"};
static const char *const comparators[] = {">", ">="};

/* The index of TEXT in WORDS, or -1. */
static int word_index(const char *text, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(text, words[i]) == 0)
            return (int)i;
    return -1;
}

static const char *kind_name(unsigned bits)
{
    return bits == K_SHARE     ? "share"
           : bits == K_TASK    ? "task"
           : bits == K_MONITOR ? "monitor"
                               : "ratio";
}

/* Check the list of unit names V of field F into *out. */
static void check_units(struct check *ck, const struct field *f, const cJSON *v,
                        struct catalog_units *out)
{
    char path[512];
    pointer(path, sizeof path, f->key, NULL);
    if (!cJSON_IsArray(v)) {
        check_problem(ck, path, "\"%s\" must be %s, e.g. [\"Sở Y tế\", \"UBND các xã, phường\"]",
                      f->key, f->what);
        return;
    }
    int n = cJSON_GetArraySize(v), i = 0;
    if (n == 0 && f->required) {
        check_problem(ck, path, "\"%s\" is empty; name at least one unit", f->key);
        return;
    }
    out->names = calloc((size_t)n + 1, sizeof *out->names);
    if (out->names == NULL) {
        ck->oom = true;
        return;
    }
    for (const cJSON *u = v->child; u != NULL; u = u->next, i++) {
        char index[16];
        snprintf(index, sizeof index, "%d", i);
        if (!cJSON_IsString(u) || u->valuestring[0] == '\0')
            check_problem(ck, pointer(path, sizeof path, f->key, index),
                          "each unit must be a name in double quotes, not empty");
        else
            out->names[out->n++] = u->valuestring;
    }
}

/* ---- the keys of how the plan judges a target (issue 17) ------------- */

/*
 * Check V of a T_BOOL, T_KINDS or T_ASSIGN field F into IND: aspirational,
 * facility_kind (a kind or a list of kinds: facility_kind is the first,
 * facility_kinds all), assigned_to ("province", "communes", or a list of unit
 * codes: assigned_to "listed", assigned_units the codes).
 */
static void check_judging_value(struct check *ck, const struct field *f, const cJSON *v,
                                struct catalog_indicator *ind)
{
    char path[512];
    pointer(path, sizeof path, f->key, NULL);
    if (f->type == T_BOOL) {
        if (!cJSON_IsBool(v))
            check_problem(ck, path, "\"%s\" must be true or false, without quotes: %s", f->key,
                          f->what);
        else
            ind->aspirational = cJSON_IsTrue(v);
        return;
    }
    if (cJSON_IsString(v) && f->type == T_ASSIGN) {
        static const char *const whom[] = {"province", "communes"};
        if (word_index(v->valuestring, whom, 2) < 0)
            check_problem(ck, path, "unknown assigned_to \"%s\"; use %s", v->valuestring, f->what);
        else
            ind->assigned_to = v->valuestring;
        return;
    }
    if (cJSON_IsString(v)) { /* T_KINDS: one kind */
        if (!is_code(v->valuestring)) {
            check_problem(ck, path, "\"%s\" is not a unit kind code; use %s", v->valuestring,
                          f->what);
            return;
        }
        ind->facility_kind = v->valuestring;
        v = NULL; /* facility_kinds below: the one kind */
    } else if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) == 0) {
        check_problem(ck, path, "\"%s\" must be %s", f->key, f->what);
        return;
    }
    struct catalog_units *out = f->type == T_KINDS ? &ind->facility_kinds : &ind->assigned_units;
    int n = v != NULL ? cJSON_GetArraySize(v) : 1, i = 0;
    out->names = calloc((size_t)n + 1, sizeof *out->names);
    if (out->names == NULL) {
        ck->oom = true;
        return;
    }
    if (v == NULL) {
        out->names[out->n++] = ind->facility_kind;
        return;
    }
    for (const cJSON *u = v->child; u != NULL; u = u->next, i++) {
        char index[16];
        bool ok = cJSON_IsString(u) && u->valuestring[0] != '\0' &&
                  (f->type != T_KINDS || is_code(u->valuestring));
        snprintf(index, sizeof index, "%d", i);
        if (!ok) {
            check_problem(ck, pointer(path, sizeof path, f->key, index),
                          "each member must be %s in double quotes, not empty",
                          f->type == T_KINDS ? "a unit kind code" : "a unit code");
            continue;
        }
        for (size_t j = 0; j < out->n; j++)
            if (strcmp(out->names[j], u->valuestring) == 0) {
                check_problem(ck, pointer(path, sizeof path, f->key, index),
                              "\"%s\" is listed twice; keep one", u->valuestring);
                ok = false;
            }
        if (ok)
            out->names[out->n++] = u->valuestring;
    }
    if (f->type == T_KINDS)
        ind->facility_kind = out->n > 0 ? out->names[0] : NULL;
    else
        ind->assigned_to = "listed";
}

/* The field of KEY, from the indicator table or the judging table, or NULL. */
static const struct field *find_field(const char *key)
{
    for (size_t i = 0; i < N_FIELDS; i++)
        if (strcmp(fields[i].key, key) == 0)
            return &fields[i];
    for (size_t i = 0; i < N_JUDGING; i++)
        if (strcmp(judging_fields[i].key, key) == 0)
            return &judging_fields[i];
    return NULL;
}

/* Does TEXT (may be NULL) word its target "phấn đấu" (the plan also misspells it "phần đầu")? */
static bool says_strive(const char *text)
{
    return text != NULL && (strstr(text, "hấn đấu") != NULL || strstr(text, "hần đầu") != NULL);
}

/*
 * The checks of the judging keys across IND: a monitor has no due date; a
 * target worded "phấn đấu" says whether it is aspirational.
 */
static void check_judging(struct check *ck, const cJSON *root, const struct catalog_indicator *ind,
                          unsigned kind)
{
    if (kind == K_MONITOR && ind->cadence != NULL && strcmp(ind->cadence, "due") == 0)
        check_problem(ck, "/cadence",
                      "a monitored series is never judged, so it has no due date; set "
                      "\"cadence\": \"ongoing\" or \"monthly_ytd\", or make it a ratio");
    if (ind->denominator_baseline != NULL && ind->denominator != NULL) {
        const struct catalog_metric *m = catalog_metric_find(ck->cat, ind->denominator);
        if (m != NULL && m->temporal != NULL && strcmp(m->temporal, "stock") != 0)
            check_problem(ck, "/denominator_baseline",
                          "denominator \"%s\" is a \"flow\"; only a stock (a head-count whose "
                          "last value counts) has a value on a day to fix",
                          m->code);
    }
    if ((kind & (K_MEASURED | K_TASK)) &&
        cJSON_GetObjectItemCaseSensitive(root, "aspirational") == NULL &&
        (says_strive(ind->name_vi) || says_strive(ind->deadline_text_vi)))
        check_problem(ck, "/aspirational",
                      "the plan words this target \"phấn đấu\" (strive for); set \"aspirational\": "
                      "true (alerts at most warning), or false if the target binds");
}

/* Check value V of field F (present in the file); store it in IND when valid. */
static void check_field(struct check *ck, const struct field *f, const cJSON *v,
                        struct catalog_indicator *ind)
{
    char path[512];
    const char **slot = (const char **)((char *)ind + f->offset);
    const char *s;
    int64_t micro;
    pointer(path, sizeof path, f->key, NULL);
    if (f->type == T_BOOL || f->type == T_KINDS || f->type == T_ASSIGN) {
        check_judging_value(ck, f, v, ind);
        return;
    }
    if (f->type == T_UNITS) {
        check_units(ck, f, v, (struct catalog_units *)slot);
        return;
    }
    if (!cJSON_IsString(v)) {
        if (f->type == T_PCT && cJSON_IsNumber(v))
            check_problem(
                ck, path,
                "%s must be text in double quotes, e.g. \"%.15g\" instead of %.15g (a bare "
                "number could be rounded)",
                f->key, v->valuedouble, v->valuedouble);
        else
            check_problem(ck, path, "\"%s\" must be text in double quotes: %s", f->key, f->what);
        return;
    }
    s = v->valuestring;
    if (s[0] == '\0') {
        check_problem(ck, path, "\"%s\" is empty; it must be %s", f->key, f->what);
        return;
    }
    switch (f->type) {
    case T_ID:
        if (!is_item_id(s)) {
            check_problem(ck, path, "\"%s\" is not an appendix item number; use %s", s, f->what);
            return;
        }
        break;
    case T_KIND:
    case T_CADENCE:
    case T_CMP: {
        const char *const *words = f->type == T_KIND      ? kinds
                                   : f->type == T_CADENCE ? cadences
                                                          : comparators;
        size_t n = f->type == T_CMP ? 2 : f->type == T_KIND ? 4 : 3;
        if (word_index(s, words, n) < 0) {
            check_problem(ck, path, "unknown %s \"%s\"; use %s",
                          f->type == T_CMP ? "comparator" : f->key, s, f->what);
            return;
        }
        break;
    }
    case T_METRIC:
        if (!is_code(s)) {
            check_problem(
                ck, path,
                "\"%s\" is not a metric code (lower-case letters, digits and \"_\"); use %s", s,
                f->what);
            return;
        }
        if (ck->metrics_ok && catalog_metric_find(ck->cat, s) == NULL) {
            const char **codes = calloc(ck->cat->n_metrics + 1, sizeof *codes);
            const char *hint = NULL;
            if (codes != NULL) {
                for (size_t i = 0; i < ck->cat->n_metrics; i++)
                    codes[i] = ck->cat->metrics[i].code;
                hint = closest(s, codes, ck->cat->n_metrics);
            }
            check_problem(ck, path,
                          "unknown metric code \"%s\"%s%s%s; declare it in " CATALOG_METRICS_FILE
                          " or correct the spelling",
                          s, hint ? " (did you mean \"" : "", hint ? hint : "", hint ? "\"?)" : "");
            free(codes);
            return;
        }
        break;
    case T_CODE:
        if (!is_code(s)) {
            check_problem(ck, path, "\"%s\" is not a unit kind code; use %s", s, f->what);
            return;
        }
        break;
    case T_PCT:
        if (catalog_parse_pct(s, &micro) != 0) {
            check_problem(ck, path,
                          "\"%s\" is not a percentage; write digits with a point for decimals and "
                          "without \"%%\", e.g. \"80\" or \"99.5\" (at most 6 decimals)",
                          s);
            return;
        }
        if (micro > 100 * CATALOG_PCT_SCALE) {
            check_problem(ck, path, "target %s %% is outside 0 to 100; a target is a percentage",
                          s);
            return;
        }
        break;
    case T_DATE: {
        const char *why = date_error(s);
        if (why != NULL) {
            check_problem(ck, path, "\"%s\" is not a valid date: %s", s, why);
            return;
        }
        break;
    }
    case T_SHORT:
        if (utf8_chars(s) > CATALOG_SHORT_NAME_MAX) {
            check_problem(ck, path,
                          "\"%s\" has %zu characters; a short name has at most %d (the full "
                          "sentence stays in name_vi and name_en)",
                          f->key, utf8_chars(s), CATALOG_SHORT_NAME_MAX);
            return;
        }
        break;
    case T_TEXT:
    case T_UNITS:
    case T_BOOL:
    case T_KINDS:
    case T_ASSIGN:
        break;
    }
    *slot = s;
}

/* TARGET ("99.5", "80.0") as Vietnamese writes it ("99,5", "80") into buf. */
static void vi_number(const char *target, char *buf, size_t len)
{
    snprintf(buf, len, "%s", target);
    char *dot = strchr(buf, '.');
    if (dot == NULL)
        return;
    size_t end = strlen(buf);
    while (end > 0 && buf[end - 1] == '0')
        buf[--end] = '\0';
    if (buf[end - 1] == '.')
        buf[end - 1] = '\0';
    else
        *dot = ',';
}

static bool ends_with(const char *text, size_t len, const char *word)
{
    size_t n = strlen(word);
    return len >= n && memcmp(text + len - n, word, n) == 0;
}

/*
 * Check that target_text_vi names TARGET and that its wording agrees with
 * COMPARATOR: "trên X %" is ">", "từ X % trở lên", "tối thiểu X %" and
 * "ít nhất X %" are ">=". CMP_KEY is where the comparator stands.
 */
static void check_wording(struct check *ck, const char *text, const char *target,
                          const char *comparator, const char *cmp_key)
{
    char number[32], path[64];
    vi_number(target, number, sizeof number);
    size_t nlen = strlen(number);
    for (const char *p = strstr(text, number); p != NULL; p = strstr(p + 1, number)) {
        const char *after = p + nlen;
        char prev = p == text ? ' ' : p[-1];
        if ((prev >= '0' && prev <= '9') || prev == ',' || prev == '.')
            continue;
        if (*after == ' ')
            after++;
        if (*after != '%')
            continue;
        after++;
        size_t before = (size_t)(p - text);
        const char *wants = NULL, *word = NULL;
        if (ends_with(text, before, "trên ")) {
            wants = ">";
            word = "trên";
        } else if (strncmp(after, " trở lên", strlen(" trở lên")) == 0) {
            wants = ">=";
            word = "trở lên";
        } else if (ends_with(text, before, "tối thiểu ") || ends_with(text, before, "ít nhất ")) {
            wants = ">=";
            word = ends_with(text, before, "tối thiểu ") ? "tối thiểu" : "ít nhất";
        }
        if (wants != NULL && comparator != NULL && strcmp(wants, comparator) != 0)
            check_problem(ck, pointer(path, sizeof path, cmp_key, NULL),
                          "\"%s\" contradicts target_text_vi \"%s\": \"%s\" means %s; set \"%s\": "
                          "\"%s\" or correct the text",
                          comparator, text, word,
                          strcmp(wants, ">") == 0 ? "strictly above" : "at least", cmp_key, wants);
        return;
    }
    check_problem(
        ck, "/target_text_vi",
        "\"%s\" does not mention the target %s %%; write the target as the plan words it, "
        "e.g. \"trên %s %%\" or \"từ %s %% trở lên\"",
        text, number, number, number);
}

/* The checks that involve several keys of IND (KIND is its kind bit, 0 when unknown). */
static void check_together(struct check *ck, const cJSON *root, struct catalog_indicator *ind,
                           unsigned kind)
{
    bool has_due = cJSON_GetObjectItemCaseSensitive(root, "due_date") != NULL;
    if (ind->cadence != NULL && strcmp(ind->cadence, "due") == 0 && !has_due)
        check_problem(ck, "/due_date",
                      "missing key \"due_date\"; \"cadence\": \"due\" needs the last day to meet "
                      "the target, YYYY-MM-DD, e.g. \"2025-12-31\"");
    if (ind->cadence != NULL && strcmp(ind->cadence, "due") != 0 && has_due)
        check_problem(
            ck, "/due_date",
            "only an indicator with \"cadence\": \"due\" has a due date; remove due_date, "
            "or set the cadence to \"due\"");
    if (kind == K_TASK && ind->cadence != NULL && strcmp(ind->cadence, "due") != 0)
        check_problem(
            ck, "/cadence",
            "a task is tracked against its due date; set \"cadence\": \"due\" and due_date");
    if (kind == K_TASK && ind->status_metric != NULL) {
        const struct catalog_metric *m = catalog_metric_find(ck->cat, ind->status_metric);
        if (m != NULL && m->temporal != NULL && strcmp(m->temporal, "flow") == 0)
            check_problem(
                ck, "/status_metric",
                "status metric \"%s\" is declared \"flow\" in " CATALOG_METRICS_FILE
                "; a done/not-done status is a \"stock\" (its last value counts): change its "
                "temporal",
                m->code);
    }
    if (ind->target_text_vi != NULL && ind->target_pct != NULL)
        check_wording(ck, ind->target_text_vi, ind->target_pct, ind->comparator, "comparator");
    if (kind == K_SHARE && ind->target_text_vi != NULL && ind->inner_target_pct != NULL)
        check_wording(ck, ind->target_text_vi, ind->inner_target_pct, ind->inner_comparator,
                      "inner_comparator");
}

void check_indicator(struct check *ck, const cJSON *root, struct catalog_indicator *ind)
{
    char path[512];
    unsigned kind = 0;
    const cJSON *k = cJSON_GetObjectItemCaseSensitive(root, "kind");
    if (cJSON_IsString(k) && word_index(k->valuestring, kinds, 4) >= 0)
        kind = 1u << word_index(k->valuestring, kinds, 4);
    check_duplicate_keys(ck, root, NULL);
    for (const cJSON *v = root->child; v != NULL; v = v->next) {
        if (json_key_repeated(root, v))
            continue; /* reported by check_duplicate_keys */
        const struct field *f = find_field(v->string);
        if (f == NULL) {
            const char *keys[N_FIELDS + N_JUDGING];
            for (size_t i = 0; i < N_FIELDS; i++)
                keys[i] = fields[i].key;
            for (size_t i = 0; i < N_JUDGING; i++)
                keys[N_FIELDS + i] = judging_fields[i].key;
            const char *hint = closest(v->string, keys, N_FIELDS + N_JUDGING);
            if (hint != NULL)
                check_problem(ck, pointer(path, sizeof path, v->string, NULL),
                              "unknown key \"%s\"; did you mean \"%s\"?", v->string, hint);
            else
                check_problem(ck, pointer(path, sizeof path, v->string, NULL),
                              "unknown key \"%s\"; remove it (indicators/README.md lists the keys)",
                              v->string);
            continue;
        }
        if (kind != 0 && !(f->allowed & kind)) {
            check_problem(ck, pointer(path, sizeof path, f->key, NULL),
                          "\"%s\" does not apply to a %s indicator; remove it%s", f->key,
                          kind_name(kind),
                          f->allowed == K_SHARE  ? ", or set \"kind\": \"share\""
                          : f->allowed == K_TASK ? ", or set \"kind\": \"task\""
                                                 : "");
            continue;
        }
        check_field(ck, f, v, ind);
    }
    for (size_t i = 0; i < N_FIELDS; i++) {
        const struct field *f = &fields[i];
        bool needed = kind != 0 ? (f->required & kind) != 0 : f->required == K_ALL;
        if (needed && cJSON_GetObjectItemCaseSensitive(root, f->key) == NULL)
            check_problem(ck, pointer(path, sizeof path, f->key, NULL),
                          "missing key \"%s\"; %s%s%s needs %s", f->key, kind ? "a " : "every ",
                          kind ? kind_name(kind) : "", kind ? " indicator" : "indicator", f->what);
    }
    check_together(ck, root, ind, kind);
    check_judging(ck, root, ind, kind);
}

/* ---- plan.json (issue 18) ---------------------------------------------- */

/* A plan id: a lower-case letter or digit, then lower-case letters, digits or "-". */
bool check_is_plan_id(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
        return false;
    for (s++; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return false;
    return true;
}

#define PLAN_AT(member) offsetof(struct catalog_plan, member)

static const struct {
    const char *key;
    bool required, date;
    size_t offset;
    const char *what;
} plan_keys[] = {
    {"id", true, false, PLAN_AT(id), "the plan's id, the name of its folder, e.g. \"kh05-2025\""},
    {"document_number", true, false, PLAN_AT(document_number),
     "the document's number as it is signed, e.g. \"05/KH-UBND\""},
    {"document_date", true, true, PLAN_AT(document_date), "the document's date, YYYY-MM-DD"},
    {"appendix_number", false, false, PLAN_AT(appendix_number),
     "the number the appendix itself cites, when it differs from the document's"},
    {"appendix_date", false, true, PLAN_AT(appendix_date),
     "the date the appendix itself cites, YYYY-MM-DD"},
    {"title_vi", true, false, PLAN_AT(title_vi), "the document's title, in Vietnamese"},
    {"title_en", true, false, PLAN_AT(title_en), "the title in English"},
    {"valid_from", true, true, PLAN_AT(valid_from),
     "the first day the plan is in force, YYYY-MM-DD, e.g. \"2026-01-01\""},
    {"valid_to", true, true, PLAN_AT(valid_to),
     "the last day the plan is in force, YYYY-MM-DD, e.g. \"2026-12-31\""},
    {"province", true, false, PLAN_AT(province), "the province, e.g. \"Thái Nguyên\""},
    {"note", false, false, PLAN_AT(note), "a remark for the people who edit the catalog"},
};

#define N_PLAN_KEYS (sizeof plan_keys / sizeof plan_keys[0])

void check_plan(struct check *ck, const cJSON *root, struct catalog_plan *plan)
{
    char path[512];
    const char *keys[N_PLAN_KEYS];
    for (size_t i = 0; i < N_PLAN_KEYS; i++)
        keys[i] = plan_keys[i].key;
    check_duplicate_keys(ck, root, NULL);
    for (const cJSON *v = root->child; v != NULL; v = v->next) {
        size_t k = 0;
        while (k < N_PLAN_KEYS && strcmp(plan_keys[k].key, v->string) != 0)
            k++;
        pointer(path, sizeof path, v->string, NULL);
        if (k == N_PLAN_KEYS) {
            const char *hint = closest(v->string, keys, N_PLAN_KEYS);
            check_problem(ck, path, "unknown key \"%s\"; %s%s%s", v->string,
                          hint ? "did you mean \"" : "remove it (docs/plans.md lists the keys)",
                          hint ? hint : "", hint ? "\"?" : "");
            continue;
        }
        if (!cJSON_IsString(v) || v->valuestring[0] == '\0') {
            check_problem(ck, path, "\"%s\" must be text in double quotes, not empty: %s",
                          v->string, plan_keys[k].what);
            continue;
        }
        const char *why = plan_keys[k].date ? date_error(v->valuestring) : NULL;
        if (why != NULL) {
            check_problem(ck, path, "\"%s\" is not a date: %s", v->valuestring, why);
            continue;
        }
        if (k == 0 && !check_is_plan_id(v->valuestring)) {
            check_problem(ck, path,
                          "\"%s\" is not a plan id; use lower-case letters, digits and \"-\", "
                          "e.g. \"kh05-2025\"",
                          v->valuestring);
            continue;
        }
        *(const char **)((char *)plan + plan_keys[k].offset) = v->valuestring;
    }
    for (size_t i = 0; i < N_PLAN_KEYS; i++)
        if (plan_keys[i].required &&
            cJSON_GetObjectItemCaseSensitive(root, plan_keys[i].key) == NULL)
            check_problem(ck, pointer(path, sizeof path, plan_keys[i].key, NULL),
                          "missing key \"%s\"; every plan needs %s", plan_keys[i].key,
                          plan_keys[i].what);
    if (plan->id != NULL && plan->dir != NULL && strcmp(plan->id, plan->dir) != 0)
        check_problem(ck, "/id", "the plan's id \"%s\" differs from its folder \"%s\"; rename one",
                      plan->id, plan->dir);
    if (plan->valid_from != NULL && plan->valid_to != NULL &&
        strcmp(plan->valid_from, plan->valid_to) > 0)
        check_problem(ck, "/valid_to", "the plan ends (%s) before it starts (%s)", plan->valid_to,
                      plan->valid_from);
}
