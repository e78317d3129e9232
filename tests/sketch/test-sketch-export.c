/* test-sketch-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TalusSketch output: SVG that librsvg loads, PNG that cairo reads, atomic writes that leave
 * nothing behind on failure, and the sketch drawn as vectors on a handout page.
 */

#include "config.h"

#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <librsvg/rsvg.h>
#include <math.h>

#include "talus-anatomy-document.h"
#include "talus-handout.h"
#include "talus-test-util.h"
#include "talus-sketch.h"

/* librsvg 2.54 declares no autoptr cleanup for its handle. */
typedef RsvgHandle TestRsvgHandle;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestRsvgHandle, g_object_unref)

#define DOC_WIDTH 1200.0
#define DOC_HEIGHT 800.0

/* A colour nothing else on a handout uses. */
static const double green[4] = { 0.0, 1.0, 0.0, 1.0 };

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("talus-sketch-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static guint
count_substrings (const char *haystack,
                  const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* A circle of @n points around (cx, cy), like a clinician circling a structure. */
static TalusSketchStroke *
make_circle (TalusSketchTool  tool,
             const double    *rgba,
             double           width,
             double           cx,
             double           cy,
             double           r,
             gboolean         vary_pressure)
{
  TalusSketchStroke *stroke = talus_sketch_stroke_new (tool, rgba, width);

  for (int i = 0; i <= 48; i++)
    {
      double a = 2 * G_PI * i / 48.0;

      talus_sketch_stroke_add_point (stroke, cx + r * cos (a), cy + r * sin (a),
                                     vary_pressure ? 0.2 + 0.8 * i / 48.0 : 1.0);
    }

  return stroke;
}

static TalusSketch *
make_sketch (void)
{
  TalusSketch *sketch = talus_sketch_new ();
  g_autoptr (TalusSketchStroke) pen = make_circle (TALUS_SKETCH_TOOL_PEN, green, 5, 300, 300, 60,
                                                   FALSE);
  g_autoptr (TalusSketchStroke) marker = make_circle (TALUS_SKETCH_TOOL_HIGHLIGHTER,
                                                      (double[]) { 1, 0.9, 0, 1 }, 24, 800, 400,
                                                      80, FALSE);
  g_autoptr (TalusSketchStroke) arrow = talus_sketch_stroke_new (TALUS_SKETCH_TOOL_ARROW,
                                                                 (double[]) { 0, 0, 1, 1 }, 5);

  talus_sketch_stroke_add_point (arrow, 600, 700, 1);
  talus_sketch_stroke_add_point (arrow, 500, 600, 1);
  talus_sketch_stroke_add_point (arrow, 360, 360, 1);
  talus_sketch_add_stroke (sketch, "lateral", pen);
  talus_sketch_add_stroke (sketch, "lateral", marker);
  talus_sketch_add_stroke (sketch, "lateral", arrow);

  return sketch;
}

static cairo_surface_t *
render_svg (const char *svg,
            int         width,
            int         height)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TestRsvgHandle) handle = rsvg_handle_new_from_data ((const guint8 *) svg, strlen (svg),
                                                              &error);
  cairo_surface_t *surface;
  double w = 0, h = 0;
  cairo_t *cr;

  g_assert_no_error (error);
  g_assert_nonnull (handle);
  g_assert_true (rsvg_handle_get_intrinsic_size_in_pixels (handle, &w, &h));
  g_assert_cmpfloat (w, ==, DOC_WIDTH);
  g_assert_cmpfloat (h, ==, DOC_HEIGHT);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  g_assert_true (rsvg_handle_render_document (handle, cr,
                                              &(RsvgRectangle) { 0, 0, width, height }, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (data + y * stride))[x];
}

static void
test_svg (void)
{
  g_autoptr (TalusSketch) sketch = make_sketch ();
  g_autoptr (TalusSketchStroke) varying = make_circle (TALUS_SKETCH_TOOL_PEN, green, 8, 150, 650,
                                                       50, TRUE);
  g_autoptr (GError) error = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *medial = NULL;
  g_autoptr (TestRsvgHandle) handle = NULL;
  cairo_surface_t *surface;

  svg = talus_sketch_to_svg (sketch, "lateral", DOC_WIDTH, DOC_HEIGHT, &error);
  g_assert_no_error (error);

  /* One group per stroke; pen and highlighter one path each, the arrow a shaft and a head. */
  g_assert_cmpuint (count_substrings (svg, "class=\"sketch-stroke "), ==, 3);
  g_assert_cmpuint (count_substrings (svg, "<path"), ==, 4);
  g_assert_nonnull (strstr (svg, "stroke=\"#00ff00\""));
  g_assert_nonnull (strstr (svg, "stroke-linecap=\"butt\""));
  g_assert_nonnull (strstr (svg, "stroke-opacity=\"0.350\""));

  /* librsvg loads it, knows each stroke, and draws the ink where the strokes are. */
  handle = rsvg_handle_new_from_data ((const guint8 *) svg, strlen (svg), &error);
  g_assert_no_error (error);
  g_assert_true (rsvg_handle_has_sub (handle, "#stroke-1"));
  g_assert_true (rsvg_handle_has_sub (handle, "#stroke-3"));
  g_assert_false (rsvg_handle_has_sub (handle, "#stroke-4"));

  surface = render_svg (svg, 1200, 800);
  g_assert_cmphex (pixel_at (surface, 360, 300), ==, 0xff00ff00); /* on the green circle */
  g_assert_cmphex (pixel_at (surface, 300, 300) >> 24, ==, 0);    /* inside it: empty */
  g_assert_cmphex (pixel_at (surface, 880, 400) >> 24, >, 0x40);   /* highlighter, translucent */
  g_assert_cmphex (pixel_at (surface, 880, 400) >> 24, <, 0xa0);
  g_assert_cmphex (pixel_at (surface, 500, 600) & 0xffffff, ==, 0x0000ff); /* arrow shaft */
  cairo_surface_destroy (surface);

  /* A pen stroke of varying pressure is several paths of different widths in one group. */
  talus_sketch_add_stroke (sketch, "medial", varying);
  medial = talus_sketch_to_svg (sketch, "medial", DOC_WIDTH, DOC_HEIGHT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_substrings (medial, "class=\"sketch-stroke "), ==, 1);
  g_assert_cmpuint (count_substrings (medial, "<path"), >, 3);
  surface = render_svg (medial, 1200, 800);
  g_assert_cmphex (pixel_at (surface, 200, 650), ==, 0xff00ff00);
  cairo_surface_destroy (surface);

  /* An empty view is a valid, empty document. */
  g_clear_pointer (&medial, g_free);
  medial = talus_sketch_to_svg (sketch, "plantar", DOC_WIDTH, DOC_HEIGHT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_substrings (medial, "<path"), ==, 0);
  g_clear_object (&handle);
  handle = rsvg_handle_new_from_data ((const guint8 *) medial, strlen (medial), &error);
  g_assert_no_error (error);
}

/* The same strokes drawn by cairo and rendered from SVG give the same pixels, near enough. */
static void
test_svg_matches_cairo (void)
{
  g_autoptr (TalusSketch) sketch = make_sketch ();
  g_autoptr (GError) error = NULL;
  g_autofree char *svg = talus_sketch_to_svg (sketch, "lateral", DOC_WIDTH, DOC_HEIGHT, &error);
  cairo_surface_t *from_svg = render_svg (svg, 600, 400);
  cairo_surface_t *direct = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 400);
  cairo_t *cr = cairo_create (direct);
  guint differing = 0, inked = 0;

  cairo_scale (cr, 0.5, 0.5);
  talus_sketch_draw (sketch, "lateral", cr);
  cairo_destroy (cr);
  cairo_surface_flush (direct);

  for (int y = 0; y < 400; y++)
    for (int x = 0; x < 600; x++)
      {
        guint32 a = pixel_at (from_svg, x, y), b = pixel_at (direct, x, y);

        if ((b >> 24) > 0)
          inked++;
        for (int shift = 0; shift < 32; shift += 8)
          if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 48)
            {
              differing++;
              break;
            }
      }

  g_assert_cmpuint (inked, >, 3000);
  /* Antialiasing differs at the edges only. */
  g_assert_cmpuint (differing, <, inked / 50);

  cairo_surface_destroy (from_svg);
  cairo_surface_destroy (direct);
}

