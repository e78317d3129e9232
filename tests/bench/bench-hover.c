/* bench-hover.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hover benchmark of issue 10, in-process, on a real TalusAnatomyView shown in a window:
 *
 *   hover    one pointer-motion event: the "motion" signal of the widget's own
 *            GtkEventControllerMotion (hit test, hover change, queue_draw), then the widget's
 *            snapshot as the next frame takes it (texture node plus the hover/selection tints,
 *            which rasterize in cairo nodes). Every event is charged a snapshot, even when the
 *            hovered item did not change and GTK would not redraw.
 *   render   one full librsvg render of the same view at the widget's size
 *            (talus_anatomy_document_render into a new ARGB32 surface of that size): what the
 *            view would pay per event if it re-rendered the drawing.
 *   hit      talus_anatomy_document_hit_test alone, structure and region, at the same points.
 *
 * Points: a 40 x 30 grid over the widget. One warm-up round, then ROUNDS timed rounds per view;
 * the figure of a round is the mean per event; the median round is printed.
 *
 * Usage: bench-hover [ROUNDS] [WIDTH HEIGHT]   (7 rounds, 760 x 720 by default: the drawing's
 * share of Talus's default 1200 x 800 window)
 * Output, one line per view then one for all views (the worst view):
 *   VIEW hover_us X render_us Y hit_ns Z ratio R
 */

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

#include "talus-anatomy-document.h"
#include "talus-anatomy-view.h"
#include "talus-knowledge-base.h"

#define GRID_X 40
#define GRID_Y 30

typedef struct
{
  GtkWidget *window;
  GtkWidget *view;
  int        rounds;
  gboolean   painted;
  gboolean   failed;
  double     worst_ratio;
  double     worst_hover, worst_render, worst_hit;
} Bench;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

static GtkEventController *
find_motion_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        return controller;
    }
  return NULL;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  bench->painted = TRUE;
}

/* Runs the main loop until the window has painted a frame. */
static void
wait_for_frame (Bench *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (bench->window);
  gulong id;

  bench->painted = FALSE;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), bench);
  gtk_widget_queue_draw (bench->view);
  while (!bench->painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  /* The first drawing of the view is loaded and rendered in the background: time the hover
   * over the drawing, not over the plain card. */
  while (!talus_anatomy_view_get_ready (TALUS_ANATOMY_VIEW (bench->view)))
    g_main_context_iteration (NULL, TRUE);
  /* Let anything the frame scheduled (idle renders) run too. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static double
time_hover_round (Bench              *bench,
                  GtkEventController *motion,
                  int                 width,
                  int                 height)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (bench->view);
  gint64 start = g_get_monotonic_time ();

  for (int j = 0; j < GRID_Y; j++)
    for (int i = 0; i < GRID_X; i++)
      {
        double x = (i + 0.5) * width / GRID_X, y = (j + 0.5) * height / GRID_Y;
        GtkSnapshot *snapshot = gtk_snapshot_new ();
        GskRenderNode *node;

        g_signal_emit_by_name (motion, "motion", x, y);
        klass->snapshot (bench->view, snapshot);
        node = gtk_snapshot_free_to_node (snapshot);
        g_clear_pointer (&node, gsk_render_node_unref);
      }

  return (g_get_monotonic_time () - start) / (double) (GRID_X * GRID_Y);
}

static double
time_hit_round (TalusAnatomyDocument *doc,
                int                   width,
                int                   height,
                guint                *n_hits)
{
  double scale, ox, oy;
  gint64 start;

  talus_anatomy_document_get_fit (doc, width, height, &scale, &ox, &oy);
  *n_hits = 0;
  start = g_get_monotonic_time ();
  for (int j = 0; j < GRID_Y; j++)
    for (int i = 0; i < GRID_X; i++)
      {
        double x = (i + 0.5) * width / GRID_X, y = (j + 0.5) * height / GRID_Y;
        const char *structure = NULL, *region = NULL;

        if (talus_anatomy_document_hit_test (doc, (x - ox) / scale, (y - oy) / scale,
                                             TALUS_LAYER_DEFAULT, &structure, &region))
          (*n_hits)++;
      }

  return (g_get_monotonic_time () - start) * 1000.0 / (GRID_X * GRID_Y);
}

static double
time_render (TalusAnatomyDocument *doc,
             int                   width,
             int                   height)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 start = g_get_monotonic_time ();

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  if (!talus_anatomy_document_render (doc, cr, width, height, TALUS_LAYER_DEFAULT, NULL, NULL,
                                      &error))
    g_error ("render failed: %s", error->message);
  cairo_surface_flush (surface);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return g_get_monotonic_time () - start;
}

static void
bench_view (Bench         *bench,
            TalusViewKind  kind)
{
  TalusAnatomyView *view = TALUS_ANATOMY_VIEW (bench->view);
  GtkEventController *motion = find_motion_controller (bench->view);
  TalusAnatomyDocument *doc;
  g_autofree double *hover = g_new0 (double, bench->rounds);
  g_autofree double *render = g_new0 (double, bench->rounds);
  g_autofree double *hit = g_new0 (double, bench->rounds);
  int width, height;
  guint n_hits = 0;
  double h, r, t, ratio;

  talus_anatomy_view_set_view (view, kind);
  wait_for_frame (bench);
  doc = talus_anatomy_view_get_document (view);
  width = gtk_widget_get_width (bench->view);
  height = gtk_widget_get_height (bench->view);
  if (doc == NULL || motion == NULL || width < 100 || height < 100)
    {
      g_printerr ("%s: no drawing, no motion controller or no size (%d x %d)\n",
                  talus_view_kind_to_nick (kind), width, height);
      bench->failed = TRUE;
      return;
    }

  for (int round = -1; round < bench->rounds; round++)
    {
      double hv = time_hover_round (bench, motion, width, height);
      double rd = time_render (doc, width, height);
      double ht = time_hit_round (doc, width, height, &n_hits);

      if (round >= 0)
        {
          hover[round] = hv;
          render[round] = rd;
          hit[round] = ht;
        }
    }

  /* A grid that hits nothing measures only the box prefilter. */
  if (n_hits < GRID_X * GRID_Y / 10)
    {
      g_printerr ("%s: only %u of %d points hit something\n", talus_view_kind_to_nick (kind),
                  n_hits, GRID_X * GRID_Y);
      bench->failed = TRUE;
      return;
    }

  h = median (hover, bench->rounds);
  r = median (render, bench->rounds);
  t = median (hit, bench->rounds);
  ratio = h / r;
  g_print ("%s hover_us %.1f render_us %.1f hit_ns %.0f ratio %.4f size %dx%d hits %u/%d\n",
           talus_view_kind_to_nick (kind), h, r, t, ratio, width, height, n_hits,
           GRID_X * GRID_Y);
  if (ratio > bench->worst_ratio)
    {
      bench->worst_ratio = ratio;
      bench->worst_hover = h;
      bench->worst_render = r;
    }
  bench->worst_hit = MAX (bench->worst_hit, t);
}

