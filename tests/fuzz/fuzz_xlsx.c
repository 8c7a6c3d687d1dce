/*
 * fuzz_xlsx.c — libFuzzer harness of the workbook reader (engine/ingest/xlsx.c
 * behind reader.c, then rowcheck.c): the input is an .xlsx file (the seeds
 * are LibreOffice's, tests/data/xlsx/seed/), read with reader_open/reader_next
 * under small limits (a small cap on shared strings too), every row checked
 * against a header as load.c checks it and located as its messages locate it
 * (rowcheck_where: within its room). The reader takes a path, so the input
 * is held in a memfd and opened as /proc/self/fd/N (a zip by its content).
 */
#include "ingest/codes.h"
#include "ingest/reader.h"
#include "ingest/rowcheck.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct reader_limits limits = {
        .max_row = 4096, .max_field = 64, .max_file = 1 << 22, .max_strings = 1 << 16};
    char path[64], why[READER_MSG_LEN], where[160];
    struct reader *r = NULL;
    struct reader_row row;
    struct rowcheck_header h;
    int fd = memfd_create("fuzz_xlsx", MFD_CLOEXEC);
    if (fd < 0)
        abort();
    for (size_t off = 0; off < size;) {
        ssize_t n = write(fd, data + off, size - off);
        if (n <= 0)
            abort();
        off += (size_t)n;
    }
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    if (reader_open(path, false, &r) != 0)
        abort();
    reader_set_limits(r, &limits);
    static struct codes *sets;
    static const char *const units[] = {"19", "01840", "01843", "01849"};
    static const char *const metrics[] = {"citizen_14plus", "dvc_essential_online",
                                          "dvc_essential_total"};
    if (sets == NULL && codes_new(units, 4, metrics, 3, "2025-07-15", &sets) != 0)
        abort();
    enum kpi_status st;
    bool got, header = false;
    while ((st = reader_next(r, &row, &got)) == KPI_OK && got) {
        if (row.raw_len != strlen(row.raw))
            abort();
        for (size_t i = 0; i < row.nfields; i++)
            if (row.len[i] != strlen(row.field[i]) || row.len[i] > limits.max_field)
                abort();
        if (!header) {
            header = true;
            if (rowcheck_header(&h, &row, reader_delimiter(r), sets, why, sizeof why) != 0) {
                rowcheck_header_where(&h, &row, where, sizeof where);
                break;
            }
            continue;
        }
        struct rowcheck_good g;
        int bad;
        if (rowcheck_row(&h, sets, &row, &g, NULL, NULL, &bad) != KPI_OK)
            abort();
        static const char *const columns[] = {"period", "unit", "metric", "value", NULL};
        for (int c = 0; c < 5; c++)
            if (strlen(rowcheck_where(&h, &row, columns[c], where, sizeof where)) >= sizeof where)
                abort();
    }
    if (st == KPI_REJECTED) {
        (void)reader_problem(r, NULL);
        (void)reader_problem_where(r, where, sizeof where);
    }
    reader_close(r);
    close(fd);
    return 0;
}
