/*
 * copybin.c — owns the encoding of good submission rows in PostgreSQL's
 * binary COPY format (big-endian field lengths and values, dates as days
 * since 2000-01-01) for the fast path's COPY into kpi.observation_load (see
 * copybin.h).
 */
#include "ingest/copybin.h"

#include <stdint.h>
#include <string.h>

#define COLUMNS 7 /* of COPYBIN_OBSERVATION_SQL */

int32_t copybin_pg_days(const struct rowcheck_period *p)
{
    /* days from 0000-03-01 (years start in March: the leap day comes last) */
    int y = p->year - (p->month <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (p->month + (p->month > 2 ? -3 : 9)) + 2) / 5 + p->day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 730425); /* 730425: 2000-01-01 */
}

static size_t put_be16(unsigned char *s, uint16_t v)
{
    s[0] = (unsigned char)(v >> 8);
    s[1] = (unsigned char)v;
    return 2;
}

static size_t put_be32(unsigned char *s, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        s[i] = (unsigned char)(v >> (24 - 8 * i));
    return 4;
}

static size_t put_be64(unsigned char *s, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        s[i] = (unsigned char)(v >> (56 - 8 * i));
    return 8;
}

/* A field of N bytes (raw text: binary COPY has no escaping). */
static size_t put_field(unsigned char *s, const char *v, size_t n)
{
    size_t o = put_be32(s, (uint32_t)n);
    memcpy(s + o, v, n);
    return o + n;
}

/* A bigint field. */
static size_t put_int8(unsigned char *s, int64_t v)
{
    size_t o = put_be32(s, 8);
    return o + put_be64(s + o, (uint64_t)v);
}

enum kpi_status copybin_header(struct copy *c)
{
    static const char header[19] = "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0";
    return copy_verbatim(c, header, sizeof header);
}

enum kpi_status copybin_trailer(struct copy *c)
{
    return copy_verbatim(c, "\377\377", 2);
}

enum kpi_status copybin_observation(struct copy *c, int16_t metric_id, int32_t unit_id,
                                    const struct rowcheck_good *g, int64_t submission_id,
                                    long long line_no)
{
    unsigned char b[128];
    size_t n = 0;
    bool day = g->period.grain == ROWCHECK_DAY;
    n += put_be16(b + n, COLUMNS);
    n += put_be32(b + n, 2);
    n += put_be16(b + n, (uint16_t)metric_id);
    n += put_be32(b + n, 4);
    n += put_be32(b + n, (uint32_t)unit_id);
    n += put_be32(b + n, 4);
    n += put_be32(b + n, (uint32_t)copybin_pg_days(&g->period));
    n += put_field(b + n, day ? "day" : "month", day ? 3 : 5);
    n += put_int8(b + n, g->value);
    n += put_int8(b + n, submission_id);
    n += put_int8(b + n, line_no);
    return copy_verbatim(c, (const char *)b, n);
}
