/*
 * test_docs_help.c — the man pages say what --help says (after git's
 * t/t0450-txt-doc-vs-help.sh): for kpi and every command that `kpi --help`
 * lists, each option and sub-subcommand that `kpi VERB --help` prints is an
 * entry of the OPTIONS or COMMANDS section of docs/man/kpi-VERB.1.scd, and
 * each entry there is printed by --help; every command has its page, listed
 * in docs/man/meson.build, and no page is left without a command. Also:
 * every --option of a synopsis is one the command has. -h/--help, which
 * every command takes, is not counted. Needs the built kpi, no database.
 *
 * How entries are read:
 *   --help   "commands:" rows "  NAME  help", options rows "  -x, --name ARG  help"
 *            (the names up to two spaces), synopsis lines "usage: ..." and their
 *            continuations;
 *   .scd     in "# OPTIONS", lines beginning "*-" ("*-p*, *--period* _YYYY-MM_");
 *            in "# COMMANDS", lines beginning "*" ("*deliver*").
 */
#include "testlib.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_NAMES = 64, MAX_NAME = 48 };

struct names {
    int n;
    char v[MAX_NAMES][MAX_NAME];
};

/* What --help or a page lists. */
struct listing {
    struct names options, commands, synopsis;
};

static void add(struct names *s, const char *name, size_t len)
{
    if (len == 0 || len >= MAX_NAME)
        return;
    if ((len == 2 && strncmp(name, "-h", 2) == 0) || (len == 6 && strncmp(name, "--help", 6) == 0))
        return;
    for (int i = 0; i < s->n; i++)
        if (strlen(s->v[i]) == len && strncmp(s->v[i], name, len) == 0)
            return;
    ck_assert_int_lt(s->n, MAX_NAMES);
    memcpy(s->v[s->n], name, len);
    s->v[s->n++][len] = '\0';
}

static bool has(const struct names *s, const char *name)
{
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->v[i], name) == 0)
            return true;
    return false;
}

static bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

/*
 * Add the option names of TEXT[0..len) to S: "-p" and "--period" of
 * "-p, --period YYYY-MM" or "*-p*, *--period* _YYYY-MM_"; a name starts
 * after a space, ',', '[', '|' or '*'.
 */
static void add_option_names(struct names *s, const char *text, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++) {
        if (text[i] != '-' || (i > 0 && strchr(" ,[|*", text[i - 1]) == NULL))
            continue;
        size_t j = i + 1;
        if (text[j] == '-') {
            for (j++; j < len && is_name_char(text[j]); j++)
                ;
            if (j > i + 2)
                add(s, text + i, j - i);
        } else if (((text[j] >= 'a' && text[j] <= 'z') || (text[j] >= 'A' && text[j] <= 'Z')) &&
                   (j + 1 >= len || !is_name_char(text[j + 1]))) {
            add(s, text + i, 2);
        }
        i = j;
    }
}

/* Parse the output of `kpi [VERB] --help`. */
static void parse_help(const char *help, struct listing *l)
{
    enum { NONE, SYNOPSIS, COMMANDS, OPTIONS } section = NONE;
    memset(l, 0, sizeof *l);
    for (const char *line = help; *line;) {
        size_t len = strcspn(line, "\n");
        if (len == 0)
            section = NONE;
        else if (strncmp(line, "usage: ", 7) == 0)
            section = SYNOPSIS;
        else if (strncmp(line, "commands:", len) == 0 && len == 9)
            section = COMMANDS;
        else if (strncmp(line, "options", 7) == 0 && line[len - 1] == ':')
            section = OPTIONS;
        else if (section == COMMANDS && strncmp(line, "  ", 2) == 0 && line[2] != ' ')
            add(&l->commands, line + 2, strcspn(line + 2, " \n"));
        else if (section == OPTIONS && strncmp(line, "  -", 3) == 0) {
            const char *gap = strstr(line + 2, "  ");
            size_t names = gap != NULL && gap < line + len ? (size_t)(gap - line) : len;
            add_option_names(&l->options, line, names);
        }
        if (section == SYNOPSIS)
            add_option_names(&l->synopsis, line, len);
        line += len + (line[len] == '\n');
    }
}

/* Parse a man page in scdoc. */
static void parse_page(const char *scd, struct listing *l)
{
    enum { NONE, COMMANDS, OPTIONS } section = NONE;
    memset(l, 0, sizeof *l);
    for (const char *line = scd; *line;) {
        size_t len = strcspn(line, "\n");
        if (strncmp(line, "# ", 2) == 0)
            section = strncmp(line, "# OPTIONS\n", 10) == 0    ? OPTIONS
                      : strncmp(line, "# COMMANDS\n", 11) == 0 ? COMMANDS
                                                               : NONE;
        else if (section == OPTIONS && strncmp(line, "*-", 2) == 0)
            add_option_names(&l->options, line, len);
        else if (section == COMMANDS && line[0] == '*')
            add(&l->commands, line + 1, strcspn(line + 1, "* \n"));
        line += len + (line[len] == '\n');
    }
}

/* Append to PROBLEMS each name of A that B lacks, as "WHAT NAME". */
static void missing(FILE *problems, const struct names *a, const struct names *b, const char *what)
{
    for (int i = 0; i < a->n; i++)
        if (!has(b, a->v[i]))
            fprintf(problems, "  %s %s\n", what, a->v[i]);
}

