/*
 * log.c — owns the stderr message format of the kpi command (see log.h):
 * text lines or JSON lines.
 */
#include "common/log.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
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

static void log_vprint(const char *level, const cJSON *counts, const char *fmt, va_list ap)
{
    char msg[4096];
    vsnprintf(msg, sizeof msg, fmt, ap);
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
