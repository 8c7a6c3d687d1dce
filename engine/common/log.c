/*
 * log.c — owns the stderr message format of the kpi command (see log.h):
 * text lines or JSON lines, and the escaping of what the arguments of a
 * message bring (control characters, bytes that are not UTF-8).
 */
#include "common/log.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define VIETNAM_UTC_OFFSET (7 * 3600) /* Asia/Ho_Chi_Minh: UTC+7, no daylight saving since 1975 */

static bool log_quiet;
static bool log_json;
static const char *log_stage;
static char last_error[1024];

void log_timestamp(char buf[32])
{
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    time_t local = ts.tv_sec + VIETNAM_UTC_OFFSET;
    gmtime_r(&local, &tm);
    size_t n = strftime(buf, 32, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(buf + n, 32 - n, ".%03d+07:00", (int)(ts.tv_nsec / 1000000) % 1000);
}

/*
 * The length of the UTF-8 character at S (N bytes left) when it is valid and
 * no control character (C0, DEL, C1), else 0.
 */
static size_t printable_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80)
        return c >= 0x20 && c != 0x7F ? 1 : 0;
    if (c >= 0xC2 && c <= 0xDF)
        need = 1;
    else if (c == 0xE0)
        need = 2, lo = 0xA0;
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
        need = 2;
    else if (c == 0xED)
        need = 2, hi = 0x9F;
    else if (c == 0xF0)
        need = 3, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3)
        need = 3;
    else if (c == 0xF4)
        need = 3, hi = 0x8F;
    else
        return 0;
    if (n < need + 1 || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i <= need; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    if (c == 0xC2 && s[1] <= 0x9F)
        return 0; /* U+0080..U+009F: C1 controls (CSI drives a terminal too) */
    return need + 1;
}

/* A bounded output buffer: what does not fit is dropped, the text stays NUL-terminated. */
struct out {
    char *p;
    size_t len, cap; /* cap counts the NUL */
};

static void out_put(struct out *o, const char *s, size_t n)
{
    if (o->len + 1 >= o->cap)
        return;
    if (n > o->cap - 1 - o->len)
        n = o->cap - 1 - o->len;
    memcpy(o->p + o->len, s, n);
    o->len += n;
    o->p[o->len] = '\0';
}

/* S (N bytes) escaped into O: a character whole, or not at all. */
static void out_escaped(struct out *o, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t k = printable_len(u + i, n - i);
        if (k > 0 && o->len + k < o->cap) {
            out_put(o, s + i, k);
            i += k;
            continue;
        }
        if (k > 0 || o->len + 4 >= o->cap)
            return; /* full */
        char e[4] = {'\\', 'x', hex[u[i] >> 4], hex[u[i] & 15]};
        out_put(o, e, 4);
        i++;
    }
}

size_t log_escape(char *dst, size_t cap, const char *s, size_t n)
{
    struct out o = {dst, 0, cap};
    if (cap == 0)
        return 0;
    dst[0] = '\0';
    out_escaped(&o, s, n);
    return o.len;
}

bool log_needs_escape(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t k = printable_len(u + i, n - i);
        if (k == 0)
            return true;
        i += k;
    }
    return false;
}

/* An integer argument of length modifier LEN ("", hh, h, l, ll, z, j, t), signed or not. */
static intmax_t signed_arg(va_list *ap, const char *len)
{
    if (strcmp(len, "ll") == 0)
        return va_arg(*ap, long long);
    if (strcmp(len, "l") == 0)
        return va_arg(*ap, long);
    if (strcmp(len, "z") == 0 || strcmp(len, "t") == 0)
        return va_arg(*ap, ptrdiff_t);
    if (strcmp(len, "j") == 0)
        return va_arg(*ap, intmax_t);
    int v = va_arg(*ap, int);
    return strcmp(len, "hh") == 0 ? (signed char)v : strcmp(len, "h") == 0 ? (short)v : v;
}

static uintmax_t unsigned_arg(va_list *ap, const char *len)
{
    if (strcmp(len, "ll") == 0)
        return va_arg(*ap, unsigned long long);
    if (strcmp(len, "l") == 0)
        return va_arg(*ap, unsigned long);
    if (strcmp(len, "z") == 0 || strcmp(len, "t") == 0)
        return va_arg(*ap, size_t);
    if (strcmp(len, "j") == 0)
        return va_arg(*ap, uintmax_t);
    unsigned v = va_arg(*ap, unsigned);
    return strcmp(len, "hh") == 0  ? (unsigned char)v
           : strcmp(len, "h") == 0 ? (unsigned short)v
                                   : v;
}

/* Append S (N bytes) escaped, padded with blanks to WIDTH (on the right when LEFT). */
static void out_padded(struct out *o, const char *s, size_t n, int width, bool left)
{
    size_t at = o->len;
    out_escaped(o, s, n);
    for (size_t k = o->len - at; width > 0 && k < (size_t)width; k++) {
        if (left) {
            out_put(o, " ", 1);
        } else if (o->len + 1 < o->cap) { /* before the text */
            memmove(o->p + at + 1, o->p + at, o->len - at + 1);
            o->p[at] = ' ';
            o->len++;
        }
    }
}

/*
 * vsnprintf into O for FMT, where the text of every %s and %c is escaped
 * (out_escaped): the format's own line breaks stay, an argument's cannot
 * split the line. Conversions: the flags, width, precision (also *) and
 * length modifiers of C11 with d i u o x X c s p f F e E g G a A and %%;
 * the numbers are printed by snprintf, through intmax_t and uintmax_t.
 */
