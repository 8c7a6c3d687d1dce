/*
 * test_install.c — kpi as operators install it: `meson install` (into a
 * DESTDIR) puts the binary, the catalog, the man pages and the contrib/
 * files in their places; the installed binary reads the catalog installed
 * with it and the build tree's binary the source tree's (catalog_dir); and
 * the cron line of README.md, run as written by `sh -c` in a clean
 * environment, reaches the database its env file names and creates no
 * cluster in its working directory. The Debian package itself: tests/package.
 */
#include "common/proc.h"
#include "testlib.h"

#include <check.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * The text of FORMAT and its arguments, malloc'd and kept (reachable) until
 * the test's process exits: the paths of a test are made once and used to
 * its end.
 */
static char *fmt(const char *format, ...)
{
    static char *kept[64];
    static size_t n_kept;
    va_list ap;
    char *out = NULL;
    ck_assert_uint_lt(n_kept, sizeof kept / sizeof *kept);
    va_start(ap, format);
    ck_assert_int_ge(vasprintf(&out, format, ap), 0);
    va_end(ap);
    return kept[n_kept++] = out;
}

/* `meson install --destdir` of this build into a new directory; returns it. */
static const char *install_tree(void)
{
    const char *dest = fmt("%s/destdir", testlib_tmpdir());
    char *log = fmt("%s.log", dest);
    char *argv[] = {"meson",     "install",    "-C", KPI_BUILD_ROOT, "--no-rebuild", "--quiet",
                    "--destdir", (char *)dest, NULL};
    int code = -1;
    ck_assert_int_eq(proc_run(argv, NULL, log, &code), KPI_OK);
    ck_assert_msg(code == 0, "meson install exit %d: %s", code, testlib_read_file(log));
    return dest;
}

/* Is DEST/REL a regular file? */
static bool installed(const char *dest, const char *rel)
{
    struct stat st;
    return stat(fmt("%s%s", dest, rel), &st) == 0 && S_ISREG(st.st_mode);
}

