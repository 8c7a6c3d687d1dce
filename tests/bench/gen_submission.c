/*
 * gen_submission.c — the benchmark's data generator: realistic agency
 * submissions for any set of provinces of a unit registry, every catalog
 * metric (flows and stocks), day-level, for DAYS days from a start date,
 * from a fixed seed, with a small share of bad rows. It never invents a
 * unit code: every good row names a commune or ward of the registry, and a
 * bad row is bad by its period, metric or value only.
 *
 * usage: gen_submission [--provinces LIST|all] [--from YYYY-MM-DD] [--days N]
 *                       [--seed N] [--bad-ppm N] [--units FILE] [--out FILE]
 *                       REGISTRY METRICS_JSON
 *
 * REGISTRY is the national registry (fixtures/units_vn_2025.csv, header
 * code,name,type,province_code,province_name); METRICS_JSON is the catalog's
 * indicators/metrics.json ({"code": {"temporal": "flow"|"stock", …}, …}).
 * --units writes the registry `kpi units load` takes (code,name,kind,
 * parent_code): one row per selected province, then its communes.
 * The submission (period,unit,metric,value) goes to --out or stdout, ordered
 * by day, unit, metric; a --from day past the end of its month carries over
 * (2025-07-32 is 2025-08-01). --bad-ppm N: about N rows in a million are bad
 * (default 200), each one of: a thousands separator, a negative value, a
 * metric not in the catalog, a day that does not exist.
 */
#include "common/period.h"

#include <cjson/cJSON.h>
#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELD 256

struct unit {
    char code[16], name[MAX_FIELD], kind[32], prov[16], prov_name[MAX_FIELD];
};

struct metric {
    char *code;
    int stock;
};

struct reader {
    struct unit *units;
    size_t n, cap;
    struct unit cur;
    int field;
    long line;
    int bad;
};

static uint64_t rng_state;

/* xorshift64*: the same sequence for the same seed, on every machine */
static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ULL;
}

static uint64_t mix(const char *s, uint64_t h)
{
    for (; *s != '\0'; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static void copy_field(char *dst, size_t cap, const void *src, size_t len)
{
    if (len >= cap)
        len = cap - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
}

static void on_field(void *s, size_t len, void *data)
{
    struct reader *r = data;
    switch (r->field++) {
    case 0:
        copy_field(r->cur.code, sizeof r->cur.code, s, len);
        break;
    case 1:
        copy_field(r->cur.name, sizeof r->cur.name, s, len);
        break;
    case 2:
        copy_field(r->cur.kind, sizeof r->cur.kind, s, len);
        break;
    case 3:
        copy_field(r->cur.prov, sizeof r->cur.prov, s, len);
        break;
    case 4:
        copy_field(r->cur.prov_name, sizeof r->cur.prov_name, s, len);
        break;
    default:
        break;
    }
}

static void on_row(int c, void *data)
{
    struct reader *r = data;
    r->line++;
    if (r->line == 1) { /* header */
        if (strcmp(r->cur.code, "code") != 0 || strcmp(r->cur.prov, "province_code") != 0)
            r->bad = 1;
    } else if (r->field >= 5) {
        if (r->n == r->cap) {
            r->cap = r->cap ? 2 * r->cap : 4096;
            r->units = realloc(r->units, r->cap * sizeof *r->units);
            if (r->units == NULL) {
                perror("gen_submission");
                exit(1);
            }
        }
        r->units[r->n++] = r->cur;
    }
    r->field = 0;
    memset(&r->cur, 0, sizeof r->cur);
}

static int read_registry(const char *path, struct reader *r)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "gen_submission: could not open \"%s\": %s\n", path, strerror(errno));
        return -1;
    }
    struct csv_parser p;
    csv_init(&p, CSV_APPEND_NULL);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        csv_parse(&p, buf, n, on_field, on_row, r);
    csv_fini(&p, on_field, on_row, r);
    csv_free(&p);
    fclose(f);
    if (r->bad) {
        fprintf(stderr,
                "gen_submission: %s: the header must be code,name,type,province_code,"
                "province_name\n",
                path);
        return -1;
    }
    return 0;
}

