/*
 * proc.h — runs helper programs (initdb, pg_ctl, psql), optionally as the
 * unprivileged server user when kpi itself runs as root.
 */
#ifndef KPI_PROC_H
#define KPI_PROC_H

#include "common/status.h"

#include <stdbool.h>
#include <sys/types.h>

/* Who a child process runs as. drop = false: as ourselves. */
struct proc_user {
    bool drop;
    uid_t uid;
    gid_t gid;
    char name[64];
};

/*
 * proc_lookup_user: fill *out with the account NAME, for dropping root.
 * Returns KPI_OK, or KPI_ERROR (logged; *out untouched) when the account
 * does not exist.
 */
enum kpi_status proc_lookup_user(const char *name, struct proc_user *out);

/*
 * proc_run: run argv (argv[0] searched in PATH unless it contains '/') and
 * wait for it. as: NULL or as->drop == false runs as ourselves; otherwise the
 * child takes that uid/gid first. out_path: NULL inherits stdout/stderr,
 * otherwise both are appended to that file. Standard input is /dev/null.
 * Returns KPI_OK with the child's exit code in *exit_code (128+N when killed
 * by signal N), or KPI_ERROR (logged; *exit_code untouched) when the program
 * could not be started.
 */
enum kpi_status proc_run(char *const argv[], const struct proc_user *as, const char *out_path,
                         int *exit_code);

/*
 * proc_exec: replace this process with argv (searched in PATH). Returns only
 * on failure, with KPI_ERROR (logged).
 */
enum kpi_status proc_exec(char *const argv[]);

#endif
