/*
 * inbox.c — owns the walk over submission files and the archive of an
 * inbox (see inbox.h): files or directories in name order, each through
 * load_file(), then moved to processed/ or rejected/; what is not a
 * regular file is refused unread, a file still changing waits, a file that
 * cannot be archived is reported, and the free space is checked first.
 */
#include "ingest/inbox.h"

#include "common/interrupt.h"
#include "common/log.h"
#include "common/sizelimit.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#define MB (1024LL * 1024)

static void count(struct inbox_totals *t, const struct load_result *res)
{
    if (strcmp(res->status, "accepted") == 0)
        t->files_accepted++;
    else if (strcmp(res->status, "partial") == 0)
        t->files_partial++;
    else if (strcmp(res->status, "rejected") == 0)
        t->files_rejected++;
    else if (strcmp(res->status, "deferred") == 0)
        t->files_deferred++;
    else if (strcmp(res->status, "refused") == 0)
        t->files_refused++;
    else
        t->files_already++;
    t->rows_accepted += res->rows_accepted;
    t->rows_rejected += res->rows_rejected;
    t->rows_new += res->rows_new;
    t->rows_revised += res->rows_revised;
}

/* fsync the directory holding PATH. */
static enum kpi_status sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return KPI_ERROR;
    int rc = fsync(fd);
    close(fd);
    return rc == 0 ? KPI_OK : KPI_ERROR;
}

/* Copy SRC to DEST (created, must not exist) and fsync it. */
static enum kpi_status copy_file(const char *src, const char *dest)
{
    char buf[65536];
    int in = -1, out = -1;
    enum kpi_status rc = KPI_ERROR;
    ssize_t n;
    in = open(src, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (in < 0)
        goto fail;
    out = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (out < 0)
        goto fail;
    while ((n = read(in, buf, sizeof buf)) > 0) {
        for (ssize_t off = 0; off < n;) {
            ssize_t w = write(out, buf + off, (size_t)(n - off));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0)
                goto fail;
            off += w;
        }
    }
    if (n < 0 || fsync(out) != 0)
        goto fail;
    rc = KPI_OK;
fail:
    if (in >= 0)
        close(in);
    if (out >= 0 && close(out) != 0)
        rc = KPI_ERROR;
    return rc;
}

/*
 * Move SRC into directory DIR without replacing anything there: NAME, else
 * NAME-2.csv, NAME-3.csv… Across file systems (a regular file, COPY true):
 * copy, fsync, then unlink SRC; otherwise only renamed. MOVED (PATH_MAX bytes): where it went.
 */
static enum kpi_status archive_move(const char *src, const char *dir, bool copy, char *moved)
{
    char dest[PATH_MAX], tmp[PATH_MAX];
    const char *slash = strrchr(src, '/');
    const char *name = slash ? slash + 1 : src;
    const char *dot = strrchr(name, '.');
    int stem = dot && dot != name ? (int)(dot - name) : (int)strlen(name);
    for (int i = 1; i < 1000; i++) {
        if (i == 1)
            snprintf(dest, sizeof dest, "%s/%s", dir, name);
        else
            snprintf(dest, sizeof dest, "%s/%.*s-%d%s", dir, stem, name, i, name + stem);
        if (renameat2(AT_FDCWD, src, AT_FDCWD, dest, RENAME_NOREPLACE) == 0)
            return memcpy(moved, dest, sizeof dest),
                   sync_dir(dir) == 0
                       ? 0
                       : (log_error("could not sync \"%s\": %s", dir, strerror(errno)), KPI_ERROR);
        if (errno == EEXIST)
            continue;
        if ((errno != EXDEV && errno != EINVAL) || !copy) {
            log_error("could not move \"%s\" to \"%s\": %s", src, dest, strerror(errno));
            return KPI_ERROR;
        }
        /* another file system (or no RENAME_NOREPLACE): copy under a temporary name */
        if (access(dest, F_OK) == 0)
            continue;
        snprintf(tmp, sizeof tmp, "%s/.%s.part", dir, name);
        unlink(tmp); /* a leftover of an interrupted copy of ours */
        if (copy_file(src, tmp) != 0 || link(tmp, dest) != 0) {
            int e = errno;
            unlink(tmp);
            if (e == EEXIST)
                continue;
            log_error("could not copy \"%s\" to \"%s\": %s", src, dest, strerror(e));
            return KPI_ERROR;
        }
        unlink(tmp);
        if (sync_dir(dir) != 0 || unlink(src) != 0) {
            log_error("could not move \"%s\" to \"%s\": %s", src, dest, strerror(errno));
            return KPI_ERROR;
        }
        memcpy(moved, dest, sizeof dest);
        return KPI_OK;
    }
    log_error("could not move \"%s\": too many files named alike in \"%s\"", src, dir);
    return KPI_ERROR;
}

