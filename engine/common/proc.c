/*
 * proc.c — owns child processes of kpi: fork, drop privileges, redirect,
 * exec, wait (see proc.h).
 */
#include "common/proc.h"

#include "common/log.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum kpi_status proc_lookup_user(const char *name, struct proc_user *out)
{
    struct passwd *pw = getpwnam(name);
    if (pw == NULL) {
        log_error("user \"%s\" does not exist; install the postgresql package, which creates it",
                  name);
        return KPI_ERROR;
    }
    out->drop = true;
    out->uid = pw->pw_uid;
    out->gid = pw->pw_gid;
    snprintf(out->name, sizeof out->name, "%s", name);
    return KPI_OK;
}

/* In the child: become as, wire up fds. Never returns on failure: _exit(127). */
static void child_setup(const struct proc_user *as, const char *out_path)
{
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) {
        dup2(devnull, STDIN_FILENO);
        close(devnull);
    }
    if (out_path != NULL) {
        int fd = open(out_path, O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (fd < 0) {
            fprintf(stderr, "kpi: could not open \"%s\": %s\n", out_path, strerror(errno));
            _exit(127);
        }
        if (as != NULL && as->drop && fchown(fd, as->uid, as->gid) != 0) {
            fprintf(stderr, "kpi: could not change owner of \"%s\": %s\n", out_path,
                    strerror(errno));
            _exit(127);
        }
        dup2(fd, STDOUT_FILENO);
        dup2(fd, STDERR_FILENO);
        close(fd);
    }
    if (as != NULL && as->drop) {
        if (setgid(as->gid) != 0 || initgroups(as->name, as->gid) != 0 || setuid(as->uid) != 0) {
            fprintf(stderr, "kpi: could not switch to user \"%s\": %s\n", as->name,
                    strerror(errno));
            _exit(127);
        }
        struct passwd *pw = getpwuid(as->uid);
        if (pw != NULL) {
            setenv("HOME", pw->pw_dir, 1);
            setenv("USER", pw->pw_name, 1);
            setenv("LOGNAME", pw->pw_name, 1);
        }
    }
}

enum kpi_status proc_run(char *const argv[], const struct proc_user *as, const char *out_path,
                         int *exit_code)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        log_error("could not fork: %s", strerror(errno));
        return KPI_ERROR;
    }
    if (pid == 0) {
        child_setup(as, out_path);
        execvp(argv[0], argv);
        fprintf(stderr, "kpi: could not run \"%s\": %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0) {
        if (errno != EINTR) {
            log_error("could not wait for \"%s\": %s", argv[0], strerror(errno));
            return KPI_ERROR;
        }
    }
    if (WIFEXITED(st))
        *exit_code = WEXITSTATUS(st);
    else if (WIFSIGNALED(st))
        *exit_code = 128 + WTERMSIG(st);
    else
        *exit_code = 127;
    if (*exit_code == 127) {
        log_error("could not run \"%s\"", argv[0]);
        return KPI_ERROR;
    }
    return KPI_OK;
}

enum kpi_status proc_exec(char *const argv[])
{
    fflush(NULL);
    execvp(argv[0], argv);
    log_error("could not run \"%s\": %s", argv[0], strerror(errno));
    return KPI_ERROR;
}
