/*
 * units.h — the registry of organisation units (kpi.unit): the province, its
 * communes and wards, and facilities under them, loaded from a CSV file
 * `code,name,kind,parent_code`. Codes are text: "05443" keeps its zero.
 */
#ifndef KPI_UNITS_H
#define KPI_UNITS_H

#include "common/status.h"

#include <libpq-fe.h>
#include <stdio.h>

struct units_result {
    long long rows;     /* data rows in the file */
    long long inserted; /* new units */
    long long updated;  /* units whose name, kind or parent changed */
    long long problems; /* rows refused (then nothing was loaded) */
};

/*
 * units_load: load or update the units of the CSV file PATH in one
 * transaction; units absent from the file are kept (nothing is deleted).
 * Every problem is printed as "kpi: PATH:LINE: message"; when there is any,
 * nothing is loaded. Returns 0 with *res (res->problems > 0: refused), or -1
 * when an error (database, I/O) stopped it (logged).
 */
enum kpi_status units_load(PGconn *conn, const char *path, struct units_result *res);

/*
 * units_list: write the registry as CSV (code,name,kind,parent_code) to OUT,
 * ordered by code; KIND (may be NULL) keeps one kind. Returns 0, or -1
 * (logged).
 */
enum kpi_status units_list(PGconn *conn, const char *kind, FILE *out);

#endif
