/*
 * builtin/parse-options.c — owns the parsing of kpi's command lines from
 * option tables (getopt_long underneath), the usage printed from the same
 * tables, and kpi's wording of usage errors (see parse-options.h).
 */
#include "builtin/parse-options.h"

#include "common/period.h"
#include "common/status.h"
#include "common/text.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

enum {
    MAX_OPTIONS = 32, /* rows of one table; more is a programming error */
    HELP_WIDTH = 80,  /* the column the help text is wrapped before */
    NAME_WIDTH = 22,  /* a longer name column puts the help on the next line */
    VAL_HELP = 'h',
    VAL_LONG_ONLY = 256, /* getopt value of row i without a short name: 256 + i */
};

enum kpi_status builtin_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, cmd ? "kpi %s: " : "kpi: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (cmd)
        fprintf(stderr, "\nhint: try 'kpi %s --help'\n", cmd);
    else
        fputs("\nhint: try 'kpi --help'\n", stderr);
    return KPI_USAGE;
}

static bool takes_argument(const struct kpi_option *o)
{
    return o->kind != OPT_KIND_FLAG;
}

/* Store ARG as row O says. 0, or -1 after a usage error. */
static enum kpi_status apply(const char *cmd, const struct kpi_option *o, const char *arg)
{
    switch (o->kind) {
    case OPT_KIND_FLAG:
        *(bool *)o->value = o->defval != 0;
        return KPI_OK;
    case OPT_KIND_STRING:
        *(const char **)o->value = arg;
        return KPI_OK;
    case OPT_KIND_MONTH:
        if (period_parse_month(arg, o->value) != 0) {
            builtin_usage_error(cmd, "'%s' is not a month; write YYYY-MM", arg);
            return KPI_USAGE;
        }
        return KPI_OK;
    case OPT_KIND_INTEGER: {
        char *end;
        errno = 0;
        long v = strtol(arg, &end, 10);
        if (*arg == '\0' || *end != '\0' || errno != 0 || v < o->min || v > o->max) {
            builtin_usage_error(cmd, "--%s takes a number from %ld to %ld, not \"%s\"",
                                o->long_name, o->min, o->max, arg);
            return KPI_USAGE;
        }
        *(long *)o->value = v;
        return KPI_OK;
    }
    case OPT_KIND_CALLBACK:
        return o->callback(o, arg) == KPI_OK ? KPI_OK : KPI_USAGE;
    case OPT_KIND_END:
        break;
    }
    abort();
}

bool parse_options(int argc, char **argv, const struct command_doc *doc,
                   const struct kpi_option *options, int *first, enum kpi_status *done)
{
    *first = argc;
    *done = KPI_OK;
    struct option longopts[MAX_OPTIONS + 2];
    char shortopts[3 * MAX_OPTIONS + 4] = ":h", *s = shortopts + 2;
    size_t n = 0;
    for (; options[n].kind != OPT_KIND_END; n++) {
        const struct kpi_option *o = &options[n];
        if (n == MAX_OPTIONS)
            abort();
        int has_arg = !takes_argument(o)      ? no_argument
                      : o->flags & OPT_OPTARG ? optional_argument
                                              : required_argument;
        int val = o->short_name ? o->short_name : VAL_LONG_ONLY + (int)n;
        longopts[n] = (struct option){o->long_name, has_arg, NULL, val};
        if (o->short_name) {
            *s++ = (char)o->short_name;
            if (has_arg != no_argument)
                *s++ = ':';
            if (has_arg == optional_argument)
                *s++ = ':';
        }
    }
    *s = '\0';
    longopts[n] = (struct option){"help", no_argument, NULL, VAL_HELP};
    longopts[n + 1] = (struct option){NULL, 0, NULL, 0};

    optind = 0; /* glibc: re-initialise */
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        if (c == '?') {
            const char *bad = argv[optind - 1];
            if (optopt != 0 && strncmp(bad, "--", 2) != 0)
                builtin_usage_error(doc->name, "unknown option '-%c'", optopt);
            else
                builtin_usage_error(doc->name, "unknown option '%s'", bad);
            *done = KPI_USAGE;
            return false;
        }
        if (c == ':') {
            builtin_usage_error(doc->name, "option '%s' needs a value", argv[optind - 1]);
            *done = KPI_USAGE;
            return false;
        }
        if (c == VAL_HELP) {
            usage_with_options(doc, options, stdout);
            *done = KPI_OK;
            return false;
        }
        size_t i = 0;
        while (i < n &&
               (options[i].short_name ? options[i].short_name : VAL_LONG_ONLY + (int)i) != c)
            i++;
        if (i == n)
            abort();
        if (apply(doc->name, &options[i], optarg) != 0) {
            *done = KPI_USAGE;
            return false;
        }
    }
    *first = optind;
    return true;
}

