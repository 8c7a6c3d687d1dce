/*
 * months.c — owns the summary of the (metric, month) pairs a submission
 * brings and the grains (day, month) of each: an open-addressing table with
 * a one-entry cache per metric, never anything per row (see months.h).
 */
#include "ingest/months.h"

#include "common/dynbuf.h"
#include "common/log.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* The largest array literal months_arrays makes: MONTHS_MAX entries of a short code. */
#define ARRAYS_CAP ((size_t)MONTHS_MAX * 256)

int months_index(const struct rowcheck_period *p)
{
    return p->year * 12 + p->month - 1;
}

void months_first_day(int index, char out[MONTHS_DAY_LEN])
{
    snprintf(out, MONTHS_DAY_LEN, "%04d-%02d-01", index / 12, index % 12 + 1);
}

void months_add(struct months *s, int metric, const struct rowcheck_period *p)
{
    if (s->overflow)
        return;
    uint64_t k = ((uint64_t)metric << 32 | (uint64_t)months_index(p)) + 1;
    unsigned char bit = p->grain == ROWCHECK_DAY ? 1 : 2;
    size_t c = (size_t)metric % MONTHS_CACHE;
    if (s->cache_key[c] == k && (s->cache_grains[c] & bit))
        return; /* the common case: the metric's month and grain as on its last row */
    if (s->cap == 0 || (s->n + 1) * 2 > s->cap) {
        if (s->n >= MONTHS_MAX) {
            s->overflow = true;
            return;
        }
        size_t cap = s->cap ? s->cap * 2 : 256;
        uint64_t *key = calloc(cap, sizeof *key);
        unsigned char *grains = calloc(cap, 1);
        if (key == NULL || grains == NULL) {
            free(key);
            free(grains);
            s->overflow = true;
            return;
        }
        for (size_t i = 0; i < s->cap; i++) {
            if (s->key[i] == 0)
                continue;
            size_t j = (s->key[i] * 0x9E3779B97F4A7C15ULL >> 17) & (cap - 1);
            while (key[j] != 0)
                j = (j + 1) & (cap - 1);
            key[j] = s->key[i];
            grains[j] = s->grains[i];
        }
        free(s->key);
        free(s->grains);
        s->key = key;
        s->grains = grains;
        s->cap = cap;
    }
    size_t i = (k * 0x9E3779B97F4A7C15ULL >> 17) & (s->cap - 1);
    while (s->key[i] != 0 && s->key[i] != k)
        i = (i + 1) & (s->cap - 1);
    if (s->key[i] == 0) {
        s->key[i] = k;
        s->n++;
    }
    s->grains[i] |= bit;
    if (s->grains[i] == 3)
        s->mixed = true;
    s->cache_key[c] = k;
    s->cache_grains[c] = s->grains[i];
}

enum kpi_status months_arrays(const struct months *s, const struct codes *codes, char **metrics,
                              char **months)
{
    struct dynbuf m, d;
    unsigned st = DYNBUF_OK; /* the statuses or-ed: any failure stays */
    dynbuf_init(&m, ARRAYS_CAP);
    dynbuf_init(&d, ARRAYS_CAP);
    st |= dynbuf_add(&m, "{");
    st |= dynbuf_add(&d, "{");
    for (size_t i = 0; i < s->cap && st == DYNBUF_OK; i++) {
        if (s->key[i] == 0)
            continue;
        uint64_t k = s->key[i] - 1;
        int ym = (int)(k & 0xFFFFFFFF);
        const char *sep = dynbuf_len(&m) > 1 ? "," : "";
        st |= dynbuf_addf(&m, "%s%s", sep, codes_metric_code(codes, (int)(k >> 32)));
        char day[MONTHS_DAY_LEN];
        months_first_day(ym, day);
        st |= dynbuf_addf(&d, "%s%s", sep, day);
    }
    st |= dynbuf_add(&m, "}");
    st |= dynbuf_add(&d, "}");
    if (st != DYNBUF_OK) {
        dynbuf_free(&m);
        dynbuf_free(&d);
        log_error("out of memory");
        return KPI_ERROR;
    }
    *metrics = dynbuf_take(&m);
    *months = dynbuf_take(&d);
    if (*metrics == NULL || *months == NULL) {
        free(*metrics);
        free(*months);
        log_error("out of memory");
        return KPI_ERROR;
    }
    return KPI_OK;
}

void months_free(struct months *s)
{
    free(s->key);
    free(s->grains);
    *s = (struct months){0};
}
