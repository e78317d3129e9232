/* test-differential.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Differential ranking on tests/data/kb/mini.xml, against scores computed by hand:
 *   c-one   = s-a typical 3, s-b common 2, s-c occasional 1   (total 6), region r-out
 *   c-two   = s-a common 2, s-d typical 3                     (total 5), region r-heel
 *   c-three = s-b typical 3, s-c typical 3                    (total 6), region r-out
 *   score   = 100 * (0.5 * matched weight / total + 0.5 * matched / given), x0.5 off-region
 */

#include "config.h"

#include "test-kb-common.h"

typedef struct {
  const char *id;
  double      score;
  const char *matched;
} Expected;

static void
check_ranking (const char     *symptoms,
               const char     *region_id,
               const Expected *expected,
               guint           n_expected,
               const char     *red_flag)
{
  g_autoptr(TalusKnowledgeBase) kb = test_kb_load_mini ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parsed = talus_differential_parse_symptoms (kb, symptoms, &error);
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(GListModel) results = NULL;
  TalusRegion *region = region_id ? talus_knowledge_base_lookup_region (kb, region_id) : NULL;

  g_assert_no_error (error);
  results = talus_differential_compute (kb, parsed, region, &flags);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(TalusDifferentialResult) r = g_list_model_get_item (results, i);
      GPtrArray *matched = talus_differential_result_get_matched (r);
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint j = 0; j < matched->len; j++)
        g_string_append_printf (ids, "%s%s", j ? "," : "", talus_entry_get_id (matched->pdata[j]));

      g_assert_cmpstr (talus_entry_get_id (TALUS_ENTRY (talus_differential_result_get_condition (r))),
                       ==, expected[i].id);
      g_assert_cmpuint (talus_differential_result_get_rank (r), ==, i + 1);
      g_assert_cmpfloat_with_epsilon (talus_differential_result_get_score (r), expected[i].score, 0.006);
      g_assert_cmpstr (ids->str, ==, expected[i].matched);
    }

  if (red_flag == NULL)
    g_assert_cmpuint (flags->len, ==, 0);
  else
    {
      g_assert_cmpuint (flags->len, >=, 1);
      g_assert_cmpstr (talus_entry_get_id (flags->pdata[0]), ==, red_flag);
    }
}

static void
test_rank_basic (void)
{
  /* c-one: 50*5/6 + 50*2/2 = 91.67; c-three: 50*3/6 + 50*1/2 = 50; c-two: 50*2/5 + 25 = 45 */
  static const Expected expected[] = {
    { "c-one", 91.67, "s-a,s-b" },
    { "c-three", 50.0, "s-b" },
    { "c-two", 45.0, "s-a" },
  };

  check_ranking ("s-a,s-b", NULL, expected, G_N_ELEMENTS (expected), "f-visit");
}

static void
test_rank_region (void)
{
  /* r-heel halves c-one (45.83) and c-three (25); c-two keeps 45 */
  static const Expected expected[] = {
    { "c-one", 45.83, "s-a,s-b" },
    { "c-two", 45.0, "s-a" },
    { "c-three", 25.0, "s-b" },
  };

  check_ranking ("s-a,s-b", "r-heel", expected, G_N_ELEMENTS (expected), "f-visit");
}

static void
test_red_flag (void)
{
  /* c-two: 50*3/5 + 25 = 55; c-three: 50*3/6 + 25 = 50; c-one: 50*1/6 + 25 = 33.33 */
  static const Expected expected[] = {
    { "c-two", 55.0, "s-d" },
    { "c-three", 50.0, "s-c" },
    { "c-one", 33.33, "s-c" },
  };

  check_ranking ("s-d,s-c", NULL, expected, G_N_ELEMENTS (expected), "f-hot");
}

