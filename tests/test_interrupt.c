/*
 * test_interrupt.c — engine/common/interrupt.c: SIGTERM raises the flag and
 * cancels the statement running on the watched connection (its transaction
 * rolls back, the session stays usable).
 */
#include "common/interrupt.h"
#include "testlib.h"

#include <check.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

START_TEST(sigterm_raises_the_flag)
{
    int signo = -1;
    ck_assert_int_eq(interrupt_install(NULL), 0);
    ck_assert(!interrupt_requested(&signo));
    ck_assert_int_eq(signo, 0);
    ck_assert_int_eq(raise(SIGTERM), 0);
    ck_assert(interrupt_requested(&signo));
    ck_assert_int_eq(signo, SIGTERM);
}
END_TEST

START_TEST(sigterm_cancels_the_running_statement)
{
    PGconn *conn = testlib_connect(testlib_db_new());
    ck_assert_int_eq(interrupt_install(conn), 0);
    testlib_exec(conn, "CREATE TABLE t (x int)");
    testlib_exec(conn, "BEGIN");
    testlib_exec(conn, "INSERT INTO t VALUES (1)");
    pid_t parent = getpid();
    pid_t child = fork();
    ck_assert_int_ge(child, 0);
    if (child == 0) {
        usleep(300 * 1000);
        kill(parent, SIGTERM);
        _exit(0);
    }
    PGresult *res = PQexec(conn, "SELECT pg_sleep(30)");
    ck_assert_int_eq(PQresultStatus(res), PGRES_FATAL_ERROR);
    ck_assert_str_eq(PQresultErrorField(res, PG_DIAG_SQLSTATE), "57014"); /* query_canceled */
    PQclear(res);
    ck_assert(interrupt_requested(NULL));
    testlib_exec(conn, "ROLLBACK");
    char *n = testlib_value(conn, "SELECT count(*) FROM t");
    ck_assert_str_eq(n, "0");
    free(n);
    interrupt_watch(NULL);
    PQfinish(conn);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("interrupt");
    TCase *tc = tcase_create("interrupt");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, sigterm_raises_the_flag);
    tcase_add_test(tc, sigterm_cancels_the_running_statement);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
