/*
 * sizelimit.h — input size limits read from the environment (byte counts with
 * an optional k, M or G suffix), shared by the readers of untrusted or large
 * inputs: submissions (csvload), the catalog and the routes file (JSON).
 */
#ifndef KPI_SIZELIMIT_H
#define KPI_SIZELIMIT_H

#include "common/status.h"

#include <stddef.h>

#define SIZELIMIT_DEFAULT_JSON (1024 * 1024)        /* one catalog or routes file */
#define SIZELIMIT_MAX_JSON     (64LL * 1024 * 1024) /* the most KPI_MAX_JSON_BYTES may ask */

/*
 * sizelimit_parse: TEXT as a byte count: digits with an optional suffix k,
 * M or G (powers of 1024), at least 1. Returns KPI_OK with *out, or KPI_REJECTED (nothing logged;
 * *out untouched).
 */
enum kpi_status sizelimit_parse(const char *text, long long *out);

/*
 * sizelimit_env: the environment variable NAME as a size (sizelimit_parse)
 * into *v, which is left untouched when NAME is unset or empty. Returns KPI_OK, or
 * KPI_ERROR (logged; *v untouched) when it is not a size from 1 to MAX.
 */
enum kpi_status sizelimit_env(const char *name, long long max, long long *v);

/*
 * sizelimit_json_bytes: the largest JSON file (catalog file, routes file) kpi
 * reads: $KPI_MAX_JSON_BYTES, else SIZELIMIT_DEFAULT_JSON. Returns KPI_OK with
 * *out, or KPI_ERROR (logged; *out untouched) when the variable is not a
 * size up to SIZELIMIT_MAX_JSON.
 */
enum kpi_status sizelimit_json_bytes(size_t *out);

#endif
