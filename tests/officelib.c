/*
 * officelib.c — the spreadsheets of the tests read back by openpyxl and
 * LibreOffice (see officelib.h).
 */
#include "officelib.h"

#include "testlib.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

extern char **environ;

int officelib_run(char *const argv[], const char *out_path)
{
    char err[PATH_MAX + 8];
    snprintf(err, sizeof err, "%s.err", out_path ? out_path : "/dev/null");
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out_path ? out_path : "/dev/null",
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, out_path ? err : "/dev/null",
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    ck_assert_msg(rc == 0, "could not run %s: %s (scripts/setup installs it)", argv[0],
                  strerror(rc));
    int st;
    while (waitpid(pid, &st, 0) < 0)
        ck_assert_int_eq(errno, EINTR);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

cJSON *officelib_xlsx(const char *path, bool values)
{
    char out[PATH_MAX + 16], script[PATH_MAX];
    snprintf(out, sizeof out, "%s.json", path);
    snprintf(script, sizeof script, "%s", testlib_path("tests/data/office/xlsx_dump.py"));
    char *argv[] = {"/usr/bin/python3", script, (char *)path, values ? "values" : NULL, NULL};
    int st = officelib_run(argv, out);
    if (st != 0) {
        char err[PATH_MAX + 24];
        snprintf(err, sizeof err, "%s.err", out);
        ck_abort_msg("xlsx_dump.py %s exited %d: %s", path, st, testlib_read_file(err));
    }
    char *text = testlib_read_file(out);
    cJSON *book = cJSON_Parse(text);
    free(text);
    ck_assert_msg(book != NULL, "xlsx_dump.py printed no JSON for %s", path);
    return book;
}

const cJSON *officelib_sheet(const cJSON *book, const char *name)
{
    const cJSON *s;
    cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(book, "sheets"))
    {
        const cJSON *n = cJSON_GetObjectItemCaseSensitive(s, "name");
        if (cJSON_IsString(n) && strcmp(n->valuestring, name) == 0)
            return s;
    }
    return NULL;
}

const cJSON *officelib_cell(const cJSON *sheet, const char *ref)
{
    return cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(sheet, "cells"), ref);
}

const char *officelib_text(const cJSON *sheet, const char *ref)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(officelib_cell(sheet, ref), "value");
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

void officelib_soffice(const char *outdir, const char *format, const char *infilter,
                       const char *const *files)
{
    char profile[PATH_MAX + 64], filter[256], log[PATH_MAX + 16];
    snprintf(profile, sizeof profile, "-env:UserInstallation=file://%s", testlib_tmpdir());
    snprintf(filter, sizeof filter, "--infilter=%s", infilter ? infilter : "");
    snprintf(log, sizeof log, "%s/soffice.log", outdir);
    char *argv[64];
    int n = 0;
    argv[n++] = "soffice";
    argv[n++] = profile;
    argv[n++] = "--headless";
    argv[n++] = "--norestore";
    if (infilter != NULL)
        argv[n++] = filter;
    argv[n++] = "--convert-to";
    argv[n++] = (char *)format;
    argv[n++] = "--outdir";
    argv[n++] = (char *)outdir;
    for (; *files != NULL && n < 62; files++)
        argv[n++] = (char *)*files;
    argv[n] = NULL;
    int st = officelib_run(argv, log);
    ck_assert_msg(st == 0, "soffice exited %d (see %s)", st, log);
}
