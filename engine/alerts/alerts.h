/*
 * alerts.h — threshold-breach alerts, the entry the rest of kpi calls:
 * evaluate kpi.indicator_value against the alert state (fire, reminder,
 * escalation, resolve, restatement, data missing), and write the state, its
 * events and the outbox of notifications (one digest per receiver) in one
 * transaction; list the alerts. The modules behind it, along the path:
 *   evaluate.c  the transaction and the order of its SQL steps
 *               (the state machine is SQL: sql/definitions/alerts/)
 *   notify.c    one notification per receiver into kpi.outbox (notify.h)
 *   digest.c    the digest of one receiver and its plain text (digest.h)
 *   text.c      what people read about one item (text.h, item.h)
 *   list.c      `kpi alerts list`
 *   routes.c    the routes file (routes.h); deliver.c sends the outbox (deliver.h)
 *   alertmanager.c  an Alertmanager receiver's alerts, API v2 (alertmanager.h)
 */
#ifndef KPI_ALERTS_H
#define KPI_ALERTS_H

#include "alerts/routes.h"
#include "common/status.h"

#include <libpq-fe.h>
#include <stdbool.h>
#include <stdio.h>

struct alerts_options {
    const char *now; /* the evaluation instant (a timestamptz literal); NULL: now() */
    bool dry_run;    /* roll everything back and print the notifications on out */
    FILE *out;       /* where dry_run prints one JSON object per line (stdout) */
};

struct alerts_summary {
    long long run_id; /* kpi.alert_run.id (rolled back with dry_run) */
    long fired, reminded, escalated, resolved, restated;
    long notifications; /* outbox rows written (or printed) */
};

/*
 * alerts_evaluate: one evaluation with ROUTES at OPT->now. Set-based SQL over
 * kpi.indicator_value (which must exist, as must the functions of
 * sql/definitions/alerts/: run 'kpi migrate'); the alert rows, their events, the
 * outbox and `NOTIFY kpi_alert, 'ID'` for each new alert commit together, or
 * nothing does (always nothing with OPT->dry_run). Fills *sum (zeroed first;
 * partly filled on failure). Returns KPI_OK, or KPI_ERROR (logged; rolled back).
 */
enum kpi_status alerts_evaluate(PGconn *conn, const struct routes *routes,
                                const struct alerts_options *opt, struct alerts_summary *sum);

/*
 * alerts_list: print the alerts (only those in STATE when not NULL, e.g.
 * "firing") as an aligned table on OUT. Returns KPI_OK, or KPI_ERROR (logged;
 * nothing printed).
 */
enum kpi_status alerts_list(PGconn *conn, const char *state, FILE *out);

/*
 * alerts_format_number: NUM (a decimal literal like "-1234.5") for people
 * into buf: Vietnamese ("-1.234,5") when VI, else English ("-1,234.5").
 * A NUM that is not a plain decimal is copied as is. Defined in text.c.
 */
void alerts_format_number(const char *num, bool vi, char *buf, size_t len);

#endif
