/*
 * test_sql_layout.c — the rule of sql/ (sql/README.md), checked on the source
 * tree: every function, view, trigger, procedure and policy is created in
 * exactly one place, and that place is a file of sql/definitions/; no
 * migration creates one; sql/meson.build lists every migration and
 * definition file there is, and no other; every definition file starts with
 * the comment saying what it owns; every function that fixes its search_path
 * puts pg_temp last (else the caller's temporary tables and views are searched
 * first, and a SECURITY DEFINER function or a row-level policy helper reads
 * them). A second test runs the same check on a
 * small broken tree, so that the check itself is seen to fail.
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include "common/dynbuf.h"
#include "testlib.h"

#include <check.h>
#include <ftw.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* The .sql files found under the tree being checked, relative to its sql/. */
static char *found[512];
static size_t n_found;
static size_t root_len;

static int collect(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    size_t n = strlen(path);
    if (type == FTW_F && n > 4 && strcmp(path + n - 4, ".sql") == 0 &&
        n_found < sizeof found / sizeof found[0])
        found[n_found++] = strdup(path + root_len + 1);
    return 0;
}

/* Strip "-- ..." comments (to the end of the line) from TEXT, in place. */
static void strip_comments(char *text)
{
    for (char *p = text; (p = strstr(p, "--")) != NULL;) {
        char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        memset(p, ' ', len);
        p += len;
    }
}

/* Whether meson.build TEXT lists the file REL (quoted, as 'definitions/x.sql'). */
static bool listed(const char *meson, const char *rel)
{
    char quoted[600];
    snprintf(quoted, sizeof quoted, "'%s'", rel);
    return strstr(meson, quoted) != NULL;
}

/*
 * Check the sql/ tree at SQLDIR; append one line per problem to *report.
 * Returns the number of problems.
 */
static int check_layout(const char *sqldir, struct dynbuf *report)
{
    int problems = 0;
    char *names[2048], *where[2048];
    size_t n_names = 0;
    regex_t re;
    ck_assert_int_eq(regcomp(&re,
                             "(^|[^a-z0-9_])create[[:space:]]+(or[[:space:]]+replace[[:space:]]+)?"
                             "(function|procedure|view|materialized[[:space:]]+view|trigger|policy)"
                             "[[:space:]]+([a-z0-9_.\"]+)",
                             REG_EXTENDED | REG_ICASE),
                     0);
    regex_t path_re;
    ck_assert_int_eq(regcomp(&path_re,
                             "set[[:space:]]+search_path[[:space:]]*(=|to)[[:space:]]*"
                             "([a-z0-9_\"]+([[:space:]]*,[[:space:]]*[a-z0-9_\"]+)*)",
                             REG_EXTENDED | REG_ICASE),
                     0);
    char meson_path[4200];
    snprintf(meson_path, sizeof meson_path, "%s/meson.build", sqldir);
    char *meson = testlib_read_file(meson_path);

    n_found = 0;
    root_len = strlen(sqldir);
    ck_assert_int_eq(nftw(sqldir, collect, 16, FTW_PHYS), 0);
    for (size_t i = 0; i < n_found; i++) {
        const char *rel = found[i];
        bool is_def = strncmp(rel, "definitions/", 12) == 0;
        bool is_mig = strncmp(rel, "migrations/", 11) == 0;
        char path[8400];
        snprintf(path, sizeof path, "%s/%s", sqldir, rel);
        char *text = testlib_read_file(path);
        if (!is_def && !is_mig) {
            dynbuf_addf(report, "%s: outside sql/migrations/ and sql/definitions/\n", rel);
            problems++;
        } else if (!listed(meson, rel)) {
            dynbuf_addf(report, "%s: not listed in sql/meson.build\n", rel);
            problems++;
        }
        if (is_def && strncmp(text, "-- ", 3) != 0) {
            dynbuf_addf(report, "%s: does not start with the comment saying what it owns\n", rel);
            problems++;
        }
        strip_comments(text);
        regmatch_t m[5];
        for (const char *p = text; regexec(&path_re, p, 4, m, 0) == 0; p += m[0].rm_eo) {
            const char *list = p + m[2].rm_so, *end = p + m[2].rm_eo;
            if (end - list < 7 || strncasecmp(end - 7, "pg_temp", 7) != 0) {
                dynbuf_addf(report, "%s: search_path %.*s does not end with pg_temp\n", rel,
                            (int)(end - list), list);
                problems++;
            }
        }
        for (const char *p = text; regexec(&re, p, 5, m, 0) == 0; p += m[0].rm_eo) {
            char name[300];
            int kind_len = (int)(m[3].rm_eo - m[3].rm_so);
            snprintf(name, sizeof name, "%.*s %.*s", kind_len, p + m[3].rm_so,
                     (int)(m[4].rm_eo - m[4].rm_so), p + m[4].rm_so);
            for (char *c = name; *c; c++)
                *c = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
            if (is_mig) {
                dynbuf_addf(report, "%s: a migration creates %s (it belongs in definitions/)\n",
                            rel, name);
                problems++;
            }
            bool twice = false;
            for (size_t k = 0; k < n_names && !twice; k++)
                if (strcmp(names[k], name) == 0) {
                    dynbuf_addf(report, "%s: %s is also defined in %s\n", rel, name, where[k]);
                    problems++;
                    twice = true;
                }
            if (!twice && n_names < sizeof names / sizeof names[0]) {
                names[n_names] = strdup(name);
                where[n_names++] = strdup(rel);
            }
        }
        free(text);
    }
    /* and the reverse: every file the lists name exists */
    regex_t quoted;
    ck_assert_int_eq(regcomp(&quoted, "'((definitions|migrations)/[^']*)'", REG_EXTENDED), 0);
    regmatch_t q[2];
    for (const char *p = meson; regexec(&quoted, p, 2, q, 0) == 0; p += q[0].rm_eo) {
        char rel[600];
        snprintf(rel, sizeof rel, "%.*s", (int)(q[1].rm_eo - q[1].rm_so), p + q[1].rm_so);
        bool exists = false;
        for (size_t i = 0; i < n_found && !exists; i++)
            exists = strcmp(found[i], rel) == 0;
        if (!exists) {
            dynbuf_addf(report, "sql/meson.build lists %s, which does not exist\n", rel);
            problems++;
        }
    }
    for (size_t k = 0; k < n_names; k++) {
        free(names[k]);
        free(where[k]);
    }
    for (size_t i = 0; i < n_found; i++)
        free(found[i]);
    regfree(&re);
    regfree(&path_re);
    regfree(&quoted);
    free(meson);
    return problems;
}

