/* test-present-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Present mode and TalusSketchController with the real widgets (needs a display): the
 * controller's widget <-> document transform agrees with TalusAnatomyView's own under zoom and
 * resize, strokes land on the structure they are drawn on, only patient text is shown, and
 * leaving keeps or discards the sketch.
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "talus-link.h"
#include "talus-present-window.h"
#include "talus-sketch-controller.h"

typedef struct
{
  TalusKnowledgeBase *kb;
  TalusSketch        *sketch;
  TalusPresentWindow *window;
} Fixture;

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context until @view has the size asked for, or fails after 5 s. */
static void
wait_for_size (GtkWidget *widget,
               int        width,
               int        height)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, timeout_cb, &timed_out);

  while (!timed_out && (gtk_widget_get_width (widget) != width ||
                        gtk_widget_get_height (widget) != height))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
wait_a_little (void)
{
  gboolean timed_out = FALSE;

  g_timeout_add (100, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *view;

  fixture->kb = talus_knowledge_base_new ();
  g_assert_true (talus_knowledge_base_load_shipped (fixture->kb, &error));
  g_assert_no_error (error);
  fixture->sketch = talus_sketch_new ();
  fixture->window = g_object_ref_sink (talus_present_window_new (fixture->kb, fixture->sketch));
  talus_present_window_set_condition (
    fixture->window, talus_knowledge_base_lookup_condition (fixture->kb,
                                                            "chronic-ankle-instability"));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));

  view = GTK_WIDGET (talus_present_window_get_anatomy_view (fixture->window));
  {
    gboolean timed_out = FALSE;
    guint id = g_timeout_add (5000, timeout_cb, &timed_out);

    while (!timed_out && gtk_widget_get_width (view) < 100)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (timed_out);
    g_source_remove (id);
  }
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      /* Leaving asks nothing once the sketch is empty. */
      talus_sketch_clear_all (fixture->sketch);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      g_clear_object (&fixture->window);
    }
  g_clear_object (&fixture->sketch);
  g_clear_object (&fixture->kb);
}

/* The widget point where the view itself hits @id, mapped by the controller, is on @id. */
static void
assert_transform_agrees (Fixture    *fixture,
                         const char *id)
{
  TalusAnatomyView *view = talus_present_window_get_anatomy_view (fixture->window);
  TalusSketchController *controller = talus_present_window_get_controller (fixture->window);
  TalusAnatomyDocument *doc = talus_anatomy_view_get_document (view);
  TalusSketchTransform t;
  graphene_point_t p;
  const char *hit = NULL;
  double dx, dy, wx, wy;

  g_assert_true (talus_anatomy_view_compute_point_for_id (view, id, &p));
  g_assert_cmpstr (talus_anatomy_view_pick (view, p.x, p.y, NULL), ==, id);
  g_assert_true (talus_sketch_controller_get_transform (controller, &t));
  g_assert_true (talus_sketch_transform_to_document (&t, p.x, p.y, &dx, &dy));
  g_assert_true (talus_anatomy_document_hit_test (doc, dx, dy, talus_anatomy_view_get_layers (view),
                                                  &hit, NULL));
  g_assert_cmpstr (hit, ==, id);
  talus_sketch_transform_to_target (&t, dx, dy, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, p.x, 1e-6);
  g_assert_cmpfloat_with_epsilon (wy, p.y, 1e-6);
}

