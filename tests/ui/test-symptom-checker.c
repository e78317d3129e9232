/* test-symptom-checker.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The symptom-checker model (src/ui/talus-symptom-checker.c), without GTK: live differential and
 * red flags as list models.
 */
#include "config.h"

#include "talus-symptom-checker.h"

typedef struct {
  TalusKnowledgeBase  *kb;
  TalusSymptomChecker *checker;
  guint                results_changed;
} Fixture;

static void
results_changed_cb (GListModel *model,
                    guint       position,
                    guint       removed,
                    guint       added,
                    Fixture    *fixture)
{
  fixture->results_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->kb = talus_knowledge_base_new ();
  g_assert_true (talus_knowledge_base_load_shipped (fixture->kb, &error));
  g_assert_no_error (error);
  fixture->checker = talus_symptom_checker_new (fixture->kb);
  g_signal_connect (talus_symptom_checker_get_results (fixture->checker), "items-changed",
                    G_CALLBACK (results_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->checker);
  g_clear_object (&fixture->kb);
}

static char *
condition_at (GListModel *results,
              guint       position)
{
  g_autoptr(TalusDifferentialResult) result = g_list_model_get_item (results, position);

  if (result == NULL)
    return NULL;
  return g_strdup (talus_entry_get_id (TALUS_ENTRY (talus_differential_result_get_condition (result))));
}

static int
position_of (GListModel *results,
             const char *id)
{
  guint n = g_list_model_get_n_items (results);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *condition = condition_at (results, i);
      if (g_strcmp0 (condition, id) == 0)
        return (int) i;
    }
  return -1;
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GListModel *results = talus_symptom_checker_get_results (fixture->checker);

  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (talus_symptom_checker_get_red_flags (fixture->checker)), ==, 0);
  g_assert_false (talus_symptom_checker_set_symptom (fixture->checker, "no-such-symptom", TRUE));
  g_assert_cmpuint (talus_symptom_checker_get_n_symptoms (fixture->checker), ==, 0);
}

static void
test_live_update (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *results = talus_symptom_checker_get_results (fixture->checker);
  g_autofree char *first = NULL;
  guint n_heel;

  g_assert_true (talus_symptom_checker_set_symptom (fixture->checker, "heel-underside-pain", TRUE));
  g_assert_cmpuint (fixture->results_changed, ==, 1);
  n_heel = g_list_model_get_n_items (results);
  g_assert_cmpuint (n_heel, >, 0);
  g_assert_cmpint (position_of (results, "plantar-fasciitis"), >=, 0);

  g_assert_true (talus_symptom_checker_set_symptom (fixture->checker, "first-step-pain", TRUE));
  g_assert_true (talus_symptom_checker_has_symptom (fixture->checker, "first-step-pain"));
  first = condition_at (results, 0);
  g_assert_cmpstr (first, ==, "plantar-fasciitis");

  /* Ticking the same symptom again changes nothing. */
  fixture->results_changed = 0;
  g_assert_true (talus_symptom_checker_set_symptom (fixture->checker, "first-step-pain", TRUE));
  g_assert_cmpuint (fixture->results_changed, ==, 0);

  talus_symptom_checker_clear (fixture->checker);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_assert_false (talus_symptom_checker_has_symptom (fixture->checker, "first-step-pain"));
}

static void
test_region (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *results = talus_symptom_checker_get_results (fixture->checker);
  TalusRegion *lateral = talus_knowledge_base_lookup_region (fixture->kb, "lateral-ankle");
  guint n = 0;

  g_assert_nonnull (lateral);
  talus_symptom_checker_set_symptom (fixture->checker, "swelling", TRUE);
  talus_symptom_checker_set_region (fixture->checker, lateral);
  g_assert_true (talus_symptom_checker_get_region (fixture->checker) == lateral);

  n = g_list_model_get_n_items (results);
  g_assert_cmpuint (n, >, 0);
  /* Conditions of the chosen region rank above those elsewhere. */
  {
    g_autoptr(TalusDifferentialResult) top = g_list_model_get_item (results, 0);
    g_assert_true (talus_differential_result_get_in_region (top));
  }
}

static void
test_red_flags (Fixture       *fixture,
                gconstpointer  data)
{
  GListModel *flags = talus_symptom_checker_get_red_flags (fixture->checker);
  gboolean found = FALSE;

  talus_symptom_checker_set_symptom (fixture->checker, "difficulty-bearing-weight", TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (flags), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (flags); i++)
    {
      g_autoptr(TalusEntry) flag = g_list_model_get_item (flags, i);
      if (g_str_equal (talus_entry_get_id (flag), "cannot-bear-weight"))
        found = TRUE;
    }
  g_assert_true (found);

  talus_symptom_checker_set_symptom (fixture->checker, "difficulty-bearing-weight", FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (flags), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/talus/symptom-checker/empty", Fixture, NULL, fixture_set_up, test_empty,
              fixture_tear_down);
  g_test_add ("/talus/symptom-checker/live-update", Fixture, NULL, fixture_set_up,
              test_live_update, fixture_tear_down);
  g_test_add ("/talus/symptom-checker/region", Fixture, NULL, fixture_set_up, test_region,
              fixture_tear_down);
  g_test_add ("/talus/symptom-checker/red-flags", Fixture, NULL, fixture_set_up, test_red_flags,
              fixture_tear_down);

  return g_test_run ();
}
