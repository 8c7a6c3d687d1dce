/*
 * units.h — the dated registry of organisation units: today's map (kpi.unit:
 * the province, its communes and wards, facilities under them), the earlier
 * meanings of codes and the units that no longer exist (kpi.unit_past: old
 * communes, districts, provinces before 1/7/2025), and who took them
 * (kpi.unit_succession). Loaded from a CSV `code,name,kind,parent_code`
 * (optional valid_from, valid_to) and from the national crosswalk of 2025.
 * Codes are text: "05443" keeps its zero.
 */
#ifndef KPI_UNITS_H
#define KPI_UNITS_H

#include "common/status.h"

#include <libpq-fe.h>
#include <stdio.h>

struct units_result {
    long long rows;     /* data rows in the file */
    long long inserted; /* new units (or, for a crosswalk, new units and links) */
    long long updated;  /* units whose name, kind, parent or interval changed */
    long long skipped;  /* crosswalk rows whose new unit is not on today's map */
    long long problems; /* rows refused (then nothing was loaded) */
};

/*
 * units_load: load or update the units of the CSV file PATH in one
 * transaction; units absent from the file are kept (nothing is deleted).
 * The header has code, name, kind, parent_code and optionally valid_from,
 * valid_to (YYYY-MM-DD, inclusive; empty or absent: open-ended). A row whose
 * valid_to is before today is an earlier meaning (kpi.unit_past); a row whose
 * valid_from follows the registered meaning's start and that names another
 * unit (name, kind or parent) gives the code a new meaning from that day: the
 * registered one is kept in kpi.unit_past until the day before. Every problem
 * is printed as "kpi: PATH:LINE: message"; when there is any, nothing is
 * loaded. Returns 0 with *res (res->problems > 0: refused), or -1 when an
 * error (database, I/O) stopped it (logged).
 */
enum kpi_status units_load(PGconn *conn, const char *path, struct units_result *res);

/*
 * units_crosswalk_load: load the crosswalk PATH (the header names its
 * columns: new_province_code, new_code, new_name, old_code, old_name,
 * old_district_code, old_district_name, old_province_code, old_province_name,
 * part, and optionally new_province_name, weight) whose changes took effect
 * on CHANGED (YYYY-MM-DD; NULL: 2025-07-01). Rows whose new_code is not on
 * today's map (kpi.unit) are skipped (res->skipped). The others register the
 * old communes, districts and provinces (kpi.unit_past, valid until the day
 * before CHANGED, parent as they were), the succession old -> new with its
 * part and weight, and start the new units on CHANGED (kpi.unit.valid_from).
 * Idempotent: loading again changes nothing. One transaction; problems
 * printed as units_load's. Returns as units_load.
 */
enum kpi_status units_crosswalk_load(PGconn *conn, const char *path, const char *changed,
                                     struct units_result *res);

/*
 * units_list: write the registry as CSV (code,name,kind,parent_code,
 * valid_from,valid_to) to OUT, ordered by code; KIND (may be NULL) keeps one
 * kind; ON (YYYY-MM-DD, may be NULL: today's map) lists the map of that day.
 * Returns 0, or -1 (logged).
 */
enum kpi_status units_list(PGconn *conn, const char *kind, const char *on, FILE *out);

/*
 * units_history: write every meaning of CODE as CSV (code,valid_from,
 * valid_to,name,kind,parent_code,successors,predecessors), oldest first, to
 * OUT; successors "05443 full; 05467 partial 0.3"; empty dates are open.
 * Returns 0 (*found: how many meanings), or -1 (logged).
 */
enum kpi_status units_history(PGconn *conn, const char *code, FILE *out, int *found);

#endif