static void
test_transform (Fixture       *fixture,
                gconstpointer  data)
{
  TalusAnatomyView *view = talus_present_window_get_anatomy_view (fixture->window);
  static const char * const ids[] = { "atfl", "cfl", "lateral-malleolus", "talus", NULL };

  g_assert_cmpint (talus_anatomy_view_get_view (view), ==, TALUS_VIEW_LATERAL);
  for (guint i = 0; ids[i] != NULL; i++)
    assert_transform_agrees (fixture, ids[i]);

  /* Zoomed in from the toolbar. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "present.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "present.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (talus_anatomy_view_get_zoom (view), 1.5625, 1e-9);
  wait_a_little ();
  assert_transform_agrees (fixture, "atfl");
  assert_transform_agrees (fixture, "talus");

  /* Resized. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 700);
  wait_a_little ();
  assert_transform_agrees (fixture, "atfl");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "present.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "present.zoom-out", NULL);
  g_assert_cmpfloat (talus_anatomy_view_get_zoom (view), ==, 1.0);
  assert_transform_agrees (fixture, "atfl");
  (void) wait_for_size;
}

static void
test_draw (Fixture       *fixture,
           gconstpointer  data)
{
  TalusAnatomyView *view = talus_present_window_get_anatomy_view (fixture->window);
  TalusSketchController *controller = talus_present_window_get_controller (fixture->window);
  TalusAnatomyDocument *doc = talus_anatomy_view_get_document (view);
  TalusSketchStroke *stroke;
  const TalusSketchPoint *points;
  graphene_point_t p;
  double line[6];
  const char *hit = NULL;
  double bx, by, bw, bh;
  guint n;

  /* Pen by default; a short stroke across the ATFL. */
  g_assert_cmpstr (talus_sketch_controller_get_tool (controller), ==, "pen");
  g_assert_true (talus_anatomy_view_compute_point_for_id (view, "atfl", &p));
  line[0] = p.x - 10, line[1] = p.y;
  line[2] = p.x, line[3] = p.y;
  line[4] = p.x + 10, line[5] = p.y;
  talus_sketch_controller_draw_polyline (controller, line, 3);
  g_assert_cmpuint (talus_sketch_get_n_strokes (fixture->sketch, "lateral"), ==, 1);
  stroke = talus_sketch_get_stroke (fixture->sketch, "lateral", 0);
  points = talus_sketch_stroke_get_points (stroke, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (talus_anatomy_document_hit_test (doc, points[1].x, points[1].y,
                                                  TALUS_LAYER_DEFAULT, &hit, NULL));
  g_assert_cmpstr (hit, ==, "atfl");
  g_assert_true (talus_anatomy_document_get_bounds (doc, "atfl", &bx, &by, &bw, &bh));
  g_assert_cmpfloat (points[1].x, >=, bx);
  g_assert_cmpfloat (points[1].x, <=, bx + bw);

  /* The colour and tool come from the actions. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "present.tool", "s", "highlighter");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "present.color", "s", "blue");
  talus_sketch_controller_draw_polyline (controller, line, 3);
  stroke = talus_sketch_get_stroke (fixture->sketch, "lateral", 1);
  g_assert_cmpint (talus_sketch_stroke_get_tool (stroke), ==, TALUS_SKETCH_TOOL_HIGHLIGHTER);
  g_assert_cmpfloat (talus_sketch_stroke_get_rgba (stroke)[2], >, 0.7);
  g_assert_cmpfloat (talus_sketch_stroke_get_rgba (stroke)[0], <, 0.2);

  /* The eraser over the same place removes both. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "present.tool", "s", "eraser");
  talus_sketch_controller_draw_polyline (controller, line, 3);
  g_assert_cmpuint (talus_sketch_get_n_strokes (fixture->sketch, "lateral"), ==, 0);

  /* Undo and redo through the window's actions (Ctrl+Z / Ctrl+Shift+Z). */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "present.undo", NULL);
  g_assert_cmpuint (talus_sketch_get_n_strokes (fixture->sketch, "lateral"), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "present.redo", NULL);
  g_assert_cmpuint (talus_sketch_get_n_strokes (fixture->sketch, "lateral"), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "present.undo", NULL);

  /* Strokes are per view: the medial view starts blank and keeps its own. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "present.view", "s", "medial");
  g_assert_cmpint (talus_anatomy_view_get_view (view), ==, TALUS_VIEW_MEDIAL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "present.tool", "s", "arrow");
  talus_sketch_controller_draw_polyline (controller, line, 3);
  g_assert_cmpuint (talus_sketch_get_n_strokes (fixture->sketch, "medial"), ==, 1);
  g_assert_cmpuint (talus_sketch_get_n_strokes (fixture->sketch, "lateral"), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "present.clear", NULL);
  g_assert_cmpuint (talus_sketch_get_n_strokes (fixture->sketch, "medial"), ==, 0);
  g_assert_cmpuint (talus_sketch_get_n_strokes (fixture->sketch, "lateral"), ==, 2);

  /* No tool: input goes to the drawing, nothing is added. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "present.tool", "s", "none");
  g_assert_false (
    gtk_widget_get_can_target (GTK_WIDGET (talus_sketch_controller_get_canvas (controller))));
  talus_sketch_controller_draw_polyline (controller, line, 3);
  g_assert_cmpuint (talus_sketch_get_n_strokes (fixture->sketch, "medial"), ==, 0);
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    {
      g_string_append (text, gtk_button_get_label (GTK_BUTTON (widget)));
      g_string_append_c (text, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static void
test_patient_language (Fixture       *fixture,
                       gconstpointer  data)
{
  TalusCondition *condition = talus_present_window_get_condition (fixture->window);
  g_autoptr (GString) text = g_string_new (NULL);
  GListModel *care = talus_condition_get_care (condition);
  GListModel *refs = talus_condition_get_references (condition);
  gboolean saw_unproven = FALSE;

  for (guint page = 0; page < 4; page++)
    {
      collect_text (GTK_WIDGET (fixture->window), text);
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "present.next", NULL);
    }

  /* Patient text is there... */
  g_assert_nonnull (strstr (text->str, talus_entry_get_patient_name (TALUS_ENTRY (condition))));
  g_assert_nonnull (strstr (text->str, talus_entry_get_patient_summary (TALUS_ENTRY (condition))));
  g_assert_nonnull (strstr (text->str, "What helps"));
  g_assert_nonnull (strstr (text->str, "When to get help"));

  /* ...clinician text, evidence labels and references are not. */
  g_assert_null (strstr (text->str, talus_entry_get_summary (TALUS_ENTRY (condition))));
  for (TalusEvidence e = TALUS_EVIDENCE_WORKS_WELL; e <= TALUS_EVIDENCE_NOT_RECOMMENDED; e++)
    g_assert_null (strstr (text->str, talus_evidence_to_label (e)));
  g_assert_cmpuint (g_list_model_get_n_items (refs), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (refs); i++)
    {
      g_autoptr (TalusEntry) ref = g_list_model_get_item (refs, i);

      g_assert_null (strstr (text->str, talus_entry_get_name (ref)));
    }

  /* Unproven options are not listed under "What helps". */
  for (guint i = 0; i < g_list_model_get_n_items (care); i++)
    {
      g_autoptr (TalusLink) link = g_list_model_get_item (care, i);
      TalusEntry *option = talus_link_get_target (link);

      if (talus_link_get_evidence (link) == TALUS_EVIDENCE_NOT_PROVEN)
        {
          saw_unproven = TRUE;
          g_assert_null (strstr (text->str,
                                 talus_entry_get_display_name (option, TALUS_AUDIENCE_PATIENT)));
        }
    }
  g_assert_true (saw_unproven);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
finished_cb (TalusPresentWindow *window,
             gboolean            kept,
             int                *result)
{
  *result = kept ? 1 : 0;
}

static void
draw_something (Fixture *fixture)
{
  TalusSketchController *controller = talus_present_window_get_controller (fixture->window);
  double line[4] = { 300, 300, 360, 340 };

  talus_sketch_controller_set_tool (controller, "pen");
  talus_sketch_controller_draw_polyline (controller, line, 2);
  g_assert_false (talus_sketch_is_empty (fixture->sketch));
}

static void
test_leave (Fixture       *fixture,
            gconstpointer  data)
{
  gboolean discard = GPOINTER_TO_INT (data);
  AdwMessageDialog *dialog;
  int result = -1;

  g_signal_connect (fixture->window, "finished", G_CALLBACK (finished_cb), &result);
  draw_something (fixture);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "present.leave", NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Keep the sketch for the handout?");
  g_assert_true (adw_message_dialog_has_response (dialog, "keep"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_cmpint (result, ==, -1);

  /* Escape on the question (the dialog closes itself on a button or Escape; a direct
   * response() does not): still presenting, sketch untouched. */
  adw_message_dialog_response (dialog, "stay");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (result, ==, -1);
  g_assert_false (talus_sketch_is_empty (fixture->sketch));
  wait_a_little ();
  g_assert_null (find_dialog ());

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "present.leave", NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  g_object_unref (fixture->window); /* the fixture's reference; the window list keeps it alive */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, discard ? "discard" : "keep");
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_cmpint (result, ==, discard ? 0 : 1);
  g_assert_cmpint (talus_sketch_is_empty (fixture->sketch), ==, discard);
  g_assert_false (talus_sketch_can_undo (fixture->sketch) && discard);
  /* The window goes away. */
  wait_a_little ();
  g_assert_null (fixture->window);
}

static void
test_leave_empty (Fixture       *fixture,
                  gconstpointer  data)
{
  int result = -1;

  g_signal_connect (fixture->window, "finished", G_CALLBACK (finished_cb), &result);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  g_object_unref (fixture->window);
  /* Nothing drawn: nothing to ask. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "present.leave", NULL);
  g_assert_null (find_dialog ());
  g_assert_cmpint (result, ==, 0);
  wait_a_little ();
  g_assert_null (fixture->window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/talus/sketch/present/transform", Fixture, NULL, fixture_setup, test_transform,
              fixture_teardown);
  g_test_add ("/talus/sketch/present/draw", Fixture, NULL, fixture_setup, test_draw,
              fixture_teardown);
  g_test_add ("/talus/sketch/present/patient-language", Fixture, NULL, fixture_setup,
              test_patient_language, fixture_teardown);
  g_test_add ("/talus/sketch/present/leave-keep", Fixture, GINT_TO_POINTER (FALSE), fixture_setup,
              test_leave, fixture_teardown);
  g_test_add ("/talus/sketch/present/leave-discard", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_leave, fixture_teardown);
  g_test_add ("/talus/sketch/present/leave-empty", Fixture, NULL, fixture_setup, test_leave_empty,
              fixture_teardown);

  return g_test_run ();
}
