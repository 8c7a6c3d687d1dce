/*
 * report/pdf.c — owns the report as PDF (see pdf.h): finding Chromium,
 * running it headless in a throwaway profile with a deadline (its own
 * process group, watched through a pidfd), and printing the HTML report
 * through a temporary file renamed into place.
 */
#include "report/pdf.h"

#include "common/log.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/pidfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* The names tried in PATH when $KPI_CHROMIUM is not set, in this order. */
static const char *const chromium_names[] = {"chromium", "chromium-browser", "google-chrome"};

static bool executable(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && access(path, X_OK) == 0;
}

/* NAME as an executable path into BUF: itself when it holds a '/', else looked up in PATH. */
static bool lookup(const char *name, char *buf, size_t len)
{
    if (strchr(name, '/') != NULL) {
        if (!executable(name))
            return false;
        snprintf(buf, len, "%s", name);
        return true;
    }
    const char *path = getenv("PATH");
    if (path == NULL || *path == '\0')
        path = "/usr/local/bin:/usr/bin:/bin";
    for (const char *p = path; *p != '\0';) {
        size_t n = strcspn(p, ":");
        char candidate[PATH_MAX];
        if (n > 0 &&
            snprintf(candidate, sizeof candidate, "%.*s/%s", (int)n, p, name) <
                (int)sizeof candidate &&
            executable(candidate)) {
            snprintf(buf, len, "%s", candidate);
            return true;
        }
        p += n + (p[n] == ':');
    }
    return false;
}

enum kpi_status pdf_chromium_find(char *buf, size_t len)
{
    const char *wanted = getenv("KPI_CHROMIUM");
    buf[0] = '\0';
    if (wanted != NULL && *wanted != '\0') {
        if (lookup(wanted, buf, len))
            return KPI_OK;
        log_error("KPI_CHROMIUM=\"%s\" is not an executable program; set it to the path of "
                  "chromium, or unset it to look for chromium in PATH",
                  wanted);
        return KPI_ERROR;
    }
    for (size_t i = 0; i < sizeof chromium_names / sizeof chromium_names[0]; i++)
        if (lookup(chromium_names[i], buf, len))
            return KPI_OK;
    buf[0] = '\0';
    log_error("chromium is not installed: the PDF is printed by headless Chromium; install "
              "Debian's chromium (scripts/setup does), set KPI_CHROMIUM to its path, or write "
              "--format html and print that from a browser");
    return KPI_ERROR;
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    remove(path);
    return 0;
}

/* Remove the folder DIR and everything under it (never following links). */
static void remove_tree(const char *dir)
{
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* A new folder under $TMPDIR (or /tmp) into BUF; false (logged) when it cannot be made. */
static bool make_workdir(char *buf, size_t len)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(buf, len, "%s/kpi-chromium-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (mkdtemp(buf) == NULL) {
        log_error("could not create a folder \"%s\": %s", buf, strerror(errno));
        return false;
    }
    return true;
}

/* file://PATH with every byte outside [A-Za-z0-9/._~-] percent-encoded, into BUF. */
static void file_url(char *buf, size_t len, const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t o = (size_t)snprintf(buf, len, "file://");
    for (const unsigned char *p = (const unsigned char *)path; *p && o + 4 < len; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            strchr("/._~-", *p) != NULL) {
            buf[o++] = (char)*p;
        } else {
            buf[o++] = '%';
            buf[o++] = hex[*p >> 4];
            buf[o++] = hex[*p & 15];
        }
    }
    buf[o] = '\0';
}

/* The last non-empty line of the file PATH into BUF ("" when none). */
static void last_line(const char *path, char *buf, size_t len)
{
    FILE *f = fopen(path, "r");
    char line[1024];
    buf[0] = '\0';
    if (f == NULL)
        return;
    while (fgets(line, sizeof line, f) != NULL) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] != '\0')
            snprintf(buf, len, "%s", line);
    }
    fclose(f);
}

/* Wait for PID (leader of its process group) at most TIMEOUT seconds, then reap it; its
 * status as an exit code (124 when it overran: the group is killed). Without pidfds (Linux
 * before 5.3) it waits without a deadline. */
static int wait_deadline(pid_t pid, int timeout)
{
    int fd = pidfd_open(pid, 0), st;
    bool overran = false;
    if (fd >= 0) {
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        int r;
        while ((r = poll(&pfd, 1, timeout * 1000)) < 0 && errno == EINTR)
            ;
        overran = r == 0;
        close(fd);
        /* the leader has exited (a zombie keeps the group's id) or overran: end the rest */
        kill(-pid, SIGKILL);
    }
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return 127;
    if (overran)
        return 124;
    return WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : 127;
}

