/* sketch-demo.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Present mode alone, for screenshots (not installed):
 *   sketch-demo [--condition ID] [--circle ID] [--zoom Z] [--page N] [--leave] [--windowed]
 * --circle draws a circle around a structure through the controller, as a finger would.
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "talus-present-window.h"
#include "talus-sketch-controller.h"

static char *opt_condition;
static char *opt_circle;
static double opt_zoom = 1.0;
static int opt_page;
static gboolean opt_leave;
static gboolean opt_windowed;

static const GOptionEntry entries[] = {
  { "condition", 0, 0, G_OPTION_ARG_STRING, &opt_condition, "Condition to present", "ID" },
  { "circle", 0, 0, G_OPTION_ARG_STRING, &opt_circle, "Circle a structure", "ID" },
  { "zoom", 0, 0, G_OPTION_ARG_DOUBLE, &opt_zoom, "Zoom", "Z" },
  { "page", 0, 0, G_OPTION_ARG_INT, &opt_page, "Step to show (0-3)", "N" },
  { "leave", 0, 0, G_OPTION_ARG_NONE, &opt_leave, "Ask to leave", NULL },
  { "windowed", 0, 0, G_OPTION_ARG_NONE, &opt_windowed, "Do not go fullscreen", NULL },
  { NULL },
};

static gboolean
script_cb (gpointer user_data)
{
  TalusPresentWindow *window = user_data;
  TalusAnatomyView *view = talus_present_window_get_anatomy_view (window);

  if (opt_zoom != 1.0)
    talus_anatomy_view_set_zoom (view, opt_zoom);

  if (opt_circle != NULL)
    {
      TalusAnatomyDocument *doc = talus_anatomy_view_get_document (view);
      TalusSketchController *controller = talus_present_window_get_controller (window);
      TalusSketchTransform t;
      double x, y, w, h, cx, cy, r;
      double xy[2 * 41];

      if (doc != NULL && talus_anatomy_document_get_bounds (doc, opt_circle, &x, &y, &w, &h) &&
          talus_sketch_controller_get_transform (controller, &t))
        {
          talus_sketch_transform_to_target (&t, x + w / 2, y + h / 2, &cx, &cy);
          r = MAX (w, h) / 2 * t.scale + 18;
          for (guint i = 0; i <= 40; i++)
            {
              /* A hand-drawn loop: slightly elliptic, overlapping at the end. */
              double a = 2.15 * G_PI * i / 40.0 - 0.6;

              xy[2 * i] = cx + r * 1.15 * cos (a);
              xy[2 * i + 1] = cy + r * 0.85 * sin (a);
            }
          talus_sketch_controller_draw_polyline (controller, xy, 41);
        }
    }

  for (int i = 0; i < opt_page; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "present.next", NULL);

  if (opt_leave)
    gtk_widget_activate_action (GTK_WIDGET (window), "present.leave", NULL);

  return G_SOURCE_REMOVE;
}

static void
activate_cb (GtkApplication *app)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TalusKnowledgeBase) kb = talus_knowledge_base_new ();
  g_autoptr (TalusSketch) sketch = talus_sketch_new ();
  TalusPresentWindow *window;

  if (!talus_knowledge_base_load_shipped (kb, &error))
    g_error ("%s", error->message);

  window = talus_present_window_new (kb, sketch);
  gtk_window_set_application (GTK_WINDOW (window), app);
  if (opt_condition != NULL)
    {
      TalusCondition *condition = talus_knowledge_base_lookup_condition (kb, opt_condition);

      if (condition == NULL)
        g_error ("No condition %s", opt_condition);
      talus_present_window_set_condition (window, condition);
    }

  if (opt_windowed)
    gtk_window_present (GTK_WINDOW (window));
  else
    talus_present_window_present_for (window, NULL);

  g_timeout_add (700, script_cb, window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (AdwApplication) app = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  app = adw_application_new ("io.github.talusanatomy.Talus.SketchDemo", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
