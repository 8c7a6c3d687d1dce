/*
 * reportlib.c — the report tests' fixture database and HTML helpers (see
 * reportlib.h).
 */
#include "reportlib.h"

#include "db/migrate.h"
#include "testlib.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

static void exec_file(PGconn *conn, const char *rel)
{
    char *sql = testlib_read_file(testlib_path(rel));
    testlib_exec(conn, sql);
    free(sql);
}

const char *reportlib_fixture_db(void)
{
    const char *db = testlib_db_new();
    PGconn *conn = testlib_connect(db);
    ck_assert_int_eq(migrate_run(conn, NULL, NULL, NULL), 0);
    exec_file(conn, "tests/data/report/fixture.sql");
    PQfinish(conn);
    return db;
}

int reportlib_count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(hay, needle); p != NULL; p = strstr(p + 1, needle))
        n++;
    return n;
}

char *reportlib_element(const char *hay, const char *start, const char *end)
{
    const char *a = strstr(hay, start);
    if (a == NULL)
        return NULL;
    const char *b = strstr(a, end);
    size_t len = b ? (size_t)(b - a) + strlen(end) : strlen(a);
    char *copy = malloc(len + 1);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, a, len);
    copy[len] = '\0';
    return copy;
}
