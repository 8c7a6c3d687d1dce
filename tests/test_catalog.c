/*
 * test_catalog.c — engine/catalog/ (read, check, judge, store) and `kpi catalog`: the exact
 * threshold decision at its boundaries, the shipped catalog against the plan's targets
 * (../shared/reference/INDICATORS.md, enumerated here by hand), every broken
 * catalog of tests/data/catalog_bad rejected with file, path and message, and
 * the catalog in the database after `kpi migrate`.
 */
#include "catalog/catalog.h"
#include "db/migrate.h"
#include "testlib.h"

#include <check.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- the exact decision ------------------------------------------------ */

struct judge_case {
    const char *comparator;
    const char *target;
    int64_t numerator;
    int64_t denominator;
    bool meets;
};

static void check_judge_cases(const struct judge_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct judge_case *c = &cases[i];
        bool judged = false, meets = !c->meets;
        enum kpi_status rc =
            catalog_judge(c->comparator, c->target, c->numerator, c->denominator, &judged, &meets);
        ck_assert_msg(rc == KPI_OK && judged, "%s %s with %lld/%lld: rc %d", c->comparator,
                      c->target, (long long)c->numerator, (long long)c->denominator, (int)rc);
        ck_assert_msg(meets == c->meets, "%s %s with %lld/%lld: expected %s", c->comparator,
                      c->target, (long long)c->numerator, (long long)c->denominator,
                      c->meets ? "met" : "breach");
    }
}

