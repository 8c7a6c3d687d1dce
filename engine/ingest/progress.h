/*
 * progress.h — the progress line of loading a file on a terminal's stderr
 * ("kpi: FILE: 1234567 rows, 80 MB, 95.2 MB/s"), redrawn at most twice a
 * second in place, and cleared before any message so that messages stay
 * whole lines.
 */
#ifndef KPI_INGEST_PROGRESS_H
#define KPI_INGEST_PROGRESS_H

#include "ingest/reader.h"

#include <stdbool.h>
#include <time.h>

struct progress {
    bool on;               /* show it (stderr is a terminal) */
    const char *file_name; /* borrowed */
    struct timespec t0;    /* when the file started */
    long long shown_at;    /* milliseconds after t0 of the last line, 0: none yet */
};

/* progress_start: P for FILE_NAME (borrowed), from now; nothing is shown when ON is false. */
void progress_start(struct progress *p, bool on, const char *file_name);

/*
 * progress_show: redraw the line for ROWS rows and the bytes R has read,
 * PASS ("" or e.g. "merging: ") before the count; at most every 500 ms.
 */
void progress_show(struct progress *p, const struct reader *r, const char *pass, long long rows);

/* progress_clear: erase the line when one was shown (before a message, or at the end). */
void progress_clear(const struct progress *p);

#endif
