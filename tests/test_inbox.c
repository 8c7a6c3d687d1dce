/*
 * test_inbox.c — hostile files in the inbox (engine/ingest/inbox.c,
 * load.c, reader.c; issue 23, items 3 and 4) through `kpi ingest --archive
 * INBOX INBOX`, the walk `kpi run` makes, against a real PostgreSQL: a
 * symbolic link to a secret, a FIFO, a directory, a device, a name that is
 * not UTF-8 or holds control characters, a file growing while it is read,
 * a file that cannot be archived, 1,500 bad rows, an endless (sparse) file,
 * and a refusal for want of free space. Each time the good file after the
 * bad one is still ingested.
 */
#include "testlib.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char env_db[4200];
static const char *env[4];
static const char *db;

static const char good_csv[] = "period,unit,metric,value\n"
                               "2025-06-01,01849,citizen_14plus,500\n"
                               "2025-06-02,01849,citizen_14plus,501\n";
static const char good2_csv[] = "period,unit,metric,value\n"
                                "2025-07-01,01843,citizen_14plus,70\n";

/* A fresh database with the common fixture (testlib_fixture). */
static PGconn *setup(void)
{
    const char *e;
    db = testlib_db_new();
    PGconn *conn = testlib_fixture(db, &e);
    snprintf(env_db, sizeof env_db, "%s", e);
    env[0] = env_db;
    env[1] = NULL;
    return conn;
}

/* Run kpi with the NULL-terminated arguments (and EXTRA, an environment string or NULL). */
static int kpi(char **err, const char *extra, ...)
{
    const char *args[16];
    int n = 0;
    va_list ap;
    va_start(ap, extra);
    const char *a;
    while ((a = va_arg(ap, const char *)) != NULL && n < 15)
        args[n++] = a;
    va_end(ap);
    args[n] = NULL;
    env[1] = extra;
    env[2] = NULL;
    int rc = testlib_kpi(NULL, err, env, args);
    env[1] = NULL;
    return rc;
}

static void assert_value(PGconn *conn, const char *sql, const char *expect)
{
    char *v = testlib_value(conn, sql);
    ck_assert_msg(v != NULL && strcmp(v, expect) == 0, "%s\n got: %s\nwant: %s", sql,
                  v ? v : "(no row)", expect);
    free(v);
}

static void assert_has(const char *text, const char *part)
{
    ck_assert_msg(strstr(text, part) != NULL, "missing \"%s\" in:\n%s", part, text);
}

/* Every line of TEXT starts with "kpi: ": no message was split or forged. */
static void assert_whole_lines(const char *text)
{
    for (const char *p = text; *p != '\0';) {
        ck_assert_msg(strncmp(p, "kpi: ", 5) == 0, "a line that is not a message: %.80s", p);
        const char *nl = strchr(p, '\n');
        if (nl == NULL)
            break;
        p = nl + 1;
    }
}

/* DIR/NAME; four may be alive at once. */
static char *join(const char *dir, const char *name)
{
    static char paths[4][2 * PATH_MAX];
    static int next;
    char *p = paths[next++ % 4];
    snprintf(p, 2 * PATH_MAX, "%.4000s/%.255s", dir, name);
    return p;
}

static void put(const char *dir, const char *name, const char *text)
{
    testlib_write_file(join(dir, name), text, strlen(text));
}

static bool present(const char *dir, const char *name)
{
    struct stat st;
    return lstat(join(dir, name), &st) == 0;
}

