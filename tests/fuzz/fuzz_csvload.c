/*
 * fuzz_csvload.c — libFuzzer harness of the submission reader and row
 * validators (engine/ingest/reader.c, rowcheck.c, load.c): the input is a
 * submission file, read with
 * reader_open/reader_next under small limits, every field of every row
 * given to rowcheck_parse_period and rowcheck_parse_value; then checked whole
 * by load_check_file (header, every row) against a few units and metrics
 * held in memory. The raw text of every row is cut as a rejected row's is
 * (reader_cut: within the limit, before a character) and escaped as a log
 * message quotes it (log_escape: nothing left to escape, within its room).
 * The reader takes a path, so the input is held in a memfd and opened as
 * /proc/self/fd/N.
 */
#include "common/log.h"
#include "ingest/copybin.h"
#include "ingest/load.h"
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
    /* small limits, so that the fuzzer reaches them with small inputs */
    static const struct reader_limits limits = {
        .max_row = 4096, .max_field = 64, .max_file = 1 << 20};
    char path[64], why[READER_MSG_LEN], digest[HASH_HEX_LEN];
    struct reader *r = NULL;
    struct reader_row row;
    struct rowcheck_period period;
    int64_t value;
    int fd = memfd_create("fuzz_csvload", MFD_CLOEXEC);
    if (fd < 0)
        abort();
    for (size_t off = 0; off < size;) {
        ssize_t n = write(fd, data + off, size - off);
        if (n <= 0)
            abort();
        off += (size_t)n;
    }
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    if (reader_open(path, true, &r) != 0)
        abort();
    reader_set_limits(r, &limits);
    static struct codes *sets;
    static const char *const units[] = {"19", "01840", "01843", "01849", "01864", "X_1"};
    static const char *const metrics[] = {"citizen_14plus", "dvc_essential_online",
                                          "dvc_essential_total"};
    if (sets == NULL && codes_new(units, 6, metrics, 3, "2025-07-15", &sets) != 0)
        abort();
    enum kpi_status st;
    bool got;
    static char escaped[4 * 4096 + 1];
    while ((st = reader_next(r, &row, &got)) == KPI_OK && got) {
        size_t cut = reader_cut(row.raw, row.raw_len, limits.max_field);
        if (cut > limits.max_field && cut != row.raw_len)
            abort();
        if (cut < row.raw_len && ((unsigned char)row.raw[cut] & 0xC0) == 0x80)
            abort();                            /* inside a character */
        size_t room = 1 + (size_t)(size % 200); /* from too small to ample */
        size_t n = log_escape(escaped, room, row.raw, row.raw_len);
        if (n >= room || strlen(escaped) != n || log_needs_escape(escaped, n))
            abort();
        if (row.malformed != NULL)
            continue;
        for (size_t i = 0; i < row.nfields; i++) {
            rowcheck_parse_period(row.field[i], &period, why, sizeof why);
            rowcheck_parse_value(row.field[i], &value, why, sizeof why);
        }
    }
    if (st == KPI_OK && reader_digest(r, digest) != 0)
        abort();
    if (st == KPI_REJECTED)
        (void)reader_problem(r, NULL);
    reader_close(r);

    struct load_options opt = {.max_messages = 0, .limits = limits};
    struct load_result res;
    if (load_check_file(sets, path, &opt, &res) != 0)
        abort();
    if (res.rows_accepted < 0 || res.rows_rejected < 0 || res.status[0] == '\0')
        abort();
    close(fd);
    return 0;
}
