/*
 * text.c — display width of UTF-8 text and cutting it to a width (see
 * text.h). Owns the code point ranges of combining and wide characters.
 */
#include "common/text.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/*
 * Decode the code point at S (AVAIL > 0 bytes left) into *cp; returns its
 * length in bytes (at least 1, at most AVAIL).
 */
static size_t decode(const unsigned char *s, size_t avail, uint32_t *cp)
{
    uint32_t c = s[0];
    int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
    c &= extra == 3 ? 0x07 : extra == 2 ? 0x0f : extra == 1 ? 0x1f : 0x7f;
    size_t n = 1;
    for (; extra > 0 && n < avail && (s[n] & 0xc0) == 0x80; extra--, n++)
        c = (c << 6) | (s[n] & 0x3f);
    if (extra > 0) /* cut short: not a code point, one column as U+FFFD */
        c = 0xfffd;
    *cp = c;
    return n;
}

/* The columns of code point CP: 0, 1 or 2. */
static size_t cp_width(uint32_t cp)
{
    bool combining = (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
                     (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) ||
                     (cp >= 0xfe20 && cp <= 0xfe2f);
    bool wide = (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
                (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
                (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
                (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) ||
                (cp >= 0x20000 && cp <= 0x3fffd);
    return combining ? 0 : wide ? 2 : 1;
}

size_t text_width_n(const char *s, size_t len)
{
    size_t w = 0;
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += decode(p + i, len - i, &cp);
        w += cp_width(cp);
    }
    return w;
}

size_t text_width(const char *s)
{
    return text_width_n(s, strlen(s));
}

void text_cut(char *dst, size_t len, const char *s, size_t max)
{
    static const char ellipsis[] = "…";
    if (text_width(s) <= max) {
        snprintf(dst, len, "%s", s);
        return;
    }
    const unsigned char *p = (const unsigned char *)s;
    size_t w = 0, i = 0, total = strlen(s);
    while (i < total) {
        uint32_t cp;
        size_t n = decode(p + i, total - i, &cp), cw = cp_width(cp);
        if ((cw > 0 && w + cw > max - 1) || i + n + sizeof ellipsis > len)
            break;
        w += cw;
        i += n;
    }
    memcpy(dst, s, i);
    memcpy(dst + i, ellipsis, sizeof ellipsis);
}
