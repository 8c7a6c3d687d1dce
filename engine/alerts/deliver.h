/*
 * deliver.h — sending the outbox (kpi.outbox) that alerts/notify.c writes:
 * webhooks as HTTP POST (Alertmanager v4 JSON, Idempotency-Key header, bearer token)
 * and e-mail through SMTP, both with libcurl. Every attempt is logged in
 * kpi.delivery; a notification that cannot be sent stays pending. Bounded:
 * a time limit per attempt, one timeout per receiver and run, SIGTERM heard
 * within a second; no credential in clear, no URL secret in a log.
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
 * never logged; URLs shown only as routes_redact_url writes them, in the
 * log and in kpi.delivery.target). Each is tried up to
 * routes->retry_attempts times, waiting retry_backoff_ms, then twice as
 * long, between tries; each attempt is one committed row of kpi.delivery
 * and takes at most routes->delivery_timeout_ms. A receiver that times out
 * is not tried again in this run: that notification and its others stay
 * pending for the next. A notification is marked delivered only on success:
 * an HTTP 2xx status (even when the answer's body is then cut), or an SMTP
 * transaction accepted. SMTP with a user name or password goes only over
 * TLS (smtps:// or STARTTLS, else the attempt fails before any AUTH).
 * SIGTERM/SIGINT (interrupt.h, when the caller installed it) end the
 * attempt in progress within a second, and nothing more is tried.
 * Fills *sum (zeroed first): whether something is left pending is
 * sum->pending. Returns KPI_OK when every pending notification was tried
 * (or waits for a receiver that timed out), KPI_LOCKED when another deliver
 * run holds the lock (logged; *sum zero), KPI_ERROR on a database error or
 * a signal (logged; *sum counts what was tried before it, the rest as
 * pending).
 */
enum kpi_status deliver_run(PGconn *conn, const struct routes *routes, struct deliver_summary *sum);

/*
 * deliver_mail: send one plain-text e-mail (SUBJECT, BODY, both UTF-8) to
 * the e-mail receiver RCV of ROUTES now, through the same SMTP code as the
 * outbox (its password read at send time, credentials only over TLS),
 * KEY its Message-ID and X-Idempotency-Key; up to routes->retry_attempts
 * tries, each within routes->delivery_timeout_ms. Nothing is recorded in
 * the database (a receipt: engine/ingest/receipt.c). Returns KPI_OK once
 * the server accepted it, else KPI_ERROR with the reason in ERR (LEN
 * bytes; never a secret), not logged.
 */
enum kpi_status deliver_mail(const struct routes *routes, const struct routes_receiver *rcv,
                             const char *key, const char *subject, const char *body, char *err,
                             size_t len);

#endif