/* "trên 80 %": strictly above, so exactly 80 % is a breach. */
START_TEST(judge_strictly_above_at_the_boundary)
{
    static const struct judge_case cases[] = {
        {">", "80", 80, 100, false},
        {">", "80", 79, 100, false},
        {">", "80", 81, 100, true},
        {">", "80", 4, 5, false},
        /* counts over 2^31: 2,400,000,000 / 3,000,000,000 is exactly 80 % */
        {">", "80", INT64_C(2400000000), INT64_C(3000000000), false},
        {">", "80", INT64_C(2399999999), INT64_C(3000000000), false},
        {">", "80", INT64_C(2400000001), INT64_C(3000000000), true},
        {">", "85", INT64_C(2550000000), INT64_C(3000000000), false},
        {">", "85", INT64_C(2550000001), INT64_C(3000000000), true},
    };
    check_judge_cases(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

/* "từ 95 % trở lên", "tối thiểu", "ít nhất": at least, so exactly 95 % is met. */
START_TEST(judge_at_least_at_the_boundary)
{
    static const struct judge_case cases[] = {
        {">=", "95", 95, 100, true},
        {">=", "95", 94, 100, false},
        {">=", "95", 96, 100, true},
        {">=", "95", 19, 20, true},
        {">=", "95", INT64_C(2850000000), INT64_C(3000000000), true},
        {">=", "95", INT64_C(2849999999), INT64_C(3000000000), false},
        {">=", "95", INT64_C(2850000001), INT64_C(3000000000), true},
        {">=", "50", INT64_C(1500000000), INT64_C(3000000000), true},
        {">=", "50", INT64_C(1499999999), INT64_C(3000000000), false},
    };
    check_judge_cases(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

/* "100 %": every one; the largest counts kpi supports still decide exactly. */
START_TEST(judge_one_hundred_percent_and_huge_counts)
{
    static const struct judge_case cases[] = {
        {">=", "100", 3, 3, true},
        {">=", "100", 2, 3, false},
        {">=", "100", INT64_C(3000000000), INT64_C(3000000000), true},
        {">=", "100", INT64_C(2999999999), INT64_C(3000000000), false},
        {">=", "100", INT64_MAX / 100, INT64_MAX / 100, true},
        {">=", "100", INT64_MAX / 100 - 1, INT64_MAX / 100, false},
        {">=", "100", INT64_MAX, INT64_MAX, true},
        {">=", "100", INT64_MAX - 1, INT64_MAX, false},
        {">", "100", INT64_MAX, INT64_MAX, false},
        {">", "100", 4, 3, true},
        {">", "50", INT64_MAX / 2 + 1, INT64_MAX, true}, /* INT64_MAX is odd */
        {">", "50", INT64_MAX / 2, INT64_MAX, false},
    };
    check_judge_cases(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

/* Decimal targets compare exactly, where a double would round. */
START_TEST(judge_decimal_targets)
{
    static const struct judge_case cases[] = {
        {">=", "99.5", INT64_C(2985000000), INT64_C(3000000000), true},
        {">=", "99.5", INT64_C(2984999999), INT64_C(3000000000), false},
        {">", "99.5", INT64_C(2985000000), INT64_C(3000000000), false},
        {">", "99.5", INT64_C(2985000001), INT64_C(3000000000), true},
        {">", "33.333333", 1, 3, true},   /* 33.3333333... % */
        {">=", "33.333334", 1, 3, false}, /* 33.3333333... % */
        {">=", "0.000001", 1, 100000000, true},
        {">=", "0.000001", 1, 100000001, false},
        {">", "0", 0, 5, false},
        {">", "0", 1, 5, true},
        {">=", "0", 0, 5, true},
        {">=", "80.0", 80, 100, true},
        {">", "080", 80, 100, false},
    };
    check_judge_cases(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(judge_refuses_what_it_cannot_decide)
{
    static const char *const bad_targets[] = {"80%", "100.5", "",     "-1",         "1e2",
                                              "80.", ".5",    " 80",  "80.1234567", "1000",
                                              "8 0", "+80",   "80,5", "101"};
    bool judged = true, meets = true;
    for (size_t i = 0; i < sizeof bad_targets / sizeof bad_targets[0]; i++) {
        judged = meets = true;
        ck_assert_msg(catalog_judge(">=", bad_targets[i], 1, 2, &judged, &meets) == KPI_REJECTED,
                      "target \"%s\"", bad_targets[i]);
        ck_assert(!judged && !meets); /* out-parameters known after a rejection */
    }
    ck_assert_int_eq(catalog_judge("=>", "80", 1, 2, &judged, &meets), KPI_REJECTED);
    ck_assert_int_eq(catalog_judge("<", "80", 1, 2, &judged, &meets), KPI_REJECTED);
    ck_assert_int_eq(catalog_judge(NULL, "80", 1, 2, &judged, &meets), KPI_REJECTED);
    ck_assert_int_eq(catalog_judge(">", NULL, 1, 2, &judged, &meets), KPI_REJECTED);
    ck_assert_int_eq(catalog_judge(">", "80", -1, 2, &judged, &meets), KPI_REJECTED);
    ck_assert_int_eq(catalog_judge(">", "80", 1, -2, &judged, &meets), KPI_REJECTED);
    judged = meets = true;
    /* a denominator 0: nothing to judge, which is not an error */
    ck_assert_int_eq(catalog_judge(">", "80", 0, 0, &judged, &meets), KPI_OK);
    ck_assert(!judged && !meets);
}
END_TEST

START_TEST(percentages_parse_to_millionths)
{
    int64_t v = -1;
    ck_assert_int_eq(catalog_parse_pct("80", &v), 0);
    ck_assert_int_eq(v, INT64_C(80000000));
    ck_assert_int_eq(catalog_parse_pct("99.5", &v), 0);
    ck_assert_int_eq(v, INT64_C(99500000));
    ck_assert_int_eq(catalog_parse_pct("0.000001", &v), 0);
    ck_assert_int_eq(v, 1);
    ck_assert_int_eq(catalog_parse_pct("100", &v), 0);
    ck_assert_int_eq(v, INT64_C(100000000));
    ck_assert_int_eq(catalog_parse_pct("0.0000001", &v), KPI_REJECTED);
    /* found by fuzzing: a long integer part once overflowed int64 (UBSan) */
    ck_assert_int_eq(catalog_parse_pct("14444444444444444444444", &v), KPI_REJECTED);
    ck_assert_int_eq(v, INT64_C(100000000));
}
END_TEST

/* ---- the shipped catalog ----------------------------------------------- */

/* Every row of INDICATORS.md, in the plan's order. NULL: the row has none. */
struct expected {
    const char *id, *kind, *numerator, *denominator, *comparator, *target, *cadence, *due_date;
    const char *facility_kind, *inner_comparator, *inner_target;
    const char *wording; /* how the plan words the target, found in name_vi */
};

#define RATIO(id, num, den, cmp, tgt, cad, due, wording)                                           \
    {                                                                                              \
        id, "ratio", num, den, cmp, tgt, cad, due, NULL, NULL, NULL, wording                       \
    }
#define SHARE(id, num, den, kind, icmp, itgt, cad, due, wording)                                   \
    {                                                                                              \
        id, "share", num, den, ">=", "100", cad, due, kind, icmp, itgt, wording                    \
    }
#define TASK(id, due)                                                                              \
    {                                                                                              \
        id, "task", NULL, NULL, NULL, NULL, "due", due, NULL, NULL, NULL, NULL                     \
    }
/* a series shown beside the targets, never judged (issue 17, item 8) */
#define MONITOR(id, num, den)                                                                      \
    {                                                                                              \
        id, "monitor", num, den, NULL, NULL, "ongoing", NULL, NULL, NULL, NULL, NULL               \
    }

static const struct expected expected[] = {
    TASK("1.1", "2025-07-17"),
    TASK("1.2", "2025-07-14"),
    TASK("2.3", "2025-07-31"),
    RATIO("3.1", "dvc_essential_online", "dvc_essential_total", ">", "80", "monthly_ytd", NULL,
          "đạt trên 80%"),
    RATIO("3.2.a", "tthc_result_electronic", "tthc_result_total", ">=", "100", "due", "2025-12-31",
          "đạt 100%"),
    RATIO("3.2.b", "tthc_data_reused", "tthc_data_reusable", ">=", "50", "due", "2025-12-31",
          "tối thiểu 50%"),
    RATIO("3.2.c", "feedback_ontime", "feedback_due", ">=", "100", "due", "2025-12-31", "đạt 100%"),
    RATIO("3.2.d", "satisfaction_satisfied", "satisfaction_responses", ">=", "90", "due",
          "2025-12-31", "tối thiểu 90%"),
    RATIO("3.3", "tthc_lltp_revised", "tthc_lltp_listed", ">=", "100", "ongoing", NULL,
          "danh mục 154 thủ tục"),
    TASK("3.4", "2025-09-30"),
    RATIO("3.5", "tthc_full_online_eid", "tthc_eligible_online", ">=", "100", "due", "2025-12-31",
          "100% thủ tục hành chính"),
    RATIO("3.6", "result_individual_archived", "result_individual_issued", ">=", "100",
          "monthly_ytd", NULL, "100% kết quả"),
    RATIO("3.7", "form_standardized", "form_total", ">=", "50", "due", "2025-12-31", "50% mẫu đơn"),
    RATIO("4.1", "checkup_chip_id", "checkup_total", ">=", "95", "ongoing", NULL, "từ 95% trở lên"),
    RATIO("4.2.1", "health_facility_cashless", "health_facility_total", ">=", "100", "ongoing",
          NULL, "100% đơn vị khám chữa bệnh"),
    RATIO("4.2.2", "social_payment_cashless", "social_payment_total", ">=", "80", "monthly_ytd",
          NULL, "từ 80% trở lên"),
    RATIO("4.2.3", "pension_payment_cashless", "pension_payment_total", ">=", "70", "monthly_ytd",
          NULL, "từ 70% trở lên"),
    SHARE("4.2.4", "school_fee_cashless", "school_fee_total", "school", ">=", "85", "ongoing", NULL,
          "đạt 85% trở lên"),
    MONITOR("4.2.4.b", "school_fee_cashless", "school_fee_total"),
    MONITOR("4.4", "lodging_notice_asm", "lodging_notice_total"),
    RATIO("4.5", "petrol_station_auto_einvoice", "petrol_station_total", ">=", "100", "ongoing",
          NULL, "100% cửa hàng"),
    RATIO("5.1.a", "citizen_14plus_id_issued", "citizen_14plus", ">=", "100", "ongoing", NULL,
          "100% công dân từ 14 tuổi"),
    RATIO("5.1.b", "child_under14_id_issued", "child_under14", ">", "80", "ongoing", NULL,
          "trên 80% trẻ em"),
    RATIO("5.2", "citizen_14plus_vneid_active", "citizen_14plus", ">", "85", "ongoing", NULL,
          "đạt trên 85%"),
    RATIO("5.3.a", "enterprise_eid", "enterprise_total", ">=", "100", "due", "2025-08-18",
          "100% doanh nghiệp"),
    RATIO("5.3.b", "organization_eid", "organization_total", ">=", "100", "due", "2025-08-18",
          "100% cơ quan, tổ chức khác"),
    RATIO("5.4", "hospital_emr", "hospital_total", ">=", "100", "due", "2025-08-18",
          "100% các bệnh viện"),
    TASK("5.4.b", "2025-08-18"),
    TASK("5.4.c", "2025-08-18"),
    RATIO("5.5.a", "ehealthbook_integrated", "ehealthbook_eligible", ">=", "100", "due",
          "2025-08-18", "100% người dân tham gia bảo hiểm y tế"),
    SHARE("5.5.b", "checkup_ehealthbook", "checkup_total", "health_facility", ">=", "50", "due",
          "2025-12-31", "tối thiểu 50%"),
    TASK("5.6", "2025-08-31"),
    RATIO("5.7", "adult_digital_signature", "adult_population", ">=", "50", "due", "2025-08-18",
          "50% dân số trưởng thành"),
    MONITOR("5.8", "tax_payment_vneid", "tax_payment_total"),
    TASK("5.9", "2025-07-31"),
    TASK("7.4", "2025-12-31"),
    RATIO("7.5", "bts_5g", "bts_4g", ">=", "50", "due", "2025-11-30", "ít nhất 50%"),
    MONITOR("10.1", "model_06_deployed", NULL),
};

#define N_EXPECTED (sizeof expected / sizeof expected[0])

/* The metric column of INDICATORS.md with its temporal column. */
static const struct {
    const char *code, *temporal;
} expected_metrics[] = {
    {"dvc_essential_online", "flow"},
    {"dvc_essential_total", "flow"},
    {"tthc_result_electronic", "flow"},
    {"tthc_result_total", "flow"},
    {"tthc_data_reused", "flow"},
    {"tthc_data_reusable", "flow"},
    {"feedback_ontime", "flow"},
    {"feedback_due", "flow"},
    {"satisfaction_satisfied", "flow"},
    {"satisfaction_responses", "flow"},
    {"tthc_full_online_eid", "stock"},
    {"tthc_eligible_online", "stock"},
    {"result_individual_archived", "flow"},
    {"result_individual_issued", "flow"},
    {"form_standardized", "stock"},
    {"form_total", "stock"},
    {"checkup_chip_id", "flow"},
    {"checkup_total", "flow"},
    {"health_facility_cashless", "stock"},
    {"health_facility_total", "stock"},
    {"social_payment_cashless", "flow"},
    {"social_payment_total", "flow"},
    {"pension_payment_cashless", "flow"},
    {"pension_payment_total", "flow"},
    {"school_fee_cashless", "flow"},
    {"school_fee_total", "flow"},
    {"petrol_station_auto_einvoice", "stock"},
    {"petrol_station_total", "stock"},
    {"citizen_14plus_id_issued", "stock"},
    {"citizen_14plus", "stock"},
    {"child_under14_id_issued", "stock"},
    {"child_under14", "stock"},
    {"citizen_14plus_vneid_active", "stock"},
    {"enterprise_eid", "stock"},
    {"enterprise_total", "stock"},
    {"organization_eid", "stock"},
    {"organization_total", "stock"},
    {"hospital_emr", "stock"},
    {"hospital_total", "stock"},
    {"ehealthbook_integrated", "stock"},
    {"ehealthbook_eligible", "stock"},
    {"checkup_ehealthbook", "flow"},
    {"adult_digital_signature", "stock"},
    {"adult_population", "stock"},
    {"bts_5g", "stock"},
    {"bts_4g", "stock"},
    {"tthc_lltp_revised", "stock"},
    {"tthc_lltp_listed", "stock"},
    {"lodging_notice_asm", "flow"},
    {"lodging_notice_total", "flow"},
    {"tax_payment_vneid", "flow"},
    {"tax_payment_total", "flow"},
    {"model_06_deployed", "stock"},
};

static bool same(const char *a, const char *b)
{
    return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static struct catalog *load_clean(const char *dir)
{
    struct catalog *cat = NULL;
    ck_assert_int_eq(catalog_load(dir, &cat), 0);
    ck_assert_ptr_nonnull(cat);
    for (size_t i = 0; i < cat->n_problems; i++)
        fprintf(stderr, "%s: %s: %s\n", cat->problems[i].file, cat->problems[i].path,
                cat->problems[i].message);
    ck_assert_uint_eq(cat->n_problems, 0);
    return cat;
}

START_TEST(shipped_catalog_holds_every_target_of_the_plan)
{
    struct catalog *cat = load_clean(testlib_path("indicators"));
    ck_assert_uint_eq(cat->n_indicators, N_EXPECTED);
    for (size_t i = 0; i < N_EXPECTED; i++) {
        const struct expected *e = &expected[i];
        const struct catalog_indicator *d = &cat->indicators[i]; /* sorted like the plan */
        ck_assert_str_eq(d->id, e->id);
        ck_assert_msg(same(d->kind, e->kind), "%s: kind %s", e->id, d->kind);
        ck_assert_msg(same(d->numerator, e->numerator), "%s: numerator", e->id);
        ck_assert_msg(same(d->denominator, e->denominator), "%s: denominator", e->id);
        ck_assert_msg(same(d->comparator, e->comparator), "%s: comparator %s", e->id,
                      d->comparator);
        ck_assert_msg(same(d->target_pct, e->target), "%s: target %s", e->id, d->target_pct);
        ck_assert_msg(same(d->cadence, e->cadence), "%s: cadence %s", e->id, d->cadence);
        ck_assert_msg(same(d->due_date, e->due_date), "%s: due %s", e->id, d->due_date);
        ck_assert_msg(same(d->facility_kind, e->facility_kind), "%s: facility kind", e->id);
        ck_assert_msg(same(d->inner_comparator, e->inner_comparator), "%s: inner cmp", e->id);
        ck_assert_msg(same(d->inner_target_pct, e->inner_target), "%s: inner target", e->id);
        ck_assert_ptr_null(d->effective_from);
        ck_assert_uint_gt(d->lead_units.n, 0);
        ck_assert(d->plan_ref != NULL && strstr(d->plan_ref, "KH 05/KH-UBND") != NULL);
        if (e->wording != NULL) {
            ck_assert_msg(strstr(d->name_vi, e->wording) != NULL, "%s: name_vi lacks \"%s\"", e->id,
                          e->wording);
            ck_assert_ptr_nonnull(d->target_text_vi);
        } else if (strcmp(e->kind, "monitor") == 0) {
            ck_assert_ptr_null(d->target_text_vi); /* shown, never judged */
        } else {
            /* a task: a status metric, declared, a stock */
            char code[32];
            snprintf(code, sizeof code, "task_%s_done", e->id);
            for (char *c = code; *c; c++)
                *c = *c == '.' ? '_' : *c;
            ck_assert_str_eq(d->status_metric, code);
            const struct catalog_metric *m = catalog_metric_find(cat, d->status_metric);
            ck_assert_ptr_nonnull(m);
            ck_assert_str_eq(m->temporal, "stock");
        }
    }
    catalog_free(cat);
}
END_TEST

/* How the shipped catalog judges as the plan words it (issue 17, items 5-9). */
START_TEST(shipped_catalog_judges_as_the_plan_words_it)
{
    struct catalog *cat = load_clean(testlib_path("indicators"));
    /* "phấn đấu" (or the plan's "phần đầu"): 5.1.b, 5.3.a, 5.3.b, 5.4, 5.5.a, 5.5.b, 5.7 */
    char strive[256] = "";
    for (size_t i = 0; i < cat->n_indicators; i++) {
        const struct catalog_indicator *d = &cat->indicators[i];
        if (d->aspirational)
            snprintf(strive + strlen(strive), sizeof strive - strlen(strive), "%s ", d->id);
        if (strcmp(d->id, "5.5.b") == 0) { /* "các cơ sở y tế (công lập và tư nhân)" */
            ck_assert_uint_eq(d->facility_kinds.n, 2);
            ck_assert_str_eq(d->facility_kinds.names[0], "health_facility");
            ck_assert_str_eq(d->facility_kinds.names[1], "hospital");
        }
        if (strcmp(d->id, "7.5") == 0) /* "trạm phát sóng 4G hiện nay": the plan's date */
            ck_assert_str_eq(d->denominator_baseline, "2025-07-14");
        if (strcmp(d->id, "1.1") == 0 || strcmp(d->id, "1.2") == 0) /* "UBND các xã, phường" */
            ck_assert_str_eq(d->assigned_to, "communes");
        if (strcmp(d->id, "3.4") == 0)
            ck_assert_ptr_null(d->assigned_to); /* the province's own status */
    }
    ck_assert_str_eq(strive, "5.1.b 5.3.a 5.3.b 5.4 5.5.a 5.5.b 5.7 ");
    catalog_free(cat);
}
END_TEST

START_TEST(shipped_catalog_declares_every_metric)
{
    struct catalog *cat = load_clean(testlib_path("indicators"));
    size_t n = sizeof expected_metrics / sizeof expected_metrics[0];
    for (size_t i = 0; i < n; i++) {
        const struct catalog_metric *m = catalog_metric_find(cat, expected_metrics[i].code);
        ck_assert_msg(m != NULL, "metric %s is not declared", expected_metrics[i].code);
        ck_assert_msg(strcmp(m->temporal, expected_metrics[i].temporal) == 0, "%s is %s", m->code,
                      m->temporal);
        ck_assert(m->name_vi[0] != '\0' && m->name_en[0] != '\0');
    }
    /* the plan's metrics and one status metric per task, nothing else */
    ck_assert_uint_eq(cat->n_metrics, n + 9);
    catalog_free(cat);
}
END_TEST

/* Copy the *.json files of SRC and of its plan folders into a new directory, in reverse name
 * order (so the version cannot depend on the order a directory lists its files). */
static const char *copy_catalog(const char *src)
{
    static char dst[4096];
    struct dirent **names;
    char from[8192], to[8192];
    snprintf(dst, sizeof dst, "%s", testlib_tmpdir());
    int n = scandir(src, &names, NULL, alphasort);
    ck_assert_int_gt(n, 0);
    while (n-- > 0) {
        size_t len = strlen(names[n]->d_name);
        snprintf(from, sizeof from, "%s/%s", src, names[n]->d_name);
        snprintf(to, sizeof to, "%s/%s", dst, names[n]->d_name);
        struct stat st;
        if (names[n]->d_name[0] != '.' && stat(from, &st) == 0 && S_ISDIR(st.st_mode)) {
            char sub[4096];
            snprintf(sub, sizeof sub, "%s", dst);
            ck_assert_int_eq(mkdir(to, 0700), 0);
            /* the plan folder's files, through the same copy */
            char inner[8192];
            snprintf(inner, sizeof inner, "%s", copy_catalog(from));
            char cmd[20000];
            snprintf(cmd, sizeof cmd, "cp '%s'/*.json '%s/'", inner, to);
            ck_assert_int_eq(system(cmd), 0);
            snprintf(dst, sizeof dst, "%s", sub);
        } else if (len > 5 && strcmp(names[n]->d_name + len - 5, ".json") == 0) {
            char *data = testlib_read_file(from);
            testlib_write_file(to, data, strlen(data));
            free(data);
        }
        free(names[n]);
    }
    free(names);
    return dst;
}

/* Replace the first OLD of DIR/FILE by NEW. */
static void edit_file(const char *dir, const char *file, const char *old, const char *new)
{
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    char *data = testlib_read_file(path);
    char *at = strstr(data, old);
    ck_assert_msg(at != NULL, "%s has no %s", path, old);
    size_t len = strlen(data) - strlen(old) + strlen(new);
    char *out = malloc(len + 1);
    ck_assert_ptr_nonnull(out);
    snprintf(out, len + 1, "%.*s%s%s", (int)(at - data), data, new, at + strlen(old));
    testlib_write_file(path, out, len);
    free(out);
    free(data);
}

START_TEST(version_depends_on_content_only)
{
    struct catalog *a = load_clean(testlib_path("indicators"));
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", copy_catalog(testlib_path("indicators")));
    char notes[8192];
    snprintf(notes, sizeof notes, "%s/README.md", dir);
    testlib_write_file(notes, "not part of the catalog\n", 24);
    struct catalog *b = load_clean(dir);
    ck_assert_uint_eq(strlen(a->version), 64);
    ck_assert_str_eq(a->version, b->version);
    edit_file(dir, "kh05-2025/7.5.json", "\"50\"", "\"60\"");
    edit_file(dir, "kh05-2025/7.5.json", "ít nhất 50 %", "ít nhất 60 %");
    struct catalog *c = load_clean(dir);
    ck_assert_str_ne(a->version, c->version);
    catalog_free(a);
    catalog_free(b);
    catalog_free(c);
}
END_TEST

/* ---- broken catalogs --------------------------------------------------- */

static const struct {
    const char *dir, *file, *path, *message;
} broken[] = {
    /* byte 18 is where json.loads also stops: "name_vi" after "id": "3.1" lacking a comma */
    {"malformed_json", "3.1.json", "/", "malformed JSON at byte 18 (line 3, column 3)"},
    {"invalid_utf8", "3.1.json", "/", "not valid UTF-8 at byte 33"},
    {"not_an_object", "3.1.json", "/", "must hold one JSON object"},
    {"unknown_key", "3.1.json", "/owner", "unknown key \"owner\""},
    {"misspelt_key", "3.1.json", "/nots", "did you mean \"note\"?"},
    {"duplicate_key", "3.1.json", "/target_pct", "appears twice"},
    {"missing_key", "3.1.json", "/name_en", "missing key \"name_en\""},
    {"unknown_metric", "3.1.json", "/numerator",
     "unknown metric code \"dvc_essential_onlin\" (did you mean \"dvc_essential_online\"?)"},
    {"duplicate_id", "3.1.json", "/id", "indicator \"3.1\" is already defined in 3.1-copy.json"},
    {"bad_id", "3.1.json", "/id", "\"3,1\" is not an appendix item number"},
    {"target_above_100", "3.1.json", "/target_pct", "outside 0 to 100"},
    {"target_not_string", "3.1.json", "/target_pct", "must be text in double quotes, e.g. \"80\""},
    {"target_not_decimal", "3.1.json", "/target_pct", "\"80%\" is not a percentage"},
    {"unknown_comparator", "3.1.json", "/comparator", "unknown comparator \"=>\"; use \">\""},
    {"comparator_contradicts_wording", "3.1.json", "/comparator",
     "\"trên\" means strictly above; set \"comparator\": \">\""},
    {"wording_without_target", "3.1.json", "/target_text_vi", "does not mention the target 80 %"},
    {"key_of_other_kind", "3.1.json", "/inner_target_pct", "does not apply to a ratio indicator"},
    {"share_without_inner_target", "4.2.4.json", "/inner_target_pct",
     "missing key \"inner_target_pct\"; a share indicator needs"},
    {"bad_cadence", "3.1.json", "/cadence", "unknown cadence \"weekly\""},
    {"bad_due_date", "1.1.json", "/due_date", "month 02 of 2025 has 28 days"},
    {"bad_effective_from", "3.1.json", "/effective_from", "the month must be 01 to 12"},
    {"due_without_date", "1.1.json", "/due_date", "\"cadence\": \"due\" needs the last day"},
    {"task_without_status", "1.1.json", "/status_metric", "missing key \"status_metric\""},
    {"task_status_is_flow", "1.1.json", "/status_metric", "is declared \"flow\""},
    {"lead_units_not_list", "3.1.json", "/lead_units", "a list of names in square brackets"},
    {"empty_unit_name", "3.1.json", "/lead_units/1", "not empty"},
    {"bad_temporal", "metrics.json", "/dvc_essential_online/temporal",
     "temporal \"sum\" is not known; use \"flow\""},
    {"no_metrics_file", "metrics.json", "/", "the catalog needs metrics.json"},
    /* "Tiếp tục quán triệt, … giải quyết trực tuyến": 80 characters (code points), not bytes */
    {"short_name_too_long", "3.1.json", "/short_name_vi",
     "\"short_name_vi\" has 80 characters; a short name has at most 60"},
    {"metric_without_noun", "metrics.json", "/dvc_essential_online/noun_vi",
     "missing key \"noun_vi\"; every metric needs name_vi, name_en, noun_vi, noun_en"},
    /* "Tên\u0000 ngắn": cJSON would keep "Tên" only; the escape starts at byte 347 (the name's
       letters are multi-byte), line 5 */
    {"nul_escape", "3.1.json", "/", "a NUL character (\\u0000) at byte 347 (line 5"},
    {"reported_by_not_list", "metrics.json", "/dvc_essential_online/reported_by",
     "must list the kinds of unit that send this count"},
    /* ["xa", "phuong", "xa"]: the third (index 2) repeats the first */
    {"reported_by_twice", "metrics.json", "/dvc_essential_online/reported_by/2",
     "kind \"xa\" is listed twice"},
    /* how the plan judges a target (issue 17): "Phấn đấu …" must say whether it binds */
    {"aspirational_unsaid", "3.1.json", "/aspirational", "the plan words this target \"phấn đấu\""},
    {"aspirational_not_bool", "3.1.json", "/aspirational", "must be true or false"},
    {"monitor_with_comparator", "3.1.json", "/comparator",
     "\"comparator\" does not apply to a monitor indicator"},
    {"baseline_of_flow", "3.1.json", "/denominator_baseline",
     "denominator \"dvc_essential_total\" is a \"flow\""},
    {"assigned_unknown", "1.1.json", "/assigned_to", "unknown assigned_to \"everyone\""},
    /* ["school", "school"]: the second (index 1) repeats the first */
    {"facility_kind_twice", "4.2.4.json", "/facility_kind/1", "\"school\" is listed twice"},
};

#define N_BROKEN (sizeof broken / sizeof broken[0])

START_TEST(broken_catalog_is_rejected_with_file_path_and_message)
{
    char rel[256];
    snprintf(rel, sizeof rel, "tests/data/catalog_bad/%s", broken[_i].dir);
    struct catalog *cat = NULL;
    ck_assert_int_eq(catalog_load(testlib_path(rel), &cat), 0);
    for (size_t i = 0; i < cat->n_problems && cat->n_problems != 1; i++)
        fprintf(stderr, "%s: %s: %s: %s\n", broken[_i].dir, cat->problems[i].file,
                cat->problems[i].path, cat->problems[i].message);
    ck_assert_uint_eq(cat->n_problems, 1); /* one defect, one problem */
    ck_assert_str_eq(cat->problems[0].file, broken[_i].file);
    ck_assert_str_eq(cat->problems[0].path, broken[_i].path);
    ck_assert_msg(strstr(cat->problems[0].message, broken[_i].message) != NULL,
                  "%s: message \"%s\" lacks \"%s\"", broken[_i].dir, cat->problems[0].message,
                  broken[_i].message);
    catalog_free(cat);

    /* and through kpi catalog check: exit 1, the line FILE: PATH: message */
    char *out, *err, prefix[1024];
    snprintf(rel, sizeof rel, "tests/data/catalog_bad/%s", broken[_i].dir);
    const char *args[] = {"catalog", "check", testlib_path(rel), NULL};
    snprintf(prefix, sizeof prefix, "%s/%s: %s: ", args[2], broken[_i].file, broken[_i].path);
    ck_assert_int_eq(testlib_kpi(&out, &err, NULL, args), 1);
    ck_assert_msg(strncmp(out, prefix, strlen(prefix)) == 0, "\"%s\" does not start with \"%s\"",
                  out, prefix);
    ck_assert_ptr_nonnull(strstr(out, broken[_i].message));
    ck_assert_ptr_nonnull(strstr(err, "1 problem"));
    free(out);
    free(err);
}
END_TEST

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

START_TEST(check_reports_every_problem_not_only_the_first)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir()); /* testlib_kpi reuses its buffer */
    static const char *const parts[][2] = {
        {"bad_temporal", "metrics.json"}, /* a temporal "sum" */
        {"target_above_100", "3.1.json"}, /* a target of 120 */
        {"bad_due_date", "1.1.json"},     /* 2025-02-30 */
        {"share_without_inner_target", "4.2.4.json"},
    };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        char rel[256], to[8192];
        snprintf(rel, sizeof rel, "tests/data/catalog_bad/%s/%s", parts[i][0], parts[i][1]);
        char *data = testlib_read_file(testlib_path(rel));
        snprintf(to, sizeof to, "%s/%s", dir, parts[i][1]);
        testlib_write_file(to, data, strlen(data));
        free(data);
    }
    char *out;
    const char *args[] = {"catalog", "check", dir, NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, NULL, args), 1);
    ck_assert_int_eq(count_lines(out), 4);
    ck_assert_ptr_nonnull(strstr(out, "metrics.json: /dvc_essential_online/temporal: "));
    ck_assert_ptr_nonnull(strstr(out, "3.1.json: /target_pct: "));
    ck_assert_ptr_nonnull(strstr(out, "1.1.json: /due_date: "));
    ck_assert_ptr_nonnull(strstr(out, "4.2.4.json: /inner_target_pct: "));
    free(out);
}
END_TEST

/* ---- kpi catalog ------------------------------------------------------- */

START_TEST(check_of_the_shipped_catalog_exits_zero)
{
    char *out;
    const char *args[] = {"catalog", "check", testlib_path("indicators/"), NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, NULL, args), 0);
    ck_assert_ptr_nonnull(strstr(out, "valid: 38 indicators"));
    free(out);
    /* without DIR: the catalog kpi finds by itself */
    const char *none[] = {"catalog", "check", NULL};
    const char *env[] = {"KPI_CATALOG=", NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, env, none), 0);
    ck_assert_ptr_nonnull(strstr(out, "valid: 38 indicators"));
    free(out);
}
END_TEST

START_TEST(catalog_help_and_usage_errors)
{
    char *out, *err;
    const char *help[] = {"catalog", "--help", NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, NULL, help), 0);
    ck_assert_ptr_nonnull(strstr(out, "usage: kpi catalog check [DIR]"));
    free(out);
    const char *top[] = {"--help", NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, NULL, top), 0);
    ck_assert_ptr_nonnull(strstr(out, "  catalog "));
    free(out);
    const char *none[] = {"catalog", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, NULL, none), 2);
    ck_assert_ptr_nonnull(strstr(err, "missing subcommand"));
    free(err);
    const char *unknown[] = {"catalog", "frob", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, NULL, unknown), 2);
    ck_assert_ptr_nonnull(strstr(err, "unknown subcommand 'frob'"));
    free(err);
    const char *option[] = {"catalog", "check", "--frob", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, NULL, option), 2);
    ck_assert_ptr_nonnull(strstr(err, "kpi catalog: unknown option '--frob'"));
    free(err);
    const char *missing[] = {"catalog", "check", "/nonexistent/catalog", NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, NULL, missing), 1);
    ck_assert_ptr_nonnull(strstr(out, "/nonexistent/catalog: /: could not open the catalog "
                                      "directory"));
    free(out);
}
END_TEST

