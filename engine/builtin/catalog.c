/*
 * builtin/catalog.c — `kpi catalog check|list [DIR]`: validate the indicator
 * catalog and show it as a table, for the officials who edit it.
 */
#include "builtin.h"
#include "catalog/catalog.h"
#include "common/status.h"
#include "common/text.h"

#include <limits.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct command_row catalog_commands[] = {
    {"check",
     "read every file of the indicator catalog and report every problem, one a line, as "
     "FILE: PATH: message (PATH points into the JSON, e.g. /target_pct), and each plan's "
     "days in force; exit 0 when the catalog is valid, 1 when it has problems",
     NULL},
    {"list",
     "print the catalog as a table: id, comparator and target, cadence or due date, lead "
     "unit (--plan ID: the items of that plan only)",
     NULL},
    {NULL, NULL, NULL},
};

static const struct command_doc catalog_doc = {
    .name = "catalog",
    .synopsis = "kpi catalog check [DIR]\n"
                "kpi catalog list [--plan ID] [DIR]",
    .commands = catalog_commands,
    .epilogue = "DIR defaults to --catalog, else $KPI_CATALOG, else the catalog shipped with kpi.\n"
                "The file format is described in indicators/README.md; plans (one folder\n"
                "each, with its plan.json) in docs/plans.md.\n",
};

/* Columns printed by list. */
enum { COL_ID, COL_TARGET, COL_DUE, COL_LEAD, N_COLS };

/* A malloc'd formatted string, or NULL when memory runs out. */
static char *cellf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *cellf(const char *fmt, ...)
{
    char *out;
    va_list ap;
    va_start(ap, fmt);
    int n = vasprintf(&out, fmt, ap);
    va_end(ap);
    return n < 0 ? NULL : out;
}

/* The cells of indicator D, into cells[] (each a malloc'd string, or NULL); its id as
 * "plan/id" when WITH_PLAN (several plans listed), "← plan/item" when it continues one. */
static void row_cells(const struct catalog_indicator *d, bool with_plan, char *cells[N_COLS])
{
    char *lead = NULL;
    size_t len = 0;
    FILE *f;
    cells[COL_ID] = cellf("%s%s%s%s%s%s", with_plan && d->plan ? d->plan : "",
                          with_plan && d->plan ? "/" : "", d->id, d->effective_from ? " (từ " : "",
                          d->effective_from ? d->effective_from : "", d->effective_from ? ")" : "");
    if (d->continues != NULL && cells[COL_ID] != NULL) {
        char *id = cells[COL_ID];
        cells[COL_ID] = cellf("%s ← %s", id, d->continues);
        free(id);
    }
    if (strcmp(d->kind, "task") == 0)
        cells[COL_TARGET] = cellf("task: %s = 1", d->status_metric);
    else if (strcmp(d->kind, "monitor") == 0)
        cells[COL_TARGET] = cellf("monitor: %s", d->numerator);
    else if (strcmp(d->kind, "share") == 0)
        cells[COL_TARGET] = cellf("%s %s %% of %s %s %s %%", d->comparator, d->target_pct,
                                  d->facility_kind, d->inner_comparator, d->inner_target_pct);
    else
        cells[COL_TARGET] = cellf("%s %s %%", d->comparator, d->target_pct);
    if (d->due_date != NULL)
        cells[COL_DUE] = cellf("due %s", d->due_date);
    else
        cells[COL_DUE] = strdup(d->cadence);
    f = open_memstream(&lead, &len);
    if (f != NULL) {
        for (size_t i = 0; i < d->lead_units.n; i++)
            fprintf(f, "%s%s", i ? "; " : "", d->lead_units.names[i]);
        if (fclose(f) != 0) {
            free(lead);
            lead = NULL;
        }
    }
    cells[COL_LEAD] = lead;
}

static void print_row(char *const cells[N_COLS], const size_t widths[N_COLS])
{
    for (int c = 0; c < N_COLS; c++) {
        if (c == N_COLS - 1) {
            printf("%s\n", cells[c]);
            break;
        }
        printf("%s%*s", cells[c], (int)(widths[c] - text_width(cells[c]) + 2), "");
    }
}

/* The plans of CAT, one a line: id, document, days in force, items (PLAN: that one only). */
static void print_plans(const struct catalog *cat, const char *plan)
{
    for (size_t p = 0; p < cat->n_plans; p++) {
        const struct catalog_plan *pl = &cat->plans[p];
        size_t items = 0;
        if (plan != NULL && strcmp(plan, pl->dir) != 0)
            continue;
        for (size_t i = 0; i < cat->n_indicators; i++)
            items += cat->indicators[i].plan == pl->dir;
        printf("plan %s (%s, %s): in force %s → %s, %zu indicators\n", pl->dir, pl->document_number,
               pl->document_date, pl->valid_from, pl->valid_to, items);
    }
}

