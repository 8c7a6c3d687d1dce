/*
 * codes.h — the codes a submission row may name: the unit codes of the
 * dated registry (kpi.unit_dated: today's map and earlier meanings, each
 * valid on its days), the metric codes of the catalog (kpi.metric), and
 * today's date in Asia/Ho_Chi_Minh (no period after it). Loaded once per
 * run; each code is numbered (its index), so that a row's unit and metric
 * are small integers from then on.
 */
#ifndef KPI_INGEST_CODES_H
#define KPI_INGEST_CODES_H

#include "common/status.h"

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

struct codes; /* opaque */

/*
 * codes_load: read the unit codes (every meaning of kpi.unit_dated, with the
 * days of those that are dated), the kpi.metric codes (by code) and
 * today's date from CONN. Returns 0 with *out (the caller frees it with
 * codes_free), or -1 (logged; *out NULL).
 */
enum kpi_status codes_load(PGconn *conn, struct codes **out);

/*
 * codes_new: the codes from memory: the unit codes UNITS (NUNITS, numbered
 * 0..), the metric codes METRICS (NMETRICS, numbered 0..), TODAY as
 * YYYY-MM-DD; all copied. Returns 0 with *out (free with codes_free), or -1
 * (logged: out of memory; *out NULL).
 */
enum kpi_status codes_new(const char *const *units, size_t nunits, const char *const *metrics,
                          size_t nmetrics, const char *today, struct codes **out);

/* codes_free: free C (NULL is allowed). */
void codes_free(struct codes *c);

/*
 * codes_unit: whether S (N bytes, need not be NUL-terminated) is a unit code;
 * *idx its number (0..), -1 when it is not.
 */
bool codes_unit(const struct codes *c, const char *s, size_t n, int *idx);

/*
 * codes_unit_on: whether unit number IDX names a unit on the day YMD
 * (YYYYMMDD). When it does not, *hint says in Vietnamese what the code meant
 * when ("mã 05443 từ 01/07/2025 là Phường Phan Đình Phùng; trước đó là
 * Phường Trưng Vương"; C's storage), else *hint is NULL. Codes from
 * codes_new are valid on every day.
 */
bool codes_unit_on(const struct codes *c, int idx, long ymd, const char **hint);

/* codes_metric: whether S (N bytes) is a metric code; *idx as codes_unit. */
bool codes_metric(const struct codes *c, const char *s, size_t n, int *idx);

/* codes_nunits: how many unit codes were given (every unit number is below it). */
size_t codes_nunits(const struct codes *c);

/* codes_nmetrics: how many metric codes were given (every metric number is below it). */
size_t codes_nmetrics(const struct codes *c);

/* codes_unit_code, codes_metric_code: the code numbered I (C's storage). */
const char *codes_unit_code(const struct codes *c, int i);
const char *codes_metric_code(const struct codes *c, int i);

/* codes_today: today as YYYY-MM-DD (C's storage); codes_today_n: as YYYYMMDD. */
const char *codes_today(const struct codes *c);
long codes_today_n(const struct codes *c);

#endif
