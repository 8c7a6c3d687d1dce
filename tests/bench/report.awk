# tests/bench/report.awk — the table of a benchmark run (tests/bench/run): reads
# OUT/samples.tsv (step, seconds, peak RSS KiB per sample), prints each step's median,
# peak memory and samples, the ratios against issue 22's targets (compared as numbers),
# the growth with the history and the incremental = full check (check: the line of
# OUT/check.tsv), and writes the same as JSON to the file json. Variables (-v): rows,
# bytes, nproc, mem, pg, pgset, server, load, repeat, provinces, days, history, json, check.
function median(step,    n, i, j, t, a) {
    n = cnt[step]
    if (n == 0) return -1
    for (i = 1; i <= n; i++) a[i] = s[step, i]
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function ratio(a, b) { return (a >= 0 && b > 0) ? sprintf("%.2f", a / b) : "null" }
function sumfirst(step, k,    i, t) { if (cnt[step] < k) return -1; t = 0; for (i = 1; i <= k; i++) t += s[step, i]; return t }
# ok: the verdict, compared as numbers (r + 0): a ratio is a string of sprintf, and awk
# compares a string with a number as strings ("11.11" <= 2 was true, and printed "met")
function line(name, v, target, ok) {
    printf "%-44s %8s  %-8s %s\n", name, v, target, (v == "null" || ok == 2 ? "" : ok ? "met" : "missed")
    nr++; rn[nr] = name; rv[nr] = v; rt[nr] = target
}
function num(v) { return v == "null" ? "null" : v + 0 }
{ cnt[$1]++; s[$1, cnt[$1]] = $2 + 0; if ($3 + 0 > rss[$1]) rss[$1] = $3 + 0 }
END {
    norder = split("floor floorgb elt ingest ingest2 groupby compute alerts1 deliver1 nightly hingest hcompute1 hcompute3 hcompute" history " halerts1 hdeliver1 hnight hfull ingest10x ingestxlsx", order, " ")
    kpisteps = " ingest ingest2 compute alerts1 deliver1 nightly hingest hcompute1 hcompute3 hcompute" history " halerts1 hdeliver1 hnight hfull ingest10x ingestxlsx "
    printf "server %s (%s; %s), load %s\n", server, pg, pgset, load
    printf "data: provinces %s, %d days, %d rows, %d bytes; history %d months\n\n", provinces, days, rows, bytes, history
    printf "%-10s %10s %10s %8s  %s\n", "step", "median s", "peak MiB", "samples", "values"
    peak = 0
    for (k = 1; k <= norder; k++) {
        st = order[k]; if (!cnt[st]) { m[st] = -1; continue }
        if (seen[st]++) continue
        m[st] = median(st)
        v = ""; for (i = 1; i <= cnt[st]; i++) v = v (i > 1 ? " " : "") sprintf("%.2f", s[st, i])
        printf "%-10s %10.2f %10.1f %8d  %s\n", st, m[st], rss[st] / 1024, cnt[st], v
        if (index(kpisteps, " " st " ") && rss[st] > peak) { peak = rss[st]; peakst = st }
    }
    it = (server == "ordinary") ? 1.5 : 1.2
    printf "\n%-44s %8s  %-8s\n", "ratio (medians of this run)", "value", "target"
    r = ratio(m["ingest"], m["floor"]); line("kpi ingest / psql copy (" server ")", r, "<= " it, r + 0 <= it)
    r = ratio(m["ingest2"], m["floor"]); line("kpi ingest, previous month / psql copy", r, "<= " it, r + 0 <= it)
    r = ratio(m["elt"], m["ingest"]); line("ELT / kpi ingest", r, ">= 5", r + 0 >= 5)
    r = ratio(m["compute"], m["floorgb"]); line("compute --full / GROUP BY, bare table", r, "<= 2", r + 0 <= 2)
    r = ratio(m["compute"], m["groupby"]); line("compute --full / GROUP BY, kpi.observation_data", r, "(label)", 2)
    r = ratio(m["groupby"], m["floorgb"]); line("GROUP BY kpi.observation_data / bare", r, "(label)", 2)
    r = ratio(m["nightly"], m["compute"]); line("nightly / full compute, 1 month", r, "(label)", 2)
    if (history > 0) {
        hc = "hcompute" history
        r = ratio(m["hnight"], m[hc]); line("nightly / full compute, " history " months", r, "<= 0.10", r + 0 <= 0.10)
        r = (cnt["hnight"] ? sprintf("%.2f", m["hnight"]) : "null"); line("nightly, " history " months loaded (s)", r, "report", 2)
        r = ratio(m["hnight"], m["nightly"]); line("nightly " history " months / nightly 1 month", r, "~1", 2)
        printf "\ngrowth with the history (seconds; per month in brackets)\n"
        printf "%-8s %16s %16s\n", "months", "kpi ingest", "compute --full"
        ng = split(history == 3 ? "1 3" : "1 3 " history, hk, " ")
        for (j = 1; j <= ng; j++) {
            k = hk[j]; a = sumfirst("hingest", k); c = cnt["hcompute" k] ? m["hcompute" k] : -1
            printf "%-8d %8s (%5s) %8s (%5s)\n", k, a < 0 ? "-" : sprintf("%.2f", a),
                   a < 0 ? "-" : sprintf("%.2f", a / k), c < 0 ? "-" : sprintf("%.2f", c),
                   c < 0 ? "-" : sprintf("%.2f", c / k)
            ga[j] = a; gc[j] = c
        }
    }
    if (check != "") {
        split(check, ck, "\t")
        printf "\nincremental = full on the %d-month history (%d cells, md5 of the content of every cell):\n", history, ck[3]
        printf "  after the nights %s\n  full compute     %s\n  %s\n\n", ck[1], ck[2], ck[4] == "yes" ? "equal" : "DIFFERENT"
    }
    r = sprintf("%.1f", peak / 1024); line("peak MiB of any kpi command (" peakst ")", r, "<= 64", r + 0 <= 64)

    printf "{\n  \"machine\": {\"nproc\": %d, \"mem_kib\": %d, \"postgresql\": \"%s\", \"server\": \"%s\", \"settings\": \"%s\", \"load\": \"%s\"},\n", nproc, mem, pg, server, pgset, load > json
    printf "  \"data\": {\"provinces\": \"%s\", \"days\": %d, \"rows\": %d, \"bytes\": %d, \"repeat\": %d, \"history\": %d},\n", provinces, days, rows, bytes, repeat, history > json
    printf "  \"steps\": {" > json
    sep = ""
    for (st in seen) {
        printf "%s\n    \"%s\": {\"median_s\": %.3f, \"peak_rss_kib\": %d, \"samples\": [", sep, st, m[st], rss[st] > json
        for (i = 1; i <= cnt[st]; i++) printf "%s%.3f", (i > 1 ? ", " : ""), s[st, i] > json
        printf "]}" > json
        sep = ","
    }
    printf "\n  },\n  \"ratios\": [" > json
    for (i = 1; i <= nr; i++)
        printf "%s\n    {\"ratio\": \"%s\", \"value\": %s, \"target\": \"%s\"}", (i > 1 ? "," : ""), rn[i], num(rv[i]), rt[i] > json
    printf "\n  ]" > json
    if (history > 0)
        printf ",\n  \"incremental_equals_full\": %s", (check == "" ? "null" : ck[4] == "yes" ? "true" : "false") > json
    if (history > 0)
        printf ",\n  \"growth\": {\"months\": [1, 3, %d], \"ingest_s\": [%.3f, %.3f, %.3f], \"compute_s\": [%.3f, %.3f, %.3f]}", history, ga[1], ga[2], ga[ng], gc[1], gc[2], gc[ng] > json
    printf "\n}\n" > json
}
