/*
 * reportlib.h — what the report tests share (tests/test_report.c,
 * tests/test_report_browser.c): a migrated database holding the hand-made
 * data of tests/data/report/, and looking into the HTML.
 */
#ifndef KPI_REPORTLIB_H
#define KPI_REPORTLIB_H

#include <libpq-fe.h>

/*
 * reportlib_fixture_db: a new database, migrated, with kpi.indicator_value
 * (created from tests/data/report/indicator_value.sql when the schema lacks
 * it) and tests/data/report/fixture.sql loaded. Returns its conninfo
 * (static storage, as testlib_db_new).
 */
const char *reportlib_fixture_db(void);

/* reportlib_count: how many times NEEDLE occurs in HAY. */
int reportlib_count(const char *hay, const char *needle);

/*
 * reportlib_element: a malloc'd copy of the text of HAY from the first
 * occurrence of START up to and including the first END after it; NULL
 * when START is not found. Caller free()s.
 */
char *reportlib_element(const char *hay, const char *start, const char *end);

#endif
