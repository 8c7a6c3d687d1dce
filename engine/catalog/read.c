/*
 * read.c — owns the reading of the indicator catalog: finding its directory,
 * listing and reading its *.json files (size limit, UTF-8, JSON syntax with
 * line and column), handing each parsed file to check.c, the checks across
 * files (one id per effective date), the version hash, the order of the
 * indicators, and printing the problems (see read.h).
 */
#include "catalog/read.h"

#include "catalog/check.h"
#include "catalog/watch.h"
#include "common/dynbuf.h"
#include "common/json.h"
#include "common/log.h"
#include "common/sizelimit.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The most *.json files a catalog may hold (never reached: a catalog has dozens). */
#define FILES_CAP ((size_t)1 << 20)

/* What catalog.priv points to: the parsed files and the names they came from. */
struct catalog_priv {
    struct dynbuf trees; /* cJSON *, one per parsed file */
    struct dynbuf names; /* char *, the *.json file names in byte order */
    struct dynbuf dirs;  /* char *, the plan folders' names (catalog_plan.dir) */
};

/* The state of one catalog_load. */
struct loader {
    struct check ck; /* the problems, and what the checks need */
    struct catalog_priv *priv;
};

/* How many names PRIV holds. */
static size_t names_n(const struct catalog_priv *priv)
{
    return priv->names.len / sizeof(char *);
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

/* ---- reading files ----------------------------------------------------- */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add NAME (copied) to priv->names. 0, or -1 (ck.oom set). */
static enum kpi_status add_name(struct loader *ld, const char *name)
{
    char *copy = strdup(name);
    if (copy == NULL || dynbuf_addn(&ld->priv->names, &copy, sizeof copy) != DYNBUF_OK) {
        free(copy);
        ld->ck.oom = true;
        return KPI_ERROR;
    }
    return KPI_OK;
}

/* Whether NAME ends in ".json" and is not hidden. */
static bool is_json_name(const char *name)
{
    size_t len = strlen(name);
    return name[0] != '.' && len >= 6 && strcmp(name + len - 5, ".json") == 0;
}

/*
 * The .json files of DIR and of its plan folders (SUB/plan.json and the
 * other .json files of SUB), as names relative to DIR sorted by bytes, into
 * priv->names. A folder holding *.json files but no plan.json is a problem.
 * 0, or -1 (recorded).
 */
static enum kpi_status list_files(struct loader *ld, const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    if (d == NULL) {
        check_problem(&ld->ck, "/", "could not open the catalog directory \"%s\": %s", dir,
                      strerror(errno));
        return KPI_ERROR;
    }
    while ((e = readdir(d)) != NULL && !ld->ck.oom) {
        char path[4096], sub[8192];
        struct stat st;
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (stat(path, &st) != 0)
            continue;
        if (S_ISREG(st.st_mode) && is_json_name(e->d_name)) {
            add_name(ld, e->d_name);
            continue;
        }
        if (!S_ISDIR(st.st_mode))
            continue;
        DIR *pd = opendir(path);
        struct dirent *pe;
        bool has_plan = false, has_json = false;
        size_t first = names_n(ld->priv);
        if (pd == NULL)
            continue;
        while ((pe = readdir(pd)) != NULL && !ld->ck.oom) {
            snprintf(sub, sizeof sub, "%s/%s", path, pe->d_name);
            if (!is_json_name(pe->d_name) || stat(sub, &st) != 0 || !S_ISREG(st.st_mode))
                continue;
            has_json = true;
            has_plan |= strcmp(pe->d_name, CATALOG_PLAN_FILE) == 0;
            snprintf(sub, sizeof sub, "%s/%s", e->d_name, pe->d_name);
            add_name(ld, sub);
        }
        closedir(pd);
        if (has_json && !has_plan && !ld->ck.oom) {
            /* not a plan: its files are not part of the catalog */
            char **names = (char **)(void *)ld->priv->names.buf;
            for (size_t i = first; i < names_n(ld->priv); i++)
                free(names[i]);
            ld->priv->names.len = first * sizeof(char *);
            ld->ck.file = e->d_name;
            check_problem(&ld->ck, "/",
                          "a folder with *.json files but no " CATALOG_PLAN_FILE
                          "; a plan's folder needs one (docs/plans.md), other folders none");
            ld->ck.file = "";
        }
    }
    closedir(d);
    qsort(ld->priv->names.buf, names_n(ld->priv), sizeof(char *), by_name);
    return ld->ck.oom ? KPI_ERROR : KPI_OK;
}

/* The bytes of DIR/NAME, NUL-terminated, into *buf (caller frees). 0, or -1 (recorded). */
static enum kpi_status read_file(struct loader *ld, const char *dir, const char *name, char **buf,
                                 size_t *len)
{
    char path[4096];
    FILE *f;
    size_t max;
    *buf = NULL;
    *len = 0;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (sizelimit_json_bytes(&max) != 0) {
        check_problem(&ld->ck, "/", "KPI_MAX_JSON_BYTES is not a size; unset it or write e.g. 2M");
        return KPI_ERROR;
    }
    f = fopen(path, "rb");
    if (f == NULL) {
        check_problem(&ld->ck, "/", "could not open \"%s\": %s", path, strerror(errno));
        return KPI_ERROR;
    }
    *buf = malloc(max + 1);
    if (*buf == NULL) {
        ld->ck.oom = true;
        goto fail;
    }
    *len = fread(*buf, 1, max + 1, f);
    if (ferror(f)) {
        check_problem(&ld->ck, "/", "could not read \"%s\": %s", path, strerror(errno));
        goto fail;
    }
    if (*len > max) {
        check_problem(&ld->ck, "/",
                      "the file is larger than %zu bytes; a catalog file holds one indicator "
                      "(KPI_MAX_JSON_BYTES raises the limit)",
                      max);
        goto fail;
    }
    (*buf)[*len] = '\0';
    fclose(f);
    return KPI_OK;
fail:
    fclose(f);
    free(*buf);
    *buf = NULL;
    return KPI_ERROR;
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
        check_problem(&ld->ck, "/",
                      "not valid UTF-8 at byte %ld (line %d, column %d); save the file with the "
                      "encoding UTF-8",
                      bad, line, column);
        return NULL;
    }
    long nul = json_find_nul(buf, len); /* cJSON would cut the text at a "\u0000" escape */
    if (nul >= 0) {
        line_column(buf, (size_t)nul, &line, &column);
        check_problem(&ld->ck, "/",
                      "a NUL character (\\u0000) at byte %ld (line %d, column %d); text cannot "
                      "hold one, remove it",
                      nul, line, column);
        return NULL;
    }
    cJSON *root = cJSON_ParseWithOpts(start, &end, true);
    if (root == NULL) {
        size_t at = end != NULL ? (size_t)(end - buf) : 0;
        line_column(buf, at, &line, &column);
        if (at >= len)
            check_problem(
                &ld->ck, "/",
                "malformed JSON at byte %zu (line %d, column %d): the file ends too soon; "
                "check for a missing \"}\", \"]\" or closing quote",
                at, line, column);
        else
            check_problem(
                &ld->ck, "/",
                "malformed JSON at byte %zu (line %d, column %d), near '%.12s'; check for "
                "a missing comma or quote, a comma before \"}\" or \"]\", or a comment "
                "(JSON has none)",
                at, line, column, buf + at);
        return NULL;
    }
    if (dynbuf_addn(&ld->priv->trees, &root, sizeof root) != DYNBUF_OK) {
        cJSON_Delete(root);
        ld->ck.oom = true;
        return NULL;
    }
    if (!cJSON_IsObject(root)) {
        check_problem(&ld->ck, "/", "the file must hold one JSON object, { ... }");
        return NULL;
    }
    return root;
}

