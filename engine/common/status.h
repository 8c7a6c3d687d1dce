/*
 * status.h — the status codes every kpi function returns and every kpi
 * command exits with. One list, so that cron, systemd and scripts can rely
 * on the numbers (see README, "Exit status").
 */
#ifndef KPI_STATUS_H
#define KPI_STATUS_H

enum kpi_status {
    KPI_OK = 0,       /* done, nothing to report */
    KPI_ERROR = 1,    /* an error (database, I/O) stopped the work */
    KPI_USAGE = 2,    /* bad command line */
    KPI_REJECTED = 3, /* finished, but some input was rejected (or: not running) */
    KPI_LOCKED = 4,   /* another run holds the lock */
};

#endif