static int read_metrics(const char *path, struct metric **out, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "gen_submission: could not open \"%s\": %s\n", path, strerror(errno));
        return -1;
    }
    static char text[1 << 20];
    size_t len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[len] = '\0';
    cJSON *root = cJSON_Parse(text);
    if (!cJSON_IsObject(root)) {
        fprintf(stderr, "gen_submission: %s: not a JSON object of metrics\n", path);
        cJSON_Delete(root);
        return -1;
    }
    *n = (size_t)cJSON_GetArraySize(root);
    *out = calloc(*n, sizeof **out);
    size_t i = 0;
    for (cJSON *m = root->child; m != NULL; m = m->next, i++) {
        const char *t = cJSON_GetStringValue(cJSON_GetObjectItem(m, "temporal"));
        (*out)[i].code = strdup(m->string);
        (*out)[i].stock = t != NULL && strcmp(t, "stock") == 0;
    }
    cJSON_Delete(root);
    return 0;
}

static int selected(const char *prov, const char *list)
{
    if (strcmp(list, "all") == 0)
        return 1;
    size_t len = strlen(prov);
    for (const char *p = list; *p != '\0';) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == len && memcmp(p, prov, n) == 0)
            return 1;
        p += n + (e != NULL);
    }
    return 0;
}

static void usage(void)
{
    fputs("usage: gen_submission [--provinces LIST|all] [--from YYYY-MM-DD] [--days N]\n"
          "                      [--seed N] [--bad-ppm N] [--units FILE] [--out FILE]\n"
          "                      REGISTRY METRICS_JSON\n",
          stderr);
    exit(2);
}

