/*
 * inbox.c — owns the walk over submission files and the archive of an
 * inbox (see inbox.h): files or directories in name order, each through
 * load_file(), then moved to processed/ or rejected/.
 */
#include "ingest/inbox.h"

#include "common/log.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

static void count(struct inbox_totals *t, const struct load_result *res)
{
    if (strcmp(res->status, "accepted") == 0)
        t->files_accepted++;
    else if (strcmp(res->status, "partial") == 0)
        t->files_partial++;
    else if (strcmp(res->status, "rejected") == 0)
        t->files_rejected++;
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
    in = open(src, O_RDONLY | O_CLOEXEC);
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
 * NAME-2.csv, NAME-3.csv… Across file systems: copy, fsync, then unlink SRC.
 */
static enum kpi_status archive_move(const char *src, const char *dir)
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
            return sync_dir(dir) == 0
                       ? 0
                       : (log_error("could not sync \"%s\": %s", dir, strerror(errno)), KPI_ERROR);
        if (errno == EEXIST)
            continue;
        if (errno != EXDEV && errno != EINVAL) {
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

static int csv_filter(const struct dirent *d)
{
    size_t n = strlen(d->d_name);
    return d->d_name[0] != '.' && n > 4 && strcasecmp(d->d_name + n - 4, ".csv") == 0;
}

static enum kpi_status ingest_one(struct inbox *in, const char *path)
{
    struct load_result res;
    char dir[PATH_MAX];
    if (load_file(in->conn, in->sets, path, &in->opt, &res) != 0)
        return KPI_ERROR;
    bool nothing = strcmp(res.status, "rejected") == 0;
    count(&in->totals, &res);
    if (in->archive == NULL)
        return KPI_OK;
    snprintf(dir, sizeof dir, "%s/%s", in->archive, nothing ? "rejected" : "processed");
    return archive_move(path, dir);
}

enum kpi_status inbox_ingest_path(struct inbox *in, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        log_error("could not open \"%s\": %s", path, strerror(errno));
        return KPI_ERROR;
    }
    if (!S_ISDIR(st.st_mode))
        return ingest_one(in, path);
    struct dirent **list;
    int n = scandir(path, &list, csv_filter, alphasort);
    if (n < 0) {
        log_error("could not read directory \"%s\": %s", path, strerror(errno));
        return KPI_ERROR;
    }
    enum kpi_status rc = KPI_OK;
    for (int i = 0; i < n; i++) {
        char file[PATH_MAX];
        snprintf(file, sizeof file, "%s/%s", path, list[i]->d_name);
        if (rc == 0 && stat(file, &st) == 0 && S_ISREG(st.st_mode))
            rc = ingest_one(in, file);
        free(list[i]);
    }
    free(list);
    return rc;
}

enum kpi_status inbox_prepare_archive(const char *archive)
{
    char sub[PATH_MAX];
    if (make_dir(archive) != 0)
        return KPI_ERROR;
    snprintf(sub, sizeof sub, "%s/processed", archive);
    if (make_dir(sub) != 0)
        return KPI_ERROR;
    snprintf(sub, sizeof sub, "%s/rejected", archive);
    return make_dir(sub);
}

bool inbox_rejected_any(const struct inbox_totals *t)
{
    return t->files_partial > 0 || t->files_rejected > 0;
}
