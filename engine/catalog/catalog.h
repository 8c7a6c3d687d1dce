/*
 * catalog.h — the indicator catalog (the JSON files of indicators/), all of
 * it: what a catalog is (model.h), reading and validating it with every
 * problem reported and its version (read.h, check.h inside), the exact
 * threshold decision (judge.h), and loading it into kpi.metric /
 * kpi.indicator (store.h). The file format is described in
 * indicators/README.md.
 */
#ifndef KPI_CATALOG_H
#define KPI_CATALOG_H

#include "catalog/judge.h"
#include "catalog/model.h"
#include "catalog/read.h"
#include "catalog/store.h"

#endif
