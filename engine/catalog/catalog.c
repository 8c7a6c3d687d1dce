/*
 * catalog.c — owns the indicator catalog: finding indicators/, reading and
 * validating its JSON files (every problem, with file and JSON pointer), its
 * version hash, the exact threshold decision (catalog_judge), and its rows in
 * kpi.metric, kpi.indicator and their history (see catalog.h).
 */
#include "catalog/catalog.h"

#include "db/conn.h"
#include "common/sizelimit.h"
#include "common/log.h"
#include "common/status.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PCT_SCALE INT64_C(1000000) /* catalog_parse_pct: millionths of a percent */

/* pg_advisory_xact_lock keys: 'kpi' and 3 = catalog load (1 migrations, 2 the nightly run,
 * 4 ingest, 5 compute). */
#define LOCK_SQL "SELECT pg_advisory_xact_lock(7040105, 3)"

/* What catalog.priv points to: the parsed files and the names they came from. */
struct catalog_priv {
    cJSON **trees;
    size_t n_trees;
    char **names;
    size_t n_names;
};

/* The state of one catalog_load. */
struct loader {
    struct catalog *cat;
    struct catalog_priv *priv;
    const char *file; /* the file being checked */
    bool metrics_ok;  /* metrics.json parsed: metric codes can be checked */
    bool oom;
};

/* ---- problems ---------------------------------------------------------- */

static char *xstrdup(struct loader *ld, const char *s)
{
    char *d = strdup(s);
    if (d == NULL)
        ld->oom = true;
    return d;
}

static void problem(struct loader *ld, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void problem(struct loader *ld, const char *path, const char *fmt, ...)
{
    struct catalog *cat = ld->cat;
    struct catalog_problem *grown =
        realloc(cat->problems, (cat->n_problems + 1) * sizeof *cat->problems);
    char *message = NULL;
    va_list ap;
    if (grown == NULL) {
        ld->oom = true;
        return;
    }
    cat->problems = grown;
    va_start(ap, fmt);
    int n = vasprintf(&message, fmt, ap);
    va_end(ap);
    if (n < 0) {
        ld->oom = true;
        return;
    }
    struct catalog_problem *p = &cat->problems[cat->n_problems];
    p->file = xstrdup(ld, ld->file);
    p->path = xstrdup(ld, path);
    p->message = message;
    if (p->file == NULL || p->path == NULL) {
        free(p->file);
        free(p->path);
        free(p->message);
        return;
    }
    cat->n_problems++;
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

static int days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
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
    if (v[2] < 1 || v[2] > days_in_month(v[0], v[1])) {
        snprintf(why, sizeof why, "month %02d of %d has %d days", v[1], v[0],
                 days_in_month(v[0], v[1]));
        return why;
    }
    return NULL;
}

/* Byte offset of the first invalid UTF-8 sequence or NUL of BUF, or -1. */
static long utf8_error(const unsigned char *buf, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = buf[i];
        size_t n;
        uint32_t cp;
        if (c == 0)
            return (long)i;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xc2 && c <= 0xdf) {
            n = 1;
            cp = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            n = 2;
            cp = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            n = 3;
            cp = c & 0x07;
        } else {
            return (long)i;
        }
        if (i + n >= len)
            return (long)i;
        for (size_t k = 1; k <= n; k++) {
            if ((buf[i + k] & 0xc0) != 0x80)
                return (long)i;
            cp = (cp << 6) | (buf[i + k] & 0x3f);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
            (n == 3 && (cp < 0x10000 || cp > 0x10ffff)))
            return (long)i;
        i += n + 1;
    }
    return -1;
}

int catalog_parse_pct(const char *text, int64_t *micro)
{
    int64_t whole = 0, frac = 0, scale = PCT_SCALE;
    int digits = 0, decimals = 0;
    const char *s = text;
    for (; *s >= '0' && *s <= '9'; s++, digits++) {
        if (digits == 3)
            return -1; /* more than 3 digits: never a percentage, and no overflow */
        whole = whole * 10 + (*s - '0');
    }
    if (digits < 1)
        return -1;
    if (*s == '.') {
        for (s++; *s >= '0' && *s <= '9'; s++, decimals++) {
            if (decimals == 6)
                return -1;
            scale /= 10;
            frac += (*s - '0') * scale;
        }
        if (decimals == 0)
            return -1;
    }
    if (*s != '\0')
        return -1;
    *micro = whole * PCT_SCALE + frac;
    return 0;
}

int catalog_judge(const char *comparator, const char *target_pct, int64_t numerator,
                  int64_t denominator, bool *meets)
{
    int64_t target;
    *meets = false;
    if (comparator == NULL || target_pct == NULL || catalog_parse_pct(target_pct, &target) != 0 ||
        target > 100 * PCT_SCALE || numerator < 0 || denominator < 0)
        return -1;
    bool strict = strcmp(comparator, ">") == 0;
    if (!strict && strcmp(comparator, ">=") != 0)
        return -1;
    if (denominator == 0)
        return 1;
    /* numerator / denominator (cmp) target / (100 * PCT_SCALE), cross-multiplied:
     * at most 2^63 * 10^8 on either side, far inside 128 bits. */
    __extension__ __int128 lhs = (__int128)numerator * 100 * PCT_SCALE;
    __extension__ __int128 rhs = (__int128)target * denominator;
    *meets = strict ? lhs > rhs : lhs >= rhs;
    return 0;
}

/* ---- reading files ----------------------------------------------------- */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.json file names of DIR, sorted by bytes, into priv->names. 0, or -1 (recorded). */
static int list_files(struct loader *ld, const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    if (d == NULL) {
        problem(ld, "/", "could not open the catalog directory \"%s\": %s", dir, strerror(errno));
        return -1;
    }
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        char path[4096];
        struct stat st;
        if (e->d_name[0] == '.' || len < 6 || strcmp(e->d_name + len - 5, ".json") != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        char **grown = realloc(ld->priv->names, (ld->priv->n_names + 1) * sizeof *grown);
        if (grown == NULL) {
            ld->oom = true;
            break;
        }
        ld->priv->names = grown;
        grown[ld->priv->n_names] = xstrdup(ld, e->d_name);
        if (grown[ld->priv->n_names] == NULL)
            break;
        ld->priv->n_names++;
    }
    closedir(d);
    qsort(ld->priv->names, ld->priv->n_names, sizeof *ld->priv->names, by_name);
    return ld->oom ? -1 : 0;
}

