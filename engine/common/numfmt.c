/*
 * numfmt.c — Vietnamese and English counts and percentages from exact
 * decimal text, cut (never rounded) and, for a judged percentage, kept on
 * the side of its target (see numfmt.h). Owns the digits: parsing, exact
 * comparison, cutting, one-unit steps and the grouped output.
 */
#include "common/numfmt.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DECIMALS 30

/* A decimal number: sign, integer digits (no leading zeros, at least one), fraction. */
struct dec {
    bool neg;
    char *digits; /* NINT integer digits then NFRAC fractional ones, malloc'd, not NUL-ended */
    size_t nint, nfrac;
};

static void dec_free(struct dec *v)
{
    free(v->digits);
    v->digits = NULL;
}

/* Parse TEXT: [+-] digits [. digits], at least one digit. KPI_OK, KPI_REJECTED (not a
 * number), or KPI_ERROR (out of memory; nothing logged). */
static enum kpi_status dec_parse(const char *text, struct dec *v)
{
    *v = (struct dec){0};
    if (text == NULL)
        return KPI_REJECTED;
    const char *p = text;
    if (*p == '+' || *p == '-')
        v->neg = *p++ == '-';
    size_t nint = strspn(p, "0123456789");
    const char *frac = p + nint;
    size_t nfrac = 0;
    if (*frac == '.') {
        frac++;
        nfrac = strspn(frac, "0123456789");
    }
    if (frac[nfrac] != '\0' || nint + nfrac == 0 || (p[nint] != '.' && p[nint] != '\0'))
        return KPI_REJECTED;
    while (nint > 1 && *p == '0') {
        p++;
        nint--;
    }
    v->digits = malloc(nint + nfrac + 1);
    if (v->digits == NULL)
        return KPI_ERROR;
    if (nint == 0) {
        v->digits[0] = '0';
        v->nint = 1;
    } else {
        memcpy(v->digits, p, nint);
        v->nint = nint;
    }
    memcpy(v->digits + v->nint, frac, nfrac);
    v->nfrac = nfrac;
    return KPI_OK;
}

/* Cut V toward zero to at most K places (K < 0: keep all); the digits stay allocated. */
static void dec_cut(struct dec *v, int k)
{
    if (k >= 0 && v->nfrac > (size_t)k)
        v->nfrac = (size_t)k;
}

static bool dec_zero(const struct dec *v)
{
    for (size_t i = 0; i < v->nint + v->nfrac; i++)
        if (v->digits[i] != '0')
            return false;
    return true;
}