static enum kpi_status make_dir(const char *path)
{
    if (mkdir(path, 0755) != 0 && errno != EEXIST) {
        log_error("could not create directory \"%s\": %s", path, strerror(errno));
        return KPI_ERROR;
    }
    return KPI_OK;
}

static bool ends_with(const char *name, const char *ext)
{
    size_t n = strlen(name), e = strlen(ext);
    return n > e && strcasecmp(name + n - e, ext) == 0;
}

/*
 * Every entry but those being uploaded (".name", "name.part", WinSCP's "name.filepart",
 * "name.tmp"): what is not a table is refused.
 */
static int entry_filter(const struct dirent *d)
{
    return d->d_name[0] != '.' && !ends_with(d->d_name, ".part") &&
           !ends_with(d->d_name, ".filepart") && !ends_with(d->d_name, ".tmp");
}

/* The sub-folder whose files are read with locale vi (docs/operators.md, "The inbox"). */
#define INBOX_VI_DIR "vi"

/*
 * Move PATH to the archive's SUB (processed, rejected); a failure is reported, never fatal.
 * in->moved: where the file is now (PATH when it stayed).
 */
static void archive(struct inbox *in, const char *path, const char *sub, bool copy)
{
    char dir[PATH_MAX];
    snprintf(in->moved, sizeof in->moved, "%s", path);
    if (in->archive == NULL)
        return;
    snprintf(dir, sizeof dir, "%s/%s", in->archive, sub);
    if (archive_move(path, dir, copy, in->moved) == KPI_OK)
        return;
    in->totals.files_unmoved++;
    log_error("%s: could not be moved to %s/; it stays where it is (the next run finds it "
              "again)",
              path, sub);
}

/* The data directory of the server of in->conn when it is on this machine, else "". */
static void find_db_dir(struct inbox *in)
{
    in->db_dir_looked = true;
    in->db_dir[0] = '\0';
    const char *host = PQhost(in->conn);
    bool local = host == NULL || host[0] == '\0' || host[0] == '/' ||
                 strcmp(host, "localhost") == 0 || strcmp(host, "127.0.0.1") == 0 ||
                 strcmp(host, "::1") == 0;
    if (!local)
        return; /* another machine watches its own disk */
    /* shown to superusers and pg_read_all_settings; no row for others */
    PGresult *r = PQexec(in->conn, "SELECT setting FROM pg_catalog.pg_settings"
                                   " WHERE name = 'data_directory'");
    struct stat st;
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 &&
        stat(PQgetvalue(r, 0, 0), &st) == 0 && S_ISDIR(st.st_mode))
        snprintf(in->db_dir, sizeof in->db_dir, "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
    if (in->db_dir[0] != '\0' || host == NULL || host[0] != '/')
        return;
    /* the embedded cluster (db/pgcluster.h): HOME/run is its socket, HOME/pgdata its data */
    char pgdata[PATH_MAX], version[PATH_MAX + 16];
    const char *slash = strrchr(host, '/');
    if (slash == NULL || strcmp(slash, "/run") != 0)
        return;
    snprintf(pgdata, sizeof pgdata, "%.*s/pgdata", (int)(slash - host), host);
    snprintf(version, sizeof version, "%s/PG_VERSION", pgdata);
    if (access(version, F_OK) == 0)
        snprintf(in->db_dir, sizeof in->db_dir, "%s", pgdata);
}

