/*
 * builtin/ingest.c — `kpi ingest [--archive DIR] PATH...`: load agency
 * submission files (engine/csvload.c), each in its own transaction, and
 * optionally move them to DIR/processed/ or DIR/rejected/ afterwards.
 */
#include "builtin.h"
#include "conn.h"
#include "csvload.h"
#include "sizelimit.h"
#include "log.h"
#include "migrate.h"
#include "status.h"

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

#define INGEST_SCHEMA 4 /* sql/004_ingest.sql */

static const char usage[] =
    "usage: kpi ingest [--archive DIR] PATH...\n"
    "       kpi ingest [--max-row-bytes N] [--max-field-bytes N] [--max-file-bytes N] PATH...\n\n"
    "Load agency submissions: CSV files, or directories (every *.csv in name order).\n"
    "Header period,unit,metric,value[,agency,note] in any order; ',' or ';'; UTF-8.\n"
    "Good rows are kept, bad rows recorded in kpi.rejected_row with their reason; each file\n"
    "is one transaction; a file already ingested (same SHA-256) changes nothing.\n\n"
    "  --archive DIR   after each file, move it to DIR/processed/ (loaded, even partly, or\n"
    "                  already ingested) or DIR/rejected/ (nothing of it loaded)\n"
    "  --max-row-bytes N    longest row (default 64k; $KPI_MAX_ROW_BYTES; at most 1M)\n"
    "  --max-field-bytes N  longest field (default 4k; $KPI_MAX_FIELD_BYTES): the row is\n"
    "                       rejected\n"
    "  --max-file-bytes N   largest file (default 4G; $KPI_MAX_FILE_BYTES): the file is\n"
    "                       rejected; N is a byte count with an optional k, M or G\n\n"
    "exit status: 0 every file accepted or already ingested; 3 some rows or files\n"
    "rejected; 1 an error stopped it (the file in progress rolled back); 2 usage\n";

/* fsync the directory holding PATH. */
static int sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

/* Copy SRC to DEST (created, must not exist) and fsync it. */
static int copy_file(const char *src, const char *dest)
{
    char buf[65536];
    int in = -1, out = -1, rc = -1;
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
    rc = 0;
fail:
    if (in >= 0)
        close(in);
    if (out >= 0 && close(out) != 0)
        rc = -1;
    return rc;
}

/*
 * Move SRC into directory DIR without replacing anything there: NAME, else
 * NAME-2.csv, NAME-3.csv… Across file systems: copy, fsync, then unlink SRC.
 */
static int archive_move(const char *src, const char *dir)
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
                       : (log_error("could not sync \"%s\": %s", dir, strerror(errno)), -1);
        if (errno == EEXIST)
            continue;
        if (errno != EXDEV && errno != EINVAL) {
            log_error("could not move \"%s\" to \"%s\": %s", src, dest, strerror(errno));
            return -1;
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
            return -1;
        }
        unlink(tmp);
        if (sync_dir(dir) != 0 || unlink(src) != 0) {
            log_error("could not move \"%s\" to \"%s\": %s", src, dest, strerror(errno));
            return -1;
        }
        return 0;
    }
    log_error("could not move \"%s\": too many files named alike in \"%s\"", src, dir);
    return -1;
}

static int make_dir(const char *path)
{
    if (mkdir(path, 0755) != 0 && errno != EEXIST) {
        log_error("could not create directory \"%s\": %s", path, strerror(errno));
        return -1;
    }
    return 0;
}

static int csv_filter(const struct dirent *d)
{
    size_t n = strlen(d->d_name);
    return d->d_name[0] != '.' && n > 4 && strcasecmp(d->d_name + n - 4, ".csv") == 0;
}

struct run {
    PGconn *conn;
    struct csvload_sets *sets;
    struct csvload_options opt;
    const char *archive;
    bool rejected;
};