/* The bytes of DIR/NAME, NUL-terminated, into *buf (caller frees). 0, or -1 (recorded). */
static int read_file(struct loader *ld, const char *dir, const char *name, char **buf, size_t *len)
{
    char path[4096];
    FILE *f;
    size_t max;
    *buf = NULL;
    *len = 0;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (sizelimit_json_bytes(&max) != 0) {
        problem(ld, "/", "KPI_MAX_JSON_BYTES is not a size; unset it or write e.g. 2M");
        return -1;
    }
    f = fopen(path, "rb");
    if (f == NULL) {
        problem(ld, "/", "could not open \"%s\": %s", path, strerror(errno));
        return -1;
    }
    *buf = malloc(max + 1);
    if (*buf == NULL) {
        ld->oom = true;
        goto fail;
    }
    *len = fread(*buf, 1, max + 1, f);
    if (ferror(f)) {
        problem(ld, "/", "could not read \"%s\": %s", path, strerror(errno));
        goto fail;
    }
    if (*len > max) {
        problem(ld, "/",
                "the file is larger than %zu bytes; a catalog file holds one indicator "
                "(KPI_MAX_JSON_BYTES raises the limit)",
                max);
        goto fail;
    }
    (*buf)[*len] = '\0';
    fclose(f);
    return 0;
fail:
    fclose(f);
    free(*buf);
    *buf = NULL;
    return -1;
}

/* Line and column (1-based, in characters) of byte OFFSET of BUF. */
static void line_column(const char *buf, size_t offset, int *line, int *column)
{
    *line = 1;
    *column = 1;
    for (size_t i = 0; i < offset; i++) {
        if (buf[i] == '\n') {
            (*line)++;
            *column = 1;
        } else if (((unsigned char)buf[i] & 0xc0) != 0x80) {
            (*column)++;
        }
    }
}

/*
 * Parse the file BUF (LEN bytes) as one JSON object; the tree is kept in
 * priv. Returns the object, or NULL (problem recorded).
 */
static cJSON *parse_file(struct loader *ld, const char *buf, size_t len)
{
    const char *end = NULL, *start = buf;
    int line, column;
    if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
        start += 3; /* a byte order mark, as Windows editors write */
    long bad = utf8_error((const unsigned char *)buf, len);
    if (bad >= 0) {
        line_column(buf, (size_t)bad, &line, &column);
        problem(ld, "/",
                "not valid UTF-8 at byte %ld (line %d, column %d); save the file with the "
                "encoding UTF-8",
                bad, line, column);
        return NULL;
    }
    cJSON *root = cJSON_ParseWithOpts(start, &end, true);
    if (root == NULL) {
        size_t at = end != NULL ? (size_t)(end - buf) : 0;
        line_column(buf, at, &line, &column);
        if (at >= len)
            problem(ld, "/",
                    "malformed JSON at byte %zu (line %d, column %d): the file ends too soon; "
                    "check for a missing \"}\", \"]\" or closing quote",
                    at, line, column);
        else
            problem(ld, "/",
                    "malformed JSON at byte %zu (line %d, column %d), near '%.12s'; check for "
                    "a missing comma or quote, a comma before \"}\" or \"]\", or a comment "
                    "(JSON has none)",
                    at, line, column, buf + at);
        return NULL;
    }
    cJSON **grown = realloc(ld->priv->trees, (ld->priv->n_trees + 1) * sizeof *grown);
    if (grown == NULL) {
        cJSON_Delete(root);
        ld->oom = true;
        return NULL;
    }
    ld->priv->trees = grown;
    grown[ld->priv->n_trees++] = root;
    if (!cJSON_IsObject(root)) {
        problem(ld, "/", "the file must hold one JSON object, { ... }");
        return NULL;
    }
    return root;
}

/* Whether a member before ITEM of its object has the same key. */
static bool repeated(const cJSON *obj, const cJSON *item)
{
    for (const cJSON *b = obj->child; b != item; b = b->next)
        if (strcmp(b->string, item->string) == 0)
            return true;
    return false;
}

/* Record a problem for every key of OBJ that appears twice; PREFIX (may be NULL) is its key. */
static void check_duplicate_keys(struct loader *ld, const cJSON *obj, const char *prefix)
{
    char path[512];
    for (const cJSON *a = obj->child; a != NULL; a = a->next)
        if (repeated(obj, a))
            problem(ld,
                    prefix ? pointer(path, sizeof path, prefix, a->string)
                           : pointer(path, sizeof path, a->string, NULL),
                    "key \"%s\" appears twice; keep one", a->string);
}

/* ---- metrics.json ------------------------------------------------------ */

static const char *const metric_keys[] = {"name_vi", "name_en", "temporal", "note"};

static const char *metric_string(struct loader *ld, const cJSON *m, const char *key)
{
    char path[512];
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(m, key);
    pointer(path, sizeof path, m->string, key);
    if (v == NULL) {
        problem(ld, path, "missing key \"%s\"; every metric needs name_vi, name_en and temporal",
                key);
        return NULL;
    }
    if (!cJSON_IsString(v) || v->valuestring[0] == '\0') {
        problem(ld, path, "\"%s\" must be text in double quotes, not empty", key);
        return NULL;
    }
    return v->valuestring;
}

