/*
 * interrupt.h — SIGTERM and SIGINT for long commands: the first signal asks
 * the server to cancel the statement in progress (so its transaction rolls
 * back) and raises a flag that loops poll; the command then ends cleanly.
 */
#ifndef KPI_INTERRUPT_H
#define KPI_INTERRUPT_H

#include "common/status.h"

#include <libpq-fe.h>
#include <stdbool.h>

/*
 * interrupt_install: catch SIGTERM and SIGINT from now on; CONN (may be
 * NULL) is the connection whose running statement a signal cancels.
 * Calling it again replaces the connection. Returns KPI_OK, or KPI_ERROR
 * (logged).
 */
enum kpi_status interrupt_install(PGconn *conn);

/* interrupt_watch: make CONN the connection a signal cancels (NULL: none). */
void interrupt_watch(PGconn *conn);

/* interrupt_requested: whether a signal arrived; *signo (may be NULL) which. */
bool interrupt_requested(int *signo);

#endif
