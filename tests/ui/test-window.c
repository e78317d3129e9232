/* test-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window's page flow under Xvfb: region -> conditions -> condition with its structures
 * highlighted, history, search, symptom checker and Ottawa pages, driven through the window
 * actions as a keyboard, a menu or D-Bus would drive them.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "talus-anatomy-view.h"
#include "talus-ottawa-page.h"
#include "talus-region-page.h"
#include "talus-search-page.h"
#include "talus-symptom-checker-page.h"
#include "talus-window.h"

typedef struct {
  TalusKnowledgeBase *kb;
  TalusWindow        *window;
} Fixture;

static void
iterate (void)
{
  /* Selection changes from the drawing are handled in an idle. */
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->kb = talus_knowledge_base_new ();
  g_assert_true (talus_knowledge_base_load_shipped (fixture->kb, &error));
  g_assert_no_error (error);

  fixture->window = talus_window_new (NULL, fixture->kb);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_clear_object (&fixture->kb);
}

static void
activate (Fixture    *fixture,
          const char *action,
          const char *parameter)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), action,
                                  parameter ? g_variant_new_string (parameter) : NULL);
  iterate ();
}

static void
widget_action (Fixture    *fixture,
               const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  iterate ();
}

static char *
action_state (Fixture    *fixture,
              const char *action)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (fixture->window),
                                                               action);
  return g_variant_dup_string (state, NULL);
}

static gboolean
highlight_contains (Fixture    *fixture,
                    const char *id)
{
  TalusAnatomyView *view = TALUS_ANATOMY_VIEW (talus_window_get_anatomy_view (fixture->window));
  const char * const *ids = talus_anatomy_view_get_highlight (view);

  return ids != NULL && g_strv_contains (ids, id);
}

static void
test_page_flow (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *page;
  g_autofree char *region = NULL;
  g_autofree char *condition = NULL;

  g_assert_cmpstr (talus_window_get_page_key (fixture->window), ==, "home");

  activate (fixture, "select-region", "lateral-ankle");
  g_assert_cmpstr (talus_window_get_page_key (fixture->window), ==, "region:lateral-ankle");
  page = talus_window_get_visible_page (fixture->window);
  g_assert_true (TALUS_IS_REGION_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (talus_region_page_get_conditions (TALUS_REGION_PAGE (page))), >, 0);
  region = action_state (fixture, "select-region");
  g_assert_cmpstr (region, ==, "lateral-ankle");
  g_assert_cmpstr (talus_anatomy_view_get_selected_region (TALUS_ANATOMY_VIEW (talus_window_get_anatomy_view (fixture->window))),
                   ==, "lateral-ankle");

  activate (fixture, "show-condition", "ankle-sprain");
  g_assert_cmpstr (talus_window_get_page_key (fixture->window), ==, "condition:ankle-sprain");
  condition = action_state (fixture, "show-condition");
  g_assert_cmpstr (condition, ==, "ankle-sprain");
  g_assert_true (highlight_contains (fixture, "atfl"));
  g_assert_true (g_strv_contains (talus_window_get_highlight (fixture->window), "atfl"));

  widget_action (fixture, "win.go-back");
  g_assert_cmpstr (talus_window_get_page_key (fixture->window), ==, "region:lateral-ankle");
  g_assert_false (highlight_contains (fixture, "atfl"));

  widget_action (fixture, "win.go-back");
  g_assert_cmpstr (talus_window_get_page_key (fixture->window), ==, "home");
  /* Nothing before the first page. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL)
                  && g_strcmp0 (talus_window_get_page_key (fixture->window), "home") != 0);

  widget_action (fixture, "win.go-forward");
  widget_action (fixture, "win.go-forward");
  g_assert_cmpstr (talus_window_get_page_key (fixture->window), ==, "condition:ankle-sprain");
  g_assert_true (highlight_contains (fixture, "atfl"));

  /* A new page drops the forward history. */
  widget_action (fixture, "win.go-back");
  activate (fixture, "show-condition", "chronic-ankle-instability");
  widget_action (fixture, "win.go-forward");
  g_assert_cmpstr (talus_window_get_page_key (fixture->window), ==,
                   "condition:chronic-ankle-instability");
}

