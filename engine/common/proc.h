/*
 * proc.h — runs helper programs (initdb, pg_ctl, psql), optionally as the
 * unprivileged server user when kpi itself runs as root.
 */
#ifndef KPI_PROC_H
#define KPI_PROC_H

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
 * Returns 0, or -1 (and logs why) when the account does not exist.
 */
int proc_lookup_user(const char *name, struct proc_user *out);

/*
 * proc_run: run argv (argv[0] searched in PATH unless it contains '/') and
 * wait for it. as: NULL or as->drop == false runs as ourselves; otherwise the
 * child takes that uid/gid first. out_path: NULL inherits stdout/stderr,
 * otherwise both are appended to that file. Standard input is /dev/null.
 * Returns 0 with the child's exit code in *exit_code (128+N when killed by
 * signal N), or -1 (logged) when the program could not be started.
 */
int proc_run(char *const argv[], const struct proc_user *as, const char *out_path, int *exit_code);

/*
 * proc_exec: replace this process with argv (searched in PATH). Returns only
 * on failure, with -1 (logged).
 */
int proc_exec(char *const argv[]);

#endif
