/*
 * read.h — reading the indicator catalog: where its directory is, every
 * *.json file of it parsed and validated (check.h) with every problem
 * reported by file and JSON pointer, its version hash, and the problems
 * printed for the editor.
 */
#ifndef KPI_CATALOG_READ_H
#define KPI_CATALOG_READ_H

#include "catalog/model.h"
#include "common/status.h"

#include <stddef.h>
#include <stdio.h>

/*
 * catalog_dir: the catalog directory kpi uses, into buf: OPTION (--catalog)
 * when not NULL/empty, else $KPI_CATALOG, else the first directory of these:
 * - for an installed kpi (the running binary, /proc/self/exe, is not the build
 *   tree's KPI_BUILD_ROOT/kpi): the catalog installed with it, BINDIR/../share/
 *   kpi/indicators relative to the binary (KPI_BIN_TO_DATA; so also under a
 *   DESTDIR), then KPI_DATA_DIR/indicators (PREFIX/share/kpi), then the
 *   source tree's KPI_SOURCE_DIR/indicators;
 * - for the build tree's kpi: KPI_SOURCE_DIR/indicators, then
 *   KPI_DATA_DIR/indicators.
 * Returns KPI_OK, or KPI_ERROR (logged, naming every place looked; buf
 * unspecified) when none is found or buf is too small.
 */
enum kpi_status catalog_dir(const char *option, char *buf, size_t len);

/*
 * catalog_load: read and validate every *.json file of DIR (files whose name
 * starts with "." are ignored; other files are not part of the catalog).
 * Every problem found is recorded in (*out)->problems, not only the first;
 * the catalog is usable only when n_problems is 0. (*out)->version is the
 * SHA-256, in hex, over the .json files in byte order of their names, each
 * fed as NAME, NUL, decimal byte length, NUL, bytes — the same on every
 * machine for the same content. Returns KPI_OK with *out set (free it
 * with catalog_free), or KPI_ERROR (logged; *out NULL) when memory runs out.
 */
enum kpi_status catalog_load(const char *dir, struct catalog **out);

/* catalog_free: release CAT and everything it points to (NULL is allowed). */
void catalog_free(struct catalog *cat);

/*
 * catalog_print_problems: write the problems of CAT to OUT, one a line, as
 * "DIR/FILE: PATH: MESSAGE" ("DIR: PATH: MESSAGE" for the directory itself).
 */
void catalog_print_problems(const struct catalog *cat, FILE *out);

/* catalog_metric_find: the metric CODE of CAT, or NULL. */
const struct catalog_metric *catalog_metric_find(const struct catalog *cat, const char *code);

#endif
