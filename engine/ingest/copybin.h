/*
 * copybin.h — good submission rows in PostgreSQL's binary COPY format, for
 * the fast path of loading (load.h): one COPY of a file's rows into
 * kpi.observation_load, no text to parse on the server. Written onto a
 * COPY stream of copy.h: copybin_header, one copybin_observation per row,
 * copybin_trailer. Errors of the stream surface at copy_end.
 */
#ifndef KPI_INGEST_COPYBIN_H
#define KPI_INGEST_COPYBIN_H

#include "common/status.h"
#include "ingest/copy.h"
#include "ingest/rowcheck.h"

#include <stdint.h>

/* The COPY that copybin_observation's rows are for, its columns in their order. */
#define COPYBIN_OBSERVATION_SQL                                                                    \
    "COPY kpi.observation_load (metric_id, unit_id, period_start, grain, value, submission_id,"    \
    " line_no) FROM STDIN (FORMAT binary, FREEZE)"

/*
 * copybin_pg_days: the day P (a valid date of the proleptic Gregorian
 * calendar, e.g. as rowcheck_parse_period returns it) as PostgreSQL's binary
 * date: days since 2000-01-01, negative before it.
 */
int32_t copybin_pg_days(const struct rowcheck_period *p);

/*
 * copybin_header: the signature, flags (no OIDs) and header extension of
 * binary COPY data, onto C. Returns as copy_verbatim (0, or -1: C failed).
 */
enum kpi_status copybin_header(struct copy *c);

/* copybin_trailer: the end of binary COPY data (a field count of -1). Returns as copybin_header. */
enum kpi_status copybin_trailer(struct copy *c);

/*
 * copybin_observation: one row of COPYBIN_OBSERVATION_SQL for the good row
 * G, its metric numbered METRIC_ID and its unit UNIT_ID (kpi.metric_key,
 * kpi.unit_key), from line LINE_NO of submission SUBMISSION_ID. Returns as
 * copy_verbatim (0, or -1: C failed).
 */
enum kpi_status copybin_observation(struct copy *c, int16_t metric_id, int32_t unit_id,
                                    const struct rowcheck_good *g, int64_t submission_id,
                                    long long line_no);

#endif