/* Whether DIR has NEED bytes free; the refusal is logged for FILE. */
static bool room_under(const char *file, const char *dir, long long need)
{
    struct statvfs vfs;
    if (statvfs(dir, &vfs) != 0)
        return true; /* cannot tell: the database says when it is full */
    long long avail = (long long)vfs.f_bavail * (long long)vfs.f_frsize;
    if (avail >= need)
        return true;
    log_error("%s: not ingested: only %lld MB free under %s, need %lld MB; free some space (the "
              "margin is KPI_MIN_FREE_BYTES)",
              file, avail / MB, dir, (need + MB - 1) / MB);
    return false;
}

/*
 * The room callback of load_file (load_options.room), CTX the inbox:
 * whether there is room to ingest FILE (ST): under the database's data
 * directory the margin and 4 times the file (its rows, their index and
 * their WAL; a file over the limit is rejected unread, so at most the
 * limit), under the inbox the margin.
 */
static bool check_room(void *ctx, const char *file, const struct stat *st)
{
    struct inbox *in = ctx;
    long long margin = in->min_free;
    long long size = st->st_size < in->max_file ? (long long)st->st_size : in->max_file;
    if (size > (LLONG_MAX - margin) / 4)
        size = (LLONG_MAX - margin) / 4;
    char dir[PATH_MAX];
    const char *slash = strrchr(file, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - file) : 1, slash ? file : ".");
    if (dir[0] == '\0')
        snprintf(dir, sizeof dir, "/");
    if (!in->db_dir_looked)
        find_db_dir(in);
    return (in->db_dir[0] == '\0' || room_under(file, in->db_dir, margin + 4 * size)) &&
           room_under(file, dir, margin);
}

/*
 * The settings of a walk: in->settle from $KPI_SETTLE_SECONDS unless set,
 * the margin of free space from $KPI_MIN_FREE_BYTES, the file limit. 0, or
 * -1 (logged).
 */
static enum kpi_status walk_settings(struct inbox *in)
{
    struct reader_limits limits;
    in->min_free = INBOX_DEFAULT_MIN_FREE;
    if (sizelimit_env("KPI_MIN_FREE_BYTES", LLONG_MAX / 2, &in->min_free) != 0 ||
        load_limits(&in->opt, &limits) != 0)
        return KPI_ERROR;
    in->max_file = limits.max_file;
    const char *env = getenv("KPI_SETTLE_SECONDS");
    if (in->settle_set || env == NULL || *env == '\0')
        return KPI_OK;
    if (inbox_parse_settle(env, &in->settle) != KPI_OK) {
        log_error("KPI_SETTLE_SECONDS: \"%s\" is not a number of seconds from 0 to 86400", env);
        return KPI_ERROR;
    }
    in->settle_set = true;
    return KPI_OK;
}

enum kpi_status inbox_parse_settle(const char *text, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || v < 0 || v > 86400 || text[0] == '-' ||
        text[0] == '+' || text[0] == ' ')
        return KPI_REJECTED;
    *out = v;
    return KPI_OK;
}

/*
 * One entry PATH: refused unread when it is not a regular file of its own
 * (moved to rejected/), left for the next run while it settles or when it
 * changed, ingested otherwise (VI: with locale vi; WALKED, found in a
 * folder: a name not ending .csv or .xlsx is refused) and archived. KPI_ERROR only when the
 * database (or a signal) stopped it.
 */