static int ingest_one(struct run *run, const char *path)
{
    struct csvload_result res;
    char dir[PATH_MAX];
    if (csvload_file(run->conn, run->sets, path, &run->opt, &res) != 0)
        return -1;
    bool nothing = strcmp(res.status, "rejected") == 0;
    if (nothing || strcmp(res.status, "partial") == 0)
        run->rejected = true;
    if (run->archive == NULL)
        return 0;
    snprintf(dir, sizeof dir, "%s/%s", run->archive, nothing ? "rejected" : "processed");
    return archive_move(path, dir);
}

static int ingest_path(struct run *run, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        log_error("could not open \"%s\": %s", path, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode))
        return ingest_one(run, path);
    struct dirent **list;
    int n = scandir(path, &list, csv_filter, alphasort);
    if (n < 0) {
        log_error("could not read directory \"%s\": %s", path, strerror(errno));
        return -1;
    }
    int rc = 0;
    for (int i = 0; i < n; i++) {
        char file[PATH_MAX];
        snprintf(file, sizeof file, "%s/%s", path, list[i]->d_name);
        if (rc == 0 && stat(file, &st) == 0 && S_ISREG(st.st_mode))
            rc = ingest_one(run, file);
        free(list[i]);
    }
    free(list);
    return rc;
}

/* Set the limit of option C (r, f or s) to TEXT. 0, or -1 (usage error printed). */
static int limit_option(struct csvload_limits *l, int c, const char *text)
{
    long long v;
    long long max = c == 's' ? LLONG_MAX : CSVLOAD_MAX_ROW;
    if (sizelimit_parse(text, &v) != 0 || v > max) {
        builtin_usage_error(
            "ingest", "\"%s\" is not a size from 1 to %lld bytes (e.g. 65536, 64k, 2G)", text, max);
        return -1;
    }
    if (c == 'r')
        l->max_row = (size_t)v;
    else if (c == 'f')
        l->max_field = (size_t)v;
    else
        l->max_file = v;
    return 0;
}

int cmd_ingest(int argc, char **argv)
{
    static const struct option opts[] = {
        {"help", no_argument, NULL, 'h'},
        {"archive", required_argument, NULL, 'a'},
        {"max-row-bytes", required_argument, NULL, 'r'},
        {"max-field-bytes", required_argument, NULL, 'f'},
        {"max-file-bytes", required_argument, NULL, 's'},
        {NULL, 0, NULL, 0},
    };
    struct run run = {.opt = {.progress = isatty(STDERR_FILENO), .max_messages = 100}};
    bool reset = true;
    int c, version, rc = KPI_ERROR;
    while ((c = builtin_getopt(argc, argv, "h", opts, &reset)) != -1) {
        switch (c) {
        case 'h':
            fputs(usage, stdout);
            return KPI_OK;
        case 'a':
            run.archive = optarg;
            break;
        case 'r':
        case 'f':
        case 's':
            if (limit_option(&run.opt.limits, c, optarg) != 0)
                return KPI_USAGE;
            break;
        default:
            return KPI_USAGE;
        }
    }
    if (optind >= argc)
        return builtin_usage_error("ingest", "no file or directory to ingest");
    if (run.archive != NULL) {
        char sub[PATH_MAX];
        snprintf(sub, sizeof sub, "%s/processed", run.archive);
        if (make_dir(run.archive) != 0 || make_dir(sub) != 0)
            return KPI_ERROR;
        snprintf(sub, sizeof sub, "%s/rejected", run.archive);
        if (make_dir(sub) != 0)
            return KPI_ERROR;
    }
    if (conn_open(kpi_opts.db, kpi_opts.home, &run.conn) != 0)
        return KPI_ERROR;
    if (migrate_version(run.conn, &version) != 0)
        goto done;
    if (version < INGEST_SCHEMA) {
        log_error("the database schema is at version %d, ingesting needs %d; run 'kpi migrate'",
                  version, INGEST_SCHEMA);
        goto done;
    }
    if (csvload_sets_load(run.conn, &run.sets) != 0)
        goto done;
    for (int i = optind; i < argc; i++)
        if (ingest_path(&run, argv[i]) != 0)
            goto done;
    rc = run.rejected ? KPI_REJECTED : KPI_OK;
done:
    csvload_sets_free(run.sets);
    PQfinish(run.conn);
    return rc;
}
