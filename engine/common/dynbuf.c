/*
 * dynbuf.c — owns the growable, capped byte buffer of kpi (see dynbuf.h).
 */
#include "common/dynbuf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dynbuf_init(struct dynbuf *b, size_t cap)
{
    b->buf = NULL;
    b->len = 0;
    b->alloc = 0;
    b->cap = cap;
}

void dynbuf_free(struct dynbuf *b)
{
    free(b->buf);
    b->buf = NULL;
    b->len = 0;
    b->alloc = 0;
}

void dynbuf_reset(struct dynbuf *b)
{
    b->len = 0;
    if (b->buf != NULL)
        b->buf[0] = '\0';
}

enum dynbuf_status dynbuf_reserve(struct dynbuf *b, size_t n)
{
    if (n > b->cap || b->len > b->cap - n) {
        dynbuf_free(b);
        return DYNBUF_TOOBIG;
    }
    size_t need = b->len + n + 1;
    if (need <= b->alloc)
        return DYNBUF_OK;
    size_t a = b->alloc ? b->alloc : 64;
    while (a < need)
        a = a > SIZE_MAX / 2 ? need : a * 2;
    if (a > b->cap + 1)
        a = b->cap + 1;
    char *p = realloc(b->buf, a);
    if (p == NULL) {
        dynbuf_free(b);
        return DYNBUF_NOMEM;
    }
    b->buf = p;
    b->alloc = a;
    return DYNBUF_OK;
}

enum dynbuf_status dynbuf_addn(struct dynbuf *b, const void *mem, size_t n)
{
    enum dynbuf_status st = dynbuf_reserve(b, n);
    if (st != DYNBUF_OK)
        return st;
    if (n > 0)
        memcpy(b->buf + b->len, mem, n);
    b->len += n;
    b->buf[b->len] = '\0';
    return DYNBUF_OK;
}

enum dynbuf_status dynbuf_add(struct dynbuf *b, const char *s)
{
    return dynbuf_addn(b, s, strlen(s));
}

enum dynbuf_status dynbuf_vaddf(struct dynbuf *b, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, again);
    va_end(again);
    if (n < 0) {
        dynbuf_free(b);
        return DYNBUF_NOMEM;
    }
    enum dynbuf_status st = dynbuf_reserve(b, (size_t)n);
    if (st != DYNBUF_OK)
        return st;
    vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return DYNBUF_OK;
}

enum dynbuf_status dynbuf_addf(struct dynbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    enum dynbuf_status st = dynbuf_vaddf(b, fmt, ap);
    va_end(ap);
    return st;
}

const char *dynbuf_ptr(const struct dynbuf *b)
{
    return b->buf != NULL ? b->buf : "";
}

size_t dynbuf_len(const struct dynbuf *b)
{
    return b->len;
}

char *dynbuf_take(struct dynbuf *b)
{
    char *p = b->buf != NULL ? b->buf : strdup("");
    b->buf = NULL;
    b->len = 0;
    b->alloc = 0;
    return p;
}