static void load_metrics(struct loader *ld, const cJSON *root)
{
    size_t n = 0;
    char path[512];
    for (const cJSON *m = root->child; m != NULL; m = m->next)
        n++;
    if (n == 0) {
        problem(ld, "/",
                "no metric is declared; list every metric code as \"code\": "
                "{\"name_vi\": ..., \"name_en\": ..., \"temporal\": ...}");
        return;
    }
    ld->cat->metrics = calloc(n, sizeof *ld->cat->metrics);
    if (ld->cat->metrics == NULL) {
        ld->oom = true;
        return;
    }
    check_duplicate_keys(ld, root, NULL);
    for (const cJSON *m = root->child; m != NULL; m = m->next) {
        struct catalog_metric *out = &ld->cat->metrics[ld->cat->n_metrics];
        if (repeated(root, m))
            continue; /* reported by check_duplicate_keys */
        /* kept even when faulty, so that indicators using it draw no second problem */
        out->code = m->string;
        ld->cat->n_metrics++;
        pointer(path, sizeof path, m->string, NULL);
        if (!is_code(m->string)) {
            problem(ld, path,
                    "metric code \"%s\" must be lower-case letters, digits and \"_\", starting "
                    "with a letter, e.g. \"dvc_essential_online\"",
                    m->string);
        }
        if (!cJSON_IsObject(m)) {
            problem(ld, path,
                    "metric \"%s\" must be an object: {\"name_vi\": ..., \"name_en\": ..., "
                    "\"temporal\": \"flow\" or \"stock\"}",
                    m->string);
            continue;
        }
        check_duplicate_keys(ld, m, m->string);
        for (const cJSON *k = m->child; k != NULL; k = k->next) {
            if (repeated(m, k))
                continue;
            size_t nkeys = sizeof metric_keys / sizeof metric_keys[0];
            bool known = false;
            for (size_t i = 0; i < nkeys; i++)
                known = known || strcmp(k->string, metric_keys[i]) == 0;
            if (known)
                continue;
            const char *hint = closest(k->string, metric_keys, nkeys);
            problem(ld, pointer(path, sizeof path, m->string, k->string),
                    "unknown key \"%s\"%s%s%s; a metric has name_vi, name_en, temporal and "
                    "optionally note",
                    k->string, hint ? " (did you mean \"" : "", hint ? hint : "",
                    hint ? "\"?)" : "");
        }
        out->name_vi = metric_string(ld, m, "name_vi");
        out->name_en = metric_string(ld, m, "name_en");
        out->temporal = metric_string(ld, m, "temporal");
        const cJSON *note = cJSON_GetObjectItemCaseSensitive(m, "note");
        if (note != NULL && !cJSON_IsString(note)) {
            problem(ld, pointer(path, sizeof path, m->string, "note"),
                    "\"note\" must be text in double quotes");
        }
        if (out->temporal != NULL && strcmp(out->temporal, "flow") != 0 &&
            strcmp(out->temporal, "stock") != 0) {
            problem(ld, pointer(path, sizeof path, m->string, "temporal"),
                    "temporal \"%s\" is not known; use \"flow\" for counts of events summed over "
                    "time (dossiers, visits, payments) or \"stock\" for head-counts whose last "
                    "value counts (citizens, accounts, hospitals)",
                    out->temporal);
        }
    }
}

const struct catalog_metric *catalog_metric_find(const struct catalog *cat, const char *code)
{
    for (size_t i = 0; i < cat->n_metrics; i++)
        if (strcmp(cat->metrics[i].code, code) == 0)
            return &cat->metrics[i];
    return NULL;
}

/* ---- indicator files --------------------------------------------------- */

enum field_type {
    T_ID,
    T_TEXT,
    T_KIND,
    T_METRIC,
    T_CMP,
    T_PCT,
    T_DATE,
    T_CADENCE,
    T_CODE,
    T_UNITS
};

enum { K_RATIO = 1, K_SHARE = 2, K_TASK = 4, K_MEASURED = K_RATIO | K_SHARE, K_ALL = 7 };

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
    {"plan_ref", T_TEXT, K_ALL, K_ALL, AT(plan_ref),
     "where the plan sets it, e.g. \"KH 05/KH-UBND (14/7/2025), Phụ lục, mục 3.1\""},
    {"kind", T_KIND, K_ALL, K_ALL, AT(kind), "\"ratio\", \"share\" or \"task\""},
    {"numerator", T_METRIC, K_MEASURED, K_MEASURED, AT(numerator),
     "the metric code counted above the line, declared in metrics.json"},
    {"denominator", T_METRIC, K_MEASURED, K_MEASURED, AT(denominator),
     "the metric code counted below the line, declared in metrics.json"},
    {"comparator", T_CMP, K_MEASURED, K_MEASURED, AT(comparator),
     "\">\" for \"trên\" (strictly above) or \">=\" for \"từ ... trở lên\", \"tối thiểu\", "
     "\"ít nhất\", \"100 %\""},
    {"target_pct", T_PCT, K_MEASURED, K_MEASURED, AT(target_pct),
     "the target percentage as text, e.g. \"80\" or \"99.5\""},
    {"target_text_vi", T_TEXT, K_MEASURED, K_MEASURED, AT(target_text_vi),
     "the target as the plan words it, e.g. \"trên 80 %\", shown in alerts"},
    {"facility_kind", T_CODE, K_SHARE, K_SHARE, AT(facility_kind),
     "the kind of facility judged one by one, e.g. \"school\" or \"health_facility\""},
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
    {"due_date", T_DATE, K_ALL, 0, AT(due_date), "the last day to meet the target, YYYY-MM-DD"},
    {"lead_units", T_UNITS, K_ALL, K_ALL, AT(lead_units),
     "the lead units (đơn vị chủ trì), a list of names in square brackets"},
    {"support_units", T_UNITS, K_ALL, 0, AT(support_units),
     "the supporting units (đơn vị phối hợp), a list of names in square brackets"},
    {"note", T_TEXT, K_ALL, 0, AT(note), "a remark for the people who edit the catalog"},
};

#define N_FIELDS (sizeof fields / sizeof fields[0])

static const char *const kinds[] = {"ratio", "share", "task"};
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
    return bits == K_SHARE ? "share" : bits == K_TASK ? "task" : "ratio";
}

/* Check the list of unit names V of field F into *out. */
static void check_units(struct loader *ld, const struct field *f, const cJSON *v,
                        struct catalog_units *out)
{
    char path[512];
    pointer(path, sizeof path, f->key, NULL);
    if (!cJSON_IsArray(v)) {
        problem(ld, path, "\"%s\" must be %s, e.g. [\"Sở Y tế\", \"UBND các xã, phường\"]", f->key,
                f->what);
        return;
    }
    int n = cJSON_GetArraySize(v), i = 0;
    if (n == 0 && f->required) {
        problem(ld, path, "\"%s\" is empty; name at least one unit", f->key);
        return;
    }
    out->names = calloc((size_t)n + 1, sizeof *out->names);
    if (out->names == NULL) {
        ld->oom = true;
        return;
    }
    for (const cJSON *u = v->child; u != NULL; u = u->next, i++) {
        char index[16];
        snprintf(index, sizeof index, "%d", i);
        if (!cJSON_IsString(u) || u->valuestring[0] == '\0')
            problem(ld, pointer(path, sizeof path, f->key, index),
                    "each unit must be a name in double quotes, not empty");
        else
            out->names[out->n++] = u->valuestring;
    }
}