/* Display columns (UTF-8 characters) before byte OFFSET of LINE. */
static size_t columns(const char *line, size_t offset)
{
    size_t n = 0;
    for (size_t i = 0; i < offset; i++)
        n += ((unsigned char)line[i] & 0xc0) != 0x80;
    return n;
}

START_TEST(list_prints_an_aligned_table)
{
    char *out;
    const char *args[] = {"catalog", "list", NULL};
    const char *env[] = {"KPI_CATALOG=", NULL};
    ck_assert_int_eq(testlib_kpi(&out, NULL, env, args), 0);
    /* header, rows, the plan (issue 18), summary */
    ck_assert_int_eq(count_lines(out), (int)N_EXPECTED + 3);
    ck_assert_ptr_nonnull(strstr(out, "\nplan kh05-2025 (05/KH-UBND, 2025-07-14): in force "
                                      "2025-01-01 → 2025-12-31, 38 indicators\n"));
    ck_assert_ptr_nonnull(strstr(out, "\n3.1 ")); /* ... > 80 % */
    ck_assert_ptr_nonnull(strstr(out, "> 80 %"));
    ck_assert_ptr_nonnull(strstr(out, ">= 100 % of school >= 85 %"));
    ck_assert_ptr_nonnull(strstr(out, "due 2025-08-18"));
    size_t starts[3] = {0};
    char *line = out;
    for (int row = 0; row <= (int)N_EXPECTED; row++) {
        char *end = strchr(line, '\n');
        ck_assert_ptr_nonnull(end);
        *end = '\0';
        if (row > 0) {
            size_t id_len = strcspn(line, " ");
            ck_assert_msg(strncmp(line, expected[row - 1].id, id_len) == 0 &&
                              strlen(expected[row - 1].id) == id_len,
                          "row %d is \"%s\"", row, line);
        }
        /* columns are separated by two spaces or more; cells hold single spaces */
        const char *p = line;
        for (int c = 0; c < 3; c++) {
            p = strstr(p, "  ");
            ck_assert_ptr_nonnull(p);
            p += strspn(p, " ");
            size_t col = columns(line, (size_t)(p - line));
            if (row == 0)
                starts[c] = col;
            ck_assert_msg(col == starts[c], "row %d column %d starts at %zu, not %zu", row, c + 2,
                          col, starts[c]);
        }
        line = end + 1;
    }
    ck_assert_ptr_nonnull(strstr(line, "38 indicators"));
    free(out);
}
END_TEST