static void format_escaped(struct out *o, const char *fmt, va_list ap)
{
    va_list args;
    va_copy(args, ap);
    while (*fmt != '\0') {
        const char *pct = strchr(fmt, '%');
        if (pct == NULL) {
            out_put(o, fmt, strlen(fmt));
            break;
        }
        out_put(o, fmt, (size_t)(pct - fmt));
        const char *p = pct + 1;
        char flags[8] = "", len[3] = "";
        size_t nf = 0, ln = 0;
        int width = -1, prec = -1;
        while (*p != '\0' && strchr("-+ #0", *p) != NULL && nf < sizeof flags - 1)
            flags[nf++] = *p++;
        if (*p == '*') {
            width = va_arg(args, int);
            p++;
            if (width < 0 && nf < sizeof flags - 1) /* a negative width: left-justified */
                flags[nf++] = '-', width = -width;
        }
        for (; *p >= '0' && *p <= '9'; p++)
            width = (width < 0 ? 0 : width * 10) + (*p - '0');
        if (*p == '.') {
            p++;
            prec = 0;
            if (*p == '*') {
                prec = va_arg(args, int);
                p++;
            }
            for (; *p >= '0' && *p <= '9'; p++)
                prec = prec * 10 + (*p - '0');
        }
        while (*p != '\0' && strchr("hljztL", *p) != NULL && ln < sizeof len - 1)
            len[ln++] = *p++;
        char conv = *p;
        if (conv == '\0')
            break;
        fmt = p + 1;
        bool left = strchr(flags, '-') != NULL;
        /* the conversion again, its width and precision as numbers, J the modifier */
        char spec[64], buf[512];
        const char *j = strchr("diouxX", conv) ? "j" : strcmp(len, "L") == 0 ? "L" : "";
        int n = snprintf(spec, sizeof spec, "%%%s", flags);
        if (width >= 0)
            n += snprintf(spec + n, sizeof spec - (size_t)n, "%d", width);
        if (prec >= 0)
            n += snprintf(spec + n, sizeof spec - (size_t)n, ".%d", prec);
        snprintf(spec + n, sizeof spec - (size_t)n, "%s%c", j, conv);
        int w = -1;
        if (conv == '%') {
            out_put(o, "%", 1);
        } else if (conv == 'c') {
            char c = (char)va_arg(args, int);
            out_padded(o, &c, 1, width, left);
        } else if (conv == 's') {
            const char *s = va_arg(args, const char *);
            if (s == NULL)
                s = "(null)";
            out_padded(o, s, prec >= 0 ? strnlen(s, (size_t)prec) : strlen(s), width, left);
        } else if (conv == 'p') {
            w = snprintf(buf, sizeof buf, "%p", va_arg(args, void *));
        } else if (strchr("fFeEgGaA", conv) != NULL && strcmp(len, "L") == 0) {
            w = snprintf(buf, sizeof buf, spec, va_arg(args, long double));
        } else if (strchr("fFeEgGaA", conv) != NULL) {
            w = snprintf(buf, sizeof buf, spec, va_arg(args, double));
        } else if (conv == 'd' || conv == 'i') {
            w = snprintf(buf, sizeof buf, spec, signed_arg(&args, len));
        } else if (strchr("ouxX", conv) != NULL) {
            w = snprintf(buf, sizeof buf, spec, unsigned_arg(&args, len));
        } else {
            out_put(o, pct, (size_t)(fmt - pct)); /* not a conversion of ours: as written */
        }
        if (w > 0)
            out_put(o, buf, (size_t)w < sizeof buf ? (size_t)w : sizeof buf - 1);
    }
    va_end(args);
}

static void log_vprint(const char *level, const cJSON *counts, const char *fmt, va_list ap)
{
    char msg[4096];
    struct out m = {msg, 0, sizeof msg};
    msg[0] = '\0';
    format_escaped(&m, fmt, ap);
    if (level[0] == 'e')
        snprintf(last_error, sizeof last_error, "%.1000s", msg);
    if (!log_json) {
        fprintf(stderr, "kpi: %s%s\n", level[0] == 'w' ? "warning: " : "", msg);
        return;
    }
    char now[32];
    log_timestamp(now);
    cJSON *o = cJSON_CreateObject();
    if (o == NULL)
        return;
    cJSON_AddStringToObject(o, "time", now);
    cJSON_AddStringToObject(o, "level", level);
    if (log_stage != NULL)
        cJSON_AddStringToObject(o, "stage", log_stage);
    cJSON_AddStringToObject(o, "message", msg);
    if (counts != NULL)
        cJSON_AddItemToObject(o, "counts", cJSON_Duplicate(counts, 1));
    char *line = cJSON_PrintUnformatted(o);
    if (line != NULL)
        fprintf(stderr, "%s\n", line);
    free(line);
    cJSON_Delete(o);
}

void log_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_vprint("error", NULL, fmt, ap);
    va_end(ap);
}

void log_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_vprint("warning", NULL, fmt, ap);
    va_end(ap);
}

void log_info(const char *fmt, ...)
{
    if (log_quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    log_vprint("info", NULL, fmt, ap);
    va_end(ap);
}

void log_counts(const cJSON *counts, const char *fmt, ...)
{
    if (log_quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    log_vprint("info", counts, fmt, ap);
    va_end(ap);
}

const char *log_last_error(void)
{
    return last_error;
}

void log_set_quiet(bool quiet)
{
    log_quiet = quiet;
}

void log_set_json(bool json)
{
    log_json = json;
}

void log_set_stage(const char *stage)
{
    log_stage = stage;
}
