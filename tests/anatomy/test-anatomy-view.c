/* test-anatomy-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TalusAnatomyView in a window under Xvfb: properties, selection and its signal, picking,
 * keyboard focus movement, zoom and pan actions, layers, highlights, finalization.
 */

#include "config.h"

#include <adwaita.h>

#include "talus-anatomy-view.h"

typedef struct
{
  GtkWindow        *window;
  TalusAnatomyView *view;
  TalusKnowledgeBase *kb;
  guint             selection_changed;
  guint             notify_structure;
  guint             notify_region;
} Fixture;

static void
selection_changed_cb (TalusAnatomyView *view,
                      Fixture          *fixture)
{
  fixture->selection_changed++;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Fixture    *fixture)
{
  if (g_str_equal (pspec->name, "selected-structure"))
    fixture->notify_structure++;
  else if (g_str_equal (pspec->name, "selected-region"))
    fixture->notify_region++;
}

static void
wait_for_size (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while ((gtk_widget_get_width (widget) == 0 || !gtk_widget_get_mapped (widget)) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  /* let the first frame draw */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpint (gtk_widget_get_width (widget), >, 100);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->kb = talus_knowledge_base_new ();
  g_assert_true (talus_knowledge_base_load_shipped (fixture->kb, &error));
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 600);
  fixture->view = TALUS_ANATOMY_VIEW (talus_anatomy_view_new ());
  g_object_ref_sink (fixture->view);
  if (user_data == NULL)
    talus_anatomy_view_set_knowledge_base (fixture->view, fixture->kb);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  g_signal_connect (fixture->view, "selection-changed", G_CALLBACK (selection_changed_cb), fixture);
  g_signal_connect (fixture->view, "notify", G_CALLBACK (notify_cb), fixture);
  gtk_window_present (fixture->window);
  wait_for_size (GTK_WIDGET (fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->view);
  g_assert_finalize_object (fixture->kb);
}

static void
test_defaults (void)
{
  GtkWidget *view = talus_anatomy_view_new ();
  TalusViewKind kind;
  TalusLayers layers;
  double zoom;
  char *structure;

  g_object_ref_sink (view);
  g_object_get (view, "view", &kind, "layers", &layers, "zoom", &zoom, "selected-structure",
                &structure, NULL);
  g_assert_cmpint (kind, ==, TALUS_VIEW_LATERAL);
  g_assert_cmpint (layers, ==, TALUS_LAYER_DEFAULT);
  g_assert_cmpfloat (zoom, ==, 1.0);
  g_assert_null (structure);
  g_assert_null (talus_anatomy_view_get_selected_region (TALUS_ANATOMY_VIEW (view)));
  g_assert_null (talus_anatomy_view_get_knowledge_base (TALUS_ANATOMY_VIEW (view)));
  g_assert_true (gtk_widget_get_focusable (view));

  g_object_set (view, "view", TALUS_VIEW_PLANTAR, NULL);
  g_assert_cmpint (talus_anatomy_view_get_view (TALUS_ANATOMY_VIEW (view)), ==,
                   TALUS_VIEW_PLANTAR);
  g_assert_nonnull (talus_anatomy_view_get_document (TALUS_ANATOMY_VIEW (view)));
  g_assert_cmpint (talus_anatomy_document_get_view (
                     talus_anatomy_view_get_document (TALUS_ANATOMY_VIEW (view))),
                   ==, TALUS_VIEW_PLANTAR);

  g_assert_finalize_object (view);
}

static void
test_select (Fixture       *fixture,
             gconstpointer  user_data)
{
  TalusAnatomyView *view = fixture->view;

  talus_anatomy_view_select (view, "atfl");
  g_assert_cmpstr (talus_anatomy_view_get_selected_structure (view), ==, "atfl");
  g_assert_cmpstr (talus_anatomy_view_get_selected_region (view), ==, "lateral-ankle");
  g_assert_cmpuint (fixture->selection_changed, ==, 1);
  g_assert_cmpuint (fixture->notify_structure, ==, 1);
  g_assert_cmpuint (fixture->notify_region, ==, 1);

  /* no change, no signal */
  talus_anatomy_view_select (view, "atfl");
  g_assert_cmpuint (fixture->selection_changed, ==, 1);

  /* a region clears the structure */
  talus_anatomy_view_select (view, "midfoot");
  g_assert_null (talus_anatomy_view_get_selected_structure (view));
  g_assert_cmpstr (talus_anatomy_view_get_selected_region (view), ==, "midfoot");
  g_assert_cmpuint (fixture->selection_changed, ==, 2);
  g_assert_cmpuint (fixture->notify_structure, ==, 2);
  g_assert_cmpuint (fixture->notify_region, ==, 2);

  /* unknown ids change nothing */
  talus_anatomy_view_select (view, "no-such-thing");
  g_assert_cmpstr (talus_anatomy_view_get_selected_region (view), ==, "midfoot");
  g_assert_cmpuint (fixture->selection_changed, ==, 2);

  /* through the properties */
  g_object_set (view, "selected-structure", "cfl", NULL);
  g_assert_cmpstr (talus_anatomy_view_get_selected_structure (view), ==, "cfl");
  g_assert_cmpstr (talus_anatomy_view_get_selected_region (view), ==, "lateral-ankle");
  g_assert_cmpuint (fixture->selection_changed, ==, 3);
  g_object_set (view, "selected-region", "posterior-heel", NULL);
  g_assert_null (talus_anatomy_view_get_selected_structure (view));
  g_assert_cmpstr (talus_anatomy_view_get_selected_region (view), ==, "posterior-heel");
  g_assert_cmpuint (fixture->selection_changed, ==, 4);

  talus_anatomy_view_select (view, NULL);
  g_assert_null (talus_anatomy_view_get_selected_structure (view));
  g_assert_null (talus_anatomy_view_get_selected_region (view));
  g_assert_cmpuint (fixture->selection_changed, ==, 5);

  /* the selection survives a change of view */
  talus_anatomy_view_select (view, "lateral-ankle");
  talus_anatomy_view_set_view (view, TALUS_VIEW_POSTERIOR);
  g_assert_cmpstr (talus_anatomy_view_get_selected_region (view), ==, "lateral-ankle");
}

/* Every structure and region of every view can be found and picked through the widget. */
static void
test_pick (Fixture       *fixture,
           gconstpointer  user_data)
{
  TalusAnatomyView *view = fixture->view;

  talus_anatomy_view_set_layers (view, TALUS_LAYER_DEFAULT | TALUS_LAYER_LANDMARKS);
  for (guint v = 0; v < TALUS_VIEW_N_KINDS; v++)
    {
      TalusAnatomyDocument *doc;
      const char * const *ids[2];

      talus_anatomy_view_set_view (view, v);
      doc = talus_anatomy_view_get_document (view);
      g_assert_nonnull (doc);
      ids[0] = talus_anatomy_document_get_structure_ids (doc);
      ids[1] = talus_anatomy_document_get_region_ids (doc);

      for (guint k = 0; k < 2; k++)
        for (guint i = 0; ids[k][i] != NULL; i++)
          {
            graphene_point_t p;
            const char *region = NULL, *hit;

            g_test_message ("%s: %s", talus_view_kind_to_nick (v), ids[k][i]);
            g_assert_true (talus_anatomy_view_compute_point_for_id (view, ids[k][i], &p));
            g_assert_cmpfloat (p.x, >=, 0);
            g_assert_cmpfloat (p.y, >=, 0);
            g_assert_cmpfloat (p.x, <, gtk_widget_get_width (GTK_WIDGET (view)));
            g_assert_cmpfloat (p.y, <, gtk_widget_get_height (GTK_WIDGET (view)));
            hit = talus_anatomy_view_pick (view, p.x, p.y, &region);
            if (k == 0)
              g_assert_cmpstr (hit, ==, ids[k][i]);
            else
              g_assert_cmpstr (region, ==, ids[k][i]);
          }
    }

  /* outside the drawing card: nothing */
  g_assert_null (talus_anatomy_view_pick (view, 1, 1, NULL));
  g_assert_false (talus_anatomy_view_compute_point_for_id (view, "no-such-thing", NULL));
}

static void
test_layers (Fixture       *fixture,
             gconstpointer  user_data)
{
  TalusAnatomyView *view = fixture->view;
  graphene_point_t p;

  g_assert_true (talus_anatomy_view_compute_point_for_id (view, "atfl", &p));
  g_assert_cmpstr (talus_anatomy_view_pick (view, p.x, p.y, NULL), ==, "atfl");

  g_object_set (view, "layers", TALUS_LAYER_DEFAULT & ~TALUS_LAYER_LIGAMENTS, NULL);
  g_assert_false (talus_anatomy_view_compute_point_for_id (view, "atfl", NULL));
  g_assert_cmpstr (talus_anatomy_view_pick (view, p.x, p.y, NULL), !=, "atfl");

  /* landmarks are off by default */
  talus_anatomy_view_set_layers (view, TALUS_LAYER_DEFAULT);
  g_assert_false (talus_anatomy_view_compute_point_for_id (view, "ottawa-lateral-malleolus", NULL));
  talus_anatomy_view_set_layers (view, TALUS_LAYER_DEFAULT | TALUS_LAYER_LANDMARKS);
  g_assert_true (talus_anatomy_view_compute_point_for_id (view, "ottawa-lateral-malleolus", &p));
  g_assert_cmpstr (talus_anatomy_view_pick (view, p.x, p.y, NULL), ==,
                   "ottawa-lateral-malleolus");
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  user_data)
{
  TalusAnatomyView *view = fixture->view;
  TalusAnatomyDocument *doc = talus_anatomy_view_get_document (view);
  const char * const *regions = talus_anatomy_document_get_region_ids (doc);
  const char * const *structures = talus_anatomy_document_get_structure_ids (doc);
  g_autofree char *last = NULL;
  guint n = 0;

  /* the window may have focused the drawing when it was shown */
  gtk_window_set_focus (fixture->window, NULL);
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (view)));
  g_assert_null (talus_anatomy_view_get_focus_id (view));

  /* Tab into the widget: the first region */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (view), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  g_assert_cmpstr (talus_anatomy_view_get_focus_id (view), ==, regions[0]);

  /* Tab and arrows move in the same stable order */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (view), GTK_DIR_TAB_FORWARD));
  g_assert_cmpstr (talus_anatomy_view_get_focus_id (view), ==, regions[1]);
  gtk_widget_activate_action (GTK_WIDGET (view), "anatomy.focus-next", NULL);
  g_assert_cmpstr (talus_anatomy_view_get_focus_id (view), ==, regions[2]);
  gtk_widget_activate_action (GTK_WIDGET (view), "anatomy.focus-previous", NULL);
  g_assert_cmpstr (talus_anatomy_view_get_focus_id (view), ==, regions[1]);

  /* Enter selects the focused item, Escape clears */
  gtk_widget_activate_action (GTK_WIDGET (view), "anatomy.activate-focus", NULL);
  g_assert_cmpstr (talus_anatomy_view_get_selected_region (view), ==, regions[1]);
  g_assert_cmpuint (fixture->selection_changed, ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (view), "anatomy.clear-selection", NULL);
  g_assert_null (talus_anatomy_view_get_selected_region (view));
  g_assert_cmpuint (fixture->selection_changed, ==, 2);

  /* after the regions come the visible structures; the ligaments are there */
  for (guint i = 0; regions[i] != NULL; i++)
    n++;
  while (n-- > 1)
    gtk_widget_activate_action (GTK_WIDGET (view), "anatomy.focus-next", NULL);
  g_assert_cmpstr (talus_anatomy_view_get_focus_id (view), ==, structures[0]);
  talus_anatomy_view_select (view, talus_anatomy_view_get_focus_id (view));
  g_assert_cmpstr (talus_anatomy_view_get_selected_structure (view), ==, structures[0]);

  /* arrows wrap around at the start */
  talus_anatomy_view_select (view, NULL);
  gtk_widget_child_focus (GTK_WIDGET (view), GTK_DIR_TAB_FORWARD);
  while (g_strcmp0 (talus_anatomy_view_get_focus_id (view), regions[0]) != 0)
    gtk_widget_activate_action (GTK_WIDGET (view), "anatomy.focus-previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "anatomy.focus-previous", NULL);
  last = g_strdup (talus_anatomy_view_get_focus_id (view));
  g_assert_nonnull (last);
  g_assert_cmpstr (last, !=, regions[0]);
  g_assert_true (talus_anatomy_document_has_id (doc, last));

  /* Tab leaves the widget at the end of the chain */
  while (gtk_widget_child_focus (GTK_WIDGET (view), GTK_DIR_TAB_FORWARD))
    ;
  g_assert_null (talus_anatomy_view_get_focus_id (view));

  /* a new view starts with no focused item */
  gtk_widget_child_focus (GTK_WIDGET (view), GTK_DIR_TAB_FORWARD);
  talus_anatomy_view_set_view (view, TALUS_VIEW_MEDIAL);
  g_assert_null (talus_anatomy_view_get_focus_id (view));
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  user_data)
{
  TalusAnatomyView *view = fixture->view;
  graphene_point_t fitted, zoomed, panned;

  g_assert_true (talus_anatomy_view_compute_point_for_id (view, "atfl", &fitted));

  gtk_widget_activate_action (GTK_WIDGET (view), "anatomy.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (talus_anatomy_view_get_zoom (view), 1.25, 1e-9);
  gtk_widget_activate_action (GTK_WIDGET (view), "anatomy.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "anatomy.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (talus_anatomy_view_get_zoom (view), 1.953125, 1e-9);
  /* zoomed: the ligament moved and is still picked exactly where it is drawn */
  g_assert_true (talus_anatomy_view_compute_point_for_id (view, "atfl", &zoomed));
  g_assert_false (graphene_point_near (&fitted, &zoomed, 5));
  g_assert_cmpstr (talus_anatomy_view_pick (view, zoomed.x, zoomed.y, NULL), ==, "atfl");

  /* pan moves the drawing under the pointer */
  gtk_widget_activate_action (GTK_WIDGET (view), "anatomy.pan", "(dd)", 0.1, 0.0);
  g_assert_true (talus_anatomy_view_compute_point_for_id (view, "atfl", &panned));
  g_assert_cmpstr (talus_anatomy_view_pick (view, panned.x, panned.y, NULL), ==, "atfl");
  g_assert_cmpstr (talus_anatomy_view_pick (view, zoomed.x, zoomed.y, NULL), !=, "atfl");

  /* the detail texture is rendered after the motion settles, and pixels stay exact */
  {
    gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

    while (g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }

  gtk_widget_activate_action (GTK_WIDGET (view), "anatomy.zoom-fit", NULL);
  g_assert_cmpfloat (talus_anatomy_view_get_zoom (view), ==, 1.0);
  g_assert_true (talus_anatomy_view_compute_point_for_id (view, "atfl", &zoomed));
  g_assert_true (graphene_point_near (&fitted, &zoomed, 0.5));

  /* clamped to the documented range */
  talus_anatomy_view_set_zoom (view, 100);
  g_assert_cmpfloat (talus_anatomy_view_get_zoom (view), ==, TALUS_ANATOMY_VIEW_MAX_ZOOM);
  gtk_widget_activate_action (GTK_WIDGET (view), "anatomy.zoom-out", NULL);
  g_assert_cmpfloat (talus_anatomy_view_get_zoom (view), <, TALUS_ANATOMY_VIEW_MAX_ZOOM);
  talus_anatomy_view_set_zoom (view, 0.1);
  g_assert_cmpfloat (talus_anatomy_view_get_zoom (view), ==, 1.0);

  /* changing the view resets the zoom */
  talus_anatomy_view_set_zoom (view, 3);
  talus_anatomy_view_set_view (view, TALUS_VIEW_MEDIAL);
  g_assert_cmpfloat (talus_anatomy_view_get_zoom (view), ==, 1.0);
}

static void
test_highlight (Fixture       *fixture,
                gconstpointer  user_data)
{
  TalusAnatomyView *view = fixture->view;
  const char * const ids[] = { "atfl", "deltoid-ligament", NULL };
  const char * const empty[] = { NULL };

  g_assert_null (talus_anatomy_view_get_highlight (view));
  talus_anatomy_view_set_highlight (view, ids);
  g_assert_cmpstrv (talus_anatomy_view_get_highlight (view), ids);
  /* kept across views: the deltoid is drawn in the medial view */
  talus_anatomy_view_set_view (view, TALUS_VIEW_MEDIAL);
  g_assert_cmpstrv (talus_anatomy_view_get_highlight (view), ids);
  /* a frame with highlights draws */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  talus_anatomy_view_set_highlight (view, empty);
  g_assert_null (talus_anatomy_view_get_highlight (view));
  talus_anatomy_view_set_highlight (view, NULL);
  g_assert_null (talus_anatomy_view_get_highlight (view));
}

/* Without a knowledge base the drawing decides a structure's region, and ids are names. */
static void
test_no_knowledge_base (Fixture       *fixture,
                        gconstpointer  user_data)
{
  TalusAnatomyView *view = fixture->view;
  TalusAnatomyDocument *doc = talus_anatomy_view_get_document (view);
  double x, y, w, h;
  const char *region = NULL;

  g_assert_null (talus_anatomy_view_get_knowledge_base (view));
  g_assert_true (talus_anatomy_document_get_bounds (doc, "lateral-malleolus", &x, &y, &w, &h));
  g_assert_true (talus_anatomy_document_hit_test (doc, x + w / 2, y + h / 2, TALUS_LAYER_DEFAULT,
                                                  NULL, &region));
  talus_anatomy_view_select (view, "lateral-malleolus");
  g_assert_cmpstr (talus_anatomy_view_get_selected_structure (view), ==, "lateral-malleolus");
  g_assert_cmpstr (talus_anatomy_view_get_selected_region (view), ==, region);
  g_assert_cmpstr (region, ==, "lateral-ankle");
  g_assert_cmpuint (fixture->selection_changed, ==, 1);

  /* not in this drawing, and no knowledge base to know it: ignored */
  talus_anatomy_view_select (view, "deltoid-ligament");
  g_assert_cmpstr (talus_anatomy_view_get_selected_structure (view), ==, "lateral-malleolus");
  g_assert_cmpuint (fixture->selection_changed, ==, 1);
}

/* With the knowledge base, a structure not drawn in this view still selects its region. */
static void
test_knowledge_base (Fixture       *fixture,
                     gconstpointer  user_data)
{
  TalusKnowledgeBase *kb = fixture->kb;
  TalusAnatomyView *view = fixture->view;
  TalusAnatomyDocument *doc;
  GListModel *structures;
  gboolean tried = FALSE;

  g_assert_true (talus_anatomy_view_get_knowledge_base (view) == kb);

  talus_anatomy_view_set_view (view, TALUS_VIEW_PLANTAR);
  doc = talus_anatomy_view_get_document (view);
  structures = talus_knowledge_base_get_structures (kb);
  for (guint i = 0; i < g_list_model_get_n_items (structures); i++)
    {
      g_autoptr (TalusStructure) structure = g_list_model_get_item (structures, i);
      const char *id = talus_entry_get_id (TALUS_ENTRY (structure));
      GListModel *regions = talus_structure_get_regions (structure);
      g_autoptr (TalusEntry) first = g_list_model_get_item (regions, 0);

      if (talus_anatomy_document_has_id (doc, id) || g_list_model_get_n_items (regions) != 1)
        continue;

      g_test_message ("%s", id);
      talus_anatomy_view_select (view, id);
      g_assert_cmpstr (talus_anatomy_view_get_selected_structure (view), ==, id);
      g_assert_cmpstr (talus_anatomy_view_get_selected_region (view), ==,
                       talus_entry_get_id (first));
      tried = TRUE;
    }
  g_assert_true (tried);

  /* a KB region not drawn in this view is still a region */
  talus_anatomy_view_select (view, "lateral-ankle");
  g_assert_null (talus_anatomy_view_get_selected_structure (view));
  g_assert_cmpstr (talus_anatomy_view_get_selected_region (view), ==, "lateral-ankle");
}

static gboolean
node_has_texture (GskRenderNode *node)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_TEXTURE_NODE:
      return TRUE;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        if (node_has_texture (gsk_container_node_get_child (node, i)))
          return TRUE;
      return FALSE;
    case GSK_CLIP_NODE:
      return node_has_texture (gsk_clip_node_get_child (node));
    case GSK_ROUNDED_CLIP_NODE:
      return node_has_texture (gsk_rounded_clip_node_get_child (node));
    case GSK_TRANSFORM_NODE:
      return node_has_texture (gsk_transform_node_get_child (node));
    default:
      return FALSE;
    }
}

/* Whether the widget's current snapshot shows the drawing (its texture), not just the card. */
static gboolean
shows_drawing (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;

  /* What the next frame would take (as bench-hover does), not a node cached from the last. */
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);

  return node != NULL && node_has_texture (node);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* The drawing is loaded and first rendered in the background: the first frame shows the plain
 * card, and the texture comes with "ready". */
static void
test_first_paint (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  TalusAnatomyView *view = TALUS_ANATOMY_VIEW (talus_anatomy_view_new ());
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint ready_notifies = 0;

  g_object_ref_sink (view);
  g_signal_connect (view, "notify::ready", G_CALLBACK (count_notify_cb), &ready_notifies);
  gtk_window_set_default_size (window, 900, 600);
  /* In a window: the drawing starts loading in a thread. */
  gtk_window_set_child (window, GTK_WIDGET (view));
  g_assert_cmpuint (ready_notifies, ==, 1);
  g_assert_false (talus_anatomy_view_get_ready (view));

  gtk_window_present (window);
  wait_for_size (GTK_WIDGET (view));

  /* Not a sleep: every background job ends on the main loop, with a notify and a redraw. */
  while (!(talus_anatomy_view_get_ready (view) && shows_drawing (GTK_WIDGET (view))) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (talus_anatomy_view_get_ready (view));
  g_assert_true (shows_drawing (GTK_WIDGET (view)));
  /* Two jobs (the load, the first render), each notifying when it starts and when it ends. */
  g_assert_cmpuint (ready_notifies, ==, 4);

  /* Later changes render on the main thread, as before: no job, the drawing at once. */
  talus_anatomy_view_set_layers (view, TALUS_LAYER_DEFAULT | TALUS_LAYER_LANDMARKS);
  g_assert_true (shows_drawing (GTK_WIDGET (view)));
  g_assert_true (talus_anatomy_view_get_ready (view));
  g_assert_cmpuint (ready_notifies, ==, 4);

  gtk_window_destroy (window);
  g_assert_finalize_object (view);
}

/* A widget torn down while its drawing loads in a thread waits for it and is finalized. */
static void
test_dispose_while_loading (void)
{
  for (guint i = 0; i < 3; i++)
    {
      GtkWindow *window = GTK_WINDOW (gtk_window_new ());
      TalusAnatomyView *view = TALUS_ANATOMY_VIEW (talus_anatomy_view_new ());

      g_object_ref_sink (view);
      talus_anatomy_view_set_view (view, (TalusViewKind) (i + 1));
      gtk_window_set_child (window, GTK_WIDGET (view));
      g_assert_false (talus_anatomy_view_get_ready (view));
      if (i == 2)
        {
          /* Needing the drawing waits for the load in flight instead of loading it again. */
          g_assert_nonnull (talus_anatomy_view_get_document (view));
          g_assert_true (talus_anatomy_view_get_ready (view));
          g_assert_cmpint (talus_anatomy_document_get_view (talus_anatomy_view_get_document (view)),
                           ==, TALUS_VIEW_PLANTAR);
        }
      gtk_window_destroy (window);
      g_assert_finalize_object (view);
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/talus/anatomy/view/defaults", test_defaults);
  g_test_add_func ("/talus/anatomy/view/first-paint", test_first_paint);
  g_test_add_func ("/talus/anatomy/view/dispose-while-loading", test_dispose_while_loading);
  g_test_add ("/talus/anatomy/view/select", Fixture, NULL, fixture_set_up, test_select,
              fixture_tear_down);
  g_test_add ("/talus/anatomy/view/pick", Fixture, NULL, fixture_set_up, test_pick,
              fixture_tear_down);
  g_test_add ("/talus/anatomy/view/layers", Fixture, NULL, fixture_set_up, test_layers,
              fixture_tear_down);
  g_test_add ("/talus/anatomy/view/keyboard", Fixture, NULL, fixture_set_up, test_keyboard,
              fixture_tear_down);
  g_test_add ("/talus/anatomy/view/zoom", Fixture, NULL, fixture_set_up, test_zoom,
              fixture_tear_down);
  g_test_add ("/talus/anatomy/view/highlight", Fixture, NULL, fixture_set_up, test_highlight,
              fixture_tear_down);
  g_test_add ("/talus/anatomy/view/knowledge-base", Fixture, NULL, fixture_set_up,
              test_knowledge_base, fixture_tear_down);
  g_test_add ("/talus/anatomy/view/no-knowledge-base", Fixture, "no-kb", fixture_set_up,
              test_no_knowledge_base, fixture_tear_down);

  return g_test_run ();
}
