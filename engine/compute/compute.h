/*
 * compute.h — computing the indicator time series: one call runs kpi.compute
 * (sql/definitions/compute/compute.sql, which calls its named steps) inside
 * PostgreSQL, set-based, in one transaction, under an advisory lock so that
 * two runs never interleave.
 */
#ifndef KPI_COMPUTE_H
#define KPI_COMPUTE_H

#include "common/period.h"
#include "common/status.h"

#include <libpq-fe.h>
#include <stdbool.h>

struct compute_opts {
    const char *from; /* first month "YYYY-MM-01", or NULL: the first month holding data */
    const char *to;   /* last month "YYYY-MM-01", or NULL: the last month holding data */
    bool full;        /* recompute every cell, not only those whose inputs changed */
};

struct compute_result {
    long long run_id;                 /* kpi.compute_run.id (the table of runs) */
    long long cells_in_scope;         /* cells recomputed */
    long long cells_changed;          /* cells whose value changed (old ones kept in the history) */
    long long findings;               /* data-quality findings (own total <> children's sum) */
    char from_month[PERIOD_DATE_LEN]; /* the range computed, "" when there was no data */
    char to_month[PERIOD_DATE_LEN];
    bool full; /* the run was full (asked for, or the first of the database) */
};

/*
 * compute_run: compute the cells of the periods ending in the months
 * opts->from..opts->to on CONN (a kpi connection, outside a transaction).
 * Returns KPI_OK with *out filled, KPI_LOCKED when another run holds the
 * lock (logged; *out zeroed), or KPI_ERROR (logged; nothing stored; *out
 * unspecified).
 */
enum kpi_status compute_run(PGconn *conn, const struct compute_opts *opts,
                            struct compute_result *out);

#endif
