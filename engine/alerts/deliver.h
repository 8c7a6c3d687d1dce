/*
 * deliver.h — sending the outbox (kpi.outbox) that alerts/notify.c writes:
 * webhooks as HTTP POST (Alertmanager v4 JSON, Idempotency-Key header, bearer token),
 * Alertmanager's API v2 and e-mail through SMTP, all with libcurl. Every attempt is
 * logged in kpi.delivery; a notification is pending, delivered or failed (a permanent
 * refusal, or a receiver that stayed down for all its attempts). Bounded:
 * a time limit per attempt, one timeout per receiver and run, SIGTERM heard
 * within a second; no credential in clear, no URL secret in a log.
 */
#ifndef KPI_DELIVER_H
#define KPI_DELIVER_H

#include "alerts/routes.h"
#include "common/status.h"

#include <libpq-fe.h>
#include <stdbool.h>

/* A notification this run could not deliver: failed now, or left pending. */
struct deliver_problem {
    long long outbox_id;
    char receiver[128];
    bool failed;    /* marked failed now (else still pending) */
    char why[1400]; /* the error: HTTP status and the first KiB of the answer, or the network's */
};

struct deliver_summary {
    long sent;                        /* notifications delivered now */
    long pending;                     /* notifications still pending after this run */
    long failed;                      /* notifications marked failed in this run */
    struct deliver_problem *problems; /* owned: the failed and pending ones, in outbox order */
    size_t nproblems;
};

/*
 * deliver_run: send every pending notification (neither delivered nor failed),
 * oldest first, to its receiver as ROUTES defines it (secrets from the environment
 * or files, never logged; URLs shown only as routes_redact_url writes them, in the
 * log and in kpi.delivery.target): a webhook's payload as it is, an Alertmanager's
 * alerts as PostableAlerts to URL/api/v2/alerts (alerts/alertmanager.h, endsAt set
 * when posted), an e-mail through SMTP. Each is tried up to routes->retry_attempts
 * times, waiting retry_backoff_ms, then twice as long, between tries; each attempt
 * is one committed row of kpi.delivery (with the first KiB of an answer that was
 * not a success) and takes at most routes->delivery_timeout_ms. An HTTP 4xx answer
 * other than 408 and 429 is permanent: the notification is marked failed at once
 * (kpi.outbox.failed_at, failure: the status and the first KiB of the answer), not
 * tried again. A 5xx, a 408 or 429, a network error or an SMTP refusal is
 * transient: tried again (in this run, then in the next), until it has been tried
 * routes->give_up_after_attempts times since it was written or re-queued
 * (deliver_retry), then marked failed. A receiver that times out is not tried
 * again in this run: that notification and its others stay pending for the next.
 * A notification is marked delivered only on success: an HTTP 2xx status (even
 * when the answer's body is then cut), or an SMTP transaction accepted. SMTP with
 * a user name or password goes only over TLS (smtps:// or STARTTLS, else the
 * attempt fails before any AUTH). SIGTERM/SIGINT (interrupt.h, when the caller
 * installed it) end the attempt in progress within a second, and nothing more is
 * tried. Fills *sum (zeroed first; free its problems with deliver_summary_free,
 * also on failure). Returns KPI_OK when every pending notification was tried (or
 * waits for a receiver that timed out), KPI_LOCKED when another deliver run holds
 * the lock (logged; *sum zero), KPI_ERROR on a database error or a signal (logged;
 * *sum counts what was tried before it, the rest as pending).
 */
enum kpi_status deliver_run(PGconn *conn, const struct routes *routes, struct deliver_summary *sum);

/* deliver_summary_free: release SUM's problems (SUM itself is the caller's). */
void deliver_summary_free(struct deliver_summary *sum);

/*
 * deliver_retry: put failed notifications back in the queue, after a fix: the one
 * with kpi.outbox id ID (when RECEIVER is NULL), or every failed one of RECEIVER
 * (ID ignored). Their failure is cleared and their attempts start again from 0
 * (kpi.delivery keeps every attempt). *requeued: how many. Returns KPI_OK;
 * KPI_REJECTED when ID is no failed notification (logged: whether it is delivered,
 * pending or unknown); KPI_ERROR on a database error (logged).
 */
enum kpi_status deliver_retry(PGconn *conn, long long id, const char *receiver, long *requeued);

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