const struct catalog_metric *catalog_metric_find(const struct catalog *cat, const char *code)
{
    for (size_t i = 0; i < cat->n_metrics; i++)
        if (strcmp(cat->metrics[i].code, code) == 0)
            return &cat->metrics[i];
    return NULL;
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

/* Feed NAME and its bytes to the version hash. */
static enum kpi_status hash_file(struct hash_ctx *h, const char *name, const char *buf, size_t len)
{
    char size[32];
    int n = snprintf(size, sizeof size, "%zu", len);
    if (hash_update(h, name, strlen(name) + 1) != 0 || hash_update(h, size, (size_t)n + 1) != 0 ||
        hash_update(h, buf, len) != 0)
        return KPI_ERROR;
    return KPI_OK;
}

/* The rank of plan PLAN (a plan folder name) in CAT->plans, plus one; 0 outside plans. */
static size_t plan_rank(const struct catalog *cat, const char *plan)
{
    for (size_t i = 0; plan != NULL && i < cat->n_plans; i++)
        if (cat->plans[i].dir == plan)
            return i + 1;
    return 0;
}

static int by_plan_id(const void *pa, const void *pb, void *arg)
{
    const struct catalog_indicator *a = pa, *b = pb;
    size_t ra = plan_rank(arg, a->plan), rb = plan_rank(arg, b->plan);
    if (ra != rb)
        return ra < rb ? -1 : 1;
    int c = compare_ids(a->id ? a->id : "", b->id ? b->id : "");
    return c != 0 ? c : strcmp(from(a), from(b));
}

static int by_valid_from(const void *pa, const void *pb)
{
    const struct catalog_plan *a = pa, *b = pb;
    int c = strcmp(a->valid_from ? a->valid_from : "", b->valid_from ? b->valid_from : "");
    return c != 0 ? c : strcmp(a->dir, b->dir);
}

/* Record duplicates of (plan, id, effective_from); IND[0..N) are in file order. */
static void duplicate_ids(struct loader *ld, const struct catalog_indicator *ind, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < i; j++) {
            if (ind[i].id == NULL || ind[j].id == NULL || ind[i].plan != ind[j].plan ||
                strcmp(ind[i].id, ind[j].id) != 0 || strcmp(from(&ind[i]), from(&ind[j])) != 0)
                continue;
            ld->ck.file = ind[i].file;
            check_problem(&ld->ck, "/id",
                          "indicator \"%s\"%s%s is already defined in %s; keep one file, or give "
                          "each version its own effective_from",
                          ind[i].id, ind[i].effective_from ? " effective from " : "", from(&ind[i]),
                          ind[j].file);
            break;
        }
    }
}

