/*
 * builtin/parse-options.h — the command line of kpi and of each subcommand
 * from one table (after git's parse-options.h): each row names an option, its
 * argument, where its value goes and the line `--help` prints for it, so the
 * parser and the usage cannot drift apart. Also the table of commands (kpi's
 * own, and the sub-subcommands of `kpi db`, `kpi alerts`, ...), printed from
 * the same rows.
 *
 * A command declares, inside its cmd_VERB():
 *
 *     static const struct command_doc doc = {
 *         .name = "VERB",
 *         .synopsis = "kpi VERB [--full] [--from YYYY-MM]",
 *         .description = "What it does, hand-wrapped at 90 columns.\n",
 *     };
 *     bool full = false;
 *     char from[PERIOD_DATE_LEN] = "";
 *     struct kpi_option options[] = {
 *         OPT_BOOL("full", 0, &full, "recompute every cell"),
 *         OPT_MONTH("from", 0, from, "first month (default: the first month holding data)"),
 *         OPT_END(),
 *     };
 *     int first;
 *     enum kpi_status done;
 *     if (!parse_options(argc, argv, &doc, options, &first, &done))
 *         return done;
 *     (argv[first..argc) are the operands)
 *
 * `-h` and `--help` are understood by every command without a row: they print
 * the usage on stdout and make parse_options() return false with done = KPI_OK.
 *
 * Why here and not in engine/common/: this is the command line of the kpi
 * executable (kpi.c and builtin/); the library libkpi has no options.
 */
#ifndef KPI_BUILTIN_PARSE_OPTIONS_H
#define KPI_BUILTIN_PARSE_OPTIONS_H

#include "common/status.h"

#include <stdbool.h>
#include <stdio.h>

enum opt_kind {
    OPT_KIND_END,      /* the last row of a table */
    OPT_KIND_FLAG,     /* no argument: *(bool *)value = defval != 0 */
    OPT_KIND_STRING,   /* *(const char **)value = the argument (a pointer into argv) */
    OPT_KIND_MONTH,    /* YYYY-MM into char value[PERIOD_DATE_LEN] as YYYY-MM-01 */
    OPT_KIND_INTEGER,  /* a decimal from min to max into *(long *)value */
    OPT_KIND_CALLBACK, /* callback(opt, argument) decides */
};

/* A row's flags. */
enum {
    OPT_OPTARG = 1, /* the argument is optional: --name or --name=VALUE (never --name VALUE) */
};

struct kpi_option;

/*
 * A callback of an OPT_CALLBACK row: ARG is the argument (NULL for an
 * OPT_OPTARG row given without one); OPT->value is the row's target. Returns
 * KPI_OK, or KPI_USAGE after printing a usage error (return builtin_usage_error()).
 */
typedef enum kpi_status (*opt_callback)(const struct kpi_option *opt, const char *arg);

struct kpi_option {
    enum opt_kind kind;
    const char *long_name; /* without the dashes; every row has one */
    int short_name;        /* a letter, or 0 */
    const char *argh;      /* the argument's name in the help ("DIR"), NULL for flags */
    void *value;           /* where the value goes (see enum opt_kind) */
    const char *help;      /* one sentence, lower case, no final period; wrapped by the printer */
    unsigned flags;        /* OPT_OPTARG */
    long defval;           /* FLAG: the value stored (1 or 0) */
    long min, max;         /* INTEGER: the accepted range */
    opt_callback callback; /* CALLBACK */
};

#define OPT_END()                                                                                  \
    {                                                                                              \
        OPT_KIND_END, NULL, 0, NULL, NULL, NULL, 0, 0, 0, 0, NULL                                  \
    }
#define OPT_BOOL(l, s, v, h)                                                                       \
    {                                                                                              \
        OPT_KIND_FLAG, (l), (s), NULL, (v), (h), 0, 1, 0, 0, NULL                                  \
    }
/* OPT_SET_BOOL: a flag that stores VAL (false for --no-deliver beside --deliver). */
#define OPT_SET_BOOL(l, s, v, val, h)                                                              \
    {                                                                                              \
        OPT_KIND_FLAG, (l), (s), NULL, (v), (h), 0, (val), 0, 0, NULL                              \
    }
