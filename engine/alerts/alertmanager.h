/*
 * alertmanager.h — kpi as a client of Prometheus Alertmanager (its API v2): the
 * alerts of one receiver's notification as Alertmanager's PostableAlerts, and the
 * body posted to URL/api/v2/alerts at delivery. An alert's identity in Alertmanager
 * is its label set (alertname, indicator, unit, period_kind, severity, lead_unit,
 * plan); kpi posts every firing alert of the receiver every night with an endsAt
 * beyond the next night (resolve_timeout_hours after posting, routes.h), so a night
 * that is late or missed resolves nothing, and a resolved one with endsAt its
 * resolution instant.
 */
#ifndef KPI_ALERTS_ALERTMANAGER_H
#define KPI_ALERTS_ALERTMANAGER_H

#include "alerts/item.h"

#include <cjson/cJSON.h>
#include <stddef.h>
#include <time.h>

/*
 * alertmanager_alert: the alert of item T as kpi stores it for an Alertmanager
 * receiver (in the outbox, "alerts" of the payload): {"status": "firing" or
 * "resolved", "labels", "annotations", "startsAt", "endsAt" (resolved only: when it
 * resolved; a firing one gets its endsAt when posted), "generatorURL"}. The
 * annotations: "title" (the indicator's short name), "summary" and "description"
 * (DESCRIPTION, may be NULL: the summary) in T's language, "summary_vi" and
 * "summary_en", the value, target and gap as people read them (common/words.h) and
 * as stored (value_pct, target_pct, gap_count), the period, unit, lead and support
 * units and the plan's reference. GENERATOR_URL may be NULL (""). A new object the
 * caller owns, or NULL when out of memory.
 */
cJSON *alertmanager_alert(const struct item *t, const char *description, const char *generator_url);

/*
 * alertmanager_add: add ALERT (taken over) to the array ALERTS, replacing an alert
 * with the same labels there (the same alert told twice in one notification: the
 * later row wins). When EVENT is "escalate" (a firing alert whose severity rose or
 * whose name changed, so that its labels changed), also add the alert under each
 * label set it may have had before (the other severity, KpiAtRisk / KpiBreach),
 * resolved without an endsAt (alertmanager_postable: the instant it is posted):
 * Alertmanager resolves the old identity then instead of when its endsAt runs out.
 * Returns false when out of memory (ALERT freed).
 */
bool alertmanager_add(cJSON *alerts, cJSON *alert, const char *event);

/*
 * alertmanager_postable: the body to POST to Alertmanager for the stored PAYLOAD (the
 * outbox's JSON, its "alerts" as alertmanager_alert made them): a JSON array of
 * PostableAlerts (labels, annotations, startsAt, endsAt, generatorURL; no status),
 * each firing alert's endsAt NOW + RESOLVE_TIMEOUT_HOURS, a resolved one's its own (NOW
 * when it has none). Returns a malloc'd string
 * the caller frees; NULL when PAYLOAD has no "alerts" array or memory is short, with
 * the reason in ERR (ERRLEN bytes).
 */
char *alertmanager_postable(const char *payload, time_t now, int resolve_timeout_hours, char *err,
                            size_t errlen);

/*
 * alertmanager_api_url: Alertmanager's base URL BASE (routes.h: without its trailing
 * slashes) + "/api/v2/alerts" into BUF (LEN bytes); returns BUF, or NULL when it does
 * not fit.
 */
const char *alertmanager_api_url(const char *base, char *buf, size_t len);

#endif