/* Two plans in force on one day: the rule "the plan in force on the period's last day" needs
 * one. CAT->plans are sorted by valid_from. */
static void overlapping_plans(struct loader *ld, const struct catalog *cat)
{
    for (size_t i = 1; i < cat->n_plans; i++) {
        const struct catalog_plan *a = &cat->plans[i - 1], *b = &cat->plans[i];
        if (a->valid_to == NULL || b->valid_from == NULL || strcmp(a->valid_to, b->valid_from) < 0)
            continue;
        ld->ck.file = b->dir;
        check_problem(&ld->ck, "/valid_from",
                      "plan %s starts on %s, while plan %s is in force until %s; one plan judges a "
                      "day: end %s the day before, or start %s the day after",
                      b->dir, b->valid_from, a->dir, a->valid_to, a->dir, b->dir);
    }
}

/* The item ID of plan PLAN (a folder name) in CAT, or NULL. */
static struct catalog_indicator *find_item(struct catalog *cat, const char *plan, size_t plan_len,
                                           const char *id)
{
    for (size_t i = 0; i < cat->n_indicators; i++) {
        struct catalog_indicator *d = &cat->indicators[i];
        if (d->plan != NULL && d->id != NULL && strlen(d->plan) == plan_len &&
            strncmp(d->plan, plan, plan_len) == 0 && strcmp(d->id, id) == 0)
            return d;
    }
    return NULL;
}