/* Check value V of field F (present in the file); store it in IND when valid. */
static void check_field(struct loader *ld, const struct field *f, const cJSON *v,
                        struct catalog_indicator *ind)
{
    char path[512];
    const char **slot = (const char **)((char *)ind + f->offset);
    const char *s;
    int64_t micro;
    pointer(path, sizeof path, f->key, NULL);
    if (f->type == T_UNITS) {
        check_units(ld, f, v, (struct catalog_units *)slot);
        return;
    }
    if (!cJSON_IsString(v)) {
        if (f->type == T_PCT && cJSON_IsNumber(v))
            problem(ld, path,
                    "%s must be text in double quotes, e.g. \"%.15g\" instead of %.15g (a bare "
                    "number could be rounded)",
                    f->key, v->valuedouble, v->valuedouble);
        else
            problem(ld, path, "\"%s\" must be text in double quotes: %s", f->key, f->what);
        return;
    }
    s = v->valuestring;
    if (s[0] == '\0') {
        problem(ld, path, "\"%s\" is empty; it must be %s", f->key, f->what);
        return;
    }
    switch (f->type) {
    case T_ID:
        if (!is_item_id(s)) {
            problem(ld, path, "\"%s\" is not an appendix item number; use %s", s, f->what);
            return;
        }
        break;
    case T_KIND:
    case T_CADENCE:
    case T_CMP: {
        const char *const *words = f->type == T_KIND      ? kinds
                                   : f->type == T_CADENCE ? cadences
                                                          : comparators;
        size_t n = f->type == T_CMP ? 2 : 3;
        if (word_index(s, words, n) < 0) {
            problem(ld, path, "unknown %s \"%s\"; use %s", f->type == T_CMP ? "comparator" : f->key,
                    s, f->what);
            return;
        }
        break;
    }
    case T_METRIC:
        if (!is_code(s)) {
            problem(ld, path,
                    "\"%s\" is not a metric code (lower-case letters, digits and \"_\"); use %s", s,
                    f->what);
            return;
        }
        if (ld->metrics_ok && catalog_metric_find(ld->cat, s) == NULL) {
            const char **codes = calloc(ld->cat->n_metrics + 1, sizeof *codes);
            const char *hint = NULL;
            if (codes != NULL) {
                for (size_t i = 0; i < ld->cat->n_metrics; i++)
                    codes[i] = ld->cat->metrics[i].code;
                hint = closest(s, codes, ld->cat->n_metrics);
            }
            problem(ld, path,
                    "unknown metric code \"%s\"%s%s%s; declare it in " CATALOG_METRICS_FILE
                    " or correct the spelling",
                    s, hint ? " (did you mean \"" : "", hint ? hint : "", hint ? "\"?)" : "");
            free(codes);
            return;
        }
        break;
    case T_CODE:
        if (!is_code(s)) {
            problem(ld, path, "\"%s\" is not a unit kind code; use %s", s, f->what);
            return;
        }
        break;
    case T_PCT:
        if (catalog_parse_pct(s, &micro) != 0) {
            problem(ld, path,
                    "\"%s\" is not a percentage; write digits with a point for decimals and "
                    "without \"%%\", e.g. \"80\" or \"99.5\" (at most 6 decimals)",
                    s);
            return;
        }
        if (micro > 100 * PCT_SCALE) {
            problem(ld, path, "target %s %% is outside 0 to 100; a target is a percentage", s);
            return;
        }
        break;
    case T_DATE: {
        const char *why = date_error(s);
        if (why != NULL) {
            problem(ld, path, "\"%s\" is not a valid date: %s", s, why);
            return;
        }
        break;
    }
    case T_TEXT:
    case T_UNITS:
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
static void check_wording(struct loader *ld, const char *text, const char *target,
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
            problem(ld, pointer(path, sizeof path, cmp_key, NULL),
                    "\"%s\" contradicts target_text_vi \"%s\": \"%s\" means %s; set \"%s\": "
                    "\"%s\" or correct the text",
                    comparator, text, word, strcmp(wants, ">") == 0 ? "strictly above" : "at least",
                    cmp_key, wants);
        return;
    }
    problem(ld, "/target_text_vi",
            "\"%s\" does not mention the target %s %%; write the target as the plan words it, "
            "e.g. \"trên %s %%\" or \"từ %s %% trở lên\"",
            text, number, number, number);
}

/* The checks that involve several keys of IND (KIND is its kind bit, 0 when unknown). */
static void check_together(struct loader *ld, const cJSON *root, struct catalog_indicator *ind,
                           unsigned kind)
{
    bool has_due = cJSON_GetObjectItemCaseSensitive(root, "due_date") != NULL;
    if (ind->cadence != NULL && strcmp(ind->cadence, "due") == 0 && !has_due)
        problem(ld, "/due_date",
                "missing key \"due_date\"; \"cadence\": \"due\" needs the last day to meet "
                "the target, YYYY-MM-DD, e.g. \"2025-12-31\"");
    if (ind->cadence != NULL && strcmp(ind->cadence, "due") != 0 && has_due)
        problem(ld, "/due_date",
                "only an indicator with \"cadence\": \"due\" has a due date; remove due_date, "
                "or set the cadence to \"due\"");
    if (kind == K_TASK && ind->cadence != NULL && strcmp(ind->cadence, "due") != 0)
        problem(ld, "/cadence",
                "a task is tracked against its due date; set \"cadence\": \"due\" and due_date");
    if (kind == K_TASK && ind->status_metric != NULL) {
        const struct catalog_metric *m = catalog_metric_find(ld->cat, ind->status_metric);
        if (m != NULL && m->temporal != NULL && strcmp(m->temporal, "flow") == 0)
            problem(ld, "/status_metric",
                    "status metric \"%s\" is declared \"flow\" in " CATALOG_METRICS_FILE
                    "; a done/not-done status is a \"stock\" (its last value counts): change its "
                    "temporal",
                    m->code);
    }
    if (ind->target_text_vi != NULL && ind->target_pct != NULL)
        check_wording(ld, ind->target_text_vi, ind->target_pct, ind->comparator, "comparator");
    if (kind == K_SHARE && ind->target_text_vi != NULL && ind->inner_target_pct != NULL)
        check_wording(ld, ind->target_text_vi, ind->inner_target_pct, ind->inner_comparator,
                      "inner_comparator");
}

/* Validate one indicator file ROOT into IND. */
static void load_indicator(struct loader *ld, const cJSON *root, struct catalog_indicator *ind)
{
    char path[512];
    unsigned kind = 0;
    const cJSON *k = cJSON_GetObjectItemCaseSensitive(root, "kind");
    if (cJSON_IsString(k) && word_index(k->valuestring, kinds, 3) >= 0)
        kind = 1u << word_index(k->valuestring, kinds, 3);
    check_duplicate_keys(ld, root, NULL);
    for (const cJSON *v = root->child; v != NULL; v = v->next) {
        const struct field *f = NULL;
        if (repeated(root, v))
            continue; /* reported by check_duplicate_keys */
        for (size_t i = 0; i < N_FIELDS && f == NULL; i++)
            if (strcmp(fields[i].key, v->string) == 0)
                f = &fields[i];
        if (f == NULL) {
            const char *keys[N_FIELDS];
            for (size_t i = 0; i < N_FIELDS; i++)
                keys[i] = fields[i].key;
            const char *hint = closest(v->string, keys, N_FIELDS);
            if (hint != NULL)
                problem(ld, pointer(path, sizeof path, v->string, NULL),
                        "unknown key \"%s\"; did you mean \"%s\"?", v->string, hint);
            else
                problem(ld, pointer(path, sizeof path, v->string, NULL),
                        "unknown key \"%s\"; remove it (indicators/README.md lists the keys)",
                        v->string);
            continue;
        }
        if (kind != 0 && !(f->allowed & kind)) {
            problem(ld, pointer(path, sizeof path, f->key, NULL),
                    "\"%s\" does not apply to a %s indicator; remove it%s", f->key, kind_name(kind),
                    f->allowed == K_SHARE  ? ", or set \"kind\": \"share\""
                    : f->allowed == K_TASK ? ", or set \"kind\": \"task\""
                                           : "");
            continue;
        }
        check_field(ld, f, v, ind);
    }
    for (size_t i = 0; i < N_FIELDS; i++) {
        const struct field *f = &fields[i];
        bool needed = kind != 0 ? (f->required & kind) != 0 : f->required == K_ALL;
        if (needed && cJSON_GetObjectItemCaseSensitive(root, f->key) == NULL)
            problem(ld, pointer(path, sizeof path, f->key, NULL),
                    "missing key \"%s\"; %s%s%s needs %s", f->key, kind ? "a " : "every ",
                    kind ? kind_name(kind) : "", kind ? " indicator" : "indicator", f->what);
    }
    check_together(ld, root, ind, kind);
}

/* ---- the whole catalog ------------------------------------------------- */

/* Compare item numbers part by part, numbers as numbers: 3.2 < 3.10 < 3.10.a. */
static int compare_ids(const char *a, const char *b)
{
    while (*a && *b) {
        if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
            char *ea, *eb;
            unsigned long na = strtoul(a, &ea, 10), nb = strtoul(b, &eb, 10);
            if (na != nb)
                return na < nb ? -1 : 1;
            a = ea;
            b = eb;
        } else {
            if (*a != *b)
                return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
            a++;
            b++;
        }
    }
    return *a ? 1 : *b ? -1 : 0;
}