static enum kpi_status ingest_one(struct inbox *in, const char *path, bool vi, bool walked)
{
    struct load_result res;
    struct stat st;
    char kind[64];
    if (lstat(path, &st) != 0) {
        log_warn("%s: not ingested: %s", path, strerror(errno));
        in->totals.files_deferred++;
        return KPI_OK;
    }
    const char *what = reader_file_kind(&st);
    if (what == NULL && st.st_nlink > 1) {
        snprintf(kind, sizeof kind, "a file with %ju hard links", (uintmax_t)st.st_nlink);
        what = kind;
    }
    if (what != NULL) {
        log_error("%s: not ingested: %s; only regular files (of one link) are taken%s", path, what,
                  in->archive ? ", moved to rejected/" : "");
        in->totals.files_rejected++;
        archive(in, path, "rejected", false);
        return KPI_OK;
    }
    if (in->settle > 0 && time(NULL) - st.st_mtime < in->settle) {
        log_warn("%s: left for the next run: modified %lld s ago, less than the settle delay of "
                 "%ld s",
                 path, (long long)(time(NULL) - st.st_mtime), in->settle);
        in->totals.files_deferred++;
        return KPI_OK;
    }
    struct load_options opt = in->opt;
    opt.room = check_room;
    opt.room_ctx = in;
    /* in a folder, a .pdf, an .ods…: rejected, with what to send instead */
    opt.limits.tables_only = walked;
    if (vi)
        opt.limits.locale_vi = true;
    if (load_file(in->conn, in->sets, path, &opt, &res) != 0)
        return KPI_ERROR;
    count(&in->totals, &res);
    if (strcmp(res.status, "deferred") == 0 || strcmp(res.status, "refused") == 0) {
        log_warn("%s: left in place for the next run", path);
        return KPI_OK;
    }
    archive(in, path, strcmp(res.status, "rejected") == 0 ? "rejected" : "processed", true);
    /* beside the archived file, never in the inbox (the next run would take it for a
     * submission): a file that could not be archived gets its receipt when a later run
     * archives it ("already ingested"), unless receipts go to a folder of their own */
    bool moved = strcmp(in->moved, path) != 0;
    if (in->receipts != NULL && (in->receipts->dir != NULL || (in->archive != NULL && moved)))
        receipt_issue(in->conn, in->receipts, in->moved, &res); /* failing: logged, goes on */
    return KPI_OK;
}

/*
 * The entries of the directory PATH in name order: its files ingested (VI:
 * with locale vi), its sub-folder vi/ walked with locale vi when TOP, the
 * archive's folders and other sub-folders left (a folder named *.csv or
 * *.xlsx refused like any entry that is not a regular file).
 */
static enum kpi_status walk_dir(struct inbox *in, const char *path, bool vi, bool top)
{
    struct dirent **list;
    int n = scandir(path, &list, entry_filter, alphasort);
    if (n < 0) {
        log_error("could not read directory \"%s\": %s", path, strerror(errno));
        return KPI_ERROR;
    }
    enum kpi_status rc = KPI_OK;
    for (int i = 0; i < n; i++) {
        char file[PATH_MAX];
        const char *name = list[i]->d_name;
        struct stat st;
        snprintf(file, sizeof file, "%s/%s", path, name);
        bool dir = lstat(file, &st) == 0 && S_ISDIR(st.st_mode);
        if (rc != 0 || interrupt_requested(NULL)) {
            /* stopped: the rest waits */
        } else if (strcmp(name, "processed") == 0 || strcmp(name, "rejected") == 0) {
            /* the archive's, even when it is broken (a file in its place) */
        } else if (dir && top && strcmp(name, INBOX_VI_DIR) == 0) {
            rc = walk_dir(in, file, true, false);
        } else if (dir && !ends_with(name, ".csv") && !ends_with(name, ".xlsx")) {
            log_warn("%s: a folder, not read; only the files of the inbox and of its %s/ "
                     "folder are ingested",
                     file, INBOX_VI_DIR);
        } else {
            rc = ingest_one(in, file, vi, true);
        }
        free(list[i]);
    }
    free(list);
    return rc;
}

enum kpi_status inbox_ingest_path(struct inbox *in, const char *path)
{
    struct stat st;
    if (walk_settings(in) != KPI_OK)
        return KPI_ERROR;
    if (stat(path, &st) != 0 && lstat(path, &st) != 0) {
        log_error("could not open \"%s\": %s", path, strerror(errno));
        return KPI_ERROR;
    }
    if (!S_ISDIR(st.st_mode))
        return ingest_one(in, path, in->opt.limits.locale_vi, false);
    return walk_dir(in, path, in->opt.limits.locale_vi, true);
}

enum kpi_status inbox_prepare_archive(const char *archive)
{
    char sub[PATH_MAX];
    if (make_dir(archive) != 0)
        return KPI_ERROR;
    /* a sub-folder that cannot be made is logged; its files are then reported one by one */
    snprintf(sub, sizeof sub, "%s/processed", archive);
    make_dir(sub);
    snprintf(sub, sizeof sub, "%s/rejected", archive);
    make_dir(sub);
    return KPI_OK;
}

bool inbox_rejected_any(const struct inbox_totals *t)
{
    return t->files_partial > 0 || t->files_rejected > 0 || t->files_unmoved > 0 ||
           t->files_refused > 0;
}