static void
activate_cb (GApplication *app,
             Bench        *bench)
{
  g_autoptr(TalusKnowledgeBase) kb = talus_knowledge_base_new ();
  g_autoptr(GError) error = NULL;
  int width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (app), "width"));
  int height = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (app), "height"));

  if (!talus_knowledge_base_load_shipped (kb, &error))
    g_error ("%s", error->message);

  bench->window = gtk_application_window_new (GTK_APPLICATION (app));
  bench->view = talus_anatomy_view_new ();
  talus_anatomy_view_set_knowledge_base (TALUS_ANATOMY_VIEW (bench->view), kb);
  gtk_window_set_child (GTK_WINDOW (bench->window), bench->view);
  gtk_window_set_default_size (GTK_WINDOW (bench->window), width, height);
  gtk_window_present (GTK_WINDOW (bench->window));
  while (!gtk_widget_get_mapped (bench->window))
    g_main_context_iteration (NULL, TRUE);

  for (int kind = 0; kind < TALUS_VIEW_N_KINDS; kind++)
    bench_view (bench, kind);

  if (!bench->failed)
    g_print ("all hover_us %.1f render_us %.1f hit_ns %.0f ratio %.4f\n", bench->worst_hover,
             bench->worst_render, bench->worst_hit, bench->worst_ratio);
  gtk_window_destroy (GTK_WINDOW (bench->window));
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0 };
  g_autoptr(AdwApplication) app = NULL;
  int width = 760, height = 720;

  bench.rounds = argc > 1 ? atoi (argv[1]) : 7;
  if (bench.rounds < 1)
    bench.rounds = 1;
  if (argc > 3)
    {
      width = atoi (argv[2]);
      height = atoi (argv[3]);
    }

  app = adw_application_new ("io.github.talusanatomy.Talus.BenchHover", G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (app), "width", GINT_TO_POINTER (width));
  g_object_set_data (G_OBJECT (app), "height", GINT_TO_POINTER (height));
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), &bench);
  g_application_run (G_APPLICATION (app), 1, argv);

  return bench.failed ? 1 : 0;
}