static const char *from(const struct catalog_indicator *ind)
{
    return ind->effective_from ? ind->effective_from : "";
}

static int by_id(const void *pa, const void *pb)
{
    const struct catalog_indicator *a = pa, *b = pb;
    int c = compare_ids(a->id ? a->id : "", b->id ? b->id : "");
    return c != 0 ? c : strcmp(from(a), from(b));
}

/* Record duplicates of (id, effective_from); IND[0..N) are in file order. */
static void check_duplicate_ids(struct loader *ld, const struct catalog_indicator *ind, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < i; j++) {
            if (ind[i].id == NULL || ind[j].id == NULL || strcmp(ind[i].id, ind[j].id) != 0 ||
                strcmp(from(&ind[i]), from(&ind[j])) != 0)
                continue;
            ld->file = ind[i].file;
            problem(ld, "/id",
                    "indicator \"%s\"%s%s is already defined in %s; keep one file, or give "
                    "each version its own effective_from",
                    ind[i].id, ind[i].effective_from ? " effective from " : "", from(&ind[i]),
                    ind[j].file);
            break;
        }
    }
}

/* Feed NAME and its bytes to the version hash. */
static int hash_file(struct hash_ctx *h, const char *name, const char *buf, size_t len)
{
    char size[32];
    int n = snprintf(size, sizeof size, "%zu", len);
    if (hash_update(h, name, strlen(name) + 1) != 0 || hash_update(h, size, (size_t)n + 1) != 0 ||
        hash_update(h, buf, len) != 0)
        return -1;
    return 0;
}

int catalog_load(const char *dir, struct catalog **out)
{
    struct catalog *cat = calloc(1, sizeof *cat);
    struct loader ld = {.cat = cat, .file = ""};
    struct hash_ctx *h = NULL;
    char *buf = NULL;
    size_t len;
    *out = NULL;
    if (cat == NULL)
        goto fail;
    ld.priv = cat->priv = calloc(1, sizeof *ld.priv);
    cat->dir = strdup(dir);
    h = hash_new();
    if (ld.priv == NULL || cat->dir == NULL || h == NULL)
        goto fail;
    if (list_files(&ld, dir) != 0) {
        if (ld.oom)
            goto fail;
        goto done;
    }
    char **names = ld.priv->names;
    size_t n_names = ld.priv->n_names;
    cat->indicators = calloc(n_names + 1, sizeof *cat->indicators);
    if (cat->indicators == NULL)
        goto fail;
    /* metrics.json first, so that indicators can be checked against it */
    ld.file = CATALOG_METRICS_FILE;
    bool has_metrics = bsearch(&ld.file, names, n_names, sizeof *names, by_name) != NULL;
    if (!has_metrics) {
        problem(&ld, "/",
                "missing file; the catalog needs " CATALOG_METRICS_FILE
                " declaring every metric code");
    } else if (read_file(&ld, dir, CATALOG_METRICS_FILE, &buf, &len) == 0) {
        const cJSON *root = parse_file(&ld, buf, len);
        if (root != NULL) {
            load_metrics(&ld, root);
            ld.metrics_ok = true;
        }
        free(buf);
        buf = NULL;
    }
    for (size_t i = 0; i < n_names && !ld.oom; i++) {
        ld.file = names[i];
        if (read_file(&ld, dir, names[i], &buf, &len) != 0)
            continue;
        if (hash_file(h, names[i], buf, len) != 0)
            goto fail;
        if (strcmp(names[i], CATALOG_METRICS_FILE) != 0) {
            const cJSON *root = parse_file(&ld, buf, len);
            if (root != NULL) {
                struct catalog_indicator *ind = &cat->indicators[cat->n_indicators++];
                ind->file = names[i];
                load_indicator(&ld, root, ind);
            }
        }
        free(buf);
        buf = NULL;
    }
    if (ld.oom)
        goto fail;
    ld.file = "";
    if (n_names - has_metrics == 0)
        problem(&ld, "/", "no indicator file (*.json) in \"%s\"", dir);
    check_duplicate_ids(&ld, cat->indicators, cat->n_indicators);
    qsort(cat->indicators, cat->n_indicators, sizeof *cat->indicators, by_id);
done:
    if (hash_final(h, cat->version) != 0 || ld.oom)
        goto fail;
    hash_free(h);
    *out = cat;
    return 0;
fail:
    free(buf);
    hash_free(h);
    catalog_free(cat);
    log_error("out of memory while reading the catalog");
    return -1;
}

