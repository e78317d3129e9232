/* test-sketch.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TalusSketch: strokes per view, undo/redo, the eraser, clearing, and drawing.
 */

#include "config.h"

#include <math.h>

#include "talus-sketch.h"

static const double red[4] = { 0.8, 0.1, 0.1, 1.0 };
static const double blue[4] = { 0.1, 0.2, 0.9, 1.0 };

/* A horizontal pen line from (x1, y) to (x2, y). */
static TalusSketchStroke *
make_line (TalusSketchTool  tool,
           const double    *rgba,
           double           x1,
           double           x2,
           double           y)
{
  TalusSketchStroke *stroke = talus_sketch_stroke_new (tool, rgba, 4.0);

  for (int i = 0; i <= 10; i++)
    talus_sketch_stroke_add_point (stroke, x1 + (x2 - x1) * i / 10.0, y, 1.0);

  return stroke;
}

static void
add_line (TalusSketch *sketch,
          const char  *view,
          double       x1,
          double       x2,
          double       y)
{
  g_autoptr (TalusSketchStroke) stroke = make_line (TALUS_SKETCH_TOOL_PEN, red, x1, x2, y);

  talus_sketch_add_stroke (sketch, view, stroke);
}

static void
count_cb (TalusSketch *sketch,
          const char  *view,
          guint       *count)
{
  (*count)++;
}

static void
test_undo_redo (void)
{
  g_autoptr (TalusSketch) sketch = talus_sketch_new ();
  TalusSketchStroke *first, *second;
  guint changed = 0;

  g_signal_connect (sketch, "changed", G_CALLBACK (count_cb), &changed);
  g_assert_true (talus_sketch_is_empty (sketch));
  g_assert_false (talus_sketch_can_undo (sketch));
  g_assert_false (talus_sketch_undo (sketch));
  g_assert_false (talus_sketch_redo (sketch));

  /* add, add */
  add_line (sketch, "lateral", 100, 200, 100);
  add_line (sketch, "lateral", 100, 200, 300);
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 2);
  g_assert_cmpuint (changed, ==, 2);
  first = talus_sketch_get_stroke (sketch, "lateral", 0);
  second = talus_sketch_get_stroke (sketch, "lateral", 1);
  g_assert_false (talus_sketch_is_empty (sketch));
  g_assert_true (talus_sketch_can_undo (sketch));

  /* undo, redo */
  g_assert_true (talus_sketch_undo (sketch));
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 1);
  g_assert_true (talus_sketch_get_stroke (sketch, "lateral", 0) == first);
  g_assert_true (talus_sketch_can_redo (sketch));
  g_assert_true (talus_sketch_redo (sketch));
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 2);
  g_assert_true (talus_sketch_get_stroke (sketch, "lateral", 1) == second);
  g_assert_false (talus_sketch_can_redo (sketch));

  /* erase the first (bottom) stroke, undo puts it back under the second */
  g_assert_cmpuint (talus_sketch_erase_at (sketch, "lateral", 150, 102, 5, FALSE), ==, 1);
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 1);
  g_assert_true (talus_sketch_get_stroke (sketch, "lateral", 0) == second);
  g_assert_true (talus_sketch_undo (sketch));
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 2);
  g_assert_true (talus_sketch_get_stroke (sketch, "lateral", 0) == first);
  g_assert_true (talus_sketch_get_stroke (sketch, "lateral", 1) == second);

  /* clear, undo */
  talus_sketch_clear_view (sketch, "lateral");
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 0);
  g_assert_true (talus_sketch_is_empty (sketch));
  g_assert_true (talus_sketch_undo (sketch));
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 2);
  g_assert_true (talus_sketch_get_stroke (sketch, "lateral", 0) == first);
  g_assert_true (talus_sketch_get_stroke (sketch, "lateral", 1) == second);

  /* a new stroke drops the redo history */
  g_assert_true (talus_sketch_can_redo (sketch));
  add_line (sketch, "lateral", 0, 10, 0);
  g_assert_false (talus_sketch_can_redo (sketch));

  /* undo everything, in order, down to an empty sketch */
  while (talus_sketch_undo (sketch))
    ;
  g_assert_true (talus_sketch_is_empty (sketch));
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 0);
  while (talus_sketch_redo (sketch))
    ;
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 3);
  g_assert_true (talus_sketch_get_stroke (sketch, "lateral", 0) == first);
  g_assert_true (talus_sketch_get_stroke (sketch, "lateral", 1) == second);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GString    *log)
{
  g_string_append_printf (log, "%s;", pspec->name);
}

