/*
 * routes.h — the alert routing file (--routes FILE, JSON): who receives
 * which alerts, how, and the alerting settings. Loaded and validated like the
 * catalog: every problem is reported as "FILE: /json/pointer: message".
 * Secrets never live in the file: it names environment variables or files.
 */
#ifndef KPI_ROUTES_H
#define KPI_ROUTES_H

#include "common/hash.h"
#include "common/status.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* How a receiver is reached: a webhook (Alertmanager's v4 webhook JSON), e-mail, or an
 * Alertmanager (its API v2: POST URL/api/v2/alerts, alerts/alertmanager.h). */
enum routes_channel { ROUTES_WEBHOOK, ROUTES_EMAIL, ROUTES_ALERTMANAGER };

struct routes_receiver {
    char *name;
    enum routes_channel channel;
    char *url;         /* webhook URL, the SMTP URL, or Alertmanager's base URL */
    char *secret_env;  /* token_env / password_env, or NULL */
    char *secret_file; /* token_file / password_file, or NULL */
    char *username;    /* SMTP user name, or NULL */
    char *from;        /* e-mail sender, or NULL */
    char **to;         /* e-mail recipients */
    size_t nto;
    bool english;              /* "lang": "en"; else Vietnamese ("vi", the default) */
    int resolve_timeout_hours; /* Alertmanager: endsAt of a firing alert, hours after posting */
};

/* "agencies": the receipts of a file whose name starts with PREFIX go to RECEIVER (e-mail). */
struct routes_agency {
    char *prefix;
    char *receiver;
};

struct routes {
    char *path;
    struct routes_agency *agencies; /* "agencies", in the file's order: the first match wins */
    size_t nagencies;
    struct routes_receiver *receivers;
    size_t nreceivers;
    size_t nroutes;
    char *routes_json;   /* the routes, normalised (defaults filled in), for SQL */
    char *external_url;  /* "external_url": where the reports are published, or NULL */
    char *generator_url; /* "generator_url": a link per alert ({indicator}, {unit}), or NULL */
    int repeat_interval_days;
    int escalate_after_periods;
    int at_risk_horizon_days;
    int retry_attempts;
    int retry_backoff_ms;
    int delivery_timeout_ms;         /* the longest one attempt may take, connecting included */
    int give_up_after_attempts;      /* a transient failure: attempts in all before "failed" */
    char completeness_floor_pct[32]; /* a NUMERIC literal */
    char sha256[HASH_HEX_LEN];       /* of the file's bytes */
};

/*
 * routes_parse: validate TEXT (LEN bytes, the content of a file called NAME
 * in messages) and build *out. Every problem is written to PROBLEMS as one
 * line "NAME: /pointer: message", and *nproblems set to their number.
 * Returns KPI_OK with *out (free with routes_free) and *nproblems 0;
 * KPI_REJECTED with *out NULL and *nproblems > 0; or KPI_ERROR when memory
 * is short (logged; *out NULL, *nproblems the problems found until then).
 */
enum kpi_status routes_parse(const char *name, const char *text, size_t len, FILE *problems,
                             struct routes **out, int *nproblems);

/*
 * routes_load: routes_parse of the file at PATH. Returns as routes_parse;
 * a file that cannot be read counts as one problem (KPI_REJECTED).
 */
enum kpi_status routes_load(const char *path, FILE *problems, struct routes **out, int *nproblems);

/* routes_free: release R (NULL is allowed). */
void routes_free(struct routes *r);

/* routes_channel_name: the name of CH as kpi.outbox.channel holds it ("webhook", "email",
 * "alertmanager"); static storage. */
const char *routes_channel_name(enum routes_channel ch);

/* routes_receiver: the receiver called NAME, or NULL. */
const struct routes_receiver *routes_receiver(const struct routes *r, const char *name);

/*
 * routes_secret: the secret of RCV (bearer token or SMTP password) from its
 * environment variable or file (trailing newline removed). Returns KPI_OK
 * with *out malloc'd (the caller frees it; NULL when RCV names no secret);
 * KPI_REJECTED when it is named but missing, or KPI_ERROR when memory is
 * short, both with *out NULL and a message in ERR (never containing the
 * secret), not logged: the caller says whose delivery it stopped.
 */
enum kpi_status routes_secret(const struct routes_receiver *rcv, char **out, char *err,
                              size_t errlen);

/*
 * routes_redact_url: URL as it may be shown (logs, problems, kpi.delivery):
 * its user-info replaced by "…" (https://user:secret@h/ → https://…@h/), its
 * query string by "?…" and a fragment by "#…" (https://h/x?token=s →
 * https://h/x?…); scheme, host, port and path are kept. Any "@" before the
 * query counts as the end of a user-info, so nothing a server could take as
 * a password shows. Writes into BUF (LEN bytes, cut if need be, always
 * NUL-terminated) and returns BUF; cannot fail.
 */
const char *routes_redact_url(const char *url, char *buf, size_t len);

#endif
