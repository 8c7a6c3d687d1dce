/*
 * deliver.h — sending the outbox (kpi.outbox) that alerts/notify.c writes:
 * webhooks as HTTP POST (Alertmanager v4 JSON, Idempotency-Key header, bearer token)
 * and e-mail through SMTP, both with libcurl. Every attempt is logged in
 * kpi.delivery; a notification that cannot be sent stays pending.
 */
#ifndef KPI_DELIVER_H
#define KPI_DELIVER_H

#include "alerts/routes.h"
#include "common/status.h"

#include <libpq-fe.h>

struct deliver_summary {
    long sent;    /* notifications delivered now */
    long pending; /* notifications still pending after this run */
};

/*
 * deliver_run: send every pending notification, oldest first, to its
 * receiver as ROUTES defines it (secrets from the environment or files,
 * never logged). Each is tried up to routes->retry_attempts times, waiting
 * retry_backoff_ms, then twice as long, between tries; each attempt is one
 * committed row of kpi.delivery. A notification is marked delivered only on
 * success (HTTP 2xx, SMTP accepted). Fills *sum (zeroed first): whether
 * something is left pending is sum->pending. Returns KPI_OK when every
 * pending notification was tried, KPI_LOCKED when another deliver run holds
 * the lock (logged; *sum zero), KPI_ERROR on a database error (logged; *sum
 * counts what was tried before it).
 */
enum kpi_status deliver_run(PGconn *conn, const struct routes *routes, struct deliver_summary *sum);

#endif
