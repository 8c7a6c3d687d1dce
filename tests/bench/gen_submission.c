/*
 * gen_submission.c — writes a national-scale submission for benchmarks:
 * OUTDIR/units.csv (a province and COMMUNES communes with 5-digit codes),
 * OUTDIR/metrics.sql (METRICS flow metrics bench_01…) and
 * OUTDIR/submission.csv (every commune × metric × day of DAYS days of
 * July 2025: 3321 × 30 × 30 ≈ 3 million rows, ≈ 77 MB by default).
 *
 * usage: gen_submission OUTDIR [COMMUNES [METRICS [DAYS]]]
 */
#include <stdio.h>
#include <stdlib.h>

static FILE *create(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        perror(path);
        exit(1);
    }
    return f;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: gen_submission OUTDIR [COMMUNES [METRICS [DAYS]]]\n", stderr);
        return 2;
    }
    int communes = argc > 2 ? atoi(argv[2]) : 3321;
    int metrics = argc > 3 ? atoi(argv[3]) : 30;
    int days = argc > 4 ? atoi(argv[4]) : 30;
    if (days > 31)
        days = 31;
    FILE *u = create(argv[1], "units.csv");
    fputs("code,name,kind,parent_code\n99,Bench province,province,\n", u);
    for (int c = 1; c <= communes; c++)
        fprintf(u, "%05d,Bench commune %d,xa,99\n", c, c);
    FILE *m = create(argv[1], "metrics.sql");
    for (int k = 1; k <= metrics; k++)
        fprintf(m, "INSERT INTO kpi.metric VALUES ('bench_%02d', 'x', 'x', 'flow', 'bench');\n", k);
    FILE *s = create(argv[1], "submission.csv");
    fputs("period,unit,metric,value\n", s);
    unsigned long x = 88172645463325252UL;
    for (int d = 1; d <= days; d++)
        for (int c = 1; c <= communes; c++)
            for (int k = 1; k <= metrics; k++) {
                x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                fprintf(s, "2025-07-%02d,%05d,bench_%02d,%lu\n", d, c, k, x % 5000);
            }
    if (fclose(u) != 0 || fclose(m) != 0 || fclose(s) != 0) {
        perror("write");
        return 1;
    }
    return 0;
}