START_TEST(every_object_has_one_definition)
{
    struct dynbuf report;
    dynbuf_init(&report, 1 << 20);
    int problems = check_layout(testlib_path("sql"), &report);
    ck_assert_msg(problems == 0, "sql/ breaks its layout rule:\n%s", dynbuf_ptr(&report));
    dynbuf_free(&report);
}
END_TEST

static void write_text(const char *dir, const char *rel, const char *text)
{
    char path[8400];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    testlib_write_file(path, text, strlen(text));
}

/* A tree breaking each rule once: the check names every problem. */
START_TEST(broken_layout_is_reported)
{
    const char *tmp = testlib_tmpdir();
    char dir[4200], sub[4300];
    snprintf(dir, sizeof dir, "%s/sql", tmp);
    ck_assert_int_eq(mkdir(dir, 0700), 0);
    snprintf(sub, sizeof sub, "%s/migrations", dir);
    ck_assert_int_eq(mkdir(sub, 0700), 0);
    snprintf(sub, sizeof sub, "%s/definitions", dir);
    ck_assert_int_eq(mkdir(sub, 0700), 0);
    write_text(dir, "meson.build",
               "migrations = files('migrations/001_a.sql')\n"
               "definitions = files('definitions/f.sql', 'definitions/gone.sql')\n");
    write_text(dir, "migrations/001_a.sql",
               "CREATE TABLE kpi.t (a int);\n"
               "create or replace view kpi.v AS SELECT 1;\n");
    write_text(dir, "definitions/f.sql",
               "-- f: kpi.f()\nCREATE OR REPLACE FUNCTION kpi.f() RETURNS int"
               " LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$ SELECT 1 $$;\n"
               "-- CREATE FUNCTION kpi.in_a_comment() is no definition\n");
    write_text(dir, "definitions/g.sql", "CREATE  FUNCTION\n  kpi.f(a int) RETURNS int;\n");
    struct dynbuf report;
    dynbuf_init(&report, 1 << 20);
    int problems = check_layout(dir, &report);
    const char *r = dynbuf_ptr(&report);
    ck_assert_msg(problems == 6, "%d problems:\n%s", problems, r);
    ck_assert_ptr_nonnull(
        strstr(r, "definitions/f.sql: search_path pg_catalog does not end with pg_temp"));
    ck_assert_ptr_nonnull(strstr(r, "migrations/001_a.sql: a migration creates view kpi.v"));
    ck_assert_ptr_nonnull(strstr(r, "definitions/g.sql: not listed in sql/meson.build"));
    ck_assert_ptr_nonnull(strstr(r, "definitions/g.sql: does not start with the comment"));
    ck_assert_ptr_nonnull(
        strstr(r, "definitions/g.sql: function kpi.f is also defined in definitions/f.sql"));
    ck_assert_ptr_nonnull(strstr(r, "lists definitions/gone.sql, which does not exist"));
    dynbuf_free(&report);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sql_layout");
    TCase *tc = tcase_create("sql_layout");
    tcase_add_test(tc, every_object_has_one_definition);
    tcase_add_test(tc, broken_layout_is_reported);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