/* -1, 0, 1 as |A| is below, equal to, above |B|. */
static int mag_cmp(const struct dec *a, const struct dec *b)
{
    if (a->nint != b->nint)
        return a->nint < b->nint ? -1 : 1;
    int c = memcmp(a->digits, b->digits, a->nint);
    if (c != 0)
        return c < 0 ? -1 : 1;
    size_t n = a->nfrac > b->nfrac ? a->nfrac : b->nfrac;
    for (size_t i = 0; i < n; i++) {
        char x = i < a->nfrac ? a->digits[a->nint + i] : '0';
        char y = i < b->nfrac ? b->digits[b->nint + i] : '0';
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

/* -1, 0, 1 as A is below, equal to, above B, exactly. */
static int dec_cmp(const struct dec *a, const struct dec *b)
{
    int sa = dec_zero(a) ? 0 : a->neg ? -1 : 1;
    int sb = dec_zero(b) ? 0 : b->neg ? -1 : 1;
    if (sa != sb)
        return sa < sb ? -1 : 1;
    return sa == 0 ? 0 : sa * mag_cmp(a, b);
}

/* |V| plus one unit of its last place. KPI_OK, or KPI_ERROR when memory runs out. */
static enum kpi_status mag_inc(struct dec *v)
{
    size_t n = v->nint + v->nfrac;
    for (size_t i = n; i-- > 0;) {
        if (v->digits[i] != '9') {
            v->digits[i]++;
            return KPI_OK;
        }
        v->digits[i] = '0';
    }
    char *d = malloc(n + 1);
    if (d == NULL)
        return KPI_ERROR;
    d[0] = '1';
    memcpy(d + 1, v->digits, n);
    free(v->digits);
    v->digits = d;
    v->nint++;
    return KPI_OK;
}

/* |V| minus one unit of its last place; |V| is at least that unit. */
static void mag_dec(struct dec *v)
{
    for (size_t i = v->nint + v->nfrac; i-- > 0;) {
        if (v->digits[i] != '0') {
            v->digits[i]--;
            break;
        }
        v->digits[i] = '9';
    }
    size_t lead = 0;
    while (v->nint - lead > 1 && v->digits[lead] == '0')
        lead++;
    memmove(v->digits, v->digits + lead, v->nint - lead + v->nfrac);
    v->nint -= lead;
}

/* V plus (UP) or minus one unit of its last place. KPI_OK, or KPI_ERROR when memory runs out. */
static enum kpi_status dec_step(struct dec *v, bool up)
{
    bool zero = dec_zero(v);
    if (zero)
        v->neg = !up;
    if (zero || v->neg != up)
        return mag_inc(v); /* away from zero */
    mag_dec(v);
    if (dec_zero(v))
        v->neg = false;
    return KPI_OK;
}

/* A small writer that refuses to overflow BUF. */
struct out {
    char *buf;
    size_t len, used;
    bool full;
};

static void put_n(struct out *o, const char *s, size_t n)
{
    if (o->full || o->used + n >= o->len) {
        o->full = true;
        return;
    }
    memcpy(o->buf + o->used, s, n);
    o->used += n;
    o->buf[o->used] = '\0';
}

static void put(struct out *o, const char *s)
{
    put_n(o, s, strlen(s));
}

/* Write V (already cut) grouped, in STYLE and LANG, and SUFFIX. KPI_OK, or KPI_REJECTED when full.
 */
static enum kpi_status dec_write(char *buf, size_t len, const struct dec *v,
                                 enum numfmt_style style, enum numfmt_lang lang, const char *suffix)
{
    struct out o = {buf, len, 0, len == 0};
    if (len > 0)
        buf[0] = '\0';
    size_t nfrac = v->nfrac;
    if (style == NUMFMT_TRIM)
        while (nfrac > 0 && v->digits[v->nint + nfrac - 1] == '0')
            nfrac--;
    if (v->neg && !dec_zero(v))
        put(&o, "-");
    for (size_t i = 0; i < v->nint; i++) {
        if (i > 0 && (v->nint - i) % 3 == 0)
            put(&o, lang == NUMFMT_EN ? "," : ".");
        put_n(&o, v->digits + i, 1);
    }
    if (nfrac > 0) {
        put(&o, lang == NUMFMT_EN ? "." : ",");
        put_n(&o, v->digits + v->nint, nfrac);
    }
    put(&o, suffix);
    if (o.full) {
        if (len > 0)
            buf[0] = '\0';
        return KPI_REJECTED;
    }
    return KPI_OK;
}

static const char *pct_sign(enum numfmt_lang lang)
{
    return lang == NUMFMT_EN ? "%" : " %";
}

static enum kpi_status format(char *buf, size_t len, const char *text, int decimals,
                              enum numfmt_style style, enum numfmt_lang lang, const char *suffix)
{
    struct dec v;
    if (len > 0)
        buf[0] = '\0';
    if (decimals < NUMFMT_ALL || decimals > MAX_DECIMALS || dec_parse(text, &v) != 0)
        return KPI_REJECTED;
    dec_cut(&v, decimals);
    enum kpi_status rc = dec_write(buf, len, &v, style, lang, suffix);
    dec_free(&v);
    return rc;
}

enum kpi_status numfmt_decimal(char *buf, size_t len, const char *text, int decimals,
                               enum numfmt_style style, enum numfmt_lang lang)
{
    return format(buf, len, text, decimals, style, lang, "");
}

enum kpi_status numfmt_pct(char *buf, size_t len, const char *text, int decimals,
                           enum numfmt_style style, enum numfmt_lang lang)
{
    return format(buf, len, text, decimals, style, lang, pct_sign(lang));
}

enum kpi_status numfmt_count(char *buf, size_t len, int64_t value, enum numfmt_lang lang)
{
    char text[32];
    snprintf(text, sizeof text, "%" PRId64, value);
    return numfmt_decimal(buf, len, text, 0, NUMFMT_TRIM, lang);
}

enum cmp { ABOVE, AT_LEAST, BELOW, AT_MOST };

static enum kpi_status parse_cmp(const char *s, enum cmp *c)
{
    static const struct {
        const char *text;
        enum cmp cmp;
    } cmps[] = {{">", ABOVE}, {">=", AT_LEAST}, {"<", BELOW}, {"<=", AT_MOST}};
    for (size_t i = 0; i < sizeof cmps / sizeof cmps[0]; i++)
        if (strcmp(cmps[i].text, s) == 0) {
            *c = cmps[i].cmp;
            return KPI_OK;
        }
    return KPI_REJECTED;
}

/* Whether V, read as written, meets TARGET by C. */
static bool reads_as_meeting(const struct dec *v, enum cmp c, const struct dec *target)
{
    int r = dec_cmp(v, target);
    return c == ABOVE ? r > 0 : c == AT_LEAST ? r >= 0 : c == BELOW ? r < 0 : r <= 0;
}

/* The side a status names: 1 meets, 0 fails, -1 none. */
static int status_side(const char *status)
{
    static const char *const meets[] = {"met", "on_track"}, *const fails[] = {"breach", "at_risk"};
    for (size_t i = 0; status != NULL && i < 2; i++) {
        if (strcmp(status, meets[i]) == 0)
            return 1;
        if (strcmp(status, fails[i]) == 0)
            return 0;
    }
    return -1;
}

enum kpi_status numfmt_judged_pct(char *buf, size_t len, const char *value, int decimals,
                                  enum numfmt_style style, const struct numfmt_target *t,
                                  enum numfmt_lang lang)
{
    if (t == NULL || t->comparator == NULL || t->pct == NULL)
        return numfmt_pct(buf, len, value, decimals, style, lang);
    enum kpi_status rc = KPI_REJECTED;
    struct dec v = {0}, target = {0};
    enum cmp c;
    if (len > 0)
        buf[0] = '\0';
    if (decimals < 0 || decimals > MAX_DECIMALS || parse_cmp(t->comparator, &c) != 0 ||
        dec_parse(value, &v) != 0 || dec_parse(t->pct, &target) != 0)
        goto done;
    int side = status_side(t->status);
    bool meets = side >= 0 ? side == 1 : reads_as_meeting(&v, c, &target);

    /* 2: cut, and widen while the cut figure reads across */
    size_t cap =
        decimals > NUMFMT_JUDGED_MAX_DECIMALS ? (size_t)decimals : NUMFMT_JUDGED_MAX_DECIMALS;
    size_t all = v.nfrac;
    for (size_t k = (size_t)decimals;; k++) {
        struct dec w = v;
        dec_cut(&w, (int)k);
        if (reads_as_meeting(&w, c, &target) == meets) {
            rc = dec_write(buf, len, &w, style, lang, pct_sign(lang));
            goto done;
        }
        if (k >= cap || k >= all)
            break;
    }

    /* 3: the digits themselves read across: one unit of the last place toward the side */
    dec_cut(&v, (int)(all < cap ? all : cap));
    bool up = meets == (c == ABOVE || c == AT_LEAST);
    struct dec w = v;
    w.digits = malloc(v.nint + v.nfrac + 1);
    if (w.digits == NULL)
        goto done;
    memcpy(w.digits, v.digits, v.nint + v.nfrac);
    if (dec_step(&w, up) == 0 && reads_as_meeting(&w, c, &target) == meets) {
        rc = dec_write(buf, len, &w, style, lang, pct_sign(lang));
    } else {
        dec_cut(&v, decimals); /* a status beyond rounding: the value as it is */
        rc = dec_write(buf, len, &v, style, lang, pct_sign(lang));
    }
    dec_free(&w);
done:
    dec_free(&v);
    dec_free(&target);
    return rc;
}
