/*
 * watch.h — the data-watch parts of the catalog (issue 21): each metric's
 * checks for implausible values (the "quality" object of metrics.json) and the
 * expected submissions (schedule.json), checked with the rest of the catalog
 * (check.h) and stored by kpi migrate into kpi.metric_quality and
 * kpi.submission_schedule. indicators/README.md describes both. Internal to
 * engine/catalog/.
 */
#ifndef KPI_CATALOG_WATCH_H
#define KPI_CATALOG_WATCH_H

#include "catalog/check.h"
#include "catalog/model.h"
#include "common/status.h"

#include <cjson/cJSON.h>
#include <libpq-fe.h>

/*
 * watch_check_quality: after check_metrics, check the "quality" object of each
 * metric of ROOT (the object of metrics.json) and fill ck->cat->quality, one
 * entry per ck->cat->metrics (the defaults where absent). Problems go to CK;
 * memory running out sets ck->oom.
 */
void watch_check_quality(struct check *ck, const cJSON *root);

/*
 * watch_check_schedule: check ROOT, the object of schedule.json, against the
 * catalog's metrics, and fill ck->cat->schedules / n_schedules and time_zone
 * (pointing into ROOT, which must outlive the catalog).
 */
void watch_check_schedule(struct check *ck, const cJSON *root);

/*
 * watch_store: inside catalog_store's transaction, upsert kpi.metric_quality
 * (one row per metric of CAT) and replace kpi.submission_schedule with CAT's.
 * Returns KPI_OK, or KPI_ERROR (logged; the caller rolls back).
 */
enum kpi_status watch_store(PGconn *conn, const struct catalog *cat);

/* watch_free: free what watch_check_* allocated in CAT (not CAT itself). */
void watch_free(struct catalog *cat);

#endif
