/*
 * deliver.h — sending the outbox (kpi.outbox) that alerts/notify.c writes:
 * webhooks as HTTP POST (Alertmanager v4 JSON, Idempotency-Key header, bearer token)
 * and e-mail through SMTP, both with libcurl. Every attempt is logged in
 * kpi.delivery; a notification that cannot be sent stays pending.
 */
#ifndef KPI_DELIVER_H
#define KPI_DELIVER_H

#include "alerts/routes.h"

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
 * success (HTTP 2xx, SMTP accepted). Fills *sum. Returns 0 when nothing is
 * left pending, 1 when some is, -2 when another deliver run holds the lock,
 * -1 on a database error (logged).
 */
int deliver_run(PGconn *conn, const struct routes *routes, struct deliver_summary *sum);

#endif
