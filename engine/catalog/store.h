/*
 * store.h — the catalog in the database: its metrics and indicators in
 * kpi.metric and kpi.indicator (inserted or updated, never deleted), every
 * version in their history tables, each load in kpi.catalog_load.
 */
#ifndef KPI_CATALOG_STORE_H
#define KPI_CATALOG_STORE_H

#include "catalog/model.h"
#include "common/status.h"

#include <libpq-fe.h>
#include <stdio.h>

/*
 * catalog_store: load CAT (valid: n_problems 0) into kpi.metric and
 * kpi.indicator in one transaction: insert new rows, update changed ones
 * (rows whose content and catalog_version already match are not touched),
 * never delete; keep every version in kpi.metric_history /
 * kpi.indicator_history and record the load in kpi.catalog_load. One line
 * per change is written to REPORT (may be NULL); *changed (may be NULL) is
 * the number of rows inserted or updated. Returns KPI_OK, or KPI_ERROR
 * (logged, rolled back; *changed unspecified).
 */
enum kpi_status catalog_store(PGconn *conn, const struct catalog *cat, FILE *report, int *changed);

/*
 * catalog_loaded_version: the catalog version loaded last into the
 * database, into out ("" when none, or when the schema has no catalog yet).
 * Returns KPI_OK, or KPI_ERROR (logged; out "").
 */
enum kpi_status catalog_loaded_version(PGconn *conn, char out[HASH_HEX_LEN]);

/*
 * catalog_sync: load the catalog of DIR and store it (catalog_store) when it
 * has no problems; otherwise print its problems on stderr and store
 * nothing. REPORT and *changed as for catalog_store. Returns KPI_OK,
 * KPI_REJECTED (the catalog has problems), or KPI_ERROR (logged).
 */
enum kpi_status catalog_sync(PGconn *conn, const char *dir, FILE *report, int *changed);

#endif