START_TEST(symlink_to_a_secret_is_never_read)
{
    PGconn *conn = setup();
    char inbox[PATH_MAX], secret[PATH_MAX];
    snprintf(secret, sizeof secret, "%s/shadow", testlib_tmpdir());
    /* what /etc/shadow holds: a first line that a rejection would quote */
    const char *shadow = "root:$6$SECRET-HASH:19000:0:99999:7:::\n";
    testlib_write_file(secret, shadow, strlen(shadow));
    snprintf(inbox, sizeof inbox, "%s", testlib_tmpdir());
    ck_assert_int_eq(symlink(secret, join(inbox, "a_shadow.csv")), 0);
    put(inbox, "b_good.csv", good_csv);
    char *err;
    ck_assert_int_eq(kpi(&err, NULL, "ingest", "--archive", inbox, inbox, NULL), 3);
    assert_has(err, "a_shadow.csv: not ingested: a symbolic link; only regular files");
    assert_has(err, "b_good.csv: accepted: 2 rows accepted");
    ck_assert_ptr_null(strstr(err, "SECRET"));
    free(err);
    /* nothing of it recorded; the good file after it is in */
    assert_value(conn, "SELECT string_agg(file_name || '=' || status, ',') FROM kpi.submission",
                 "b_good.csv=accepted");
    assert_value(conn,
                 "SELECT count(*) FROM kpi.submission s LEFT JOIN kpi.rejected_row r"
                 " ON r.submission_id = s.id WHERE s.reason LIKE '%SECRET%'"
                 " OR r.raw LIKE '%SECRET%' OR r.reason LIKE '%SECRET%'",
                 "0");
    /* the link itself went to rejected/, the secret stayed where it was */
    struct stat st;
    ck_assert_int_eq(lstat(join(inbox, "rejected/a_shadow.csv"), &st), 0);
    ck_assert(S_ISLNK(st.st_mode));
    ck_assert_int_eq(access(secret, F_OK), 0);
    ck_assert(present(inbox, "processed/b_good.csv"));

    /* named on the command line: refused the same way, still unread */
    char link2[PATH_MAX];
    snprintf(link2, sizeof link2, "%s", join(testlib_tmpdir(), "c_shadow.csv"));
    ck_assert_int_eq(symlink(secret, link2), 0);
    ck_assert_int_eq(kpi(&err, NULL, "ingest", link2, NULL), 3);
    assert_has(err, "c_shadow.csv: not ingested: a symbolic link");
    ck_assert_ptr_null(strstr(err, "SECRET"));
    free(err);
    assert_value(conn, "SELECT count(*) FROM kpi.submission", "1");
    PQfinish(conn);
}
END_TEST

START_TEST(fifo_directory_and_device_are_reported_and_moved)
{
    PGconn *conn = setup();
    char inbox[PATH_MAX];
    snprintf(inbox, sizeof inbox, "%s", testlib_tmpdir());
    /* a FIFO without a writer: opening it to read would wait for ever */
    ck_assert_int_eq(mkfifo(join(inbox, "a_fifo.csv"), 0644), 0);
    ck_assert_int_eq(mkdir(join(inbox, "b_dir.csv"), 0755), 0);
    put(inbox, "b_dir.csv/inner.csv", good2_csv);
    /* a device: made when root may (CI), else a link to one */
    bool device = mknod(join(inbox, "c_null.csv"), S_IFCHR | 0644, makedev(1, 3)) == 0;
    if (!device)
        ck_assert_int_eq(symlink("/dev/zero", join(inbox, "c_null.csv")), 0);
    /* a hard link: the same file under another name, perhaps out of the inbox */
    put(inbox, "d_linked.csv", good2_csv);
    ck_assert_int_eq(link(join(inbox, "d_linked.csv"), join(inbox, "d_linked_too.csv")), 0);
    put(inbox, "e_good.csv", good_csv);
    char *err;
    ck_assert_int_eq(kpi(&err, NULL, "ingest", "--archive", inbox, inbox, NULL), 3);
    assert_has(err, "a_fifo.csv: not ingested: a FIFO; only regular files");
    assert_has(err, "b_dir.csv: not ingested: a directory; only regular files");
    assert_has(err, device ? "c_null.csv: not ingested: a character device"
                           : "c_null.csv: not ingested: a symbolic link");
    assert_has(err, "d_linked.csv: not ingested: a file with 2 hard links");
    assert_has(err, "e_good.csv: accepted: 2 rows accepted");
    free(err);
    assert_value(conn, "SELECT string_agg(file_name || '=' || status, ',') FROM kpi.submission",
                 "e_good.csv=accepted");
    const char *moved[] = {"a_fifo.csv", "b_dir.csv", "c_null.csv", "d_linked.csv"};
    for (size_t i = 0; i < sizeof moved / sizeof moved[0]; i++) {
        char rel[64];
        snprintf(rel, sizeof rel, "rejected/%s", moved[i]);
        ck_assert_msg(present(inbox, rel) && !present(inbox, moved[i]), "%s not moved", moved[i]);
    }
    struct stat st;
    ck_assert_int_eq(lstat(join(inbox, "rejected/a_fifo.csv"), &st), 0);
    ck_assert(S_ISFIFO(st.st_mode));
    ck_assert(present(inbox, "rejected/b_dir.csv/inner.csv")); /* never walked into */
    PQfinish(conn);
}
END_TEST