/* ---- the database ------------------------------------------------------ */

static int kpi_migrate(const char *db, const char *catalog, char **out, char **err)
{
    const char *env[] = {"KPI_CATALOG=", NULL};
    const char *with[] = {"--db", db, "--catalog", catalog, "migrate", NULL};
    const char *without[] = {"--db", db, "migrate", NULL};
    return testlib_kpi(out, err, env, catalog ? with : without);
}

static char *value(PGconn *conn, const char *sql)
{
    char *v = testlib_value(conn, sql);
    ck_assert_msg(v != NULL, "no row: %s", sql);
    return v;
}

static void assert_value(PGconn *conn, const char *sql, const char *want)
{
    char *v = value(conn, sql);
    ck_assert_msg(strcmp(v, want) == 0, "%s: \"%s\", expected \"%s\"", sql, v, want);
    free(v);
}

START_TEST(migrate_loads_every_indicator)
{
    const char *db = testlib_db_new();
    ck_assert_int_eq(kpi_migrate(db, NULL, NULL, NULL), 0);
    PGconn *conn = testlib_connect(db);
    PGresult *res =
        PQexec(conn, "SELECT id, comparator, target_pct, kind, cadence, due_date, "
                     "inner_target_pct, split_part(facility_kind, ',', 1) FROM kpi.indicator");
    ck_assert_int_eq(PQresultStatus(res), PGRES_TUPLES_OK);
    ck_assert_int_eq(PQntuples(res), (int)N_EXPECTED);
    for (size_t i = 0; i < N_EXPECTED; i++) {
        const struct expected *e = &expected[i];
        int row = -1;
        for (int r = 0; r < PQntuples(res) && row < 0; r++)
            if (strcmp(PQgetvalue(res, r, 0), e->id) == 0)
                row = r;
        ck_assert_msg(row >= 0, "indicator %s is not in kpi.indicator", e->id);
        const char *cols[] = {e->comparator, e->target,       e->kind,         e->cadence,
                              e->due_date,   e->inner_target, e->facility_kind};
        for (int c = 0; c < 7; c++) {
            const char *got = PQgetisnull(res, row, c + 1) ? NULL : PQgetvalue(res, row, c + 1);
            ck_assert_msg(same(got, cols[c]), "%s column %d: %s", e->id, c + 1, got);
        }
    }
    PQclear(res);
    char count[16];
    snprintf(count, sizeof count, "%zu", sizeof expected_metrics / sizeof expected_metrics[0] + 9);
    assert_value(conn, "SELECT count(*) FROM kpi.metric", count);
    assert_value(conn, "SELECT facility_kind FROM kpi.indicator WHERE id = '5.5.b'",
                 "health_facility,hospital");
    assert_value(conn,
                 "SELECT denominator_baseline || ' ' || aspirational FROM kpi.indicator "
                 "WHERE id = '7.5'",
                 "2025-07-14 false");
    assert_value(conn, "SELECT temporal FROM kpi.metric WHERE code = 'checkup_total'", "flow");
    assert_value(conn, "SELECT temporal FROM kpi.metric WHERE code = 'citizen_14plus'", "stock");
    assert_value(conn,
                 "SELECT array_to_string(lead_units, '|') FROM kpi.indicator "
                 "WHERE id = '4.2.4'",
                 "Sở Giáo dục và Đào tạo|UBND các xã, phường");
    assert_value(conn, "SELECT status_metric FROM kpi.indicator WHERE id = '5.9'", "task_5_9_done");
    /* the words of issue 16: short names, nouns of gaps, deadlines in English, the note */
    assert_value(conn,
                 "SELECT count(*) FROM kpi.indicator WHERE short_name_vi IS NOT NULL "
                 "AND short_name_en IS NOT NULL AND length(short_name_vi) <= 60",
                 "38");
    assert_value(conn, "SELECT count(*) FROM kpi.metric WHERE noun_vi IS NULL OR noun_en IS NULL",
                 "0");
    assert_value(conn, "SELECT short_name_vi || ' | ' || note FROM kpi.indicator WHERE id = '1.1'",
                 "Kiện toàn Tổ Công tác Đề án 06 | \"Kiểm toàn\" là nguyên văn của kế hoạch (ý là "
                 "\"Kiện toàn\")");
    assert_value(conn, "SELECT noun_vi FROM kpi.metric WHERE code = 'citizen_14plus_id_issued'",
                 "công dân được cấp Căn cước");
    assert_value(conn,
                 "SELECT facility_noun_vi || ' / ' || deadline_text_en FROM kpi.indicator "
                 "WHERE id = '4.2.4'",
                 "trường học / Ongoing");
    assert_value(conn, "SELECT noun_en FROM kpi.metric_history WHERE code = 'bts_5g'",
                 "5G base stations");
    assert_value(conn, "SELECT short_name_en FROM kpi.indicator_history WHERE id = '5.9'",
                 "Location identification and house numbering");
    /* who sends each count (issue 17, item 4): every metric says; a hospital's count is the
     * hospitals', the commune flows the communes' and wards', the province's own tasks */
    assert_value(conn, "SELECT count(*) FROM kpi.metric WHERE reported_by IS NULL", "0");
    assert_value(conn, "SELECT reported_by::text FROM kpi.metric WHERE code = 'hospital_emr'",
                 "{hospital}");
    assert_value(conn, "SELECT reported_by::text FROM kpi.metric WHERE code = 'feedback_due'",
                 "{xa,phuong,dac_khu}");
    assert_value(conn,
                 "SELECT reported_by::text FROM kpi.metric_history WHERE code = 'task_2_3_done'",
                 "{province}");
    /* a task of every commune and ward (1.1): each reports its own status */
    assert_value(conn,
                 "SELECT reported_by::text || ' ' || i.assigned_to FROM kpi.metric m "
                 "JOIN kpi.indicator i ON i.status_metric = m.code WHERE i.id = '1.1'",
                 "{xa,phuong,dac_khu} communes");

    struct catalog *cat = load_clean(testlib_path("indicators"));
    char sql[256];
    assert_value(conn, "SELECT count(*) FROM kpi.catalog_load", "1");
    /* a version per item (issue 18): 38 items, 38 versions, each the one catalog_load read */
    assert_value(conn, "SELECT count(DISTINCT catalog_version) FROM kpi.indicator", "38");
    assert_value(conn, "SELECT count(*) FROM kpi.indicator WHERE plan_id = 'kh05-2025'", "38");
    for (size_t i = 0; i < cat->n_indicators; i++) {
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM kpi.indicator WHERE id = '%s' AND catalog_version = '%s'",
                 cat->indicators[i].id, cat->indicators[i].version);
        assert_value(conn, sql, "1");
    }
    assert_value(conn,
                 "SELECT valid_from || ' ' || valid_to || ' ' || appendix_number "
                 "FROM kpi.plan WHERE id = 'kh05-2025'",
                 "2025-01-01 2025-12-31 06/KH-UBND");
    catalog_free(cat);
    PQfinish(conn);
}
END_TEST