/* Compare `kpi [VERB] --help` with docs/man/PAGE.1.scd; problems to PROBLEMS. */
static void compare(FILE *problems, const char *verb, const char *page)
{
    char *help = NULL, rel[128], what[256];
    const char *with_verb[] = {verb, "--help", NULL}, *alone[] = {"--help", NULL};
    ck_assert_int_eq(testlib_kpi(&help, NULL, NULL, verb ? with_verb : alone), 0);
    snprintf(rel, sizeof rel, "docs/man/%s.1.scd", page);
    FILE *f = fopen(testlib_path(rel), "r");
    if (f == NULL) {
        fprintf(problems, "  %s: no such page\n", rel);
        free(help);
        return;
    }
    fclose(f);
    char *scd = testlib_read_file(testlib_path(rel));
    struct listing h, m;
    parse_help(help, &h);
    parse_page(scd, &m);
    ck_assert_msg(h.options.n + h.commands.n > 0 || verb != NULL, "kpi --help lists nothing");
    snprintf(what, sizeof what, "%s: --help prints the option, the page lacks it:", rel);
    missing(problems, &h.options, &m.options, what);
    snprintf(what, sizeof what, "%s: the page lists the option, --help lacks it:", rel);
    missing(problems, &m.options, &h.options, what);
    snprintf(what, sizeof what, "%s: --help prints the command, the page lacks it:", rel);
    missing(problems, &h.commands, &m.commands, what);
    snprintf(what, sizeof what, "%s: the page lists the command, --help lacks it:", rel);
    missing(problems, &m.commands, &h.commands, what);
    snprintf(what, sizeof what,
             "kpi %s --help: the synopsis names an option it lacks:", verb ? verb : "");
    missing(problems, &h.synopsis, &h.options, what);
    free(scd);
    free(help);
}

/* The commands `kpi --help` lists. */
static void kpi_commands(struct names *out)
{
    char *help = NULL;
    const char *args[] = {"--help", NULL};
    struct listing l;
    ck_assert_int_eq(testlib_kpi(&help, NULL, NULL, args), 0);
    parse_help(help, &l);
    free(help);
    ck_assert_int_ge(l.commands.n, 12); /* alerts ... units, as on 2025-12 */
    *out = l.commands;
}

/* The problems a test collects, one a line, to fail with all of them at once. */
struct problems {
    FILE *f;
    char *text;
    size_t len;
};

static FILE *problems_begin(struct problems *p)
{
    p->text = NULL;
    p->f = open_memstream(&p->text, &p->len);
    ck_assert_ptr_nonnull(p->f);
    return p->f;
}

/* Fail with the text of the problems if there are any; frees them. */
static void problems_end(struct problems *p)
{
    ck_assert_int_eq(fclose(p->f), 0);
    bool none = p->text[0] == '\0';
    ck_assert_msg(none, "the man pages and --help differ:\n%s", p->text);
    free(p->text);
}

START_TEST(kpi_page_matches_kpi_help)
{
    struct problems p;
    FILE *problems = problems_begin(&p);
    compare(problems, NULL, "kpi");
    problems_end(&p);
}
END_TEST

START_TEST(every_command_page_matches_its_help)
{
    struct names cmds;
    struct problems p;
    FILE *problems = problems_begin(&p);
    kpi_commands(&cmds);
    for (int i = 0; i < cmds.n; i++) {
        char page[MAX_NAME + 8];
        snprintf(page, sizeof page, "kpi-%s", cmds.v[i]);
        compare(problems, cmds.v[i], page);
    }
    problems_end(&p);
}
END_TEST

START_TEST(every_page_has_its_command_and_is_built)
{
    struct names cmds;
    struct problems p;
    FILE *problems = problems_begin(&p);
    kpi_commands(&cmds);
    char *build = testlib_read_file(testlib_path("docs/man/meson.build"));
    for (int i = 0; i < cmds.n; i++) {
        char quoted[MAX_NAME + 16];
        snprintf(quoted, sizeof quoted, "'kpi-%s.1'", cmds.v[i]);
        if (strstr(build, quoted) == NULL)
            fprintf(problems, "  docs/man/meson.build does not list %s\n", quoted);
    }
    if (strstr(build, "'kpi.1'") == NULL)
        fputs("  docs/man/meson.build does not list 'kpi.1'\n", problems);
    DIR *dir = opendir(testlib_path("docs/man"));
    ck_assert_ptr_nonnull(dir);
    for (struct dirent *e; (e = readdir(dir)) != NULL;) {
        size_t n = strlen(e->d_name);
        if (strncmp(e->d_name, "kpi-", 4) != 0 || n < 10 || strcmp(e->d_name + n - 6, ".1.scd"))
            continue;
        char verb[MAX_NAME];
        snprintf(verb, sizeof verb, "%.*s", (int)(n - 10), e->d_name + 4);
        if (!has(&cmds, verb))
            fprintf(problems, "  docs/man/%s: kpi has no command '%s'\n", e->d_name, verb);
    }
    closedir(dir);
    free(build);
    problems_end(&p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("docs_help");
    TCase *tc = tcase_create("docs_help");
    tcase_add_test(tc, kpi_page_matches_kpi_help);
    tcase_add_test(tc, every_command_page_matches_its_help);
    tcase_add_test(tc, every_page_has_its_command_and_is_built);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