START_TEST(names_not_utf8_or_with_control_characters_are_escaped_and_quarantined)
{
    PGconn *conn = setup();
    char inbox[PATH_MAX];
    snprintf(inbox, sizeof inbox, "%s", testlib_tmpdir());
    put(inbox, "a_\xff\xfe.csv", good_csv);
    /* a name that would forge a log line and colour the terminal */
    put(inbox, "b_\033[31mred\nkpi: all files accepted.csv", good2_csv);
    put(inbox, "c_good.csv", good_csv);
    char *err;
    ck_assert_int_eq(kpi(&err, NULL, "ingest", "--archive", inbox, inbox, NULL), 3);
    /* the log: escaped, one message a line, no escape sequence, every byte UTF-8 */
    assert_whole_lines(err);
    ck_assert_ptr_null(strchr(err, '\033'));
    ck_assert_ptr_null(strstr(err, "\xff"));
    assert_has(err, "a_\\xff\\xfe.csv:1: the file name \"a_\\xff\\xfe.csv\" is not UTF-8");
    assert_has(err, "b_\\x1b[31mred\\x0akpi: all files accepted.csv:1: the file name");
    free(err);
    /* kpi.submission: the names escaped, rejected with the reason; the good file accepted */
    assert_value(
        conn,
        "SELECT string_agg(file_name || '=' || status, '|' ORDER BY id)"
        " FROM kpi.submission",
        "a_\\xff\\xfe.csv=rejected|b_\\x1b[31mred\\x0akpi: all files accepted.csv=rejected|"
        "c_good.csv=accepted");
    assert_value(conn, "SELECT reason FROM kpi.submission ORDER BY id LIMIT 1",
                 "line 1: the file name \"a_\\xff\\xfe.csv\" is not UTF-8 or holds control "
                 "characters (shown escaped); rename the file and send it again");
    ck_assert(present(inbox, "rejected/a_\xff\xfe.csv"));
    ck_assert(present(inbox, "rejected/b_\033[31mred\nkpi: all files accepted.csv"));
    ck_assert(present(inbox, "processed/c_good.csv"));
    PQfinish(conn);
}
END_TEST