static void
test_drawing_click_selects_region (Fixture       *fixture,
                                   gconstpointer  data)
{
  TalusAnatomyView *view = TALUS_ANATOMY_VIEW (talus_window_get_anatomy_view (fixture->window));
  g_autofree char *region = NULL;

  /* What a click does inside the widget: select on the drawing. */
  talus_anatomy_view_select (view, "posterior-heel");
  iterate ();

  g_assert_cmpstr (talus_window_get_page_key (fixture->window), ==, "region:posterior-heel");
  region = action_state (fixture, "select-region");
  g_assert_cmpstr (region, ==, "posterior-heel");
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *page;
  GListModel *results;
  gboolean found = FALSE;

  widget_action (fixture, "win.search");
  g_assert_cmpstr (talus_window_get_page_key (fixture->window), ==, "search");
  page = talus_window_get_visible_page (fixture->window);
  g_assert_true (TALUS_IS_SEARCH_PAGE (page));

  talus_search_page_set_query (TALUS_SEARCH_PAGE (page), "heel pain");
  results = talus_search_page_get_results (TALUS_SEARCH_PAGE (page));
  for (guint i = 0; i < 3 && i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(TalusSearchResult) result = g_list_model_get_item (results, i);
      if (g_str_equal (talus_search_result_get_id (result), "plantar-fasciitis"))
        found = TRUE;
    }
  g_assert_true (found);

  talus_search_page_set_query (TALUS_SEARCH_PAGE (page), "policeman's heel");
  g_assert_true (talus_search_page_activate_first (TALUS_SEARCH_PAGE (page)));
  iterate ();
  g_assert_cmpstr (talus_window_get_page_key (fixture->window), ==, "condition:plantar-fasciitis");
  g_assert_true (highlight_contains (fixture, "plantar-fascia"));
}

static void
test_symptom_checker (Fixture       *fixture,
                      gconstpointer  data)
{
  TalusAnatomyView *view = TALUS_ANATOMY_VIEW (talus_window_get_anatomy_view (fixture->window));
  TalusSymptomChecker *checker;
  GtkWidget *page;

  widget_action (fixture, "win.symptom-checker");
  g_assert_cmpstr (talus_window_get_page_key (fixture->window), ==, "checker");
  page = talus_window_get_visible_page (fixture->window);
  g_assert_true (TALUS_IS_SYMPTOM_CHECKER_PAGE (page));
  checker = talus_symptom_checker_page_get_checker (TALUS_SYMPTOM_CHECKER_PAGE (page));

  g_assert_true (talus_symptom_checker_set_symptom (checker, "heel-underside-pain", TRUE));
  g_assert_cmpuint (g_list_model_get_n_items (talus_symptom_checker_get_results (checker)), >, 0);

  /* On this page a click on the drawing picks the region instead of leaving the page. */
  talus_anatomy_view_select (view, "plantar-heel");
  iterate ();
  g_assert_cmpstr (talus_window_get_page_key (fixture->window), ==, "checker");
  g_assert_nonnull (talus_symptom_checker_get_region (checker));
  g_assert_cmpstr (talus_entry_get_id (TALUS_ENTRY (talus_symptom_checker_get_region (checker))), ==,
                   "plantar-heel");
}

static void
test_ottawa (Fixture       *fixture,
             gconstpointer  data)
{
  TalusAnatomyView *view = TALUS_ANATOMY_VIEW (talus_window_get_anatomy_view (fixture->window));
  GtkWidget *page;
  TalusOttawaFindings findings;

  g_assert_false (talus_anatomy_view_get_layers (view) & TALUS_LAYER_LANDMARKS);

  widget_action (fixture, "win.ottawa");
  g_assert_cmpstr (talus_window_get_page_key (fixture->window), ==, "ottawa");
  g_assert_true (talus_anatomy_view_get_layers (view) & TALUS_LAYER_LANDMARKS);
  page = talus_window_get_visible_page (fixture->window);
  g_assert_true (TALUS_IS_OTTAWA_PAGE (page));

  /* A click on an Ottawa point marks it tender. */
  talus_anatomy_view_select (view, "ottawa-lateral-malleolus");
  iterate ();
  g_assert_cmpstr (talus_window_get_page_key (fixture->window), ==, "ottawa");
  findings = talus_ottawa_page_get_findings (TALUS_OTTAWA_PAGE (page));
  g_assert_cmpuint (findings, ==, TALUS_OTTAWA_LATERAL_MALLEOLUS_TENDER | TALUS_OTTAWA_MALLEOLAR_PAIN);
  g_assert_true (highlight_contains (fixture, "ottawa-lateral-malleolus"));

  g_assert_false (talus_ottawa_page_toggle_landmark (TALUS_OTTAWA_PAGE (page), "atfl"));
  g_assert_true (talus_ottawa_page_toggle_landmark (TALUS_OTTAWA_PAGE (page), "ottawa-lateral-malleolus"));
  g_assert_false (highlight_contains (fixture, "ottawa-lateral-malleolus"));

  /* Leaving the page puts the layers back. */
  widget_action (fixture, "win.go-back");
  g_assert_false (talus_anatomy_view_get_layers (view) & TALUS_LAYER_LANDMARKS);
}