static enum kpi_status catalog_list(const struct catalog *cat, const char *plan)
{
    static const char *const header[N_COLS] = {"mã / id", "chỉ tiêu / target", "thời hạn / due",
                                               "chủ trì / lead unit"};
    size_t n = 0, widths[N_COLS] = {0};
    char *(*cells)[N_COLS] = calloc(cat->n_indicators + 1, sizeof *cells);
    int rc = KPI_ERROR;
    if (cells == NULL)
        return KPI_ERROR;
    for (int c = 0; c < N_COLS; c++)
        cells[0][c] = strdup(header[c]);
    for (size_t i = 0; i < cat->n_indicators; i++) {
        const struct catalog_indicator *d = &cat->indicators[i];
        if (plan == NULL || (d->plan != NULL && strcmp(d->plan, plan) == 0))
            row_cells(d, plan == NULL && cat->n_plans > 1, cells[++n]);
    }
    for (size_t r = 0; r <= n; r++) {
        for (int c = 0; c < N_COLS; c++) {
            if (cells[r][c] == NULL) {
                fputs("kpi: out of memory\n", stderr);
                goto fail;
            }
            size_t w = text_width(cells[r][c]);
            widths[c] = w > widths[c] ? w : widths[c];
        }
    }
    for (size_t r = 0; r <= n; r++)
        print_row(cells[r], widths);
    print_plans(cat, plan);
    printf("%zu indicators, %zu metrics; catalog version %.12s (%s)\n", n, cat->n_metrics,
           cat->version, cat->dir);
    rc = KPI_OK;
fail:
    for (size_t r = 0; r <= n; r++)
        for (int c = 0; c < N_COLS; c++)
            free(cells[r][c]);
    free(cells);
    return rc;
}

/* Whether CAT holds the plan ID. */
static bool has_plan(const struct catalog *cat, const char *id)
{
    for (size_t p = 0; p < cat->n_plans; p++)
        if (strcmp(cat->plans[p].dir, id) == 0)
            return true;
    return false;
}

enum kpi_status cmd_catalog(int argc, char **argv)
{
    const char *plan = NULL;
    struct kpi_option options[] = {
        OPT_STRING("plan", 0, &plan, "ID", "list: only the items of the plan ID (e.g. kh05-2025)"),
        OPT_END(),
    };
    char dir[PATH_MAX];
    struct catalog *cat = NULL;
    int rc, args;
    enum kpi_status done;
    if (!parse_options(argc, argv, &catalog_doc, options, &args, &done))
        return done;
    if (args >= argc)
        return builtin_usage_error("catalog", "missing subcommand: check or list");
    const char *sub = argv[args];
    bool check = strcmp(sub, "check") == 0;
    if (!check && strcmp(sub, "list") != 0)
        return builtin_usage_error("catalog", "unknown subcommand '%s'", sub);
    if (argc - args > 2)
        return builtin_usage_error("catalog", "unexpected argument '%s'", argv[args + 2]);
    const char *given = argc - args == 2 ? argv[args + 1] : kpi_opts.catalog;
    if (catalog_dir(given, dir, sizeof dir) != 0)
        return KPI_ERROR;
    if (catalog_load(dir, &cat) != 0)
        return KPI_ERROR;
    if (cat->n_problems > 0) {
        catalog_print_problems(cat, check ? stdout : stderr);
        fprintf(stderr,
                "kpi: %zu problem%s in the catalog %s; correct %s and run 'kpi catalog "
                "check' again\n",
                cat->n_problems, cat->n_problems == 1 ? "" : "s", dir,
                cat->n_problems == 1 ? "it" : "them");
        rc = KPI_ERROR;
    } else if (check) {
        printf("%s: valid: %zu indicators, %zu metrics; catalog version %.12s\n", dir,
               cat->n_indicators, cat->n_metrics, cat->version);
        print_plans(cat, NULL);
        rc = KPI_OK;
    } else if (plan != NULL && !has_plan(cat, plan)) {
        fprintf(stderr, "kpi: no plan \"%s\" in the catalog %s\n", plan, dir);
        rc = KPI_ERROR;
    } else {
        rc = catalog_list(cat, plan);
    }
    catalog_free(cat);
    return rc;
}