START_TEST(a_file_growing_while_read_waits_for_the_next_run)
{
    PGconn *conn = setup();
    char inbox[PATH_MAX];
    snprintf(inbox, sizeof inbox, "%s", testlib_tmpdir());
    /* a large file that a child keeps appending to, as an upload in progress */
    FILE *f = fopen(join(inbox, "a_upload.csv"), "w");
    ck_assert_ptr_nonnull(f);
    fputs("period,unit,metric,value\n", f);
    for (int i = 0; i < 200000; i++)
        fprintf(f, "2025-%02d-01,01849,citizen_14plus,%d\n", 1 + i % 6, i);
    ck_assert_int_eq(fclose(f), 0);
    put(inbox, "b_good.csv", good2_csv);
    pid_t writer = fork();
    ck_assert_int_ge(writer, 0);
    if (writer == 0) {
        int fd = open(join(inbox, "a_upload.csv"), O_WRONLY | O_APPEND);
        for (;;) {
            if (write(fd, "2025-06-01,01849,citizen_14plus,1\n", 34) != 34)
                _exit(1);
            usleep(500);
        }
    }
    char *err;
    int rc = kpi(&err, NULL, "ingest", "--archive", inbox, inbox, NULL);
    kill(writer, SIGKILL);
    waitpid(writer, NULL, 0);
    ck_assert_int_eq(rc, 0); /* waiting is no failure */
    assert_has(err, "a_upload.csv: changed while it was being read");
    assert_has(err, "a_upload.csv: left in place for the next run");
    assert_has(err, "b_good.csv: accepted: 1 rows accepted");
    free(err);
    ck_assert(present(inbox, "a_upload.csv") && !present(inbox, "rejected/a_upload.csv") &&
              !present(inbox, "processed/a_upload.csv"));
    assert_value(conn, "SELECT string_agg(file_name || '=' || status, ',') FROM kpi.submission",
                 "b_good.csv=accepted");
    assert_value(conn, "SELECT count(*) FROM kpi.observation", "1");

    /* a settle delay: a file modified just now waits, one modified long enough ago is taken */
    put(inbox, "c_fresh.csv", good_csv);
    ck_assert_int_eq(kpi(&err, NULL, "ingest", "--archive", inbox, "--settle", "600",
                         join(inbox, "c_fresh.csv"), NULL),
                     0);
    assert_has(err, "c_fresh.csv: left for the next run: modified ");
    assert_has(err, " s ago, less than the settle delay of 600 s");
    free(err);
    ck_assert(present(inbox, "c_fresh.csv"));
    struct timespec old[2] = {{time(NULL) - 700, 0}, {time(NULL) - 700, 0}};
    ck_assert_int_eq(utimensat(AT_FDCWD, join(inbox, "c_fresh.csv"), old, 0), 0);
    ck_assert_int_eq(kpi(&err, "KPI_SETTLE_SECONDS=600", "ingest", "--archive", inbox,
                         join(inbox, "c_fresh.csv"), NULL),
                     0);
    assert_has(err, "c_fresh.csv: accepted: 2 rows accepted");
    free(err);
    ck_assert(present(inbox, "processed/c_fresh.csv"));
    PQfinish(conn);
}
END_TEST

START_TEST(a_file_that_cannot_be_archived_is_reported_and_the_night_goes_on)
{
    PGconn *conn = setup();
    char inbox[PATH_MAX];
    snprintf(inbox, sizeof inbox, "%s", testlib_tmpdir());
    /* processed/ is a file: no one, not even root, can move a file into it */
    put(inbox, "processed", "not a directory\n");
    put(inbox, "a_good.csv", good_csv);
    put(inbox, "b_good.csv", good2_csv);
    char *err;
    ck_assert_int_eq(kpi(&err, NULL, "ingest", "--archive", inbox, inbox, NULL), 3);
    assert_has(err, "a_good.csv: accepted: 2 rows accepted");
    assert_has(err, "a_good.csv: could not be moved to processed/; it stays where it is");
    assert_has(err, "b_good.csv: accepted: 1 rows accepted");
    assert_has(err, "b_good.csv: could not be moved to processed/");
    free(err);
    assert_value(conn,
                 "SELECT string_agg(file_name || '=' || status, ',' ORDER BY id)"
                 " FROM kpi.submission",
                 "a_good.csv=accepted,b_good.csv=accepted");
    ck_assert(present(inbox, "a_good.csv") && present(inbox, "b_good.csv"));
    /* once processed/ is a directory again, the next run archives them, changing nothing */
    ck_assert_int_eq(unlink(join(inbox, "processed")), 0);
    ck_assert_int_eq(kpi(&err, NULL, "ingest", "--archive", inbox, inbox, NULL), 0);
    assert_has(err, "a_good.csv: already ingested as submission");
    free(err);
    ck_assert(present(inbox, "processed/a_good.csv") && present(inbox, "processed/b_good.csv"));
    assert_value(conn, "SELECT count(*) FROM kpi.submission", "2");
    PQfinish(conn);
}
END_TEST

