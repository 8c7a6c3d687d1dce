/*
 * log.h — messages for people: every line on stderr starts with "kpi: ".
 * Messages follow the PostgreSQL style: lower case, no final period.
 */
#ifndef KPI_LOG_H
#define KPI_LOG_H

#include <stdbool.h>

/* log_error: print "kpi: MESSAGE" on stderr. */
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* log_warn: print "kpi: warning: MESSAGE" on stderr. */
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* log_info: print "kpi: MESSAGE" on stderr unless log_quiet is set. */
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* log_set_quiet: suppress log_info output (errors and warnings still show). */
void log_set_quiet(bool quiet);

#endif
