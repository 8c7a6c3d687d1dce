/*
 * migrate.h — the versioned schema and the repeatable definitions. The files
 * of sql/ are compiled into the binary (engine/tools/sqlembed.c writes
 * migrate_files[] and migrate_definitions[]), so a kpi binary knows exactly
 * which schema versions it can work with, and which functions, views and
 * triggers it expects (sql/README.md).
 */
#ifndef KPI_MIGRATE_H
#define KPI_MIGRATE_H

#include "common/status.h"

#include <libpq-fe.h>
#include <stddef.h>

/* A schema migration, sql/migrations/NNN_name.sql: applied once, never edited. */
struct migrate_file {
    int version;      /* NNN of NNN_name.sql */
    const char *name; /* the file name */
    const char *sql;  /* its text */
};

/* A definition, sql/definitions/AREA/OBJECT.sql: applied again whenever its text changes. */
struct migrate_definition {
    const char *name; /* its path below sql/definitions/, e.g. "compute/compute.sql" */
    const char *sql;  /* its text */
};

/* In version order; each array ends with a zeroed sentinel not counted by its _len. */
extern const struct migrate_file migrate_files[];
extern const size_t migrate_files_len;
/* In dependency order (as sql/meson.build lists them). */
extern const struct migrate_definition migrate_definitions[];
extern const size_t migrate_definitions_len;

/*
 * The schema version of the baseline (sql/migrations/012_baseline.sql): what
 * kpi 0.1.0 left in a database with its migrations 001..012. A database whose
 * kpi.schema_migration holds those twelve released files (checked by their
 * SHA-256) counts as having applied the baseline.
 */
#define MIGRATE_BASELINE 12

/* migrate_latest: the newest version this binary carries. */
int migrate_latest(void);

/*
 * migrate_run: apply every missing migration in order, each in its own
 * transaction, recording it in kpi.schema_migration; then every definition
 * whose SHA-256 differs from the one recorded in kpi.schema_definition (or
 * that was never applied), in order, each in its own transaction with its
 * record. Holds an advisory lock so concurrent callers serialise. Refuses
 * (KPI_ERROR, logged, nothing applied) when the database is newer than this
 * binary, when an applied migration's text has changed, or when it holds
 * only some of the released migrations 001..012 (it must be brought to
 * schema 12 by kpi 0.1.0 first). Each out-parameter may be NULL: *applied =
 * how many migrations were applied now; *definitions = how many definitions
 * were applied now; *version = the schema version afterwards. They are set
 * on failure too (what was applied before it; the version then, 0 when it
 * cannot be read). Returns KPI_OK, or KPI_ERROR (logged; a failed migration
 * or definition leaves the earlier ones applied).
 */
enum kpi_status migrate_run(PGconn *conn, int *applied, int *definitions, int *version);

/*
 * migrate_check: whether the database holds exactly this binary's schema,
 * read only (no lock, no DDL, nothing written: what a kpi_writer may do):
 * every migration this binary carries applied (with its text unchanged) and
 * every definition applied with its current text. *version = the schema
 * version (0 when kpi has never migrated the database); *stale = how many
 * definitions are missing or differ (every one when never migrated);
 * *first_stale = the name of the first of them (static storage; NULL when
 * none). Returns KPI_OK when current; KPI_REJECTED when migrations or
 * definitions are missing or differ (`kpi migrate` would apply them; nothing
 * logged: the caller says what to run); KPI_ERROR (logged) when it cannot
 * read them, or when `kpi migrate` would refuse the database too (newer than
 * this binary, an applied migration edited, a partial kpi 0.1.0 schema).
 * The out-parameters are set in every case.
 */
enum kpi_status migrate_check(PGconn *conn, int *version, int *stale, const char **first_stale);

/*
 * migrate_version: the schema version of the database into *version (0 when
 * kpi has never migrated it). Returns KPI_OK, or KPI_ERROR (logged; *version
 * 0).
 */
enum kpi_status migrate_version(PGconn *conn, int *version);

#endif
