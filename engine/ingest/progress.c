/*
 * progress.c — owns the progress line of loading a file (see progress.h).
 */
#include "ingest/progress.h"

#include <stdio.h>

void progress_start(struct progress *p, bool on, const char *file_name)
{
    p->on = on;
    p->file_name = file_name;
    p->shown_at = 0;
    clock_gettime(CLOCK_MONOTONIC, &p->t0);
}

void progress_show(struct progress *p, const struct reader *r, const char *pass, long long rows)
{
    if (!p->on)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long long ms = (now.tv_sec - p->t0.tv_sec) * 1000 + (now.tv_nsec - p->t0.tv_nsec) / 1000000;
    if (ms < p->shown_at + 500)
        return;
    p->shown_at = ms;
    double mb = (double)reader_bytes(r) / 1e6;
    fprintf(stderr, "\r\033[Kkpi: %s: %s%lld rows, %.0f MB, %.1f MB/s", p->file_name, pass, rows,
            mb, ms > 0 ? mb * 1000.0 / (double)ms : 0.0);
}

void progress_clear(const struct progress *p)
{
    if (p->on && p->shown_at > 0)
        fputs("\r\033[K", stderr);
}
