/*
 * test_hash.c — engine/common/hash.c: SHA-256 against the FIPS 180-2 test vectors,
 * one-shot and streamed in pieces.
 */
#include "common/hash.h"
#include "testlib.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

START_TEST(one_shot_matches_known_vectors)
{
    char out[HASH_HEX_LEN];
    ck_assert_int_eq(hash_sha256_hex("", 0, out), 0);
    ck_assert_str_eq(out, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    ck_assert_int_eq(hash_sha256_hex("abc", 3, out), 0);
    ck_assert_str_eq(out, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
END_TEST

START_TEST(streamed_equals_one_shot)
{
    const char *msg = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    char once[HASH_HEX_LEN], streamed[HASH_HEX_LEN];
    ck_assert_int_eq(hash_sha256_hex(msg, strlen(msg), once), 0);
    ck_assert_str_eq(once, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    struct hash_ctx *h = hash_new();
    ck_assert_ptr_nonnull(h);
    for (size_t i = 0; i < strlen(msg); i += 7)
        ck_assert_int_eq(hash_update(h, msg + i, strlen(msg + i) < 7 ? strlen(msg + i) : 7), 0);
    ck_assert_int_eq(hash_final(h, streamed), 0);
    hash_free(h);
    ck_assert_str_eq(streamed, once);
    hash_free(NULL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("hash");
    TCase *tc = tcase_create("hash");
    tcase_add_test(tc, one_shot_matches_known_vectors);
    tcase_add_test(tc, streamed_equals_one_shot);
    suite_add_tcase(s, tc);
    return testlib_run(s);
}