#define OPT_STRING(l, s, v, a, h)                                                                  \
    {                                                                                              \
        OPT_KIND_STRING, (l), (s), (a), (v), (h), 0, 0, 0, 0, NULL                                 \
    }
#define OPT_MONTH(l, s, v, h)                                                                      \
    {                                                                                              \
        OPT_KIND_MONTH, (l), (s), "YYYY-MM", (v), (h), 0, 0, 0, 0, NULL                            \
    }
#define OPT_INTEGER(l, s, v, a, lo, hi, h)                                                         \
    {                                                                                              \
        OPT_KIND_INTEGER, (l), (s), (a), (v), (h), 0, 0, (lo), (hi), NULL                          \
    }
#define OPT_CALLBACK(l, s, v, a, cb, h)                                                            \
    {                                                                                              \
        OPT_KIND_CALLBACK, (l), (s), (a), (v), (h), 0, 0, 0, 0, (cb)                               \
    }
/* OPT_CALLBACK_OPTARG: --name or --name=VALUE; the callback gets NULL for the former. */
#define OPT_CALLBACK_OPTARG(l, s, v, a, cb, h)                                                     \
    {                                                                                              \
        OPT_KIND_CALLBACK, (l), (s), (a), (v), (h), OPT_OPTARG, 0, 0, 0, (cb)                      \
    }

/* A row of a table of commands: kpi's own (with fn), or a command's sub-subcommands. */
struct command_row {
    const char *name; /* NULL ends the table */
    const char *help; /* one sentence; wrapped by the printer */
    /* what kpi.c dispatches to; NULL where not used */
    enum kpi_status (*fn)(int argc, char **argv);
};

/* What `--help` prints around the generated lines. */
struct command_doc {
    const char *name;                   /* the verb ("alerts"); NULL for kpi itself */
    const char *synopsis;               /* its lines, each printed after "usage: " or 7 spaces */
    const char *description;            /* verbatim paragraphs, or NULL */
    const struct command_row *commands; /* the "commands:" section, or NULL */
    const char *options_heading;        /* default "options:" */
    const char *epilogue;               /* verbatim, after the options (exit status...), or NULL */
};

/*
 * parse_options: parse the options of argv[1..argc) (argv[0] is the verb)
 * by OPTIONS, with getopt_long (operands may stand between options; "--"
 * ends the options). Each option stores its value as its kind says.
 * Returns true to go on, with *first the index in argv of the first operand
 * (argc when there is none). Returns false when the command is finished:
 * *done = KPI_OK after -h/--help printed the usage on stdout, or KPI_USAGE
 * after a usage error on stderr, in kpi's words: "kpi VERB: unknown option
 * '--frob'" / "option '--now' needs a value" and the hint "try 'kpi VERB
 * --help'"; *first is then argc. (A bool, not a status: --help finishes a
 * command successfully, so "go on" is not "KPI_OK"; see status.h.) Call it
 * once per process and command.
 */
bool parse_options(int argc, char **argv, const struct command_doc *doc,
                   const struct kpi_option *options, int *first, enum kpi_status *done);

/*
 * parse_options_anywhere: take the OPT_KIND_STRING rows of OPTIONS out of
 * argv[1..argc) wherever they stand before "--" (--name VALUE or
 * --name=VALUE), leaving every other argument in order; argv[result] = NULL.
 * Other kinds of rows are left alone. Returns KPI_OK with the new argc in
 * *ARGC, or KPI_USAGE after the usage error "kpi: option '--db' needs a
 * value" on stderr (*ARGC untouched, argv partly rearranged).
 */
enum kpi_status parse_options_anywhere(int *argc, char **argv, const struct kpi_option *options);

/*
 * usage_with_options: print the usage of DOC to OUT: the synopsis, the
 * description, the commands and the options (one line or more per row, the
 * help wrapped at 80 columns beside the names), then the epilogue.
 */
void usage_with_options(const struct command_doc *doc, const struct kpi_option *options, FILE *out);

/*
 * builtin_usage_error: print "kpi CMD: MESSAGE" and "hint: try 'kpi CMD
 * --help'" on stderr (CMD NULL: "kpi: MESSAGE", "try 'kpi --help'").
 * Returns KPI_USAGE.
 */
enum kpi_status builtin_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