/* What IND continues (its "continues" checked), or NULL (a problem recorded when wrong). */
static struct catalog_indicator *continued(struct loader *ld, struct catalog_indicator *ind)
{
    struct catalog *cat = ld->ck.cat;
    const char *slash = strchr(ind->continues, '/');
    ld->ck.file = ind->file;
    if (ind->plan == NULL) {
        check_problem(&ld->ck, "/continues",
                      "an item outside a plan folder continues nothing; move it into its plan's "
                      "folder or remove \"continues\"");
        return NULL;
    }
    if (slash == NULL) {
        check_problem(&ld->ck, "/continues",
                      "\"%s\" names no plan; write \"<plan>/<item>\", e.g. \"kh05-2025/%s\"",
                      ind->continues, ind->id ? ind->id : "3.1");
        return NULL;
    }
    struct catalog_indicator *prev =
        find_item(cat, ind->continues, (size_t)(slash - ind->continues), slash + 1);
    const struct catalog_plan *mine = &cat->plans[plan_rank(cat, ind->plan) - 1];
    if (prev == NULL) {
        check_problem(&ld->ck, "/continues",
                      "no item \"%s\" in the catalog; name an item of an earlier plan's folder, "
                      "\"<plan>/<item>\"",
                      ind->continues);
        return NULL;
    }
    const struct catalog_plan *theirs = &cat->plans[plan_rank(cat, prev->plan) - 1];
    if (theirs == mine ||
        (theirs->valid_to && mine->valid_from && strcmp(theirs->valid_to, mine->valid_from) >= 0)) {
        check_problem(&ld->ck, "/continues",
                      "\"%s\" is not of an earlier plan; an item continues one of a plan that "
                      "ended before %s starts",
                      ind->continues, mine->dir);
        return NULL;
    }
    for (size_t i = 0; i < cat->n_indicators; i++) {
        const struct catalog_indicator *o = &cat->indicators[i];
        if (o != ind && o->plan == ind->plan && o->continues != NULL &&
            strcmp(o->continues, ind->continues) == 0 && o->id && ind->id &&
            strcmp(o->id, ind->id) != 0 && o < ind) {
            check_problem(&ld->ck, "/continues",
                          "\"%s\" is continued already by %s; one item carries a series over",
                          ind->continues, o->file);
            return NULL;
        }
    }
    return prev;
}

/* Every indicator's series key (catalog_indicator.series). 0, or -1 (ck.oom set). */
static enum kpi_status series_keys(struct loader *ld)
{
    struct catalog *cat = ld->ck.cat;
    struct catalog_indicator **prev = calloc(cat->n_indicators + 1, sizeof *prev);
    if (prev == NULL) {
        ld->ck.oom = true;
        return KPI_ERROR;
    }
    for (size_t i = 0; i < cat->n_indicators; i++)
        if (cat->indicators[i].continues != NULL)
            prev[i] = continued(ld, &cat->indicators[i]);
    for (size_t i = 0; i < cat->n_indicators && !ld->ck.oom; i++) {
        struct catalog_indicator *d = &cat->indicators[i];
        size_t r = i;
        /* follow "continues" back to the item the series starts at (bounded: a chain
         * crosses each plan once at most) */
        for (size_t hops = 0; prev[r] != NULL && hops <= cat->n_plans; hops++)
            r = (size_t)(prev[r] - cat->indicators);
        const struct catalog_indicator *root = &cat->indicators[r];
        const char *id = root->id ? root->id : "";
        int n = root->plan != NULL ? asprintf(&d->series, "%s/%s", root->plan, id)
                                   : asprintf(&d->series, "%s", id);
        if (n < 0) {
            d->series = NULL;
            ld->ck.oom = true;
        }
    }
    free(prev);
    ld->ck.file = "";
    return ld->ck.oom ? KPI_ERROR : KPI_OK;
}

/*
 * IND's version (catalog_indicator.version): the SHA-256 of its plan, its file name and
 * bytes, and the kind of each metric it counts (a metric turned from flow to stock changes
 * its values); 0, or -1.
 */