static void
test_notify (void)
{
  g_autoptr (TalusSketch) sketch = talus_sketch_new ();
  g_autoptr (GString) log = g_string_new (NULL);
  gboolean empty;

  g_signal_connect (sketch, "notify", G_CALLBACK (notify_cb), log);
  add_line (sketch, "lateral", 0, 50, 0);
  g_assert_cmpstr (log->str, ==, "can-undo;empty;");
  g_string_truncate (log, 0);
  /* No real change of any property: no notification. */
  add_line (sketch, "lateral", 0, 50, 10);
  g_assert_cmpstr (log->str, ==, "");
  g_object_get (sketch, "empty", &empty, NULL);
  g_assert_false (empty);
}

static void
test_eraser (void)
{
  g_autoptr (TalusSketch) sketch = talus_sketch_new ();
  g_autoptr (TalusSketchStroke) dot = talus_sketch_stroke_new (TALUS_SKETCH_TOOL_PEN, blue, 6.0);
  g_autoptr (TalusSketchStroke) diagonal = talus_sketch_stroke_new (TALUS_SKETCH_TOOL_PEN, blue,
                                                                    2.0);

  /* Three horizontal lines 100 units apart, a dot, and a diagonal with only two points (its
   * middle is far from both points: the hit test must use the segment). */
  add_line (sketch, "lateral", 100, 500, 100);
  add_line (sketch, "lateral", 100, 500, 200);
  add_line (sketch, "lateral", 100, 500, 300);
  talus_sketch_stroke_add_point (dot, 800, 100, 1.0);
  talus_sketch_add_stroke (sketch, "lateral", dot);
  talus_sketch_stroke_add_point (diagonal, 600, 400, 1.0);
  talus_sketch_stroke_add_point (diagonal, 1000, 800, 1.0);
  talus_sketch_add_stroke (sketch, "lateral", diagonal);

  /* Between the lines, and beyond an end: nothing. */
  g_assert_cmpuint (talus_sketch_erase_at (sketch, "lateral", 300, 150, 20, FALSE), ==, 0);
  g_assert_cmpuint (talus_sketch_erase_at (sketch, "lateral", 530, 200, 20, FALSE), ==, 0);
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 5);
  /* The same point on another view: nothing. */
  g_assert_cmpuint (talus_sketch_erase_at (sketch, "medial", 300, 200, 20, FALSE), ==, 0);

  /* The radius plus half the width reaches the middle line only. */
  g_assert_cmpuint (talus_sketch_erase_at (sketch, "lateral", 300, 215, 14, FALSE), ==, 1);
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 4);
  g_assert_cmpfloat (talus_sketch_stroke_get_points (talus_sketch_get_stroke (sketch, "lateral", 1),
                                                     NULL)[0].y, ==, 300);

  /* The middle of the two-point diagonal. */
  g_assert_cmpuint (talus_sketch_erase_at (sketch, "lateral", 803, 597, 5, FALSE), ==, 1);
  /* The dot, by its width. */
  g_assert_cmpuint (talus_sketch_erase_at (sketch, "lateral", 805, 100, 2.5, FALSE), ==, 1);
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 2);

  /* Each of these was its own gesture: three undo steps. */
  g_assert_true (talus_sketch_undo (sketch));
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 3);
  g_assert_true (talus_sketch_undo (sketch));
  g_assert_true (talus_sketch_undo (sketch));
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 5);
  g_assert_cmpfloat (talus_sketch_stroke_get_points (talus_sketch_get_stroke (sketch, "lateral", 1),
                                                     NULL)[0].y, ==, 200);
}

static void
test_eraser_gesture (void)
{
  g_autoptr (TalusSketch) sketch = talus_sketch_new ();

  add_line (sketch, "lateral", 100, 500, 100);
  add_line (sketch, "lateral", 100, 500, 200);
  add_line (sketch, "lateral", 100, 500, 300);

  /* One sweep downwards across all three lines, starting on empty paper. */
  g_assert_cmpuint (talus_sketch_erase_at (sketch, "lateral", 300, 50, 10, FALSE), ==, 0);
  for (double y = 60; y <= 350; y += 10)
    talus_sketch_erase_at (sketch, "lateral", 300, y, 10, TRUE);
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 0);

  /* One undo brings all three back, in order. */
  g_assert_true (talus_sketch_undo (sketch));
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      TalusSketchStroke *stroke = talus_sketch_get_stroke (sketch, "lateral", i);

      g_assert_cmpfloat (talus_sketch_stroke_get_points (stroke, NULL)[0].y, ==, 100 * (i + 1));
    }
  /* Redo removes all three again, undo again restores the three adds' state. */
  g_assert_true (talus_sketch_redo (sketch));
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 0);
  g_assert_true (talus_sketch_undo (sketch));

  /* A new sweep (continue_gesture FALSE first) is a separate step. */
  talus_sketch_erase_at (sketch, "lateral", 300, 100, 5, FALSE);
  talus_sketch_erase_at (sketch, "lateral", 300, 200, 5, FALSE);
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 1);
  g_assert_true (talus_sketch_undo (sketch));
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 2);
}