void catalog_free(struct catalog *cat)
{
    if (cat == NULL)
        return;
    struct catalog_priv *priv = cat->priv;
    if (priv != NULL) {
        for (size_t i = 0; i < priv->n_trees; i++)
            cJSON_Delete(priv->trees[i]);
        for (size_t i = 0; i < priv->n_names; i++)
            free(priv->names[i]);
        free(priv->trees);
        free(priv->names);
        free(priv);
    }
    for (size_t i = 0; i < cat->n_problems; i++) {
        free(cat->problems[i].file);
        free(cat->problems[i].path);
        free(cat->problems[i].message);
    }
    if (cat->indicators != NULL) {
        for (size_t i = 0; i < cat->n_indicators; i++) {
            free(cat->indicators[i].lead_units.names);
            free(cat->indicators[i].support_units.names);
        }
    }
    free(cat->problems);
    free(cat->indicators);
    free(cat->metrics);
    free(cat->dir);
    free(cat);
}

void catalog_print_problems(const struct catalog *cat, FILE *out)
{
    size_t len = strlen(cat->dir);
    while (len > 1 && cat->dir[len - 1] == '/')
        len--;
    for (size_t i = 0; i < cat->n_problems; i++) {
        const struct catalog_problem *p = &cat->problems[i];
        fprintf(out, "%.*s%s%s: %s: %s\n", (int)len, cat->dir, p->file[0] ? "/" : "", p->file,
                p->path, p->message);
    }
}

int catalog_dir(const char *option, char *buf, size_t len)
{
    const char *env = getenv("KPI_CATALOG");
    const char *candidates[] = {KPI_SOURCE_DIR "/indicators", KPI_DATA_DIR "/indicators"};
    const char *dir = NULL;
    struct stat st;
    if (option != NULL && option[0] != '\0')
        dir = option;
    else if (env != NULL && env[0] != '\0')
        dir = env;
    for (size_t i = 0; i < 2 && dir == NULL; i++)
        if (stat(candidates[i], &st) == 0 && S_ISDIR(st.st_mode))
            dir = candidates[i];
    if (dir == NULL) {
        log_error("no indicator catalog found (looked in %s and %s); pass --catalog DIR or set "
                  "KPI_CATALOG",
                  candidates[0], candidates[1]);
        return -1;
    }
    if ((size_t)snprintf(buf, len, "%s", dir) >= len) {
        log_error("catalog directory name too long: %s", dir);
        return -1;
    }
    return 0;
}

/* ---- the database ------------------------------------------------------ */

#define INDICATOR_COLUMNS                                                                          \
    "id, effective_from, name_vi, name_en, plan_ref, kind, numerator_metric, "                     \
    "denominator_metric, comparator, target_pct, target_text_vi, facility_kind, "                  \
    "inner_comparator, inner_target_pct, cadence, due_date, lead_units, support_units, "           \
    "status_metric, deadline_text_vi"

static const char stage_sql[] =
    "CREATE TEMP TABLE catalog_metric_stage (LIKE kpi.metric) ON COMMIT DROP;"
    "CREATE TEMP TABLE catalog_indicator_stage (LIKE kpi.indicator) ON COMMIT DROP";

static const char stage_metric_sql[] =
    "INSERT INTO catalog_metric_stage (code, name_vi, name_en, temporal, catalog_version) "
    "VALUES ($1, $2, $3, $4, $5)";

static const char stage_indicator_sql[] =
    "INSERT INTO catalog_indicator_stage (" INDICATOR_COLUMNS ", catalog_version) "
    "VALUES ($1, coalesce($2::date, '-infinity'), $3, $4, $5, $6, $7, $8, $9, $10::numeric, $11, "
    "$12, $13, $14::numeric, $15, $16::date, $17::text[], $18::text[], $19, $20, $21)";

/*
 * Rows of the catalog that are new, or whose content differs from the
 * database: key, added?, and the changed columns ("target_pct 80 → 85").
 */
#define DIFF_COLUMNS(s, t)                                                                          \
    "(SELECT string_agg(CASE WHEN length(o.value::text) + length(n.value::text) <= 60 "             \
    "                        THEN format('%s %s → %s', n.key, o.value, n.value) ELSE n.key END, " \
    "                   ', ' ORDER BY n.key) "                                                      \
    "   FROM jsonb_each(to_jsonb(" s ")) n JOIN jsonb_each(to_jsonb(" t ")) o ON o.key = n.key "    \
    "  WHERE n.key <> 'catalog_version' AND n.value IS DISTINCT FROM o.value)"

static const char diff_metric_sql[] =
    "SELECT * FROM (SELECT s.code, m.code IS NULL AS added, " DIFF_COLUMNS(
        "s", "m") " AS changes "
                  "                 FROM catalog_metric_stage s LEFT JOIN kpi.metric m ON m.code = "
                  "s.code) d "
                  " WHERE added OR changes IS NOT NULL ORDER BY code";

#define ID_ORDER(id)                                                                               \
    "(SELECT array_agg(lpad(x, 8, '0')) FROM unnest(string_to_array(" id ", '.')) x)"

static const char diff_indicator_sql[] =
    "SELECT id, from_text, added, changes FROM ("
    "  SELECT s.id, s.effective_from, CASE WHEN s.effective_from = '-infinity' THEN '' "
    "         ELSE ' (from ' || s.effective_from || ')' END AS from_text, "
    "         i.id IS NULL AS added, " DIFF_COLUMNS(
        "s", "i") " AS changes "
                  "    FROM catalog_indicator_stage s "
                  "    LEFT JOIN kpi.indicator i ON i.id = s.id AND i.effective_from = "
                  "s.effective_from) d "
                  " WHERE added OR changes IS NOT NULL ORDER BY " ID_ORDER("id") ", effective_from";

