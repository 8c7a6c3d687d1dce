/*
 * test_proc.c — engine/common/proc.c: exit codes, signals, output redirection,
 * a program that does not exist, and dropping root for the server account.
 */
#include "common/proc.h"
#include "testlib.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

START_TEST(exit_codes_and_signals_are_reported)
{
    int code = -1;
    char *ok[] = {"sh", "-c", "exit 0", NULL};
    ck_assert_int_eq(proc_run(ok, NULL, NULL, &code), 0);
    ck_assert_int_eq(code, 0);
    char *three[] = {"sh", "-c", "exit 3", NULL};
    ck_assert_int_eq(proc_run(three, NULL, NULL, &code), 0);
    ck_assert_int_eq(code, 3);
    char *killed[] = {"sh", "-c", "kill -TERM $$", NULL};
    ck_assert_int_eq(proc_run(killed, NULL, NULL, &code), 0);
    ck_assert_int_eq(code, 128 + 15);
}
END_TEST

START_TEST(output_is_appended_to_the_file)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/out.log", testlib_tmpdir());
    int code;
    char *a[] = {"sh", "-c", "echo one; echo two >&2", NULL};
    char *b[] = {"sh", "-c", "read x || echo stdin-is-empty", NULL};
    ck_assert_int_eq(proc_run(a, NULL, path, &code), 0);
    ck_assert_int_eq(proc_run(b, NULL, path, &code), 0);
    char *text = testlib_read_file(path);
    ck_assert_str_eq(text, "one\ntwo\nstdin-is-empty\n");
    free(text);
}
END_TEST

START_TEST(missing_program_is_an_error)
{
    int code;
    char *nothing[] = {"/nonexistent/kpi-no-such-program", NULL};
    ck_assert_int_eq(proc_run(nothing, NULL, NULL, &code), KPI_ERROR);
    struct proc_user u;
    ck_assert_int_eq(proc_lookup_user("kpi-no-such-user", &u), KPI_ERROR);
}
END_TEST

START_TEST(root_drops_to_the_server_account)
{
    struct proc_user u;
    if (geteuid() != 0 || proc_lookup_user("postgres", &u) != 0) {
        /* not root here: the child runs as ourselves, which proc_run keeps */
        u.drop = false;
    }
    char path[4096];
    const char *dir = testlib_tmpdir();
    chmod(dir, 0777);
    snprintf(path, sizeof path, "%s/id.log", dir);
    int code;
    char *id[] = {"id", "-u", NULL};
    ck_assert_int_eq(proc_run(id, &u, path, &code), 0);
    ck_assert_int_eq(code, 0);
    char *text = testlib_read_file(path);
    unsigned want = u.drop ? (unsigned)u.uid : (unsigned)geteuid();
    ck_assert_uint_eq((unsigned)strtoul(text, NULL, 10), want);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_uint_eq((unsigned)st.st_uid, want); /* the log belongs to whoever wrote it */
    free(text);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("proc");
    TCase *tc = tcase_create("proc");
    tcase_add_test(tc, exit_codes_and_signals_are_reported);
    tcase_add_test(tc, output_is_appended_to_the_file);
    tcase_add_test(tc, missing_program_is_an_error);
    tcase_add_test(tc, root_drops_to_the_server_account);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
