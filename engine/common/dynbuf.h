/*
 * dynbuf.h — the one growable buffer of kpi (after curl's lib/dynbuf.c):
 * bytes appended at the end, always NUL-terminated, never larger than the
 * cap given at init. Every failure (out of memory, over the cap) frees the
 * buffer and leaves it empty, so the caller is in a known state and may
 * report and go on. Growth doubles, so n appends cost O(total) copies.
 */
#ifndef KPI_DYNBUF_H
#define KPI_DYNBUF_H

#include <stdarg.h>
#include <stddef.h>

struct dynbuf {
    char *buf;    /* NULL until the first byte; NUL-terminated after it */
    size_t len;   /* bytes held, without the terminating NUL */
    size_t alloc; /* bytes allocated */
    size_t cap;   /* most bytes it may ever hold (the NUL not counted) */
};

enum dynbuf_status {
    DYNBUF_OK = 0,
    DYNBUF_NOMEM = 1,  /* out of memory: the buffer was freed */
    DYNBUF_TOOBIG = 2, /* the cap would be passed: the buffer was freed */
};

/* Make B empty, holding at most CAP bytes. No allocation. */
void dynbuf_init(struct dynbuf *b, size_t cap);

/* Free B's memory; B is empty and may be used again (same cap). */
void dynbuf_free(struct dynbuf *b);

/* Empty B but keep its memory for reuse. */
void dynbuf_reset(struct dynbuf *b);

/* Append N bytes of MEM (which may hold NULs). */
enum dynbuf_status dynbuf_addn(struct dynbuf *b, const void *mem, size_t n);

/* Append the NUL-terminated string S. */
enum dynbuf_status dynbuf_add(struct dynbuf *b, const char *s);

/* Append printf-formatted text. */
enum dynbuf_status dynbuf_addf(struct dynbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
enum dynbuf_status dynbuf_vaddf(struct dynbuf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

/* Make sure N more bytes fit without another allocation. */
enum dynbuf_status dynbuf_reserve(struct dynbuf *b, size_t n);

/* The bytes (a valid empty string "" when empty, never NULL). */
const char *dynbuf_ptr(const struct dynbuf *b);
size_t dynbuf_len(const struct dynbuf *b);

/*
 * Hand the buffer to the caller (to free() it) and leave B empty. Returns
 * NULL only when out of memory; an empty buffer comes back as "".
 */
char *dynbuf_take(struct dynbuf *b);

#endif
