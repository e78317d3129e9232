/* test-search.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ranking of the free-text search (src/ui/talus-search.c), without GTK.
 */
#include "config.h"

#include "talus-search.h"

static TalusSearchIndex *
make_index (void)
{
  TalusSearchIndex *index = talus_search_index_new ();

  talus_search_index_add (index, "plantar-fasciitis", TALUS_SEARCH_KIND_CONDITION,
                          "Plantar fasciitis");
  talus_search_index_add_field (index, "Runner's heel", TALUS_SEARCH_FIELD_SYNONYM);
  talus_search_index_add_field (index, "Plantar heel pain", TALUS_SEARCH_FIELD_RELATED);

  talus_search_index_add (index, "achilles-tendinopathy", TALUS_SEARCH_KIND_CONDITION,
                          "Achilles tendinopathy");
  talus_search_index_add_field (index, "Posterior heel pain", TALUS_SEARCH_FIELD_RELATED);
  talus_search_index_add_field (index, "Pain in the tendon with the first steps",
                                TALUS_SEARCH_FIELD_SUMMARY);

  talus_search_index_add (index, "ankle-sprain", TALUS_SEARCH_KIND_CONDITION,
                          "Lateral ankle sprain");
  talus_search_index_add_field (index, "Rolled ankle", TALUS_SEARCH_FIELD_SYNONYM);

  talus_search_index_add (index, "heel-underside-pain", TALUS_SEARCH_KIND_SYMPTOM,
                          "Plantar heel pain");

  talus_search_index_add (index, "atfl", TALUS_SEARCH_KIND_STRUCTURE,
                          "Anterior talofibular ligament");
  talus_search_index_add_field (index, "ATFL", TALUS_SEARCH_FIELD_NAME);

  talus_search_index_add (index, "sesamoids", TALUS_SEARCH_KIND_STRUCTURE, "Sésamoïdes");

  talus_search_index_add (index, "thompson-test", TALUS_SEARCH_KIND_DIAGNOSTIC,
                          "Thompson (calf squeeze) test");

  talus_search_index_add (index, "xray", TALUS_SEARCH_KIND_DIAGNOSTIC, "Plain radiographs (X-ray)");

  talus_search_index_add (index, "big-toe", TALUS_SEARCH_KIND_REGION, "First ray and hallux");
  return index;
}

static int
position_of (GListModel *results,
             const char *id)
{
  guint n = g_list_model_get_n_items (results);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusSearchResult) result = g_list_model_get_item (results, i);
      if (g_str_equal (talus_search_result_get_id (result), id))
        return (int) i;
    }
  return -1;
}

static void
test_normalize (void)
{
  g_autofree char *a = talus_search_normalize ("  Runner’s   HEEL!! ");
  g_autofree char *b = talus_search_normalize ("Sésamoïdes");
  g_autofree char *c = talus_search_normalize ("Runner's heel");
  g_autofree char *d = talus_search_normalize (NULL);

  g_assert_cmpstr (c, ==, "runners heel");
  g_assert_cmpstr (a, ==, "runners heel");
  g_assert_cmpstr (b, ==, "sesamoides");
  g_assert_cmpstr (d, ==, "");
}

static void
test_distance (void)
{
  g_assert_cmpuint (talus_search_distance ("heel", "heel"), ==, 0);
  g_assert_cmpuint (talus_search_distance ("hele", "heel"), ==, 1); /* transposition */
  g_assert_cmpuint (talus_search_distance ("hel", "heel"), ==, 1);
  g_assert_cmpuint (talus_search_distance ("heal", "heel"), ==, 1);
  g_assert_cmpuint (talus_search_distance ("plantar", "palntra"), ==, 2);
  g_assert_cmpuint (talus_search_distance ("", "abc"), ==, 3);
}

static void
test_exact_name_first (void)
{
  g_autoptr(TalusSearchIndex) index = make_index ();
  g_autoptr(GListModel) results = talus_search_index_query (index, "plantar fasciitis", 0);
  g_autoptr(TalusSearchResult) first = g_list_model_get_item (results, 0);

  g_assert_nonnull (first);
  g_assert_cmpstr (talus_search_result_get_id (first), ==, "plantar-fasciitis");
  g_assert_cmpint (talus_search_result_get_kind (first), ==, TALUS_SEARCH_KIND_CONDITION);
}

static void
test_heel_pain (void)
{
  g_autoptr(TalusSearchIndex) index = make_index ();
  g_autoptr(GListModel) results = talus_search_index_query (index, "heel pain", 0);
  int pf = position_of (results, "plantar-fasciitis");
  int at = position_of (results, "achilles-tendinopathy");

  g_assert_cmpint (pf, >=, 0);
  g_assert_cmpint (pf, <, 3);
  /* the synonym "runner's heel" puts plantar fasciitis above the other heel condition */
  g_assert_cmpint (at, >, pf);
  /* a condition that says nothing of heels is not a result */
  g_assert_cmpint (position_of (results, "ankle-sprain"), ==, -1);
}

