/*
 * sizelimit.h — input size limits read from the environment (byte counts with
 * an optional k, M or G suffix), shared by the readers of untrusted or large
 * inputs: submissions (csvload), the catalog and the routes file (JSON).
 */
#ifndef KPI_SIZELIMIT_H
#define KPI_SIZELIMIT_H

#include <stddef.h>

#define SIZELIMIT_DEFAULT_JSON (1024 * 1024)        /* one catalog or routes file */
#define SIZELIMIT_MAX_JSON     (64LL * 1024 * 1024) /* the most KPI_MAX_JSON_BYTES may ask */

/*
 * sizelimit_parse: TEXT as a byte count: digits with an optional suffix k,
 * M or G (powers of 1024), at least 1. Returns 0 with *out, or -1.
 */
int sizelimit_parse(const char *text, long long *out);

/*
 * sizelimit_env: the environment variable NAME as a size (sizelimit_parse)
 * into *v, which is left untouched when NAME is unset or empty. Returns 0, or
 * -1 (logged) when it is not a size from 1 to MAX.
 */
int sizelimit_env(const char *name, long long max, long long *v);

/*
 * sizelimit_json_bytes: the largest JSON file (catalog file, routes file) kpi
 * reads: $KPI_MAX_JSON_BYTES, else SIZELIMIT_DEFAULT_JSON. Returns 0 with
 * *out, or -1 (logged) when the variable is not a size up to
 * SIZELIMIT_MAX_JSON.
 */
int sizelimit_json_bytes(size_t *out);

#endif