static void
test_audience (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *page;
  GListModel *results;
  g_autoptr(TalusSearchResult) first = NULL;
  g_autofree char *state = NULL;

  g_action_group_change_action_state (G_ACTION_GROUP (fixture->window), "audience",
                                      g_variant_new_string ("patient"));
  iterate ();
  state = action_state (fixture, "audience");
  g_assert_cmpstr (state, ==, "patient");

  /* Search titles follow the audience. */
  widget_action (fixture, "win.search");
  page = talus_window_get_visible_page (fixture->window);
  talus_search_page_set_query (TALUS_SEARCH_PAGE (page), "lateral ankle sprain");
  results = talus_search_page_get_results (TALUS_SEARCH_PAGE (page));
  first = g_list_model_get_item (results, 0);
  g_assert_nonnull (first);
  g_assert_cmpstr (talus_search_result_get_title (first), ==, "Sprained ankle");

  /* Unknown values are refused. */
  g_action_group_change_action_state (G_ACTION_GROUP (fixture->window), "audience",
                                      g_variant_new_string ("nobody"));
  g_free (state);
  state = action_state (fixture, "audience");
  g_assert_cmpstr (state, ==, "patient");
}

static void
test_view_action (Fixture       *fixture,
                  gconstpointer  data)
{
  TalusAnatomyView *view = TALUS_ANATOMY_VIEW (talus_window_get_anatomy_view (fixture->window));
  g_autofree char *state = NULL;

  g_action_group_change_action_state (G_ACTION_GROUP (fixture->window), "view",
                                      g_variant_new_string ("plantar"));
  iterate ();
  g_assert_cmpint (talus_anatomy_view_get_view (view), ==, TALUS_VIEW_PLANTAR);

  talus_anatomy_view_set_view (view, TALUS_VIEW_MEDIAL);
  state = action_state (fixture, "view");
  g_assert_cmpstr (state, ==, "medial");
}

static void
test_load_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                       TALUS_TYPE_WINDOW,
                                                                       "error_revealer"));
  GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                              TALUS_TYPE_WINDOW, "error_label"));
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  g_ptr_array_add (errors, g_error_new (TALUS_KB_ERROR, TALUS_KB_ERROR_SCHEMA,
                                        "my-notes.xml:12: element 'conditoin' is not expected"));
  talus_window_show_load_errors (fixture->window, errors);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "my-notes.xml:12:"));

  /* The window keeps working on the shipped knowledge base. */
  activate (fixture, "show-condition", "plantar-fasciitis");
  g_assert_cmpstr (talus_window_get_page_key (fixture->window), ==, "condition:plantar-fasciitis");

  talus_window_show_load_errors (fixture->window, NULL);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/talus/window/page-flow", Fixture, NULL, fixture_set_up, test_page_flow,
              fixture_tear_down);
  g_test_add ("/talus/window/drawing-click-selects-region", Fixture, NULL, fixture_set_up,
              test_drawing_click_selects_region, fixture_tear_down);
  g_test_add ("/talus/window/search", Fixture, NULL, fixture_set_up, test_search,
              fixture_tear_down);
  g_test_add ("/talus/window/symptom-checker", Fixture, NULL, fixture_set_up,
              test_symptom_checker, fixture_tear_down);
  g_test_add ("/talus/window/ottawa", Fixture, NULL, fixture_set_up, test_ottawa,
              fixture_tear_down);
  g_test_add ("/talus/window/audience", Fixture, NULL, fixture_set_up, test_audience,
              fixture_tear_down);
  g_test_add ("/talus/window/view-action", Fixture, NULL, fixture_set_up, test_view_action,
              fixture_tear_down);
  g_test_add ("/talus/window/load-errors", Fixture, NULL, fixture_set_up, test_load_errors,
              fixture_tear_down);

  return g_test_run ();
}
