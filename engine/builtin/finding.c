/*
 * builtin/finding.c — `kpi finding list [--all]` and `kpi finding confirm ID
 * [--note TEXT]`: the data-quality findings (kpi.data_quality_finding) for
 * the lead units who check them, and the confirmation that an implausible
 * value is true, which releases the cells computed from it (no longer
 * suspect from the next `kpi compute` on: the month is queued for it).
 */
#include "builtin.h"
#include "common/log.h"
#include "common/status.h"
#include "db/conn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct command_row finding_commands[] = {
    {"list",
     "print the open findings (with --all, also those resolved or confirmed): id, kind, metric, "
     "unit, period, value and why",
     NULL},
    {"confirm",
     "accept the value of finding ID as true: the cells computed from it are no longer "
     "suspect from the next kpi compute on, and their alerts go to leaders again",
     NULL},
    {NULL, NULL, NULL},
};

static const struct command_doc finding_doc = {
    .name = "finding",
    .synopsis = "kpi finding list [--all]\n"
                "kpi finding confirm ID [--note TEXT]",
    .description = "The data-quality findings of kpi compute (kpi.data_quality_finding): an own "
                   "total that differs\nfrom its children's sum, and the implausible values "
                   "(outlier, below_min, above_max,\nstock_drop, day_above_month) whose cells "
                   "are suspect (\"cần kiểm tra số liệu\") until the\nvalue is confirmed here "
                   "or corrected by a new submission.\n",
    .commands = finding_commands,
};

/* The open findings, or all ($1): the figures that explain each. */
static const char list_sql[] =
    "SELECT f.id, f.kind, f.metric, f.unit_code, coalesce(u.name, ''), "
    "       CASE WHEN f.period_kind = 'day' THEN to_char(f.period_start, 'DD/MM/YYYY') "
    "            ELSE to_char(f.period_start, 'MM/YYYY') END, f.own_value, "
    "       CASE f.kind "
    "         WHEN 'children_sum' THEN format('children sum %s (%s units)', f.children_sum, "
    "                                         f.children_count) "
    "         WHEN 'outlier' THEN format('median %s, MAD %s, z %s over %s months', "
    "                                    f.median, f.mad, f.z_score, f.history_n) "
    "         WHEN 'below_min' THEN format('below min %s', f.bound) "
    "         WHEN 'above_max' THEN format('above max %s', f.bound) "
    "         WHEN 'stock_drop' THEN format('previous month %s', f.compared_value) "
    "         WHEN 'day_above_month' THEN format('month %s', f.compared_value) END, "
    "       CASE WHEN f.confirmed_at IS NOT NULL "
    "              THEN 'confirmed ' || to_char(f.confirmed_at AT TIME ZONE 'Asia/Ho_Chi_Minh', "
    "                                           'YYYY-MM-DD HH24:MI') "
    "                   || coalesce(' by ' || f.confirmed_by, '') "
    "                   || coalesce(': ' || f.note, '') "
    "            WHEN f.resolved_at IS NOT NULL THEN 'resolved' "
    "            WHEN f.kind = 'children_sum' THEN 'open' "
    "            ELSE 'open, cells suspect' END "
    "  FROM kpi.data_quality_finding f LEFT JOIN kpi.unit u ON u.code = f.unit_code "
    " WHERE $1::boolean OR (f.resolved_at IS NULL AND f.confirmed_at IS NULL) "
    " ORDER BY f.id";

/*
 * Confirm the open implausible-value finding $1 (by the session's login, note $2) and
 * queue its month for kpi compute (kpi.compute_dirty), in one statement. No row: no such
 * open finding.
 */
static const char confirm_sql[] =
    "WITH c AS (UPDATE kpi.data_quality_finding SET confirmed_at = now(), "
    "                  confirmed_by = session_user, note = $2 "
    "            WHERE id = $1::bigint AND kind <> 'children_sum' AND resolved_at IS NULL "
    "              AND confirmed_at IS NULL "
    "           RETURNING metric, unit_code, period_start, kind, own_value), "
    "     q AS (INSERT INTO kpi.compute_dirty (metric, unit_code, month) "
    "           SELECT metric, unit_code, date_trunc('month', period_start)::date FROM c) "
    "SELECT kind, metric, unit_code, to_char(period_start, 'YYYY-MM-DD'), own_value FROM c";