static void
test_synonym (void)
{
  g_autoptr(TalusSearchIndex) index = make_index ();
  g_autoptr(GListModel) results = talus_search_index_query (index, "runners heel", 0);
  g_autoptr(TalusSearchResult) first = g_list_model_get_item (results, 0);

  g_assert_cmpstr (talus_search_result_get_id (first), ==, "plantar-fasciitis");
  g_assert_cmpstr (talus_search_result_get_matched (first), ==, "Runner's heel");
}

static void
test_case_and_accents (void)
{
  g_autoptr(TalusSearchIndex) index = make_index ();
  g_autoptr(GListModel) upper = talus_search_index_query (index, "ROLLED ANKLE", 0);
  g_autoptr(GListModel) accent = talus_search_index_query (index, "sesamoides", 0);
  g_autoptr(GListModel) abbrev = talus_search_index_query (index, "atfl", 0);

  g_assert_cmpint (position_of (upper, "ankle-sprain"), ==, 0);
  g_assert_cmpint (position_of (accent, "sesamoids"), ==, 0);
  g_assert_cmpint (position_of (abbrev, "atfl"), ==, 0);
}

static void
test_typos (void)
{
  g_autoptr(TalusSearchIndex) index = make_index ();
  g_autoptr(GListModel) swapped = talus_search_index_query (index, "plantar fasciitsi", 0);
  g_autoptr(GListModel) missing = talus_search_index_query (index, "achiles", 0);
  g_autoptr(GListModel) too_far = talus_search_index_query (index, "achlies tendon", 0);
  g_autoptr(GListModel) short_typo = talus_search_index_query (index, "hele", 0);

  g_assert_cmpint (position_of (swapped, "plantar-fasciitis"), ==, 0);
  g_assert_cmpint (position_of (missing, "achilles-tendinopathy"), ==, 0);
  /* "achlies" is one transposition from "achiles" but two edits from "achilles" */
  g_assert_cmpint (position_of (too_far, "achilles-tendinopathy"), ==, -1);
  g_assert_cmpint (position_of (short_typo, "plantar-fasciitis"), >=, 0);
}

static void
test_prefix (void)
{
  g_autoptr(TalusSearchIndex) index = make_index ();
  g_autoptr(GListModel) results = talus_search_index_query (index, "thomp", 0);
  g_autoptr(GListModel) limited = talus_search_index_query (index, "pain", 1);
  g_autoptr(GListModel) blank = talus_search_index_query (index, "  ?! ", 0);

  g_assert_cmpint (position_of (results, "thompson-test"), ==, 0);
  {
    g_autoptr(GListModel) xray = talus_search_index_query (index, "xray", 0);
    g_autoptr(GListModel) x_ray = talus_search_index_query (index, "x ray", 0);

    /* Hyphenated short words are also found written together, ahead of one-typo matches. */
    g_assert_cmpint (position_of (xray, "xray"), ==, 0);
    g_assert_cmpint (position_of (x_ray, "xray"), ==, 0);
  }
  g_assert_cmpuint (g_list_model_get_n_items (limited), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (blank), ==, 0);
}

static void
test_knowledge_base (void)
{
  g_autoptr(TalusKnowledgeBase) kb = talus_knowledge_base_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TalusSearchIndex) index = NULL;
  g_autoptr(GListModel) heel = NULL;
  g_autoptr(GListModel) runners = NULL;
  g_autoptr(GListModel) typo = NULL;

  g_assert_true (talus_knowledge_base_load_shipped (kb, &error));
  g_assert_no_error (error);

  index = talus_search_index_new_for_knowledge_base (kb, TALUS_AUDIENCE_CLINICIAN);
  g_assert_cmpuint (talus_search_index_get_n_documents (index), >, 20);

  heel = talus_search_index_query (index, "heel pain", 0);
  g_assert_cmpint (position_of (heel, "plantar-fasciitis"), >=, 0);
  g_assert_cmpint (position_of (heel, "plantar-fasciitis"), <, 3);

  runners = talus_search_index_query (index, "policeman's heel", 0);
  g_assert_cmpint (position_of (runners, "plantar-fasciitis"), ==, 0);

  typo = talus_search_index_query (index, "plantar fascitis", 0);
  g_assert_cmpint (position_of (typo, "plantar-fasciitis"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/talus/search/normalize", test_normalize);
  g_test_add_func ("/talus/search/distance", test_distance);
  g_test_add_func ("/talus/search/exact-name-first", test_exact_name_first);
  g_test_add_func ("/talus/search/heel-pain", test_heel_pain);
  g_test_add_func ("/talus/search/synonym", test_synonym);
  g_test_add_func ("/talus/search/case-and-accents", test_case_and_accents);
  g_test_add_func ("/talus/search/typos", test_typos);
  g_test_add_func ("/talus/search/prefix", test_prefix);
  g_test_add_func ("/talus/search/knowledge-base", test_knowledge_base);

  return g_test_run ();
}