static const char upsert_metric_sql[] =
    "INSERT INTO kpi.metric (code, name_vi, name_en, temporal, catalog_version) "
    "SELECT code, name_vi, name_en, temporal, catalog_version FROM catalog_metric_stage "
    "ON CONFLICT (code) DO UPDATE SET name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en, "
    "  temporal = EXCLUDED.temporal, catalog_version = EXCLUDED.catalog_version "
    "WHERE ROW(kpi.metric.*) IS DISTINCT FROM ROW(EXCLUDED.*)";

static const char upsert_indicator_sql[] =
    "INSERT INTO kpi.indicator (" INDICATOR_COLUMNS ", catalog_version) "
    "SELECT " INDICATOR_COLUMNS ", catalog_version FROM catalog_indicator_stage "
    "ON CONFLICT (id, effective_from) DO UPDATE SET name_vi = EXCLUDED.name_vi, "
    "  name_en = EXCLUDED.name_en, plan_ref = EXCLUDED.plan_ref, kind = EXCLUDED.kind, "
    "  numerator_metric = EXCLUDED.numerator_metric, "
    "  denominator_metric = EXCLUDED.denominator_metric, comparator = EXCLUDED.comparator, "
    "  target_pct = EXCLUDED.target_pct, target_text_vi = EXCLUDED.target_text_vi, "
    "  facility_kind = EXCLUDED.facility_kind, inner_comparator = EXCLUDED.inner_comparator, "
    "  inner_target_pct = EXCLUDED.inner_target_pct, cadence = EXCLUDED.cadence, "
    "  due_date = EXCLUDED.due_date, lead_units = EXCLUDED.lead_units, "
    "  support_units = EXCLUDED.support_units, status_metric = EXCLUDED.status_metric, "
    "  deadline_text_vi = EXCLUDED.deadline_text_vi, catalog_version = EXCLUDED.catalog_version "
    "WHERE ROW(kpi.indicator.*) IS DISTINCT FROM ROW(EXCLUDED.*)";

static const char absent_sql[] =
    "SELECT 'indicator ' || id || CASE WHEN effective_from = '-infinity' THEN '' "
    "       ELSE ' (from ' || effective_from || ')' END "
    "  FROM kpi.indicator i WHERE NOT EXISTS (SELECT 1 FROM catalog_indicator_stage s "
    "       WHERE s.id = i.id AND s.effective_from = i.effective_from) "
    "UNION ALL "
    "SELECT 'metric ' || code FROM kpi.metric m "
    " WHERE NOT EXISTS (SELECT 1 FROM catalog_metric_stage s WHERE s.code = m.code)";

static const char metric_history_sql[] =
    "INSERT INTO kpi.metric_history (catalog_version, code, name_vi, name_en, temporal) "
    "SELECT catalog_version, code, name_vi, name_en, temporal FROM catalog_metric_stage "
    "ON CONFLICT DO NOTHING";

static const char indicator_history_sql[] =
    "INSERT INTO kpi.indicator_history (catalog_version, " INDICATOR_COLUMNS ") "
    "SELECT catalog_version, " INDICATOR_COLUMNS " FROM catalog_indicator_stage "
    "ON CONFLICT DO NOTHING";

static const char known_version_sql[] = "SELECT 1 FROM kpi.catalog_load WHERE catalog_version = $1";

static const char record_load_sql[] =
    "INSERT INTO kpi.catalog_load (catalog_version, source_dir, indicators, metrics) "
    "VALUES ($1, $2, $3, $4) ON CONFLICT (catalog_version) DO UPDATE "
    "SET loaded_at = now(), source_dir = EXCLUDED.source_dir";

static const char last_version_sql[] =
    "SELECT catalog_version FROM kpi.catalog_load ORDER BY loaded_at DESC LIMIT 1";

