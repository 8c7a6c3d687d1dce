/*
 * status.h — the status codes kpi's engine functions return and every kpi
 * command exits with. One list, so that cron, systemd and scripts can rely
 * on the numbers (see docs/operators.md, "Exit status", and the man pages).
 *
 * The rule (docs/internals.md, "Code style"; after SQLite's src/status.c and
 * curl's CODE_STYLE):
 *  - every engine function that can fail returns enum kpi_status: KPI_OK on
 *    success; KPI_ERROR for an error that stopped the work, logged where it
 *    happened; KPI_REJECTED where some input was rejected; KPI_LOCKED for the
 *    run lock. Never -1. Callers test `!= KPI_OK` (or `!= 0`), never `< 0`.
 *  - a function that produces a count or a value hands it through an
 *    out-parameter; its header says what the out-parameters hold on failure
 *    (untouched, zero, or unspecified), so the caller knows the state.
 *  - predicates ("is it…", "does it…") return bool.
 * Exceptions, kept on purpose:
 *  - pure parsers and formatters of one value (period_parse_month,
 *    sizelimit_parse, numfmt_*) do not log: they return KPI_REJECTED when the
 *    text (or the room for it) is refused and let the caller say why in its
 *    own words. They return enum kpi_status rather than a bool "parsed or
 *    not" so that every success in the engine is 0 and no `!= 0` test reads
 *    the other way round.
 *  - parse_options (and run's parse_args) return a bool "go on", with the
 *    command's status in *done when they return false: --help finishes a
 *    command successfully, so "stop" is not the same as "failed".
 *  - lookups are predicates too: codes_unit and codes_metric return whether
 *    the code is known, its number through *idx (-1 when not). Comparators
 *    (qsort-style) return their sign; a file's static lookup into its own
 *    fixed table (word_index, status_index, status_side) and a search
 *    (catalog/read.c: the offset of the first byte that is not UTF-8) may
 *    return the index or -1 for "none": nothing failed there.
 *  - the private steps of the CSV reader (ingest/reader.c: next_row, finish,
 *    set_problem) pass 1 a row / 0 the end / -1 a CSV problem / -2 an I/O
 *    error among themselves; reader_next turns them into a status and *got.
 *  - functions returning a pointer return NULL on failure (logged where the
 *    header says so); functions that cannot fail return void or their value.
 */
#ifndef KPI_STATUS_H
#define KPI_STATUS_H

enum kpi_status {
    KPI_OK = 0,       /* done, nothing to report */
    KPI_ERROR = 1,    /* an error (database, I/O) stopped the work */
    KPI_USAGE = 2,    /* bad command line */
    KPI_REJECTED = 3, /* finished, but some input was rejected (or: not running) */
    KPI_LOCKED = 4,   /* another run holds the lock */
};

#endif
