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

/* The *.json file names of DIR, sorted by bytes, into priv->names. 0, or -1 (recorded). */
static enum kpi_status list_files(struct loader *ld, const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    if (d == NULL) {
        check_problem(&ld->ck, "/", "could not open the catalog directory \"%s\": %s", dir,
                      strerror(errno));
        return KPI_ERROR;
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
        char *name = strdup(e->d_name);
        if (name == NULL || dynbuf_addn(&ld->priv->names, &name, sizeof name) != DYNBUF_OK) {
            free(name);
            ld->ck.oom = true;
            break;
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

static int by_id(const void *pa, const void *pb)
{
    const struct catalog_indicator *a = pa, *b = pb;
    int c = compare_ids(a->id ? a->id : "", b->id ? b->id : "");
    return c != 0 ? c : strcmp(from(a), from(b));
}

/* Record duplicates of (id, effective_from); IND[0..N) are in file order. */
static void duplicate_ids(struct loader *ld, const struct catalog_indicator *ind, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < i; j++) {
            if (ind[i].id == NULL || ind[j].id == NULL || strcmp(ind[i].id, ind[j].id) != 0 ||
                strcmp(from(&ind[i]), from(&ind[j])) != 0)
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
    for (size_t i = 0; i < n_names && !ld.ck.oom; i++) {
        ld.ck.file = names[i];
        if (read_file(&ld, dir, names[i], &buf, &len) != 0)
            continue;
        if (hash_file(h, names[i], buf, len) != 0)
            goto fail;
        if (strcmp(names[i], CATALOG_METRICS_FILE) != 0 &&
            strcmp(names[i], CATALOG_SCHEDULE_FILE) != 0) {
            const cJSON *root = parse_file(&ld, buf, len);
            if (root != NULL) {
                struct catalog_indicator *ind = &cat->indicators[cat->n_indicators++];
                ind->file = names[i];
                check_indicator(&ld.ck, root, ind);
            }
        }
        free(buf);
        buf = NULL;
    }
    if (ld.ck.oom)
        goto fail;
    ld.ck.file = "";
    if (n_names - has_metrics - has_schedule == 0)
        check_problem(&ld.ck, "/", "no indicator file (*.json) in \"%s\"", dir);
    duplicate_ids(&ld, cat->indicators, cat->n_indicators);
    qsort(cat->indicators, cat->n_indicators, sizeof *cat->indicators, by_id);
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
        dynbuf_free(&priv->trees);
        dynbuf_free(&priv->names);
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
        }
    }
    if (cat->metrics != NULL)
        for (size_t i = 0; i < cat->n_metrics; i++)
            free(cat->metrics[i].reported_by.names);
    free(cat->problems);
    free(cat->indicators);
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