enum kpi_status pdf_chromium_run(const char *html_path, const char *action, const char *stdout_path,
                                 const char *log_path, int *exit_code)
{
    char bin[PATH_MAX], work[PATH_MAX], profile[PATH_MAX + 32], log[PATH_MAX + 32];
    char url[3 * PATH_MAX + 16];
    if (pdf_chromium_find(bin, sizeof bin) != KPI_OK)
        return KPI_ERROR;
    char *abs = realpath(html_path, NULL);
    if (abs == NULL) {
        log_error("could not open \"%s\": %s", html_path, strerror(errno));
        return KPI_ERROR;
    }
    file_url(url, sizeof url, abs);
    free(abs);
    if (!make_workdir(work, sizeof work))
        return KPI_ERROR;
    snprintf(profile, sizeof profile, "--user-data-dir=%s/profile", work);
    snprintf(log, sizeof log, "%s", log_path ? log_path : "");
    if (log_path == NULL)
        snprintf(log, sizeof log, "%s/chromium.log", work);
    char *argv[] = {bin,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--hide-scrollbars",
                    "--no-pdf-header-footer",
                    "--window-size=1240,1754",
                    profile,
                    (char *)action,
                    url,
                    NULL};
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, stdout_path ? stdout_path : "/dev/null",
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, log, O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawnattr_init(&attr);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    fflush(NULL);
    pid_t pid;
    int rc = posix_spawn(&pid, bin, &fa, &attr, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) {
        log_error("could not run \"%s\": %s", bin, strerror(rc));
        remove_tree(work);
        return KPI_ERROR;
    }
    *exit_code = wait_deadline(pid, PDF_CHROMIUM_TIMEOUT);
    if (*exit_code == 124)
        log_error("chromium did not finish within %d s; killed", PDF_CHROMIUM_TIMEOUT);
    else if (*exit_code != 0 && log_path == NULL) {
        char line[1024];
        last_line(log, line, sizeof line);
        log_error("chromium exited with status %d%s%s", *exit_code, line[0] ? ": " : "", line);
    }
    remove_tree(work);
    return KPI_OK;
}

enum kpi_status pdf_print(const char *html_path, const char *pdf_path)
{
    enum kpi_status rc = KPI_ERROR;
    char *tmp = NULL, *action = NULL, head[5];
    int fd = -1, code;
    if (asprintf(&tmp, "%s.XXXXXX", pdf_path) < 0) {
        tmp = NULL;
        goto fail;
    }
    if ((fd = mkstemp(tmp)) < 0) {
        log_error("could not create \"%s\": %s", tmp, strerror(errno));
        free(tmp);
        tmp = NULL;
        goto fail;
    }
    close(fd);
    if (asprintf(&action, "--print-to-pdf=%s", tmp) < 0) {
        action = NULL;
        goto fail;
    }
    if (pdf_chromium_run(html_path, action, NULL, NULL, &code) != KPI_OK)
        goto fail;
    if (code != 0) {
        log_error("could not print \"%s\" to PDF (chromium exited with status %d)", html_path,
                  code);
        goto fail;
    }
    if ((fd = open(tmp, O_RDONLY)) < 0 || read(fd, head, sizeof head) != (ssize_t)sizeof head ||
        memcmp(head, "%PDF-", sizeof head) != 0) {
        log_error("chromium wrote no PDF to \"%s\"", tmp);
        goto fail;
    }
    if (fchmod(fd, 0644) != 0 || fsync(fd) != 0) {
        log_error("could not write \"%s\": %s", tmp, strerror(errno));
        goto fail;
    }
    if (rename(tmp, pdf_path) != 0) {
        log_error("could not rename \"%s\" to \"%s\": %s", tmp, pdf_path, strerror(errno));
        goto fail;
    }
    free(tmp);
    tmp = NULL;
    rc = KPI_OK;
fail:
    if (fd >= 0)
        close(fd);
    if (tmp != NULL) {
        unlink(tmp);
        free(tmp);
    }
    free(action);
    return rc;
}

enum kpi_status pdf_report_write(PGconn *conn, const struct report_options *opt,
                                 const char *out_path)
{
    char work[PATH_MAX], html[PATH_MAX + 16], bin[PATH_MAX];
    /* say that Chromium is missing before the report is written */
    if (pdf_chromium_find(bin, sizeof bin) != KPI_OK)
        return KPI_ERROR;
    if (!make_workdir(work, sizeof work))
        return KPI_ERROR;
    snprintf(html, sizeof html, "%s/report.html", work);
    enum kpi_status rc = report_write(conn, opt, html);
    if (rc == KPI_OK)
        rc = pdf_print(html, out_path);
    remove_tree(work);
    return rc;
}