static enum kpi_status item_version(const struct catalog *cat, struct catalog_indicator *ind,
                                    const char *buf, size_t len)
{
    struct hash_ctx *h = hash_new();
    const char *plan = ind->plan ? ind->plan : "";
    const char *codes[] = {ind->numerator, ind->denominator, ind->status_metric};
    enum kpi_status rc = h != NULL && hash_update(h, plan, strlen(plan) + 1) == 0 &&
                                 hash_file(h, ind->file, buf, len) == 0
                             ? KPI_OK
                             : KPI_ERROR;
    for (size_t i = 0; i < 3 && rc == KPI_OK; i++) {
        const struct catalog_metric *m = codes[i] ? catalog_metric_find(cat, codes[i]) : NULL;
        char bits[256];
        int n = snprintf(bits, sizeof bits, "%s|%s|%d", m ? m->code : "",
                         m && m->temporal ? m->temporal : "", m ? m->month_in_report_month : 0);
        if (hash_update(h, bits, (size_t)n + 1) != 0)
            rc = KPI_ERROR;
    }
    if (rc == KPI_OK && hash_final(h, ind->version) != 0)
        rc = KPI_ERROR;
    hash_free(h);
    return rc;
}

/* Whether NAME is a plan's plan.json ("kh05-2025/plan.json"). */
static bool is_plan_file(const char *name)
{
    const char *slash = strchr(name, '/');
    return slash != NULL && strcmp(slash + 1, CATALOG_PLAN_FILE) == 0;
}

/* The plan of file NAME ("kh05-2025/3.1.json"): its folder name in CAT, or NULL. */
static const char *plan_of(const struct catalog *cat, const char *name)
{
    const char *slash = strchr(name, '/');
    for (size_t i = 0; slash != NULL && i < cat->n_plans; i++)
        if (strlen(cat->plans[i].dir) == (size_t)(slash - name) &&
            strncmp(cat->plans[i].dir, name, (size_t)(slash - name)) == 0)
            return cat->plans[i].dir;
    return NULL;
}

/* Read and check every plan.json of NAMES into cat->plans. 0, or -1 (out of memory). */
static enum kpi_status read_plans(struct loader *ld, const char *dir, char **names, size_t n)
{
    struct catalog *cat = ld->ck.cat;
    cat->plans = calloc(n + 1, sizeof *cat->plans);
    if (cat->plans == NULL)
        return KPI_ERROR;
    for (size_t i = 0; i < n && !ld->ck.oom; i++) {
        char *buf, *folder;
        size_t len;
        if (!is_plan_file(names[i]))
            continue;
        ld->ck.file = names[i];
        folder = strndup(names[i], (size_t)(strchr(names[i], '/') - names[i]));
        if (folder == NULL || dynbuf_addn(&ld->priv->dirs, &folder, sizeof folder) != DYNBUF_OK) {
            free(folder);
            return KPI_ERROR;
        }
        struct catalog_plan *plan = &cat->plans[cat->n_plans++];
        plan->dir = folder;
        if (read_file(ld, dir, names[i], &buf, &len) != 0)
            continue;
        const cJSON *root = parse_file(ld, buf, len);
        if (root != NULL)
            check_plan(&ld->ck, root, plan);
        if (hash_sha256_hex(buf, len, plan->version) != 0)
            ld->ck.oom = true;
        free(buf);
    }
    qsort(cat->plans, cat->n_plans, sizeof *cat->plans, by_valid_from);
    overlapping_plans(ld, cat);
    return ld->ck.oom ? KPI_ERROR : KPI_OK;
}