#define ROW_STAMPS                                                                                 \
    "SELECT (SELECT string_agg(id || ':' || xmin, ',' ORDER BY id) FROM kpi.indicator) || "        \
    "(SELECT string_agg(code || ':' || xmin, ',' ORDER BY code) FROM kpi.metric) || "              \
    "(SELECT string_agg(catalog_version || loaded_at, ',') FROM kpi.catalog_load)"

START_TEST(second_migrate_leaves_the_catalog_alone)
{
    const char *db = testlib_db_new();
    char *out;
    ck_assert_int_eq(kpi_migrate(db, NULL, &out, NULL), 0);
    ck_assert_ptr_nonnull(strstr(out, "added 38 indicators"));
    free(out);
    PGconn *conn = testlib_connect(db);
    char *before = value(conn, ROW_STAMPS);
    ck_assert_int_eq(kpi_migrate(db, NULL, &out, NULL), 0);
    ck_assert_ptr_nonnull(strstr(out, "unchanged: 38 indicators"));
    ck_assert_ptr_null(strstr(out, "added"));
    char *after = value(conn, ROW_STAMPS);
    ck_assert_str_eq(before, after); /* not one row rewritten */
    free(out);
    free(before);
    free(after);
    PQfinish(conn);
}
END_TEST

START_TEST(changed_target_updates_the_row_and_keeps_history)
{
    const char *db = testlib_db_new();
    char dir[4096], *out;
    ck_assert_int_eq(kpi_migrate(db, NULL, NULL, NULL), 0);
    PGconn *conn = testlib_connect(db);
    char *old_version = value(conn, "SELECT catalog_version FROM kpi.catalog_load");
    /* a version per item (issue 18): the other rows keep theirs, so their cells are not
     * re-stamped */
    char *other_rows = value(conn, "SELECT string_agg(id || target_pct || catalog_version, ',' "
                                   "ORDER BY id) FROM kpi.indicator WHERE id <> '3.1'");

    snprintf(dir, sizeof dir, "%s", copy_catalog(testlib_path("indicators")));
    edit_file(dir, "kh05-2025/3.1.json", "\"target_pct\": \"80\"", "\"target_pct\": \"85\"");
    edit_file(dir, "kh05-2025/3.1.json", "\"trên 80 %\"", "\"trên 85 %\"");
    ck_assert_int_eq(kpi_migrate(db, dir, &out, NULL), 0);
    ck_assert_ptr_nonnull(strstr(out, "changed indicator kh05-2025/3.1: "));
    ck_assert_ptr_nonnull(strstr(out, "target_pct 80 → 85"));
    free(out);

    assert_value(conn, "SELECT target_pct FROM kpi.indicator WHERE id = '3.1'", "85");
    assert_value(conn, "SELECT count(*) FROM kpi.indicator", "38");
    assert_value(conn, "SELECT count(*) FROM kpi.catalog_load", "2");
    char *new_version = value(conn, "SELECT catalog_version FROM kpi.indicator WHERE id = '3.1'");
    ck_assert_str_ne(new_version, old_version);
    char *still = value(conn, "SELECT string_agg(id || target_pct || catalog_version, ',' "
                              "ORDER BY id) FROM kpi.indicator WHERE id <> '3.1'");
    ck_assert_str_eq(still, other_rows);
    /* both targets stay on record, each under the version that set it */
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT string_agg(target_pct::text, ',' ORDER BY catalog_version = '%s') "
             "FROM kpi.indicator_history WHERE id = '3.1'",
             new_version);
    assert_value(conn, sql, "80,85");
    /* loading the same edited catalog again changes nothing */
    ck_assert_int_eq(kpi_migrate(db, dir, &out, NULL), 0);
    ck_assert_ptr_nonnull(strstr(out, "unchanged"));
    free(out);
    free(old_version);
    free(new_version);
    free(other_rows);
    free(still);
    PQfinish(conn);
}
END_TEST

