/*
 * test_units.c — engine/ingest/units.c and `kpi units` against a real PostgreSQL:
 * the Thái Nguyên registry of fixtures/, leading zeros, updates without
 * deletions, and files refused whole.
 */
#include "db/migrate.h"
#include "testlib.h"
#include "ingest/units.h"

#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static PGconn *fresh(void)
{
    PGconn *conn = testlib_connect(testlib_db_new());
    ck_assert_int_eq(migrate_run(conn, NULL, NULL, NULL), 0);
    return conn;
}

static void assert_value(PGconn *conn, const char *sql, const char *expect)
{
    char *v = testlib_value(conn, sql);
    ck_assert_msg(v != NULL && strcmp(v, expect) == 0, "%s: got %s, want %s", sql,
                  v ? v : "(no row)", expect);
    free(v);
}

static const char *write_tmp(const char *text)
{
    static char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/units.csv", testlib_tmpdir());
    testlib_write_file(path, text, strlen(text));
    return path;
}

START_TEST(fixture_registry_loads)
{
    PGconn *conn = fresh();
    struct units_result res;
    ck_assert_int_eq(units_load(conn, testlib_path("fixtures/units_thai_nguyen.csv"), &res), 0);
    ck_assert_int_eq(res.problems, 0);
    ck_assert_int_eq(res.rows, res.inserted);
    assert_value(conn, "SELECT count(*) FROM kpi.unit WHERE kind IN ('xa', 'phuong')", "92");
    assert_value(conn, "SELECT count(*) FROM kpi.unit WHERE kind = 'phuong'", "15");
    assert_value(conn, "SELECT string_agg(code, ',') FROM kpi.unit WHERE kind = 'province'", "19");
    /* codes are text: the leading zero of a commune code survives */
    assert_value(conn, "SELECT name FROM kpi.unit WHERE code = '01840'", "Phường Đức Xuân");
    assert_value(conn, "SELECT count(*) FROM kpi.unit WHERE code ~ '^[1-9][0-9]{3}$'", "0");
    /* facilities hang under communes */
    assert_value(conn,
                 "SELECT count(*) FROM kpi.unit f JOIN kpi.unit c ON c.code = f.parent_code"
                 " WHERE f.kind NOT IN ('province', 'xa', 'phuong') AND c.kind NOT IN ('xa',"
                 " 'phuong')",
                 "0");
    /* loading again changes nothing */
    ck_assert_int_eq(units_load(conn, testlib_path("fixtures/units_thai_nguyen.csv"), &res), 0);
    ck_assert_int_eq(res.inserted, 0);
    ck_assert_int_eq(res.updated, 0);
    PQfinish(conn);
}
END_TEST

START_TEST(update_renames_and_keeps_absent_units)
{
    PGconn *conn = fresh();
    struct units_result res;
    ck_assert_int_eq(units_load(conn,
                                write_tmp("code,name,kind,parent_code\n19,Tỉnh,province,\n"
                                          "01840,Phường Đức Xuân,phuong,19\n"
                                          "05443,Xã A,xa,19\n"),
                                &res),
                     0);
    ck_assert_int_eq(res.inserted, 3);
    ck_assert_int_eq(units_load(conn,
                                write_tmp("parent_code,code,kind,name\n,19,province,Tỉnh\n"
                                          "19,05443,xa,\"Xã A, mới\"\n"),
                                &res),
                     0);
    ck_assert_int_eq(res.problems, 0);
    ck_assert_int_eq(res.inserted, 0);
    ck_assert_int_eq(res.updated, 1);
    assert_value(conn, "SELECT name FROM kpi.unit WHERE code = '05443'", "Xã A, mới");
    assert_value(conn, "SELECT count(*) FROM kpi.unit", "3");
    PQfinish(conn);
}
END_TEST

START_TEST(bad_rows_refuse_the_whole_file)
{
    PGconn *conn = fresh();
    struct units_result res;
    ck_assert_int_eq(units_load(conn,
                                write_tmp("code,name,kind,parent_code\n19,Tỉnh,province,\n"
                                          "01840,Phường,Phuong,19\n"
                                          "01843,Phường B,phuong,99\n"
                                          "01849,,xa,19\n"
                                          "01852,Xã C,xa,\n"
                                          "01855,Xã D,xa,19\n01855,Xã D,xa,19\n"),
                                &res),
                     0);
    /* bad kind, unknown parent, empty name, missing parent, a duplicated code (twice) */
    ck_assert_int_eq(res.problems, 6);
    assert_value(conn, "SELECT count(*) FROM kpi.unit", "0");
    ck_assert_int_eq(units_load(conn, write_tmp("code,name,kind\n19,T,province\n"), &res), 0);
    ck_assert_int_eq(res.problems, 1);
    assert_value(conn, "SELECT count(*) FROM kpi.unit", "0");
    PQfinish(conn);
}
END_TEST

