/*
 * numfmt.c — Vietnamese and English formatting of counts and percentages
 * from exact decimal text (see numfmt.h). Owns nothing but the digits.
 */
#include "common/numfmt.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A small writer that refuses to overflow BUF. */
struct out {
    char *buf;
    size_t len, used;
    bool full;
};

static void put(struct out *o, const char *s)
{
    size_t n = strlen(s);
    if (o->full || o->used + n >= o->len) {
        o->full = true;
        return;
    }
    memcpy(o->buf + o->used, s, n + 1);
    o->used += n;
}

static void putc_(struct out *o, char c)
{
    char s[2] = {c, '\0'};
    put(o, s);
}

/* Write the integer digits DIGITS[0..n) grouped by three with SEP. */
static void put_grouped(struct out *o, const char *digits, size_t n, const char *sep)
{
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            put(o, sep);
        putc_(o, digits[i]);
    }
}

int numfmt_decimal(char *buf, size_t len, const char *text, int decimals, enum numfmt_lang lang)
{
    int rc = -1;
    char *digits = NULL;
    if (len > 0)
        buf[0] = '\0';
    if (text == NULL || decimals < 0 || decimals > 18)
        return -1;

    const char *p = text;
    bool negative = false;
    if (*p == '+' || *p == '-')
        negative = *p++ == '-';
    size_t nint = strspn(p, "0123456789");
    const char *frac = p + nint;
    size_t nfrac = 0;
    if (*frac == '.') {
        frac++;
        nfrac = strspn(frac, "0123456789");
    } else if (*frac != '\0') {
        return -1;
    }
    if (frac[nfrac] != '\0' || nint + nfrac == 0)
        return -1;

    /* digits = one spare leading zero for the carry, the integer part, DECIMALS places */
    size_t keep = (size_t)decimals;
    size_t n = 1 + nint + keep;
    digits = malloc(n + 1);
    if (digits == NULL)
        goto fail;
    digits[0] = '0';
    memcpy(digits + 1, p, nint);
    for (size_t i = 0; i < keep; i++)
        digits[1 + nint + i] = i < nfrac ? frac[i] : '0';
    digits[n] = '\0';
    if (keep < nfrac && frac[keep] >= '5') {
        size_t i = n;
        while (i-- > 0) {
            if (digits[i] == '9') {
                digits[i] = '0';
            } else {
                digits[i]++;
                break;
            }
        }
    }

    /* integer part without leading zeros (at least one digit), fraction without trailing ones */
    const char *ip = digits;
    size_t ilen = 1 + nint;
    while (ilen > 1 && *ip == '0') {
        ip++;
        ilen--;
    }
    const char *fp = digits + 1 + nint;
    size_t flen = keep;
    while (flen > 0 && fp[flen - 1] == '0')
        flen--;
    if (ilen == 1 && ip[0] == '0' && flen == 0)
        negative = false;

    struct out o = {buf, len, 0, len == 0};
    if (negative)
        putc_(&o, '-');
    put_grouped(&o, ip, ilen, lang == NUMFMT_EN ? "," : ".");
    if (flen > 0) {
        putc_(&o, lang == NUMFMT_EN ? '.' : ',');
        for (size_t i = 0; i < flen; i++)
            putc_(&o, fp[i]);
    }
    if (o.full)
        goto fail;
    rc = 0;
fail:
    if (rc != 0 && len > 0)
        buf[0] = '\0';
    free(digits);
    return rc;
}

int numfmt_pct(char *buf, size_t len, const char *text, int decimals, enum numfmt_lang lang)
{
    if (numfmt_decimal(buf, len, text, decimals, lang) != 0)
        return -1;
    struct out o = {buf, len, strlen(buf), false};
    put(&o, lang == NUMFMT_EN ? "%" : " %");
    if (o.full) {
        buf[0] = '\0';
        return -1;
    }
    return 0;
}

int numfmt_count(char *buf, size_t len, int64_t value, enum numfmt_lang lang)
{
    char text[32];
    snprintf(text, sizeof text, "%" PRId64, value);
    return numfmt_decimal(buf, len, text, 0, lang);
}
