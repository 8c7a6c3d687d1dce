/*
 * builtin/roles.c — `kpi roles setup|grant|scope`: the least-privilege group
 * roles and the unit scopes of analysts (sql/definitions/security/ holds the SQL
 * functions they call; docs/operators.md, "Roles and row-level security").
 */
#include "builtin.h"
#include "db/conn.h"
#include "common/log.h"
#include "common/status.h"

#include <stdio.h>
#include <string.h>

static const struct command_row roles_commands[] = {
    {"setup",
     "create the NOLOGIN group roles kpi_owner (owns schema kpi: migrations, DDL), "
     "kpi_writer (the nightly run: reads and writes data, no DDL) and kpi_analyst (reads "
     "the views of schema kpi only), and apply their grants and the row-level security of "
     "per-unit tables; run it again after 'kpi migrate'",
     NULL},
    {"grant",
     "make each LOGIN role a member of GROUP (writers and owners also get BYPASSRLS, "
     "which COPY needs); needs a superuser",
     NULL},
    {"scope",
     "let analyst ROLE (a login or a group role) see the rows of each UNIT; an analyst "
     "with no scope sees no row",
     NULL},
    {NULL, NULL, NULL},
};

static const struct command_doc roles_doc = {
    .name = "roles",
    .synopsis = "kpi roles setup\n"
                "kpi roles grant GROUP LOGIN...\n"
                "kpi roles scope ROLE [--province] [--all] [UNIT...]",
    .commands = roles_commands,
};

/* SQL with the N parameters PARAMS; 0, or -1 (logged with "could not WHAT"). */
static enum kpi_status call(PGconn *conn, const char *sql, int n, const char *const *params,
                            const char *what)
{
    char msg[64];
    snprintf(msg, sizeof msg, "could not %s", what);
    PGresult *res = conn_exec(conn, sql, n, params, msg);
    int rc = res != NULL ? 0 : -1;
    PQclear(res);
    return rc;
}

static enum kpi_status scope(PGconn *conn, int argc, char **argv, bool province, bool all)
{
    const char *role = argv[0];
    const char *prov = province ? "true" : "false";
    if (conn_command(conn, "BEGIN", "could not begin a transaction") != 0)
        return KPI_ERROR;
    if (all) {
        const char *p[2] = {role, prov};
        if (call(conn,
                 "INSERT INTO kpi.analyst_scope (role_name, unit_code, province_totals)"
                 " VALUES ($1, NULL, $2) ON CONFLICT (role_name, unit_code) DO UPDATE"
                 " SET province_totals = EXCLUDED.province_totals",
                 2, p, "record the scope") != 0)
            goto fail;
    }
    for (int i = 1; i < argc; i++) {
        const char *p[3] = {role, argv[i], prov};
        if (call(conn,
                 "INSERT INTO kpi.analyst_scope (role_name, unit_code, province_totals)"
                 " VALUES ($1, $2, $3) ON CONFLICT (role_name, unit_code) DO UPDATE"
                 " SET province_totals = EXCLUDED.province_totals",
                 3, p, "record the scope") != 0)
            goto fail;
    }
    if (province && !all && argc == 1) {
        const char *p[1] = {role};
        if (call(conn, "UPDATE kpi.analyst_scope SET province_totals = true WHERE role_name = $1",
                 1, p, "record the scope") != 0)
            goto fail;
    }
    return conn_command(conn, "COMMIT", "could not commit");
fail:
    conn_command(conn, "ROLLBACK", "could not roll back");
    return KPI_ERROR;
}

enum kpi_status cmd_roles(int argc, char **argv)
{
    bool province = false, all = false;
    int rc = KPI_ERROR;
    struct kpi_option options[] = {
        OPT_BOOL("province", 0, &province, "scope: also the province totals"),
        OPT_BOOL("all", 0, &all, "scope: every unit"),
        OPT_END(),
    };
    int first;
    enum kpi_status done;
    if (!parse_options(argc, argv, &roles_doc, options, &first, &done))
        return done;
    if (first >= argc)
        return builtin_usage_error("roles", "say 'setup', 'grant' or 'scope'");
    const char *verb = argv[first];
    int nargs = argc - first - 1;
    if (strcmp(verb, "setup") == 0) {
        if (nargs != 0 || province || all)
            return builtin_usage_error("roles", "usage: kpi roles setup");
    } else if (strcmp(verb, "grant") == 0) {
        if (nargs < 2 || province || all)
            return builtin_usage_error("roles", "usage: kpi roles grant GROUP LOGIN...");
    } else if (strcmp(verb, "scope") == 0) {
        if (nargs < 1 || (nargs == 1 && !province && !all))
            return builtin_usage_error("roles", "usage: kpi roles scope ROLE [--province] "
                                                "[--all] [UNIT...]");
    } else {
        return builtin_usage_error("roles", "unknown subcommand '%s'", verb);
    }

    PGconn *conn;
    if (conn_open(kpi_opts.db, kpi_opts.home, &conn) != 0)
        return KPI_ERROR;
    char **args = argv + first + 1;
    if (strcmp(verb, "setup") == 0) {
        if (call(conn, "SELECT kpi.setup_roles()", 0, NULL, "set up the roles") != 0)
            goto done;
        log_info("roles kpi_owner, kpi_writer, kpi_analyst ready; grants and row-level "
                 "security applied");
    } else if (strcmp(verb, "grant") == 0) {
        for (int i = 1; i < nargs; i++) {
            const char *p[2] = {args[0], args[i]};
            if (call(conn, "SELECT kpi.grant_role($1, $2)", 2, p, "grant the role") != 0)
                goto done;
        }
    } else if (scope(conn, nargs, args, province, all) != 0) {
        goto done;
    }
    rc = KPI_OK;
done:
    PQfinish(conn);
    return rc;
}
