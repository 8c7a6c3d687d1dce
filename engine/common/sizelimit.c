/*
 * sizelimit.c — owns the parsing of size limits and their environment
 * variables (see sizelimit.h).
 */
#include "common/sizelimit.h"

#include "common/log.h"

#include <limits.h>
#include <stdlib.h>

/* A size suffix: k, M, G (powers of 1024); 0 when C is none. */
static long long size_unit(char c)
{
    switch (c) {
    case 'k':
    case 'K':
        return 1024;
    case 'M':
        return 1024 * 1024;
    case 'G':
        return 1024LL * 1024 * 1024;
    default:
        return 0;
    }
}

enum kpi_status sizelimit_parse(const char *text, long long *out)
{
    long long v = 0, unit = 1;
    size_t i = 0;
    if (text == NULL || text[0] < '0' || text[0] > '9')
        return KPI_REJECTED;
    for (; text[i] >= '0' && text[i] <= '9'; i++) {
        if (v > (LLONG_MAX - 9) / 10)
            return KPI_REJECTED;
        v = v * 10 + (text[i] - '0');
    }
    if (text[i] != '\0') {
        unit = size_unit(text[i]);
        if (unit == 0 || text[i + 1] != '\0')
            return KPI_REJECTED;
    }
    if (v < 1 || v > LLONG_MAX / unit)
        return KPI_REJECTED;
    *out = v * unit;
    return KPI_OK;
}

enum kpi_status sizelimit_env(const char *name, long long max, long long *v)
{
    const char *text = getenv(name);
    long long parsed;
    if (text == NULL || text[0] == '\0')
        return KPI_OK;
    if (sizelimit_parse(text, &parsed) != 0 || parsed > max) {
        log_error("%s=\"%s\" is not a size from 1 to %lld bytes (e.g. 65536, 64k, 2G)", name, text,
                  max);
        return KPI_ERROR;
    }
    *v = parsed;
    return KPI_OK;
}

enum kpi_status sizelimit_json_bytes(size_t *out)
{
    long long v = SIZELIMIT_DEFAULT_JSON;
    if (sizelimit_env("KPI_MAX_JSON_BYTES", SIZELIMIT_MAX_JSON, &v) != 0)
        return KPI_ERROR;
    *out = (size_t)v;
    return KPI_OK;
}
