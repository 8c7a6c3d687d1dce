#!/bin/sh
# tests/bench/ingest_bench.sh — time `kpi ingest` of a national-scale month
# against a bare `psql \copy` of the same file into an unconstrained typed
# table, and report kpi's peak memory. Not part of the test suite.
#
# usage: tests/bench/ingest_bench.sh [BUILD_DIR [COMMUNES METRICS DAYS]]
# Uses the embedded PostgreSQL under $KPI_HOME (default BUILD_DIR/bench-pg).
set -eu
build=${1:-build}
communes=${2:-3321} metrics=${3:-30} days=${4:-30}
kpi="$build/kpi"
export KPI_HOME="${KPI_HOME:-$build/bench-pg}"
work="$build/bench-data"
mkdir -p "$work"
cc -O2 -o "$work/gen_submission" "$(dirname "$0")/gen_submission.c"
"$work/gen_submission" "$work" "$communes" "$metrics" "$days"
ls -l "$work/submission.csv"

"$kpi" db start >/dev/null
base=$("$kpi" db url)
psql -X -q "$base" -c "DROP DATABASE IF EXISTS kpi_bench" -c "CREATE DATABASE kpi_bench"
url="$base dbname=kpi_bench"
"$kpi" --db "$url" migrate >/dev/null 2>&1
psql -X -q "$url" -f "$work/metrics.sql"
"$kpi" --db "$url" units load "$work/units.csv"
psql -X -q "$url" -c "CREATE TABLE bare (period date, unit text, metric text, value bigint)" \
    -c "CREATE TABLE keyed (LIKE kpi.observation INCLUDING ALL)"
# the same rows as kpi.observation columns, for a third reference: COPY into a
# table with the primary key of kpi.observation (what no loader can beat)
awk -F, 'NR > 1 { printf "%s\t%s\t%s\tday\t%s\t1\t%d\n", $3, $2, $1, $4, NR }' \
    "$work/submission.csv" > "$work/keyed.tsv"
psql -X -q "$url" -c "CHECKPOINT"

now() { date +%s.%N; }
t0=$(now)
psql -X -q "$url" -c "\\copy bare FROM '$work/submission.csv' CSV HEADER"
t1=$(now)
psql -X -q "$url" -c "CHECKPOINT"
t2=$(now)
/usr/bin/time -f "kpi peak RSS %M KiB" "$kpi" --db "$url" ingest "$work/submission.csv"
t3=$(now)
psql -X -q "$url" -c "CHECKPOINT"
t4=$(now)
psql -X -q "$url" -c "\\copy keyed (metric, unit_code, period_start, grain, value, submission_id, line_no) FROM '$work/keyed.tsv'"
t5=$(now)
printf 'psql \\copy into a table keyed like kpi.observation: %s s\n' "$(echo "$t5 - $t4" | bc)"
printf 'bare \\copy: %s s; kpi ingest: %s s; ratio %s\n' "$(echo "$t1 - $t0" | bc)" \
    "$(echo "$t3 - $t2" | bc)" "$(echo "scale=2; ($t3 - $t2) / ($t1 - $t0)" | bc)"