enum kpi_status parse_options_anywhere(int *argcp, char **argv, const struct kpi_option *options)
{
    int argc = *argcp, out = 1;
    for (int i = 1; i < argc; i++) {
        bool taken = false;
        if (strcmp(argv[i], "--") == 0) {
            while (i < argc)
                argv[out++] = argv[i++];
            break;
        }
        for (const struct kpi_option *o = options; o->kind != OPT_KIND_END && !taken; o++) {
            size_t len = strlen(o->long_name);
            if (o->kind != OPT_KIND_STRING || strncmp(argv[i], "--", 2) != 0 ||
                strncmp(argv[i] + 2, o->long_name, len) != 0)
                continue;
            const char *rest = argv[i] + 2 + len;
            if (*rest == '=') {
                *(const char **)o->value = rest + 1;
                taken = true;
            } else if (*rest == '\0') {
                if (i + 1 >= argc) {
                    builtin_usage_error(NULL, "option '--%s' needs a value", o->long_name);
                    return KPI_USAGE;
                }
                *(const char **)o->value = argv[++i];
                taken = true;
            }
        }
        if (!taken)
            argv[out++] = argv[i];
    }
    argv[out] = NULL;
    *argcp = out;
    return KPI_OK;
}

/*
 * Print "  NAME" and HELP beside it at column COL, wrapped before HELP_WIDTH
 * (continuation lines indented to COL); a name reaching COL puts the help on
 * the next line.
 */
static void print_row(FILE *out, const char *name, const char *help, size_t col)
{
    size_t pos = 2 + text_width(name);
    fprintf(out, "  %s", name);
    if (pos + 2 > col) {
        fputc('\n', out);
        pos = 0;
    }
    fprintf(out, "%*s", (int)(col - pos), "");
    pos = col;
    bool first = true;
    for (const char *w = help; *w;) {
        while (*w == ' ')
            w++;
        size_t len = strcspn(w, " ");
        if (len == 0)
            break;
        size_t width = text_width_n(w, len);
        if (!first && pos + 1 + width > HELP_WIDTH) {
            fprintf(out, "\n%*s", (int)col, "");
            pos = col;
        } else if (!first) {
            fputc(' ', out);
            pos++;
        }
        fwrite(w, 1, len, out);
        pos += width;
        first = false;
        w += len;
    }
    fputc('\n', out);
}

/* The name column of option O: "-p, --period YYYY-MM", "--wait[=SECONDS]". */
static void option_name(const struct kpi_option *o, char *buf, size_t size)
{
    int n = o->short_name ? snprintf(buf, size, "-%c, --%s", o->short_name, o->long_name)
                          : snprintf(buf, size, "--%s", o->long_name);
    if (o->argh != NULL && n >= 0 && (size_t)n < size)
        snprintf(buf + n, size - (size_t)n, o->flags & OPT_OPTARG ? "[=%s]" : " %s", o->argh);
}

/* The help column: two spaces past the longest name up to NAME_WIDTH. */
static size_t help_column(size_t longest)
{
    return 2 + (longest > NAME_WIDTH ? NAME_WIDTH : longest) + 2;
}

void usage_with_options(const struct command_doc *doc, const struct kpi_option *options, FILE *out)
{
    char name[128];
    const char *line = doc->synopsis;
    for (bool first = true; *line; first = false) {
        size_t len = strcspn(line, "\n");
        fprintf(out, "%s%.*s\n", first ? "usage: " : "       ", (int)len, line);
        line += len + (line[len] == '\n');
    }
    if (doc->description != NULL)
        fprintf(out, "\n%s", doc->description);
    if (doc->commands != NULL) {
        size_t longest = 0;
        for (const struct command_row *r = doc->commands; r->name; r++)
            longest = strlen(r->name) > longest ? strlen(r->name) : longest;
        fputs("\ncommands:\n", out);
        for (const struct command_row *r = doc->commands; r->name; r++)
            print_row(out, r->name, r->help, help_column(longest));
    }
    if (options != NULL && options[0].kind != OPT_KIND_END) {
        size_t longest = 0;
        for (const struct kpi_option *o = options; o->kind != OPT_KIND_END; o++) {
            option_name(o, name, sizeof name);
            longest = strlen(name) > longest ? strlen(name) : longest;
        }
        fprintf(out, "\n%s\n", doc->options_heading ? doc->options_heading : "options:");
        for (const struct kpi_option *o = options; o->kind != OPT_KIND_END; o++) {
            option_name(o, name, sizeof name);
            print_row(out, name, o->help, help_column(longest));
        }
    }
    if (doc->epilogue != NULL)
        fprintf(out, "\n%s", doc->epilogue);
}