START_TEST(meson_install_puts_binary_catalog_man_pages_and_units_in_place)
{
    const char *dest = install_tree();
    const char *files[] = {
        KPI_BIN_DIR "/kpi",
        KPI_DATA_DIR "/indicators/metrics.json",
        KPI_DATA_DIR "/indicators/kh05-2025/5.1.a.json",
        KPI_UNIT_DIR "/kpi-run.service",
        KPI_UNIT_DIR "/kpi-run.timer",
        KPI_UNIT_DIR "/kpi-db.service",
        KPI_PREFIX "/lib/sysusers.d/kpi.conf",
        KPI_PREFIX "/lib/tmpfiles.d/kpi.conf",
        KPI_PREFIX "/share/doc/kpi/examples/kpi.env.example",
        KPI_PREFIX "/share/doc/kpi/examples/routes.example.json",
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        ck_assert_msg(installed(dest, files[i]), "%s%s not installed", dest, files[i]);
    /* the man pages are built when scdoc is found (-Dman-pages=auto) */
    if (access(KPI_BUILD_ROOT "/docs/man/kpi-run.1", F_OK) == 0)
        ck_assert(installed(dest, KPI_PREFIX "/share/man/man1/kpi-run.1"));

    /* the units run the installed binary, the nightly one waiting for a run in progress */
    char *unit = testlib_read_file(fmt("%s%s/kpi-run.service", dest, KPI_UNIT_DIR));
    ck_assert_ptr_nonnull(strstr(unit, "\nExecStart=" KPI_BIN_DIR "/kpi run --wait=3600 "));
    free(unit);
    unit = testlib_read_file(fmt("%s%s/kpi-db.service", dest, KPI_UNIT_DIR));
    ck_assert_ptr_nonnull(strstr(unit, "\nExecStart=" KPI_BIN_DIR "/kpi db start\n"));
    free(unit);
}
END_TEST

START_TEST(installed_kpi_reads_its_installed_catalog_the_built_one_the_source_tree)
{
    const char *dest = install_tree();
    char *catalog = fmt("%s%s/indicators", dest, KPI_DATA_DIR);
    /* the installed catalog made different from the source tree's: 38 indicators less 7.5 */
    ck_assert_int_eq(unlink(fmt("%s/kh05-2025/7.5.json", catalog)), 0);

    const char *env[] = {"KPI_CATALOG=", NULL};
    const char *args[] = {"catalog", "check", NULL};
    char *out = NULL, *err = NULL, *want;
    ck_assert_int_eq(chdir("/"), 0); /* no source tree nearby */
    ck_assert_int_eq(testlib_kpi(&out, &err, env, args), 0);
    want = fmt("%s: valid: 38 indicators", testlib_path("indicators"));
    ck_assert_msg(strncmp(out, want, strlen(want)) == 0, "build tree's kpi: %s%s", out, err);
    free(out);
    free(err);

    ck_assert_int_eq(setenv("KPI_BIN", fmt("%s%s/kpi", dest, KPI_BIN_DIR), 1), 0);
    ck_assert_int_eq(testlib_kpi(&out, &err, env, args), 0);
    want = fmt("%s: valid: 37 indicators", catalog);
    ck_assert_msg(strncmp(out, want, strlen(want)) == 0, "installed kpi: %s%s", out, err);
    free(out);
    free(err);
}
END_TEST

/* LINE with its one FROM (it must occur once) replaced by TO. */
static char *replace(const char *line, const char *from, const char *to)
{
    const char *at = strstr(line, from);
    ck_assert_msg(at != NULL, "the cron line has no %s: %s", from, line);
    ck_assert_msg(strstr(at + 1, from) == NULL, "the cron line has %s twice: %s", from, line);
    return fmt("%.*s%s%s", (int)(at - line), line, to, at + strlen(from));
}

/* The command of the first line of README.md's ```cron block (after its 6 time and user fields). */
static char *readme_cron_command(void)
{
    char *readme = testlib_read_file(testlib_path("README.md"));
    char *block = strstr(readme, "\n```cron\n");
    ck_assert_msg(block != NULL, "README.md has no ```cron block");
    char *line = block + strlen("\n```cron\n");
    while (*line == '#')
        line = strchr(line, '\n') + 1;
    *strchr(line, '\n') = '\0';
    for (int field = 0; field < 6; field++) {
        line += strspn(line, " \t");
        line += strcspn(line, " \t");
    }
    char *cmd = fmt("%s", line + strspn(line, " \t"));
    free(readme);
    return cmd;
}

START_TEST(readme_cron_line_reaches_the_database_of_the_env_file)
{
    /* a migrated throwaway database; its conninfo (host='…' port='…' dbname='…'
     * user='…') has spaces and quotes, and so has the inbox's name */
    const char *db = fmt("%s", testlib_db_new());
    const char *env[] = {fmt("KPI_DB=%s", db), NULL};
    const char *migrate[] = {"migrate", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, env, migrate), 0);

    const char *dir = fmt("%s", testlib_tmpdir());
    char *envfile = fmt("%s/kpi.env", dir), *inbox = fmt("%s/the inbox", dir);
    char *log = fmt("%s/run.log", dir), *cwd = fmt("%s/home", dir);
    ck_assert_int_eq(mkdir(inbox, 0755), 0);
    ck_assert_int_eq(mkdir(cwd, 0755), 0);
    char *text = fmt("# as contrib/systemd/kpi.env.example: one NAME=\"value\" a line\n"
                     "KPI_DB=\"%s\"\nKPI_INBOX=\"%s\"\n",
                     db, inbox);
    testlib_write_file(envfile, text, strlen(text));

    /* the line as written, its three paths pointed at this test's files */
    char *cmd = readme_cron_command();
    cmd = replace(cmd, "/etc/kpi/kpi.env", envfile);
    cmd = replace(cmd, "/usr/bin/kpi", getenv("KPI_BIN"));
    cmd = replace(cmd, "/var/log/kpi/run.log", log);

    /* what cron gives a command: HOME, LOGNAME, SHELL, PATH, nothing else */
    char *argv[] = {"env",
                    "-i",
                    fmt("HOME=%s", cwd),
                    "LOGNAME=kpi",
                    "SHELL=/bin/sh",
                    "PATH=/usr/bin:/bin",
                    "/bin/sh",
                    "-c",
                    cmd,
                    NULL};
    int code = -1;
    ck_assert_int_eq(chdir(cwd), 0);
    ck_assert_int_eq(proc_run(argv, NULL, NULL, &code), KPI_OK);
    ck_assert_msg(code == 0, "the cron line exit %d: %s\n%s", code, cmd, testlib_read_file(log));

    /* the run is recorded in that database, with that inbox */
    PGconn *conn = testlib_connect(db);
    char *run = testlib_value(conn, "SELECT count(*) || ' ' || min(status) || ' ' || min(inbox) "
                                    "FROM kpi.run");
    ck_assert_str_eq(run, fmt("1 succeeded %s", inbox));
    free(run);
    PQfinish(conn);
    /* its JSON log went to the log file; the working directory stayed empty (no .kpi) */
    char *logged = testlib_read_file(log);
    ck_assert_ptr_nonnull(strstr(logged, "{\"time\":"));
    free(logged);
    ck_assert_int_ne(access(fmt("%s/.kpi", cwd), F_OK), 0);
    ck_assert_int_eq(rmdir(cwd), 0); /* fails unless empty */
}
END_TEST

int main(void)
{
    Suite *s = suite_create("install");
    TCase *tc = tcase_create("install");
    tcase_add_test(tc, meson_install_puts_binary_catalog_man_pages_and_units_in_place);
    tcase_add_test(tc, installed_kpi_reads_its_installed_catalog_the_built_one_the_source_tree);
    tcase_add_test(tc, readme_cron_line_reaches_the_database_of_the_env_file);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