/* A CSV field of the registry may hold a comma or a quote: quote it. */
static void put_csv(FILE *f, const char *s)
{
    if (strpbrk(s, ",\"\n") == NULL) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s != '\0'; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

int main(int argc, char **argv)
{
    const char *provinces = "all", *from = "2025-07-01", *units_out = NULL, *out = NULL;
    long days = 30, bad_ppm = 200;
    unsigned long long seed = 1;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i += 2) {
        if (i + 1 >= argc)
            usage();
        const char *o = argv[i] + 2, *v = argv[i + 1];
        if (strcmp(o, "provinces") == 0)
            provinces = v;
        else if (strcmp(o, "from") == 0)
            from = v;
        else if (strcmp(o, "days") == 0)
            days = strtol(v, NULL, 10);
        else if (strcmp(o, "seed") == 0)
            seed = strtoull(v, NULL, 10);
        else if (strcmp(o, "bad-ppm") == 0)
            bad_ppm = strtol(v, NULL, 10);
        else if (strcmp(o, "units") == 0)
            units_out = v;
        else if (strcmp(o, "out") == 0)
            out = v;
        else
            usage();
    }
    if (argc - i != 2 || days < 1 || bad_ppm < 0 || bad_ppm > 1000000)
        usage();
    int y, m, d;
    if (sscanf(from, "%4d-%2d-%2d", &y, &m, &d) != 3) {
        fprintf(stderr, "gen_submission: --from \"%s\": write YYYY-MM-DD\n", from);
        return 2;
    }
    long day0 = period_days_from_civil(y, m, d);

    struct reader reg = {0};
    struct metric *metrics = NULL;
    size_t nmetrics = 0;
    if (read_registry(argv[i], &reg) != 0 || read_metrics(argv[i + 1], &metrics, &nmetrics) != 0)
        return 1;

    /* the selected communes (and wards), and their provinces in order */
    struct unit **sel = calloc(reg.n + 1, sizeof *sel);
    size_t nsel = 0;
    for (size_t k = 0; k < reg.n; k++)
        if (selected(reg.units[k].prov, provinces))
            sel[nsel++] = &reg.units[k];
    if (nsel == 0) {
        fprintf(stderr, "gen_submission: no commune of the registry is in province(s) %s\n",
                provinces);
        return 1;
    }

    if (units_out != NULL) {
        FILE *u = fopen(units_out, "w");
        if (u == NULL) {
            fprintf(stderr, "gen_submission: could not open \"%s\": %s\n", units_out,
                    strerror(errno));
            return 1;
        }
        fputs("code,name,kind,parent_code\n", u);
        for (size_t k = 0; k < nsel; k++)
            if (k == 0 || strcmp(sel[k]->prov, sel[k - 1]->prov) != 0) {
                int seen = 0;
                for (size_t j = 0; j < k && !seen; j++)
                    seen = strcmp(sel[j]->prov, sel[k]->prov) == 0;
                if (seen)
                    continue;
                fprintf(u, "%s,", sel[k]->prov);
                put_csv(u, sel[k]->prov_name);
                fputs(",province,\n", u);
            }
        for (size_t k = 0; k < nsel; k++) {
            fprintf(u, "%s,", sel[k]->code);
            put_csv(u, sel[k]->name);
            fprintf(u, ",%s,%s\n", sel[k]->kind, sel[k]->prov);
        }
        if (fclose(u) != 0) {
            perror(units_out);
            return 1;
        }
    }

    FILE *s = out != NULL ? fopen(out, "w") : stdout;
    if (s == NULL) {
        fprintf(stderr, "gen_submission: could not open \"%s\": %s\n", out, strerror(errno));
        return 1;
    }
    static char buf[1 << 20];
    setvbuf(s, buf, _IOFBF, sizeof buf);
    fputs("period,unit,metric,value\n", s);

    /* per unit a size (1..20), per (unit, metric) a stock level */
    uint64_t *size = calloc(nsel, sizeof *size);
    uint64_t *level = calloc(nsel * nmetrics, sizeof *level);
    for (size_t k = 0; k < nsel; k++) {
        size[k] = 1 + mix(sel[k]->code, 14695981039346656037ULL ^ seed) % 20;
        for (size_t j = 0; j < nmetrics; j++)
            level[k * nmetrics + j] =
                mix(metrics[j].code, mix(sel[k]->code, seed)) % (1000 * size[k]);
    }
    rng_state = seed * 0x9E3779B97F4A7C15ULL + 1;
    uint64_t bad_kind = 0;
    for (long t = 0; t < days; t++) {
        {
            long ly, lm, ld;
            period_civil_from_days(day0 + t, &ly, &lm, &ld);
            y = (int)ly, m = (int)lm, d = (int)ld;
        }
        char period[16];
        snprintf(period, sizeof period, "%04d-%02d-%02d", y, m, d);
        for (size_t k = 0; k < nsel; k++)
            for (size_t j = 0; j < nmetrics; j++) {
                uint64_t r = rng();
                uint64_t value;
                if (metrics[j].stock) {
                    uint64_t *l = &level[k * nmetrics + j];
                    *l += r % (2 * size[k] + 1); /* head-counts grow slowly */
                    value = *l;
                } else {
                    value = r % (20 * size[k] + 1);
                }
                if ((r >> 40) % 1000000 < (uint64_t)bad_ppm) {
                    switch (bad_kind++ % 4) {
                    case 0:
                        fprintf(s, "%s,%s,%s,\"1.%03u\"\n", period, sel[k]->code, metrics[j].code,
                                (unsigned)(value % 1000));
                        break;
                    case 1:
                        fprintf(s, "%s,%s,%s,-%llu\n", period, sel[k]->code, metrics[j].code,
                                (unsigned long long)value + 1);
                        break;
                    case 2:
                        fprintf(s, "%s,%s,%s_typo,%llu\n", period, sel[k]->code, metrics[j].code,
                                (unsigned long long)value);
                        break;
                    default:
                        fprintf(s, "%04d-%02d-32,%s,%s,%llu\n", y, m, sel[k]->code, metrics[j].code,
                                (unsigned long long)value);
                        break;
                    }
                    continue;
                }
                fprintf(s, "%s,%s,%s,%llu\n", period, sel[k]->code, metrics[j].code,
                        (unsigned long long)value);
            }
    }
    int rc = 0;
    if (fflush(s) != 0 || ferror(s) || (out != NULL && fclose(s) != 0)) {
        perror(out != NULL ? out : "stdout");
        rc = 1;
    }
    free(level);
    free(size);
    free(sel);
    for (size_t j = 0; j < nmetrics; j++)
        free(metrics[j].code);
    free(metrics);
    free(reg.units);
    return rc;
}
