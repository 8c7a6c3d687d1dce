/*
 * replay.c — runs a fuzz harness without libFuzzer: every file named on the
 * command line, or found (recursively) in a directory named there, is given
 * once to LLVMFuzzerTestOneInput. The normal and sanitizer builds use it to
 * replay the seed corpora and tests/data/fuzz-regressions/ as a unit test.
 * Prints "replayed N inputs"; exits 1 when a path cannot be read.
 */
#include <dirent.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static long replayed;

static int replay(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "replay: could not open \"%s\"\n", path);
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        struct dirent **list;
        int n = scandir(path, &list, NULL, alphasort);
        int rc = n < 0 ? -1 : 0;
        for (int i = 0; i < n; i++) {
            char sub[PATH_MAX];
            if (list[i]->d_name[0] != '.') {
                snprintf(sub, sizeof sub, "%s/%s", path, list[i]->d_name);
                if (replay(sub) != 0)
                    rc = -1;
            }
            free(list[i]);
        }
        free(list);
        return rc;
    }
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return -1;
    uint8_t *buf = malloc((size_t)st.st_size + 1);
    if (buf == NULL) {
        fclose(f);
        return -1;
    }
    size_t len = fread(buf, 1, (size_t)st.st_size, f);
    fclose(f);
    LLVMFuzzerTestOneInput(buf, len);
    free(buf);
    replayed++;
    return 0;
}

int main(int argc, char **argv)
{
    int rc = 0;
    for (int i = 1; i < argc; i++)
        if (replay(argv[i]) != 0)
            rc = 1;
    printf("replayed %ld inputs\n", replayed);
    return rc;
}