static void
test_views (void)
{
  g_autoptr (TalusSketch) sketch = talus_sketch_new ();
  g_auto (GStrv) views = NULL;

  add_line (sketch, "medial", 0, 100, 50);
  add_line (sketch, "lateral", 0, 100, 50);
  add_line (sketch, "lateral", 0, 100, 60);
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 2);
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "medial"), ==, 1);
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "plantar"), ==, 0);

  views = talus_sketch_get_views (sketch);
  g_assert_cmpuint (g_strv_length (views), ==, 2);
  g_assert_cmpstr (views[0], ==, "lateral");
  g_assert_cmpstr (views[1], ==, "medial");

  /* Clearing one view leaves the other; undo of a medial step while lateral changed after. */
  talus_sketch_clear_view (sketch, "lateral");
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 0);
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "medial"), ==, 1);
  g_assert_false (talus_sketch_is_empty (sketch));
  g_assert_true (talus_sketch_undo (sketch));
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "lateral"), ==, 2);

  /* Privacy: clear_all drops everything, history included. */
  talus_sketch_clear_all (sketch);
  g_assert_true (talus_sketch_is_empty (sketch));
  g_assert_false (talus_sketch_can_undo (sketch));
  g_assert_false (talus_sketch_can_redo (sketch));
  g_assert_cmpuint (talus_sketch_get_n_strokes (sketch, "medial"), ==, 0);
}

static void
test_empty_stroke_ignored (void)
{
  g_autoptr (TalusSketch) sketch = talus_sketch_new ();
  g_autoptr (TalusSketchStroke) stroke = talus_sketch_stroke_new (TALUS_SKETCH_TOOL_ARROW, red, 3);

  talus_sketch_add_stroke (sketch, "lateral", stroke);
  g_assert_true (talus_sketch_is_empty (sketch));
  g_assert_false (talus_sketch_can_undo (sketch));
}

/* The alpha of the pixel at (x, y) of an ARGB32 surface. */
static guint
alpha_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (data + y * stride))[x] >> 24;
}

static void
test_draw (void)
{
  g_autoptr (TalusSketch) sketch = talus_sketch_new ();
  TalusSketchTransform t;
  cairo_surface_t *recording, *image;
  cairo_t *cr;
  double x, y, w, h;

  /* A stroke in the document from (200, 400) to (600, 400), drawn on the medial view too. */
  add_line (sketch, "lateral", 200, 600, 400);
  add_line (sketch, "medial", 200, 600, 100);

  /* Recorded through a view transform: 0.5 px per unit, origin at (10, 20). */
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  talus_sketch_transform_init_view (&t, 0.5, 10, 20, 640, 440, 1.0, 0, 0);
  talus_sketch_transform_apply (&t, cr);
  talus_sketch_draw (sketch, "lateral", cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  /* The ink is where the stroke is: x 110..310, y 220 (+- the 2 px width), nowhere else. */
  cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
  g_assert_cmpfloat (fabs (x - 109), <, 1.5);
  g_assert_cmpfloat (fabs (x + w - 311), <, 1.5);
  g_assert_cmpfloat (y, >, 217);
  g_assert_cmpfloat (y + h, <, 223);

  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 440);
  cr = cairo_create (image);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  g_assert_cmpuint (alpha_at (image, 210, 220), ==, 255);
  g_assert_cmpuint (alpha_at (image, 210, 230), ==, 0);
  /* The medial stroke (document y 100 -> widget y 70) was not drawn. */
  g_assert_cmpuint (alpha_at (image, 210, 70), ==, 0);

  cairo_surface_destroy (image);
  cairo_surface_destroy (recording);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/talus/sketch/model/undo-redo", test_undo_redo);
  g_test_add_func ("/talus/sketch/model/notify", test_notify);
  g_test_add_func ("/talus/sketch/model/eraser", test_eraser);
  g_test_add_func ("/talus/sketch/model/eraser-gesture", test_eraser_gesture);
  g_test_add_func ("/talus/sketch/model/views", test_views);
  g_test_add_func ("/talus/sketch/model/empty-stroke", test_empty_stroke_ignored);
  g_test_add_func ("/talus/sketch/model/draw", test_draw);

  return g_test_run ();
}
