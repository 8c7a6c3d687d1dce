/*
 * interrupt.c — owns the SIGTERM/SIGINT handlers of kpi (see interrupt.h).
 */
#include "common/interrupt.h"

#include "common/log.h"

#include <errno.h>
#include <signal.h>
#include <string.h>

static volatile sig_atomic_t got_signal;
static PGcancel *volatile cancel;

static void on_signal(int signo)
{
    char err[256];
    got_signal = signo;
    if (cancel != NULL)
        PQcancel(cancel, err, sizeof err); /* async-signal-safe */
}

void interrupt_watch(PGconn *conn)
{
    PGcancel *old = cancel;
    cancel = NULL;
    if (old != NULL)
        PQfreeCancel(old);
    if (conn != NULL)
        cancel = PQgetCancel(conn);
}

enum kpi_status interrupt_install(PGconn *conn)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGTERM, &sa, NULL) != 0 || sigaction(SIGINT, &sa, NULL) != 0) {
        log_error("could not install signal handlers: %s", strerror(errno));
        return KPI_ERROR;
    }
    interrupt_watch(conn);
    return KPI_OK;
}

bool interrupt_requested(int *signo)
{
    if (signo != NULL)
        *signo = got_signal;
    return got_signal != 0;
}