START_TEST(command_loads_and_lists)
{
    const char *db = testlib_db_new();
    PGconn *conn = testlib_connect(db);
    ck_assert_int_eq(migrate_run(conn, NULL, NULL, NULL), 0);
    char env_db[4200];
    snprintf(env_db, sizeof env_db, "KPI_DB=%s", db);
    const char *env[] = {env_db, NULL};
    char *out, *err;
    const char *load[] = {"units", "load", testlib_path("fixtures/units_thai_nguyen.csv"), NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, env, load), 0);
    ck_assert_ptr_nonnull(strstr(err, "421 units: 421 new"));
    free(err);
    const char *list[] = {"units", "list", "--kind", "province", NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, env, list), 0);
    ck_assert_str_eq(out, "code,name,kind,parent_code,valid_from,valid_to\n"
                          "19,Tỉnh Thái Nguyên,province,,,\n");
    free(out);
    const char *bad[] = {"units", "load", write_tmp("code,name,kind,parent_code\n1,X,xa,77\n"),
                         NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, env, bad), 3);
    ck_assert_ptr_nonnull(strstr(err, "units.csv:2: parent_code \"77\" is neither in the file"));
    free(err);
    const char *usage[] = {"units", "frob", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, NULL, env, usage), 2);
    PQfinish(conn);
}
END_TEST

START_TEST(dated_rows_give_a_code_a_new_meaning)
{
    PGconn *conn = fresh();
    struct units_result res;
    ck_assert_int_eq(units_load(conn,
                                write_tmp("code,name,kind,parent_code\n19,Tỉnh,province,\n"
                                          "05443,Phường Trưng Vương,phuong,19\n"),
                                &res),
                     0);
    /* from 1/7/2025 the code names another ward: the registered one is kept until 30/6; a
     * unit that ended (valid_to before today) is an earlier meaning only */
    ck_assert_int_eq(units_load(conn,
                                write_tmp("code,name,kind,parent_code,valid_from,valid_to\n"
                                          "05443,Phường Phan Đình Phùng,phuong,19,2025-07-01,\n"
                                          "05437,Phường Túc Duyên,phuong,19,,2025-06-30\n"),
                                &res),
                     0);
    ck_assert_int_eq(res.problems, 0);
    assert_value(conn,
                 "SELECT string_agg(concat_ws(' ', valid_from, valid_to, name, current), ' | '"
                 " ORDER BY code, valid_from) FROM kpi.unit_dated WHERE code <> '19'",
                 "-infinity 2025-06-30 Phường Túc Duyên f | -infinity 2025-06-30 Phường Trưng "
                 "Vương f | 2025-07-01 infinity Phường Phan Đình Phùng t");
    /* loading it again changes nothing; a bad day and an interval backwards are refused */
    ck_assert_int_eq(units_load(conn,
                                write_tmp("code,name,kind,parent_code,valid_from,valid_to\n"
                                          "05443,Phường Phan Đình Phùng,phuong,19,2025-07-01,\n"
                                          "05437,Phường Túc Duyên,phuong,19,,2025-06-30\n"),
                                &res),
                     0);
    ck_assert_int_eq(res.inserted + res.updated, 0);
    ck_assert_int_eq(units_load(conn,
                                write_tmp("code,name,kind,parent_code,valid_from,valid_to\n"
                                          "05440,A,xa,19,2025-02-30,\n"
                                          "05446,B,xa,19,2025-07-01,2025-06-30\n"),
                                &res),
                     0);
    ck_assert_int_eq(res.problems, 2);
    PQfinish(conn);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("units");
    TCase *tc = tcase_create("units");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, fixture_registry_loads);
    tcase_add_test(tc, update_renames_and_keeps_absent_units);
    tcase_add_test(tc, bad_rows_refuse_the_whole_file);
    tcase_add_test(tc, command_loads_and_lists);
    tcase_add_test(tc, dated_rows_give_a_code_a_new_meaning);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
