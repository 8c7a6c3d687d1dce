/*
 * migrate.h — the versioned schema. The SQL files of sql/ are compiled into
 * the binary (engine/tools/sqlembed.c writes migrate_files[]), so a kpi
 * binary knows exactly which schema versions it can work with.
 */
#ifndef KPI_MIGRATE_H
#define KPI_MIGRATE_H

#include <libpq-fe.h>
#include <stddef.h>

struct migrate_file {
    int version;      /* NNN of NNN_name.sql */
    const char *name; /* the file name */
    const char *sql;  /* its text */
};

extern const struct migrate_file migrate_files[];
extern const size_t migrate_files_len;

/* migrate_latest: the newest version this binary carries. */
int migrate_latest(void);

/*
 * migrate_run: apply every missing migration in order, each in its own
 * transaction, recording it in kpi.schema_migration; holds an advisory lock
 * so concurrent callers serialise. Refuses (-1) when the database is newer
 * than this binary, or when an applied migration's text has changed.
 * *applied (may be NULL) = how many were applied now; *version (may be NULL)
 * = the schema version afterwards. Returns 0, or -1 (logged).
 */
int migrate_run(PGconn *conn, int *applied, int *version);

/*
 * migrate_version: the schema version of the database (0 when kpi has never
 * migrated it). Returns 0, or -1 (logged).
 */
int migrate_version(PGconn *conn, int *version);

#endif