START_TEST(rejected_rows_are_kept_up_to_a_thousand_and_counted_beyond)
{
    PGconn *conn = setup();
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir());
    /* 1,500 rows of an unknown unit, then one good row */
    FILE *f = fopen(join(dir, "bad_rows.csv"), "w");
    ck_assert_ptr_nonnull(f);
    fputs("period,unit,metric,value\n", f);
    for (int i = 0; i < 1500; i++)
        fprintf(f, "2025-06-01,NOT_A_UNIT_%d,citizen_14plus,%d\n", i, i);
    fputs("2025-06-01,01849,citizen_14plus,7\n", f);
    ck_assert_int_eq(fclose(f), 0);
    char *err;
    ck_assert_int_eq(kpi(&err, NULL, "ingest", join(dir, "bad_rows.csv"), NULL), 3);
    assert_has(err, "bad_rows.csv: only the first 1000 rejected rows are kept in "
                    "kpi.rejected_row; 500 more are only counted");
    free(err);
    /* 1,500 rejected = 1,000 kept (lines 2..1001) + 500 counted */
    assert_value(conn,
                 "SELECT status || ' ' || rows_accepted || ' ' || rows_rejected || ' ' ||"
                 " rows_rejected_unstored FROM kpi.submission",
                 "partial 1 1500 500");
    assert_value(conn,
                 "SELECT count(*) || ' ' || min(line_no) || ' ' || max(line_no)"
                 " FROM kpi.rejected_row",
                 "1000 2 1001");

    /* the raw text of a rejected row is cut at the field limit (100 bytes), inside no character */
    f = fopen(join(dir, "long_note.csv"), "w");
    ck_assert_ptr_nonnull(f);
    fputs("period,unit,metric,value,note\n2025-06-01,01849,citizen_14plus,8,", f);
    for (int i = 0; i < 300; i++)
        fputs("\xc3\xa9", f); /* é: 2 bytes */
    fputs("\n", f);
    ck_assert_int_eq(fclose(f), 0);
    ck_assert_int_eq(
        kpi(NULL, NULL, "ingest", "--max-field-bytes", "100", join(dir, "long_note.csv"), NULL), 3);
    /* "2025-06-01,01849,citizen_14plus,8," is 34 bytes; 66 more are 33 é */
    assert_value(conn,
                 "SELECT octet_length(r.raw) || ' ' || r.raw FROM kpi.rejected_row r"
                 " JOIN kpi.submission s ON s.id = r.submission_id"
                 " WHERE s.file_name = 'long_note.csv'",
                 "100 2025-06-01,01849,citizen_14plus,8,"
                 "ééééééééééééééééééééééééééééééééé");

    /* conflicts of the slow path share the budget: 800 bad rows, then 400 keys twice with
       different values (800 conflicts): 1,000 kept, 600 counted */
    f = fopen(join(dir, "conflicts.csv"), "w");
    ck_assert_ptr_nonnull(f);
    fputs("period,unit,metric,value\n", f);
    for (int i = 0; i < 800; i++)
        fprintf(f, "2025-06-01,NOT_A_UNIT_%d,citizen_14plus,%d\n", i, i);
    for (int k = 0; k < 400; k++) /* 200 days of 2024 x 2 units */
        for (int v = 0; v < 2; v++)
            fprintf(f, "2024-%02d-%02d,%s,dvc_essential_online,%d\n", 1 + k / 2 / 28,
                    1 + k / 2 % 28, k % 2 ? "01843" : "01849", v);
    ck_assert_int_eq(fclose(f), 0);
    ck_assert_int_eq(kpi(NULL, NULL, "ingest", join(dir, "conflicts.csv"), NULL), 3);
    assert_value(conn,
                 "SELECT s.status || ' ' || s.rows_rejected || ' ' || s.rows_rejected_unstored"
                 " || ' ' || (SELECT count(*) FROM kpi.rejected_row r WHERE r.submission_id ="
                 " s.id) FROM kpi.submission s WHERE s.file_name = 'conflicts.csv'",
                 "rejected 1600 600 1000");
    PQfinish(conn);
}
END_TEST