static void
background_cb (cairo_t  *cr,
               double    doc_width,
               double    doc_height,
               gpointer  user_data)
{
  guint *calls = user_data;

  (*calls)++;
  g_assert_cmpfloat (doc_width, ==, DOC_WIDTH);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, doc_width, doc_height);
  cairo_fill (cr);
}

static void
test_png (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr (TalusSketch) sketch = make_sketch ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "sketch.png", NULL);
  cairo_surface_t *png;
  guint calls = 0;

  /* 600 x 600: the 1200 x 800 document is fitted at 0.5, 100 px down. */
  g_assert_true (talus_sketch_export_png (sketch, "lateral", DOC_WIDTH, DOC_HEIGHT, 600, 600,
                                          NULL, NULL, path, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 600);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 600);
  g_assert_cmphex (pixel_at (png, 180, 250), ==, 0xff00ff00); /* (360, 300) in the document */
  g_assert_cmphex (pixel_at (png, 150, 250) >> 24, ==, 0);
  g_assert_cmphex (pixel_at (png, 5, 5) >> 24, ==, 0);
  cairo_surface_destroy (png);

  /* With a background, replacing the file. */
  g_assert_true (talus_sketch_export_png (sketch, "lateral", DOC_WIDTH, DOC_HEIGHT, 600, 600,
                                          background_cb, &calls, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 1);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmphex (pixel_at (png, 150, 250), ==, 0xffffffff);
  g_assert_cmphex (pixel_at (png, 5, 5) >> 24, ==, 0); /* outside the document */
  cairo_surface_destroy (png);
  g_assert_cmpuint (talus_test_count_entries (fixture->dir), ==, 1);

  /* Impossible sizes fail cleanly. */
  g_assert_false (talus_sketch_export_png (sketch, "lateral", DOC_WIDTH, DOC_HEIGHT, 0, 600,
                                           NULL, NULL, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
anatomy_background_cb (cairo_t  *cr,
                       double    doc_width,
                       double    doc_height,
                       gpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (talus_anatomy_document_render (user_data, cr, doc_width, doc_height,
                                                TALUS_LAYER_DEFAULT, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A picture of the drawing with the ATFL circled: the circle is around the ATFL in the PNG. */
static void
test_png_with_drawing (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TalusAnatomyDocument) doc = talus_anatomy_document_new_for_view (TALUS_VIEW_LATERAL,
                                                                              &error);
  g_autoptr (TalusSketch) sketch = talus_sketch_new ();
  g_autoptr (TalusSketchStroke) circle = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "atfl.png", NULL);
  cairo_surface_t *png;
  double x, y, w, h, r;
  guint32 ring, centre;

  g_assert_no_error (error);
  g_assert_true (talus_anatomy_document_get_bounds (doc, "atfl", &x, &y, &w, &h));
  r = MAX (w, h) / 2 + 15;
  circle = make_circle (TALUS_SKETCH_TOOL_PEN, green, 6, x + w / 2, y + h / 2, r, FALSE);
  talus_sketch_add_stroke (sketch, "lateral", circle);

  /* At twice the drawing's size, as Present mode saves it. */
  g_assert_true (talus_sketch_export_png (sketch, "lateral", DOC_WIDTH, DOC_HEIGHT, 2400, 1600,
                                          anatomy_background_cb, doc, path, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  ring = pixel_at (png, (int) round (2 * (x + w / 2 + r)), (int) round (2 * (y + h / 2)));
  centre = pixel_at (png, (int) round (2 * (x + w / 2)), (int) round (2 * (y + h / 2)));
  g_assert_cmphex (ring, ==, 0xff00ff00);
  /* The drawing is under the circle, opaque, and not green. */
  g_assert_cmphex (centre >> 24, ==, 0xff);
  g_assert_cmphex (centre, !=, 0xff00ff00);
  cairo_surface_destroy (png);
}

static void
test_svg_file (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (TalusSketch) sketch = make_sketch ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "sketch.svg", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (TestRsvgHandle) handle = NULL;

  g_assert_true (talus_sketch_export_svg (sketch, "lateral", DOC_WIDTH, DOC_HEIGHT, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  expected = talus_sketch_to_svg (sketch, "lateral", DOC_WIDTH, DOC_HEIGHT, &error);
  g_assert_cmpstr (contents, ==, expected);
  handle = rsvg_handle_new_from_data ((const guint8 *) contents, strlen (contents), &error);
  g_assert_no_error (error);
  g_assert_true (rsvg_handle_has_sub (handle, "#stroke-3"));
  g_assert_cmpuint (talus_test_count_entries (fixture->dir), ==, 1);
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (TalusSketch) sketch = make_sketch ();
  g_autoptr (GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-dir", "sketch.svg", NULL);
  g_autofree char *subdir = g_build_filename (fixture->dir, "a-directory", NULL);
  g_autofree char *old = g_build_filename (fixture->dir, "old.png", NULL);

  /* A missing directory. */
  g_assert_false (talus_sketch_export_svg (sketch, "lateral", DOC_WIDTH, DOC_HEIGHT, missing,
                                           &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "sketch.svg"));
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (talus_test_count_entries (fixture->dir), ==, 0);

  /* A directory in the way: the temporary file is written, then the rename fails; it must be
   * gone afterwards. Works as root too, unlike a read-only directory. */
  g_assert_cmpint (g_mkdir (subdir, 0755), ==, 0);
  g_assert_false (talus_sketch_export_png (sketch, "lateral", DOC_WIDTH, DOC_HEIGHT, 300, 200,
                                           NULL, NULL, subdir, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (g_file_test (subdir, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (talus_test_count_entries (fixture->dir), ==, 1);
  g_assert_false (talus_sketch_export_svg (sketch, "lateral", DOC_WIDTH, DOC_HEIGHT, subdir,
                                           &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (talus_test_count_entries (fixture->dir), ==, 1);

  /* A failed export leaves an existing file untouched. */
  g_assert_true (g_file_set_contents (old, "previous", -1, NULL));
  g_assert_false (talus_sketch_export_png (sketch, "lateral", -1, DOC_HEIGHT, 300, 200, NULL,
                                           NULL, old, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (old, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "previous");
  }
}

/* cairo's SVG surface spells the colour with or without spaces, depending on its version. */
static gboolean
has_green_stroke (const char *svg)
{
  return strstr (svg, "stroke:rgb(0%,100%,0%)") != NULL ||
         strstr (svg, "stroke:rgb(0%, 100%, 0%)") != NULL;
}

/* Draws the first page of @handout onto a cairo SVG surface and returns the SVG. */
static char *
handout_page_svg (TalusHandout *handout,
                  const char   *dir,
                  const char   *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface;
  char *contents = NULL;
  double w, h;
  cairo_t *cr;

  talus_handout_get_page_size (handout, &w, &h);
  surface = cairo_svg_surface_create (path, w, h);
  cr = cairo_create (surface);
  g_assert_cmpuint (talus_handout_paginate (handout, cr, &error), >, 0);
  g_assert_no_error (error);
  talus_handout_draw_page (handout, cr, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_unlink (path);
  return contents;
}

static void
test_handout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TalusKnowledgeBase) kb = talus_knowledge_base_new ();
  g_autoptr (TalusHandout) handout = NULL;
  g_autoptr (TalusAnatomyDocument) doc = NULL;
  g_autoptr (TalusSketch) sketch = talus_sketch_new ();
  g_autoptr (TalusSketchStroke) circle = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *annotated = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "handout.pdf", NULL);
  g_autofree char *pdf_svg = g_build_filename (fixture->dir, "handout.svg", NULL);
  g_autofree char *first_page_svg = NULL;
  const char *argv[] = { "pdftocairo", "-svg", "-f", "1", "-l", "1", pdf, pdf_svg, NULL };
  TalusSketchPaintFunc func;
  GDestroyNotify destroy;
  gpointer closure;
  double x, y, w, h;
  int status;

  g_assert_true (talus_knowledge_base_load_shipped (kb, &error));
  g_assert_no_error (error);
  handout = talus_handout_new_for_id (kb, "chronic-ankle-instability", &error);
  g_assert_no_error (error);
  talus_handout_set_audience (handout, TALUS_AUDIENCE_PATIENT);

  /* The clinician circles the ATFL on the lateral view. */
  doc = talus_anatomy_document_new_for_view (TALUS_VIEW_LATERAL, &error);
  g_assert_no_error (error);
  g_assert_true (talus_anatomy_document_get_bounds (doc, "atfl", &x, &y, &w, &h));
  circle = make_circle (TALUS_SKETCH_TOOL_PEN, green, 6, x + w / 2, y + h / 2,
                        MAX (w, h) / 2 + 15, FALSE);
  talus_sketch_add_stroke (sketch, "lateral", circle);

  plain = handout_page_svg (handout, fixture->dir, "plain.svg");
  g_assert_false (has_green_stroke (plain));

  func = talus_sketch_get_paint_func (sketch, "lateral", &closure, &destroy);
  talus_handout_set_overlay_func (handout, func, closure, destroy);
  annotated = handout_page_svg (handout, fixture->dir, "annotated.svg");
  /* The circle is a vector path in the stroke colour on the page. */
  g_assert_true (has_green_stroke (annotated));

  /* And it survives into the PDF the clinician prints: poppler turns page 1 back into SVG. */
  g_assert_true (talus_handout_export_pdf (handout, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf_svg, &first_page_svg, NULL, &error));
  g_assert_true (has_green_stroke (first_page_svg));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/talus/sketch/export/svg", test_svg);
  g_test_add_func ("/talus/sketch/export/svg-matches-cairo", test_svg_matches_cairo);
  g_test_add ("/talus/sketch/export/png", Fixture, NULL, fixture_setup, test_png,
              fixture_teardown);
  g_test_add ("/talus/sketch/export/png-with-drawing", Fixture, NULL, fixture_setup,
              test_png_with_drawing, fixture_teardown);
  g_test_add ("/talus/sketch/export/svg-file", Fixture, NULL, fixture_setup, test_svg_file,
              fixture_teardown);
  g_test_add ("/talus/sketch/export/unwritable", Fixture, NULL, fixture_setup, test_unwritable,
              fixture_teardown);
  g_test_add ("/talus/sketch/export/handout", Fixture, NULL, fixture_setup, test_handout,
              fixture_teardown);

  return g_test_run ();
}
