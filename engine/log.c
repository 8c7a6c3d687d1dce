/*
 * log.c — owns the stderr message format of the kpi command (see log.h).
 */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>

static bool log_quiet;

static void log_vprint(const char *prefix, const char *fmt, va_list ap)
{
    fputs("kpi: ", stderr);
    fputs(prefix, stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void log_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_vprint("", fmt, ap);
    va_end(ap);
}

void log_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_vprint("warning: ", fmt, ap);
    va_end(ap);
}

void log_info(const char *fmt, ...)
{
    if (log_quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    log_vprint("", fmt, ap);
    va_end(ap);
}

void log_set_quiet(bool quiet)
{
    log_quiet = quiet;
}