/* U as a PostgreSQL array literal, {"a","b"}; caller frees. NULL when memory runs out. */
static char *array_literal(const struct catalog_units *u)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (f == NULL)
        return NULL;
    fputc('{', f);
    for (size_t i = 0; i < u->n; i++) {
        fputs(i ? ",\"" : "\"", f);
        for (const char *s = u->names[i]; *s; s++) {
            if (*s == '"' || *s == '\\')
                fputc('\\', f);
            fputc(*s, f);
        }
        fputc('"', f);
    }
    fputc('}', f);
    if (fclose(f) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

static int stage_rows(PGconn *conn, const struct catalog *cat)
{
    for (size_t i = 0; i < cat->n_metrics; i++) {
        const struct catalog_metric *m = &cat->metrics[i];
        const char *params[] = {m->code, m->name_vi, m->name_en, m->temporal, cat->version};
        PGresult *res = conn_exec(conn, stage_metric_sql, 5, params, "could not stage a metric");
        if (res == NULL)
            return -1;
        PQclear(res);
    }
    for (size_t i = 0; i < cat->n_indicators; i++) {
        const struct catalog_indicator *d = &cat->indicators[i];
        char *lead = array_literal(&d->lead_units), *support = array_literal(&d->support_units);
        const char *params[] = {d->id,
                                d->effective_from,
                                d->name_vi,
                                d->name_en,
                                d->plan_ref,
                                d->kind,
                                d->numerator,
                                d->denominator,
                                d->comparator,
                                d->target_pct,
                                d->target_text_vi,
                                d->facility_kind,
                                d->inner_comparator,
                                d->inner_target_pct,
                                d->cadence,
                                d->due_date,
                                lead,
                                support,
                                d->status_metric,
                                d->deadline_text_vi,
                                cat->version};
        PGresult *res = NULL;
        if (lead == NULL || support == NULL)
            log_error("out of memory");
        else
            res = conn_exec(conn, stage_indicator_sql, 21, params, "could not stage an indicator");
        free(lead);
        free(support);
        if (res == NULL)
            return -1;
        PQclear(res);
    }
    return 0;
}

/* Report the rows of DIFF (key, [from,] added, changes) on REPORT as WHAT. */
static void report_diff(FILE *report, const PGresult *diff, const char *what, bool has_from)
{
    int rows = PQntuples(diff), added = 0, c_added = has_from ? 2 : 1;
    for (int i = 0; i < rows; i++)
        added += PQgetvalue(diff, i, c_added)[0] == 't';
    if (report == NULL)
        return;
    if (added > 0) {
        fprintf(report, "  added %d %s%s:", added, what, added == 1 ? "" : "s");
        for (int i = 0; i < rows; i++)
            if (PQgetvalue(diff, i, c_added)[0] == 't')
                fprintf(report, " %s%s", PQgetvalue(diff, i, 0),
                        has_from ? PQgetvalue(diff, i, 1) : "");
        fputc('\n', report);
    }
    for (int i = 0; i < rows; i++)
        if (PQgetvalue(diff, i, c_added)[0] != 't')
            fprintf(report, "  changed %s %s%s: %s\n", what, PQgetvalue(diff, i, 0),
                    has_from ? PQgetvalue(diff, i, 1) : "", PQgetvalue(diff, i, c_added + 1));
}

/* Record the load (history rows, kpi.catalog_load) and report it. 0, or -1 (logged). */
static int record_load(PGconn *conn, const struct catalog *cat, const char *previous,
                       const PGresult *mdiff, const PGresult *idiff, FILE *report)
{
    char n_ind[24], n_met[24];
    char *source = realpath(cat->dir, NULL);
    snprintf(n_ind, sizeof n_ind, "%zu", cat->n_indicators);
    snprintf(n_met, sizeof n_met, "%zu", cat->n_metrics);
    const char *params[] = {cat->version, source ? source : cat->dir, n_ind, n_met};
    PGresult *res =
        conn_exec(conn, metric_history_sql, 0, NULL, "could not keep the metric history");
    if (res != NULL) {
        PQclear(res);
        res =
            conn_exec(conn, indicator_history_sql, 0, NULL, "could not keep the indicator history");
    }
    if (res != NULL) {
        PQclear(res);
        res = conn_exec(conn, record_load_sql, 4, params,
                        "could not record the load in kpi.catalog_load");
    }
    free(source);
    if (res == NULL)
        return -1;
    PQclear(res);
    if (report != NULL) {
        fprintf(report, "catalog %.12s loaded from %s: %zu indicators, %zu metrics (%s%.12s)\n",
                cat->version, cat->dir, cat->n_indicators, cat->n_metrics,
                previous[0] ? "previous version " : "first load", previous);
        report_diff(report, mdiff, "metric", false);
        report_diff(report, idiff, "indicator", true);
    }
    return 0;
}

/* Run an upsert; add the rows it wrote to *rows. 0, or -1 (logged). */
static int upsert(PGconn *conn, const char *sql, const char *what, int *rows)
{
    PGresult *res = conn_exec(conn, sql, 0, NULL, what);
    if (res == NULL)
        return -1;
    *rows += atoi(PQcmdTuples(res));
    PQclear(res);
    return 0;
}

int catalog_store(PGconn *conn, const struct catalog *cat, FILE *report, int *changed)
{
    PGresult *mdiff = NULL, *idiff = NULL, *res = NULL;
    char previous[HASH_HEX_LEN] = "";
    const char *version_param[] = {cat->version};
    int rc = -1, rows = 0;
    if (cat->n_problems != 0) {
        log_error("the catalog in %s has problems; it was not loaded", cat->dir);
        return -1;
    }
    if (conn_command(conn, "BEGIN", "could not begin a transaction") != 0)
        return -1;
    if (conn_command(conn, LOCK_SQL, "could not take the catalog lock") != 0 ||
        conn_command(conn, stage_sql, "could not create the staging tables") != 0 ||
        stage_rows(conn, cat) != 0 || catalog_loaded_version(conn, previous) != 0)
        goto fail;
    mdiff = conn_exec(conn, diff_metric_sql, 0, NULL, "could not compare the metrics");
    idiff = conn_exec(conn, diff_indicator_sql, 0, NULL, "could not compare the indicators");
    if (mdiff == NULL || idiff == NULL ||
        upsert(conn, upsert_metric_sql, "could not update kpi.metric", &rows) != 0 ||
        upsert(conn, upsert_indicator_sql, "could not update kpi.indicator", &rows) != 0)
        goto fail;
    res = conn_exec(conn, known_version_sql, 1, version_param, "could not read kpi.catalog_load");
    if (res == NULL)
        goto fail;
    if (rows > 0 || PQntuples(res) == 0) {
        if (record_load(conn, cat, previous, mdiff, idiff, report) != 0)
            goto fail;
    } else if (report != NULL) {
        fprintf(report, "catalog %.12s unchanged: %zu indicators, %zu metrics (%s)\n", cat->version,
                cat->n_indicators, cat->n_metrics, cat->dir);
    }
    PQclear(res);
    res = conn_exec(conn, absent_sql, 0, NULL, "could not look for rows the catalog no longer has");
    if (res == NULL)
        goto fail;
    for (int i = 0; i < PQntuples(res); i++)
        log_warn("%s is in the database but no longer in the catalog; kept (nothing is deleted)",
                 PQgetvalue(res, i, 0));
    if (conn_command(conn, "COMMIT", "could not commit the catalog") != 0)
        goto fail;
    if (changed != NULL)
        *changed = rows;
    rc = 0;
fail:
    if (rc != 0 && PQtransactionStatus(conn) != PQTRANS_IDLE)
        conn_command(conn, "ROLLBACK", "could not roll back");
    PQclear(res);
    PQclear(mdiff);
    PQclear(idiff);
    return rc;
}

int catalog_loaded_version(PGconn *conn, char out[HASH_HEX_LEN])
{
    out[0] = '\0';
    PGresult *res = PQexec(conn, last_version_sql);
    if (PQresultStatus(res) == PGRES_TUPLES_OK) {
        if (PQntuples(res) > 0)
            snprintf(out, HASH_HEX_LEN, "%s", PQgetvalue(res, 0, 0));
        PQclear(res);
        return 0;
    }
    /* 3F000 invalid_schema_name, 42P01 undefined_table: no catalog yet */
    bool fresh =
        strcmp(conn_sqlstate(res), "3F000") == 0 || strcmp(conn_sqlstate(res), "42P01") == 0;
    if (!fresh)
        log_error("could not read kpi.catalog_load: %s", conn_errmsg(conn));
    PQclear(res);
    return fresh ? 0 : -1;
}

int catalog_sync(PGconn *conn, const char *dir, FILE *report, int *changed)
{
    struct catalog *cat;
    int rc = KPI_ERROR;
    if (catalog_load(dir, &cat) != 0)
        return KPI_ERROR;
    if (cat->n_problems > 0) {
        catalog_print_problems(cat, stderr);
        log_error("the catalog in %s has %zu problem%s and was not loaded; correct %s (see "
                  "'kpi catalog check') and run 'kpi migrate' again",
                  dir, cat->n_problems, cat->n_problems == 1 ? "" : "s",
                  cat->n_problems == 1 ? "it" : "them");
        rc = KPI_REJECTED;
    } else if (catalog_store(conn, cat, report, changed) == 0) {
        rc = KPI_OK;
    }
    catalog_free(cat);
    return rc;
}
