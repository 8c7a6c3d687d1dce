/*
 * notify.h — the notifications of one evaluation: a digest per receiver,
 * written into kpi.outbox with the alert events it carries (kpi.outbox_event),
 * in the evaluation's transaction. Delivery is alerts/deliver.h.
 */
#ifndef KPI_ALERTS_NOTIFY_H
#define KPI_ALERTS_NOTIFY_H

#include "alerts/alerts.h"
#include "alerts/routes.h"
#include "common/status.h"

#include <libpq-fe.h>

/*
 * notify_digests: one notification per receiver of ITEMS (the rows of
 * kpi.alert_items(), alerts/item.h, sorted by receiver) of the run RUN_ID
 * evaluated at NOW (kpi.alert_run.evaluated_at as text): an Alertmanager v4
 * JSON payload (each alert's annotations summary and description in the
 * receiver's language besides summary_vi/summary_en; groupKey the
 * receiver's, the same every night; externalURL and generatorURL from
 * ROUTES) with the subject and the plain text in the receiver's one
 * language ("lang", Vietnamese by default), and for an e-mail receiver the
 * HTML body ("html": the province's alerts first, each with its
 * NOTIFY_TOP_COMMUNES communes furthest from the target, and the link to
 * the latest monthly report), under the idempotency key "kpi-" + SHA-256 of
 * the run and receiver. For an Alertmanager receiver the payload's "alerts"
 * are alertmanager_alert's (alerts/alertmanager.h), one per alert, a
 * commune's too. The subject names the indicators by their short names. The
 * alerts each notification tells go into kpi.outbox_alert with it. A
 * receiver ITEMS names that ROUTES no longer defines (told an alert before,
 * which changed now) gets nothing: warned, not an error. Each is printed on
 * OPT->out too with OPT->dry_run.
 * Adds the rows written to *notifications (those written before a failure
 * stay counted). Returns KPI_OK, or KPI_ERROR (logged; the caller rolls
 * back).
 */
enum kpi_status notify_digests(PGconn *conn, const struct routes *routes, const PGresult *items,
                               const char *run_id, const char *now,
                               const struct alerts_options *opt, long *notifications);

#endif