enum kpi_status catalog_load(const char *dir, struct catalog **out)
{
    struct catalog *cat = calloc(1, sizeof *cat);
    struct loader ld = {.priv = NULL};
    struct hash_ctx *h = NULL;
    char *buf = NULL;
    size_t len;
    *out = NULL;
    if (cat == NULL) {
        log_error("out of memory while reading the catalog");
        return KPI_ERROR;
    }
    check_init(&ld.ck, cat);
    ld.priv = cat->priv = calloc(1, sizeof *ld.priv);
    if (ld.priv != NULL) {
        dynbuf_init(&ld.priv->names, FILES_CAP * sizeof(char *));
        dynbuf_init(&ld.priv->trees, FILES_CAP * sizeof(cJSON *));
        dynbuf_init(&ld.priv->dirs, FILES_CAP * sizeof(char *));
    }
    cat->dir = strdup(dir);
    h = hash_new();
    if (ld.priv == NULL || cat->dir == NULL || h == NULL)
        goto fail;
    if (list_files(&ld, dir) != 0) {
        if (ld.ck.oom)
            goto fail;
        goto done;
    }
    char **names = (char **)(void *)ld.priv->names.buf;
    size_t n_names = names_n(ld.priv);
    cat->indicators = calloc(n_names + 1, sizeof *cat->indicators);
    if (cat->indicators == NULL)
        goto fail;
    /* metrics.json first, so that indicators can be checked against it */
    ld.ck.file = CATALOG_METRICS_FILE;
    bool has_metrics = bsearch(&ld.ck.file, names, n_names, sizeof *names, by_name) != NULL;
    if (!has_metrics) {
        check_problem(&ld.ck, "/",
                      "missing file; the catalog needs " CATALOG_METRICS_FILE
                      " declaring every metric code");
    } else if (read_file(&ld, dir, CATALOG_METRICS_FILE, &buf, &len) == 0) {
        const cJSON *root = parse_file(&ld, buf, len);
        if (root != NULL) {
            check_metrics(&ld.ck, root);
            ld.ck.metrics_ok = true;
        }
        free(buf);
        buf = NULL;
    }
    /* schedule.json, optional: the expected submissions (watch.c) */
    ld.ck.file = CATALOG_SCHEDULE_FILE;
    bool has_schedule = bsearch(&ld.ck.file, names, n_names, sizeof *names, by_name) != NULL;
    if (has_schedule && read_file(&ld, dir, CATALOG_SCHEDULE_FILE, &buf, &len) == 0) {
        const cJSON *root = parse_file(&ld, buf, len);
        if (root != NULL)
            watch_check_schedule(&ld.ck, root);
        free(buf);
        buf = NULL;
    }
    /* the plans (indicators/<plan>/plan.json), so that each item knows its plan */
    if (read_plans(&ld, dir, names, n_names) != 0)
        goto fail;
    for (size_t i = 0; i < n_names && !ld.ck.oom; i++) {
        ld.ck.file = names[i];
        if (read_file(&ld, dir, names[i], &buf, &len) != 0)
            continue;
        if (hash_file(h, names[i], buf, len) != 0)
            goto fail;
        if (strcmp(names[i], CATALOG_METRICS_FILE) != 0 &&
            strcmp(names[i], CATALOG_SCHEDULE_FILE) != 0 && !is_plan_file(names[i])) {
            const cJSON *root = parse_file(&ld, buf, len);
            if (root != NULL) {
                struct catalog_indicator *ind = &cat->indicators[cat->n_indicators++];
                ind->file = names[i];
                ind->plan = plan_of(cat, names[i]);
                check_indicator(&ld.ck, root, ind);
                if (item_version(cat, ind, buf, len) != 0)
                    goto fail;
            }
        }
        free(buf);
        buf = NULL;
    }
    if (ld.ck.oom)
        goto fail;
    ld.ck.file = "";
    if (n_names - has_metrics - has_schedule - cat->n_plans == 0)
        check_problem(&ld.ck, "/", "no indicator file (*.json) in \"%s\"", dir);
    duplicate_ids(&ld, cat->indicators, cat->n_indicators);
    qsort_r(cat->indicators, cat->n_indicators, sizeof *cat->indicators, by_plan_id, cat);
    if (series_keys(&ld) != 0)
        goto fail;
done:
    if (hash_final(h, cat->version) != 0 || ld.ck.oom)
        goto fail;
    check_finish(&ld.ck);
    hash_free(h);
    *out = cat;
    return KPI_OK;
fail:
    check_finish(&ld.ck); /* catalog_free frees the problems */
    free(buf);
    hash_free(h);
    catalog_free(cat);
    log_error("out of memory while reading the catalog");
    return KPI_ERROR;
}

