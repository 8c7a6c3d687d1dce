/*
 * log.h — messages for people and for log shippers. By default every line on
 * stderr reads "kpi: MESSAGE" (PostgreSQL style: lower case, no final
 * period). With log_set_json(true) each message is one JSON object per line
 * instead: {"time", "level", "stage", "message", "counts"}, the time in
 * Vietnam (UTC+07:00), for journald or a log shipper.
 */
#ifndef KPI_LOG_H
#define KPI_LOG_H

#include <stdbool.h>

struct cJSON;

/* log_error: report an error. */
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* log_warn: report a warning ("kpi: warning: MESSAGE"). */
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* log_info: report progress, unless quiet. */
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * log_counts: an info message with machine-readable counts (a cJSON object,
 * borrowed: the caller keeps and frees it). In text mode only the message
 * is printed.
 */
void log_counts(const struct cJSON *counts, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* log_last_error: the text of the last log_error() message ("" if none). */
const char *log_last_error(void);

/* log_set_quiet: suppress info messages (errors and warnings still show). */
void log_set_quiet(bool quiet);

/* log_set_json: switch between text lines (false, the default) and JSON lines. */
void log_set_json(bool json);

/* log_set_stage: the stage named in JSON lines (a string literal or NULL). */
void log_set_stage(const char *stage);

/* log_timestamp: write now as "YYYY-MM-DDTHH:MM:SS.mmm+07:00" (Vietnam time) into buf[32]. */
void log_timestamp(char buf[32]);

#endif