START_TEST(an_endless_file_stops_at_the_limit)
{
    PGconn *conn = setup();
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s", join(testlib_tmpdir(), "endless.csv"));
    /* 64 GiB of zeroes that take no disk: reading it all would take minutes */
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(ftruncate(fd, 64LL << 30), 0);
    close(fd);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    char *err;
    ck_assert_int_eq(kpi(&err, "KPI_MAX_FILE_BYTES=1M", "ingest", path, NULL), 3);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    assert_has(err, "endless.csv:1: the file is 68719476736 bytes, larger than the limit of "
                    "1048576");
    free(err);
    ck_assert_int_lt(t1.tv_sec - t0.tv_sec, 20);
    /* the digest recorded is that of the first 1 MiB, all the hashing did */
    assert_value(conn, "SELECT status FROM kpi.submission", "rejected");
    PQfinish(conn);
}
END_TEST

START_TEST(too_little_free_space_refuses_the_file_clearly)
{
    PGconn *conn = setup();
    char inbox[PATH_MAX];
    snprintf(inbox, sizeof inbox, "%s", testlib_tmpdir());
    put(inbox, "a_good.csv", good_csv);
    /* the test knob: a margin no disk has */
    char *err;
    ck_assert_int_eq(
        kpi(&err, "KPI_MIN_FREE_BYTES=1000000G", "ingest", "--archive", inbox, inbox, NULL), 3);
    assert_has(err, "a_good.csv: not ingested: only ");
    assert_has(err, " MB free under ");
    assert_has(err, ", need 102400000"); /* 1,000,000 GiB = 1,024,000,000 MiB, and the file */
    ck_assert_ptr_null(strstr(err, "PANIC"));
    free(err);
    assert_value(conn, "SELECT count(*) FROM kpi.submission", "0");
    ck_assert(present(inbox, "a_good.csv")); /* it waits for the next run */
    /* with the default margin it goes in */
    ck_assert_int_eq(kpi(NULL, NULL, "ingest", "--archive", inbox, inbox, NULL), 0);
    assert_value(conn, "SELECT count(*) FROM kpi.submission", "1");
    ck_assert_int_eq(kpi(&err, "KPI_MIN_FREE_BYTES=lots", "ingest", inbox, NULL), 1);
    ck_assert_ptr_null(strstr(err, "PANIC"));
    assert_has(err, "KPI_MIN_FREE_BYTES");
    free(err);
    PQfinish(conn);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("inbox");
    TCase *tc = tcase_create("inbox");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, symlink_to_a_secret_is_never_read);
    tcase_add_test(tc, fifo_directory_and_device_are_reported_and_moved);
    tcase_add_test(tc, names_not_utf8_or_with_control_characters_are_escaped_and_quarantined);
    tcase_add_test(tc, a_file_growing_while_read_waits_for_the_next_run);
    tcase_add_test(tc, a_file_that_cannot_be_archived_is_reported_and_the_night_goes_on);
    tcase_add_test(tc, rejected_rows_are_kept_up_to_a_thousand_and_counted_beyond);
    tcase_add_test(tc, an_endless_file_stops_at_the_limit);
    tcase_add_test(tc, too_little_free_space_refuses_the_file_clearly);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
