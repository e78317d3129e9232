/* test-sketch-transform.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Strokes are stored in document coordinates: a point drawn under one view transform must land
 * on the same document point, and so on the same structure, under any other zoom, pan or size.
 */

#include "config.h"

#include <math.h>

#include "talus-anatomy-document.h"
#include "talus-sketch.h"

typedef struct
{
  double width, height, zoom, pan_x, pan_y;
} ViewState;

static const ViewState states[] = {
  { 800, 600, 1.0, 0, 0 },
  { 1280, 800, 1.0, 0, 0 },
  { 1280, 800, 2.5, 0, 0 },
  { 1280, 800, 4.0, 120, -75 },
  { 640, 900, 8.0, -300, 210 },
  { 333, 211, 1.7, 17.5, -3.25 },
};

static void
init_for (TalusSketchTransform *t,
          TalusAnatomyDocument *doc,
          const ViewState      *state)
{
  double fit, ox, oy;

  talus_anatomy_document_get_fit (doc, state->width, state->height, &fit, &ox, &oy);
  talus_sketch_transform_init_view (t, fit, ox, oy, state->width, state->height, state->zoom,
                                    state->pan_x, state->pan_y);
}

/* A document point on the ATFL, found by hit testing a grid over its bounds. */
static gboolean
point_on (TalusAnatomyDocument *doc,
          const char           *id,
          double               *out_x,
          double               *out_y)
{
  double x, y, w, h;

  g_assert_true (talus_anatomy_document_get_bounds (doc, id, &x, &y, &w, &h));
  for (int i = 1; i < 16; i++)
    for (int j = 1; j < 16; j++)
      {
        const char *hit = NULL;
        double px = x + w * i / 16.0, py = y + h * j / 16.0;

        if (talus_anatomy_document_hit_test (doc, px, py, TALUS_LAYER_DEFAULT, &hit, NULL) &&
            g_strcmp0 (hit, id) == 0)
          {
            *out_x = px;
            *out_y = py;
            return TRUE;
          }
      }

  return FALSE;
}

static void
test_round_trip (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TalusAnatomyDocument) doc = talus_anatomy_document_new_for_view (TALUS_VIEW_LATERAL,
                                                                              &error);
  double atfl_x = 0, atfl_y = 0;

  g_assert_no_error (error);
  g_assert_true (point_on (doc, "atfl", &atfl_x, &atfl_y));

  for (guint a = 0; a < G_N_ELEMENTS (states); a++)
    for (guint b = 0; b < G_N_ELEMENTS (states); b++)
      {
        TalusSketchTransform ta, tb;
        double px, py, dx, dy, qx, qy, ex, ey;
        const char *hit = NULL;

        init_for (&ta, doc, &states[a]);
        init_for (&tb, doc, &states[b]);

        /* The clinician touches the ATFL under transform A... */
        talus_sketch_transform_to_target (&ta, atfl_x, atfl_y, &px, &py);
        g_assert_true (talus_sketch_transform_to_document (&ta, px, py, &dx, &dy));
        g_assert_cmpfloat_with_epsilon (dx, atfl_x, 1e-9);
        g_assert_cmpfloat_with_epsilon (dy, atfl_y, 1e-9);

        /* ...and under transform B the stored point is drawn at a widget point that is still
         * on the ATFL, and maps back to the same document point. */
        talus_sketch_transform_to_target (&tb, dx, dy, &qx, &qy);
        g_assert_true (talus_sketch_transform_to_document (&tb, qx, qy, &ex, &ey));
        g_assert_cmpfloat_with_epsilon (ex, dx, 1e-9);
        g_assert_cmpfloat_with_epsilon (ey, dy, 1e-9);
        g_assert_true (talus_anatomy_document_hit_test (doc, ex, ey, TALUS_LAYER_DEFAULT, &hit,
                                                        NULL));
        g_assert_cmpstr (hit, ==, "atfl");

        /* The widget point differs between A and B unless the transforms are the same. */
        if (a != b && (ta.scale != tb.scale || ta.origin_x != tb.origin_x))
          g_assert_true (fabs (px - qx) > 1e-6 || fabs (py - qy) > 1e-6);
      }
}

static void
test_zoom_about_centre (void)
{
  TalusSketchTransform fit, zoomed;
  double cx, cy, x, y;

  /* Fit: 2 px per unit, the document origin at (40, 10) in a 1000 x 500 widget. */
  talus_sketch_transform_init_view (&fit, 2.0, 40, 10, 1000, 500, 1.0, 0, 0);
  g_assert_cmpfloat (fit.scale, ==, 2.0);
  g_assert_cmpfloat (fit.origin_x, ==, 40);
  g_assert_cmpfloat (fit.origin_y, ==, 10);

  /* The document point under the widget centre stays there when zooming without pan. */
  talus_sketch_transform_to_document (&fit, 500, 250, &cx, &cy);
  talus_sketch_transform_init_view (&zoomed, 2.0, 40, 10, 1000, 500, 3.0, 0, 0);
  g_assert_cmpfloat (zoomed.scale, ==, 6.0);
  talus_sketch_transform_to_target (&zoomed, cx, cy, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 500, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 250, 1e-9);

  /* A pan moves everything by the pan. */
  talus_sketch_transform_init_view (&zoomed, 2.0, 40, 10, 1000, 500, 3.0, -30, 12);
  talus_sketch_transform_to_target (&zoomed, cx, cy, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 470, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 262, 1e-9);
}

static void
test_cairo_apply (void)
{
  TalusSketchTransform t;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  double x = 100, y = 50;

  talus_sketch_transform_init_view (&t, 0.5, 3, 4, 200, 100, 2.0, 7, -1);
  talus_sketch_transform_apply (&t, cr);
  cairo_user_to_device (cr, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, t.origin_x + 100 * t.scale, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, t.origin_y + 50 * t.scale, 1e-9);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_degenerate (void)
{
  TalusSketchTransform t = { 0, 5, 5 };
  double x = -1, y = -1;

  g_assert_false (talus_sketch_transform_to_document (&t, 10, 10, &x, &y));
  g_assert_cmpfloat (x, ==, -1);
  g_assert_false (talus_sketch_widget_to_document (NAN, 0, 0, 1, 1, &x, &y));
  g_assert_true (talus_sketch_widget_to_document (4, 8, 12, 16, 20, &x, &y));
  g_assert_cmpfloat (x, ==, 2);
  g_assert_cmpfloat (y, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/talus/sketch/transform/round-trip", test_round_trip);
  g_test_add_func ("/talus/sketch/transform/zoom-about-centre", test_zoom_about_centre);
  g_test_add_func ("/talus/sketch/transform/cairo", test_cairo_apply);
  g_test_add_func ("/talus/sketch/transform/degenerate", test_degenerate);

  return g_test_run ();
}
