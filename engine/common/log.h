/*
 * log.h — messages for people and for log shippers. By default every line on
 * stderr reads "kpi: MESSAGE" (PostgreSQL style: lower case, no final
 * period). With log_set_json(true) each message is one JSON object per line
 * instead: {"time", "level", "stage", "message", "counts"}, the time in
 * Vietnam (UTC+07:00), for journald or a log shipper.
 *
 * What the arguments bring is escaped (log_escape): the text of every %s
 * and %c argument shows a control character (C0, DEL, C1) or a byte that is
 * not UTF-8 as \xHH, so that a file name cannot split a line, forge one or
 * drive the terminal; the format's own line breaks ("...\nhint: ...") stay.
 */
#ifndef KPI_LOG_H
#define KPI_LOG_H

#include <stdbool.h>
#include <stddef.h>

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

/*
 * log_escape: S (N bytes) into DST (CAP bytes, CAP > 0), every control
 * character (C0, DEL, C1) and every byte not part of a valid UTF-8 character
 * written as \xHH (lower-case hex), the rest as it is; cut before the
 * character or escape that would not fit. DST is always NUL-terminated.
 * Returns the bytes written, without the NUL. 4 * N + 1 bytes always suffice.
 */
size_t log_escape(char *dst, size_t cap, const char *s, size_t n);

/* log_needs_escape: whether log_escape would change S (N bytes). */
bool log_needs_escape(const char *s, size_t n);

/* log_timestamp: write now as "YYYY-MM-DDTHH:MM:SS.mmm+07:00" (Vietnam time) into buf[32]. */
void log_timestamp(char buf[32]);

#endif