void catalog_free(struct catalog *cat)
{
    if (cat == NULL)
        return;
    struct catalog_priv *priv = cat->priv;
    if (priv != NULL) {
        cJSON **trees = (cJSON **)(void *)priv->trees.buf;
        char **names = (char **)(void *)priv->names.buf;
        for (size_t i = 0; i < priv->trees.len / sizeof *trees; i++)
            cJSON_Delete(trees[i]);
        for (size_t i = 0; i < names_n(priv); i++)
            free(names[i]);
        char **dirs = (char **)(void *)priv->dirs.buf;
        for (size_t i = 0; i < priv->dirs.len / sizeof *dirs; i++)
            free(dirs[i]);
        dynbuf_free(&priv->trees);
        dynbuf_free(&priv->names);
        dynbuf_free(&priv->dirs);
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
            free(cat->indicators[i].facility_kinds.names);
            free(cat->indicators[i].assigned_units.names);
            free(cat->indicators[i].series);
        }
    }
    if (cat->metrics != NULL)
        for (size_t i = 0; i < cat->n_metrics; i++)
            free(cat->metrics[i].reported_by.names);
    free(cat->problems);
    free(cat->indicators);
    free(cat->plans);
    watch_free(cat);
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

/* Append DIR/indicators (DIR/SUB/indicators when SUB is not NULL) to dirs, unless too long. */
static void add_candidate(char dirs[3][PATH_MAX], size_t *n, const char *dir, const char *sub)
{
    int w = snprintf(dirs[*n], PATH_MAX, "%s/%s%sindicators", dir, sub ? sub : "", sub ? "/" : "");
    if (w > 0 && w < PATH_MAX)
        (*n)++;
}

/*
 * The catalog directories to try, in order, into dirs[0..*n): the installed
 * binary (any but KPI_BUILD_ROOT/kpi) first tries the catalog installed with
 * it, DIR_OF_THE_BINARY/KPI_BIN_TO_DATA/indicators (the same install, also
 * under a DESTDIR or a moved prefix), then KPI_DATA_DIR/indicators, then the
 * source tree's; the build tree's binary (or one whose /proc/self/exe cannot
 * be read) tries the source tree's first, then KPI_DATA_DIR/indicators.
 */
static void catalog_candidates(char dirs[3][PATH_MAX], size_t *n)
{
    char exe[PATH_MAX], built[PATH_MAX];
    bool installed = realpath("/proc/self/exe", exe) != NULL &&
                     (realpath(KPI_BUILD_ROOT "/kpi", built) == NULL || strcmp(exe, built) != 0);
    *n = 0;
    if (installed) {
        *strrchr(exe, '/') = '\0';
        if (KPI_BIN_TO_DATA[0] == '/')
            add_candidate(dirs, n, KPI_BIN_TO_DATA, NULL);
        else
            add_candidate(dirs, n, exe, KPI_BIN_TO_DATA);
        add_candidate(dirs, n, KPI_DATA_DIR, NULL);
        add_candidate(dirs, n, KPI_SOURCE_DIR, NULL);
    } else {
        add_candidate(dirs, n, KPI_SOURCE_DIR, NULL);
        add_candidate(dirs, n, KPI_DATA_DIR, NULL);
    }
}

enum kpi_status catalog_dir(const char *option, char *buf, size_t len)
{
    const char *env = getenv("KPI_CATALOG");
    char candidates[3][PATH_MAX], resolved[PATH_MAX];
    size_t n = 0;
    const char *dir = NULL;
    struct stat st;
    if (option != NULL && option[0] != '\0')
        dir = option;
    else if (env != NULL && env[0] != '\0')
        dir = env;
    if (dir == NULL) {
        catalog_candidates(candidates, &n);
        for (size_t i = 0; i < n && dir == NULL; i++)
            if (stat(candidates[i], &st) == 0 && S_ISDIR(st.st_mode))
                dir = realpath(candidates[i], resolved) ? resolved : candidates[i];
    }
    if (dir == NULL) {
        log_error("no indicator catalog found (looked in %s, %s%s%s); pass --catalog DIR or set "
                  "KPI_CATALOG",
                  n > 0 ? candidates[0] : "?", n > 1 ? candidates[1] : "?", n > 2 ? ", " : "",
                  n > 2 ? candidates[2] : "");
        return KPI_ERROR;
    }
    if ((size_t)snprintf(buf, len, "%s", dir) >= len) {
        log_error("catalog directory name too long: %s", dir);
        return KPI_ERROR;
    }
    return KPI_OK;
}