static void
test_missing_and_ties (void)
{
  g_autoptr(TalusKnowledgeBase) kb = test_kb_load_mini ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parsed = talus_differential_parse_symptoms (kb, "s-c, s-c", &error);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(TalusDifferentialResult) first = NULL;
  g_autoptr(TalusDifferentialResult) second = NULL;
  GPtrArray *missing;

  g_assert_no_error (error);
  results = talus_differential_compute (kb, parsed, NULL, NULL);
  /* duplicates count once: c-three 50*3/6 + 50 = 75, c-one 50*1/6 + 50 = 58.33 */
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  first = g_list_model_get_item (results, 0);
  second = g_list_model_get_item (results, 1);
  g_assert_cmpfloat_with_epsilon (talus_differential_result_get_score (first), 75.0, 0.006);
  g_assert_cmpfloat_with_epsilon (talus_differential_result_get_score (second), 58.33, 0.006);

  /* what is missing, most typical first */
  missing = talus_differential_result_get_missing (second);
  g_assert_cmpuint (missing->len, ==, 2);
  g_assert_cmpstr (talus_entry_get_id (talus_link_get_target (missing->pdata[0])), ==, "s-a");
  g_assert_cmpstr (talus_entry_get_id (talus_link_get_target (missing->pdata[1])), ==, "s-b");
}

static void
test_unknown_symptom (void)
{
  g_autoptr(TalusKnowledgeBase) kb = test_kb_load_mini ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parsed = talus_differential_parse_symptoms (kb, "s-a,nope", &error);

  g_assert_null (parsed);
  g_assert_error (error, TALUS_KB_ERROR, TALUS_KB_ERROR_UNKNOWN_ID);
  g_assert_cmpstr (error->message, ==, "unknown symptom “nope”; known symptoms: s-a, s-b, s-c, s-d");
  g_clear_error (&error);

  parsed = talus_differential_parse_symptoms (kb, " , ", &error);
  g_assert_null (parsed);
  g_assert_error (error, TALUS_KB_ERROR, TALUS_KB_ERROR_UNKNOWN_ID);
}

static void
test_deterministic (void)
{
  g_autoptr(TalusKnowledgeBase) kb = test_kb_load_mini ();
  g_autoptr(GPtrArray) parsed = talus_differential_parse_symptoms (kb, "s-b,s-a", NULL);
  g_autoptr(GListModel) a = talus_differential_compute (kb, parsed, NULL, NULL);
  g_autoptr(GListModel) b = talus_differential_compute (kb, parsed, NULL, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(TalusDifferentialResult) ra = g_list_model_get_item (a, i);
      g_autoptr(TalusDifferentialResult) rb = g_list_model_get_item (b, i);

      g_assert_true (talus_differential_result_get_condition (ra) ==
                     talus_differential_result_get_condition (rb));
    }
}

static void
test_shipped_examples (void)
{
  g_autoptr(TalusKnowledgeBase) kb = talus_knowledge_base_new ();
  g_autoptr(GError) error = NULL;
  struct { const char *symptoms; const char *first[2]; } cases[] = {
    { "outside-ankle-pain,giving-way,popping-clicking", { "chronic-ankle-instability", "ankle-sprain" } },
    { "heel-underside-pain,first-step-pain", { "plantar-fasciitis", NULL } },
  };

  g_assert_true (talus_knowledge_base_load_shipped (kb, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) parsed = talus_differential_parse_symptoms (kb, cases[i].symptoms, &error);
      g_autoptr(GListModel) results = NULL;
      g_autoptr(TalusDifferentialResult) top = NULL;
      const char *id;

      g_assert_no_error (error);
      results = talus_differential_compute (kb, parsed, NULL, NULL);
      g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
      top = g_list_model_get_item (results, 0);
      id = talus_entry_get_id (TALUS_ENTRY (talus_differential_result_get_condition (top)));
      if (g_strcmp0 (id, cases[i].first[0]) != 0 && g_strcmp0 (id, cases[i].first[1]) != 0)
        g_error ("%s: expected %s first, got %s", cases[i].symptoms, cases[i].first[0], id);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/talus/kb/differential/rank", test_rank_basic);
  g_test_add_func ("/talus/kb/differential/region", test_rank_region);
  g_test_add_func ("/talus/kb/differential/red-flag", test_red_flag);
  g_test_add_func ("/talus/kb/differential/missing-and-duplicates", test_missing_and_ties);
  g_test_add_func ("/talus/kb/differential/unknown-symptom", test_unknown_symptom);
  g_test_add_func ("/talus/kb/differential/deterministic", test_deterministic);
  g_test_add_func ("/talus/kb/differential/shipped-examples", test_shipped_examples);

  return g_test_run ();
}