START_TEST(indicator_left_out_of_the_catalog_is_kept)
{
    const char *db = testlib_db_new();
    char dir[4096], path[8192], *err;
    ck_assert_int_eq(kpi_migrate(db, NULL, NULL, NULL), 0);
    snprintf(dir, sizeof dir, "%s", copy_catalog(testlib_path("indicators")));
    snprintf(path, sizeof path, "%s/kh05-2025/7.5.json", dir);
    ck_assert_int_eq(remove(path), 0);
    /* through KPI_CATALOG this time */
    char envvar[8192];
    snprintf(envvar, sizeof envvar, "KPI_CATALOG=%s", dir);
    const char *env[] = {envvar, NULL};
    const char *args[] = {"--db", db, "migrate", NULL};
    ck_assert_int_eq(testlib_kpi(NULL, &err, env, args), 0);
    ck_assert_ptr_nonnull(strstr(err,
                                 "indicator kh05-2025/7.5 is in the database but no longer in the "
                                 "catalog; kept"));
    free(err);
    PGconn *conn = testlib_connect(db);
    assert_value(conn, "SELECT count(*) FROM kpi.indicator", "38");
    assert_value(conn, "SELECT target_pct FROM kpi.indicator WHERE id = '7.5'", "50");
    /* kept, and no longer computed (issue 18: in_catalog) */
    assert_value(conn, "SELECT string_agg(id, ',') FROM kpi.indicator WHERE NOT in_catalog", "7.5");
    PQfinish(conn);
}
END_TEST