/* Why finding $1 cannot be confirmed. */
static const char state_sql[] = "SELECT kind, resolved_at IS NOT NULL, confirmed_at IS NOT NULL "
                                "  FROM kpi.data_quality_finding WHERE id = $1::bigint";

static enum kpi_status list(PGconn *conn, bool all)
{
    const char *params[] = {all ? "true" : "false"};
    PGresult *res = conn_exec(conn, list_sql, 1, params, "could not list the findings");
    if (res == NULL)
        return KPI_ERROR;
    printf("%6s  %-15s  %-28s  %-10s  %-10s  %12s  %s\n", "id", "kind", "metric", "unit", "period",
           "value", "why; state");
    for (int i = 0; i < PQntuples(res); i++)
        printf("%6s  %-15s  %-28s  %-10s  %-10s  %12s  %s; %s\n", PQgetvalue(res, i, 0),
               PQgetvalue(res, i, 1), PQgetvalue(res, i, 2), PQgetvalue(res, i, 3),
               PQgetvalue(res, i, 5), PQgetvalue(res, i, 6), PQgetvalue(res, i, 7),
               PQgetvalue(res, i, 8));
    if (PQntuples(res) == 0)
        printf("no %sfinding\n", all ? "" : "open ");
    PQclear(res);
    return KPI_OK;
}

static enum kpi_status confirm(PGconn *conn, const char *id, const char *note)
{
    const char *params[] = {id, note};
    if (strspn(id, "0123456789") != strlen(id) || strlen(id) == 0 || strlen(id) > 18)
        return builtin_usage_error("finding", "ID must be a finding's number, not '%s'", id);
    PGresult *res = conn_exec(conn, confirm_sql, 2, params, "could not confirm the finding");
    if (res == NULL)
        return KPI_ERROR;
    if (PQntuples(res) == 1) {
        printf("finding %s confirmed: %s %s of %s on %s = %s; its cells are released at the next "
               "kpi compute\n",
               id, PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 1), PQgetvalue(res, 0, 2),
               PQgetvalue(res, 0, 3), PQgetvalue(res, 0, 4));
        PQclear(res);
        return KPI_OK;
    }
    PQclear(res);
    res = conn_exec(conn, state_sql, 1, params, "could not read the finding");
    if (res == NULL)
        return KPI_ERROR;
    if (PQntuples(res) == 0)
        log_error("no finding %s (see 'kpi finding list')", id);
    else if (strcmp(PQgetvalue(res, 0, 0), "children_sum") == 0)
        log_error("finding %s is an own total that differs from its children's sum: the own "
                  "total is used already; nothing to confirm",
                  id);
    else if (PQgetvalue(res, 0, 2)[0] == 't')
        log_error("finding %s is confirmed already", id);
    else
        log_error("finding %s is resolved: its value was corrected", id);
    PQclear(res);
    return KPI_ERROR;
}

enum kpi_status cmd_finding(int argc, char **argv)
{
    bool all = false;
    const char *note = NULL;
    struct kpi_option options[] = {
        OPT_BOOL("all", 'a', &all, "list: also the findings resolved or confirmed"),
        OPT_STRING("note", 0, &note, "TEXT", "confirm: why the value is true (kept with it)"),
        OPT_END(),
    };
    int args;
    enum kpi_status done;
    if (!parse_options(argc, argv, &finding_doc, options, &args, &done))
        return done;
    if (args >= argc)
        return builtin_usage_error("finding", "missing subcommand: list or confirm");
    const char *sub = argv[args];
    bool is_list = strcmp(sub, "list") == 0;
    if (!is_list && strcmp(sub, "confirm") != 0)
        return builtin_usage_error("finding", "unknown subcommand '%s'", sub);
    if (is_list && argc - args > 1)
        return builtin_usage_error("finding", "unexpected argument '%s'", argv[args + 1]);
    if (!is_list && argc - args < 2)
        return builtin_usage_error("finding", "confirm needs the finding's ID");
    if (!is_list && argc - args > 2)
        return builtin_usage_error("finding", "unexpected argument '%s'", argv[args + 2]);
    PGconn *conn;
    if (conn_open(kpi_opts.db, kpi_opts.home, &conn) != 0)
        return KPI_ERROR;
    enum kpi_status rc = is_list ? list(conn, all) : confirm(conn, argv[args + 1], note);
    PQfinish(conn);
    return rc;
}