START_TEST(broken_catalog_is_not_loaded)
{
    const char *db = testlib_db_new();
    char *err;
    const char *bad = testlib_path("tests/data/catalog_bad/unknown_comparator");
    ck_assert_int_eq(kpi_migrate(db, bad, NULL, &err), 3);
    ck_assert_ptr_nonnull(strstr(err, "3.1.json: /comparator: unknown comparator"));
    ck_assert_ptr_nonnull(strstr(err, "was not loaded"));
    free(err);
    PGconn *conn = testlib_connect(db);
    char migrations[16];
    snprintf(migrations, sizeof migrations, "%zu", migrate_files_len);
    assert_value(conn, "SELECT count(*) FROM kpi.schema_migration", migrations);
    assert_value(conn, "SELECT count(*) FROM kpi.indicator", "0");
    assert_value(conn, "SELECT count(*) FROM kpi.catalog_load", "0");
    PQfinish(conn);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("catalog");
    TCase *unit = tcase_create("judge");
    tcase_add_test(unit, judge_strictly_above_at_the_boundary);
    tcase_add_test(unit, judge_at_least_at_the_boundary);
    tcase_add_test(unit, judge_one_hundred_percent_and_huge_counts);
    tcase_add_test(unit, judge_decimal_targets);
    tcase_add_test(unit, judge_refuses_what_it_cannot_decide);
    tcase_add_test(unit, percentages_parse_to_millionths);
    suite_add_tcase(s, unit);

    TCase *files = tcase_create("files");
    tcase_set_timeout(files, 120);
    tcase_add_test(files, shipped_catalog_holds_every_target_of_the_plan);
    tcase_add_test(files, shipped_catalog_declares_every_metric);
    tcase_add_test(files, shipped_catalog_judges_as_the_plan_words_it);
    tcase_add_test(files, version_depends_on_content_only);
    tcase_add_loop_test(files, broken_catalog_is_rejected_with_file_path_and_message, 0,
                        (int)N_BROKEN);
    tcase_add_test(files, check_reports_every_problem_not_only_the_first);
    tcase_add_test(files, check_of_the_shipped_catalog_exits_zero);
    tcase_add_test(files, list_prints_an_aligned_table);
    tcase_add_test(files, catalog_help_and_usage_errors);
    suite_add_tcase(s, files);

    TCase *db = tcase_create("db");
    tcase_set_timeout(db, 120);
    tcase_add_test(db, migrate_loads_every_indicator);
    tcase_add_test(db, second_migrate_leaves_the_catalog_alone);
    tcase_add_test(db, changed_target_updates_the_row_and_keeps_history);
    tcase_add_test(db, indicator_left_out_of_the_catalog_is_kept);
    tcase_add_test(db, broken_catalog_is_not_loaded);
    suite_add_tcase(s, db);

    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
