/* test-anatomy-document.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TalusAnatomyDocument: ids, bounds, exact hit testing with layers, rendering, hostile input,
 * and the shipped drawings against the contract of docs/anatomy-drawings.md.
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <libxml/parser.h>

#include "talus-anatomy-document.h"

typedef struct
{
  TalusAnatomyDocument *doc;
} Fixture;

static char *
data_path (const char *name)
{
  return g_build_filename (TALUS_ANATOMY_TEST_DATA, name, NULL);
}

static TalusAnatomyDocument *
load_data (const char  *name,
           GError     **error)
{
  g_autofree char *path = data_path (name);
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  return talus_anatomy_document_new_from_bytes (bytes, name, error);
}

static TalusAnatomyDocument *
load_string (const char  *svg,
             GError     **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (svg, strlen (svg));

  return talus_anatomy_document_new_from_bytes (bytes, "inline.svg", error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->doc = load_data ("test-drawing.svg", &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->doc);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->doc);
}

static const char *
structure_at (TalusAnatomyDocument *doc,
              double                x,
              double                y,
              TalusLayers           layers)
{
  const char *structure = NULL;

  talus_anatomy_document_hit_test (doc, x, y, layers, &structure, NULL);
  return structure;
}

static const char *
region_at (TalusAnatomyDocument *doc,
           double                x,
           double                y)
{
  const char *region = NULL;

  talus_anatomy_document_hit_test (doc, x, y, TALUS_LAYER_DEFAULT, NULL, &region);
  return region;
}

/* The view kind enum and its nicks. */
static void
test_view_kind (void)
{
  TalusViewKind kind = TALUS_VIEW_LATERAL;
  GEnumClass *klass;

  g_assert_cmpstr (talus_view_kind_to_nick (TALUS_VIEW_LATERAL), ==, "lateral");
  g_assert_cmpstr (talus_view_kind_to_nick (TALUS_VIEW_PLANTAR), ==, "plantar");
  g_assert_true (talus_view_kind_from_nick ("posterior", &kind));
  g_assert_cmpint (kind, ==, TALUS_VIEW_POSTERIOR);
  g_assert_false (talus_view_kind_from_nick ("dorsal", &kind));
  g_assert_false (talus_view_kind_from_nick (NULL, &kind));
  g_assert_cmpint (kind, ==, TALUS_VIEW_POSTERIOR);
  g_assert_cmpstr (talus_view_kind_to_label (TALUS_VIEW_MEDIAL), ==, "Medial");

  klass = g_type_class_ref (TALUS_TYPE_VIEW_KIND);
  g_assert_cmpstr (g_enum_get_value (klass, TALUS_VIEW_MEDIAL)->value_nick, ==, "medial");
  g_type_class_unref (klass);
  g_assert_true (G_TYPE_IS_FLAGS (TALUS_TYPE_LAYERS));
}

static void
test_ids (Fixture       *fixture,
          gconstpointer  user_data)
{
  const char * const expected_structures[] = {
    "fibula", "metatarsals", "fifth-metatarsal", "atfl", "achilles-tendon", "peroneus-longus",
    "sural-nerve",
    "retrocalcaneal-bursa", "ottawa-lateral-malleolus", NULL,
  };
  const char * const expected_regions[] = { "lateral-ankle", "midfoot", NULL };
  double w, h;

  g_assert_cmpstrv (talus_anatomy_document_get_structure_ids (fixture->doc), expected_structures);
  g_assert_cmpstrv (talus_anatomy_document_get_region_ids (fixture->doc), expected_regions);

  g_assert_true (talus_anatomy_document_has_id (fixture->doc, "atfl"));
  g_assert_true (talus_anatomy_document_has_id (fixture->doc, "midfoot"));
  /* decorations, unclassed elements, definitions and anything outside a layer are not ids */
  g_assert_false (talus_anatomy_document_has_id (fixture->doc, "deco-shadow"));
  g_assert_false (talus_anatomy_document_has_id (fixture->doc, "no-class"));
  g_assert_false (talus_anatomy_document_has_id (fixture->doc, "defined-only"));
  g_assert_false (talus_anatomy_document_has_id (fixture->doc, "outside-layers"));
  g_assert_false (talus_anatomy_document_has_id (fixture->doc, "region-midfoot"));
  g_assert_false (talus_anatomy_document_has_id (fixture->doc, NULL));

  g_assert_true (talus_anatomy_document_is_region (fixture->doc, "midfoot"));
  g_assert_false (talus_anatomy_document_is_region (fixture->doc, "atfl"));
  g_assert_cmpstr (talus_anatomy_document_get_structure_class (fixture->doc, "atfl"), ==,
                   "ligament");
  g_assert_cmpstr (talus_anatomy_document_get_structure_class (fixture->doc,
                                                               "ottawa-lateral-malleolus"),
                   ==, "landmark");
  g_assert_null (talus_anatomy_document_get_structure_class (fixture->doc, "midfoot"));

  g_assert_true (talus_anatomy_document_is_visible (fixture->doc, "atfl", TALUS_LAYER_DEFAULT));
  g_assert_false (talus_anatomy_document_is_visible (fixture->doc, "atfl", TALUS_LAYER_TENDONS));
  g_assert_true (talus_anatomy_document_is_visible (fixture->doc, "fibula", 0));
  g_assert_true (talus_anatomy_document_is_visible (fixture->doc, "midfoot", 0));
  g_assert_false (talus_anatomy_document_is_visible (fixture->doc, "ottawa-lateral-malleolus",
                                                     TALUS_LAYER_DEFAULT));

  talus_anatomy_document_get_size (fixture->doc, &w, &h);
  g_assert_cmpfloat (w, ==, 1200);
  g_assert_cmpfloat (h, ==, 800);
  g_assert_cmpint (talus_anatomy_document_get_view (fixture->doc), ==, TALUS_VIEW_LATERAL);
}

static void
assert_bounds (TalusAnatomyDocument *doc,
               const char           *id,
               double                ex,
               double                ey,
               double                ew,
               double                eh)
{
  double x, y, w, h;

  g_assert_true (talus_anatomy_document_get_bounds (doc, id, &x, &y, &w, &h));
  g_assert_cmpfloat_with_epsilon (x, ex, 2.0);
  g_assert_cmpfloat_with_epsilon (y, ey, 2.0);
  g_assert_cmpfloat_with_epsilon (w, ew, 4.0);
  g_assert_cmpfloat_with_epsilon (h, eh, 4.0);
}

static void
test_bounds (Fixture       *fixture,
             gconstpointer  user_data)
{
  /* a 20-wide stroke from (340,380) to (560,380), butt caps */
  assert_bounds (fixture->doc, "atfl", 340, 370, 220, 20);
  /* a 6-wide vertical stroke (librsvg measures these wrongly) */
  assert_bounds (fixture->doc, "sural-nerve", 247, 150, 6, 500);
  /* 2-wide stroke around 300..360 x 100..420 */
  assert_bounds (fixture->doc, "fibula", 299, 99, 62, 322);
  /* a straight stroke deep in a transformed group (librsvg measures it to the group origin) */
  assert_bounds (fixture->doc, "peroneus-longus", 946, 249, 38, 102);
  /* a group: the union of its children */
  assert_bounds (fixture->doc, "metatarsals", 699, 499, 202, 102);
  /* invisible regions are measured as filled */
  assert_bounds (fixture->doc, "lateral-ankle", 280, 300, 340, 180);
  g_assert_false (talus_anatomy_document_get_bounds (fixture->doc, "talus", NULL, NULL, NULL,
                                                     NULL));
  g_assert_false (talus_anatomy_document_get_bounds (fixture->doc, "deco-shadow", NULL, NULL, NULL,
                                                     NULL));
}

static void
test_hit_structure (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char *structure = NULL, *region = NULL;

  /* inside the ligament: the ligament, and the region under it */
  g_assert_true (talus_anatomy_document_hit_test (fixture->doc, 460, 380, TALUS_LAYER_DEFAULT,
                                                  &structure, &region));
  g_assert_cmpstr (structure, ==, "atfl");
  g_assert_cmpstr (region, ==, "lateral-ankle");
  /* the ligament is topmost over the fibula where they meet */
  g_assert_cmpstr (structure_at (fixture->doc, 350, 380, TALUS_LAYER_DEFAULT), ==, "atfl");
  g_assert_cmpstr (structure_at (fixture->doc, 330, 380, TALUS_LAYER_DEFAULT), ==, "fibula");
  /* its edges: 1.5 units inside hits, 1.5 and 5 units outside do not */
  g_assert_cmpstr (structure_at (fixture->doc, 460, 388.5, TALUS_LAYER_DEFAULT), ==, "atfl");
  g_assert_null (structure_at (fixture->doc, 460, 391.5, TALUS_LAYER_DEFAULT));
  g_assert_null (structure_at (fixture->doc, 460, 395, TALUS_LAYER_DEFAULT));
  g_assert_null (structure_at (fixture->doc, 460, 365, TALUS_LAYER_DEFAULT));
  g_assert_null (structure_at (fixture->doc, 565, 380, TALUS_LAYER_DEFAULT));
  /* a curved tendon is hit along its curve, not in its bounding box */
  g_assert_cmpstr (structure_at (fixture->doc, 182, 150, TALUS_LAYER_DEFAULT), ==,
                   "achilles-tendon");
  g_assert_null (structure_at (fixture->doc, 215, 150, TALUS_LAYER_DEFAULT));
}

static void
test_hit_nested (Fixture       *fixture,
                 gconstpointer  user_data)
{
  /* the deepest id wins: a shaft without its own id belongs to the group */
  g_assert_cmpstr (structure_at (fixture->doc, 800, 515, TALUS_LAYER_DEFAULT), ==, "metatarsals");
  g_assert_cmpstr (structure_at (fixture->doc, 800, 580, TALUS_LAYER_DEFAULT), ==,
                   "fifth-metatarsal");
  /* between the shafts: inside the group's box, but nothing drawn */
  g_assert_null (structure_at (fixture->doc, 800, 545, TALUS_LAYER_DEFAULT));
  g_assert_cmpstr (region_at (fixture->doc, 800, 545), ==, "midfoot");
}

static void
test_hit_region_only (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const char *structure = "unset", *region = NULL;

  /* inside an invisible region with no structure there */
  g_assert_true (talus_anatomy_document_hit_test (fixture->doc, 600, 450, TALUS_LAYER_DEFAULT,
                                                  &structure, &region));
  g_assert_null (structure);
  g_assert_cmpstr (region, ==, "lateral-ankle");

  /* skin only: nothing */
  structure = region = "unset";
  g_assert_false (talus_anatomy_document_hit_test (fixture->doc, 1000, 300, TALUS_LAYER_DEFAULT,
                                                   &structure, &region));
  g_assert_null (structure);
  g_assert_null (region);

  /* a structure outside every region */
  g_assert_true (talus_anatomy_document_hit_test (fixture->doc, 330, 200, TALUS_LAYER_DEFAULT,
                                                  &structure, &region));
  g_assert_cmpstr (structure, ==, "fibula");
  g_assert_null (region);

  /* outside the document, and not a number */
  g_assert_false (talus_anatomy_document_hit_test (fixture->doc, -50, 380, TALUS_LAYER_DEFAULT,
                                                   &structure, &region));
  g_assert_false (talus_anatomy_document_hit_test (fixture->doc, NAN, 380, TALUS_LAYER_DEFAULT,
                                                   &structure, &region));
}

static void
test_hit_layers (Fixture       *fixture,
                 gconstpointer  user_data)
{
  TalusLayers no_ligaments = TALUS_LAYER_DEFAULT & ~TALUS_LAYER_LIGAMENTS;

  /* a hidden layer is not hit: the ligament gives way to the region */
  g_assert_null (structure_at (fixture->doc, 460, 380, no_ligaments));
  g_assert_cmpstr (structure_at (fixture->doc, 350, 380, no_ligaments), ==, "fibula");

  /* the bursa (soft tissue) lies over the nerve */
  g_assert_cmpstr (structure_at (fixture->doc, 250, 600, TALUS_LAYER_DEFAULT), ==,
                   "retrocalcaneal-bursa");
  g_assert_cmpstr (structure_at (fixture->doc, 250, 600, TALUS_LAYER_DEFAULT & ~TALUS_LAYER_SOFT),
                   ==, "sural-nerve");
  g_assert_null (structure_at (fixture->doc, 250, 600, 0));

  /* a landmark ring is hit in its centre, but only when landmarks are shown */
  g_assert_null (structure_at (fixture->doc, 330, 440, TALUS_LAYER_DEFAULT));
  g_assert_cmpstr (structure_at (fixture->doc, 330, 440,
                                 TALUS_LAYER_DEFAULT | TALUS_LAYER_LANDMARKS),
                   ==, "ottawa-lateral-malleolus");
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  cairo_surface_flush (surface);
  return *(guint32 *) (cairo_image_surface_get_data (surface) +
                       y * cairo_image_surface_get_stride (surface) + x * 4);
}

static void
test_render (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  cairo_surface_t *all, *hidden, *highlighted, *regions;
  const char * const highlight[] = { "atfl", "not-in-this-view", "fifth-metatarsal", NULL };
  const double green[4] = { 0, 1, 0, 1 };
  cairo_t *cr;

  /* half size: document point (460,380) is pixel (230,190) */
  all = talus_anatomy_document_render_to_surface (fixture->doc, 600, 400, TALUS_LAYER_DEFAULT,
                                                  &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (all), ==, 600);
  /* #7d8fa3, opaque */
  g_assert_cmphex (pixel (all, 230, 190), ==, 0xff7d8fa3);
  /* skin where nothing else is */
  g_assert_cmphex (pixel (all, 500, 150), ==, 0xfff6e4d6);
  /* outside the skin: transparent */
  g_assert_cmphex (pixel (all, 10, 10), ==, 0);

  hidden = talus_anatomy_document_render_to_surface (fixture->doc, 600, 400,
                                                     TALUS_LAYER_DEFAULT & ~TALUS_LAYER_LIGAMENTS,
                                                     &error);
  g_assert_no_error (error);
  g_assert_cmphex (pixel (hidden, 230, 190), ==, 0xfff6e4d6);
  /* the labels layer draws "Test drawing" at (600,760), the half-size pixel (300,380) */
  {
    cairo_surface_t *no_labels =
      talus_anatomy_document_render_to_surface (fixture->doc, 600, 400,
                                                TALUS_LAYER_DEFAULT & ~TALUS_LAYER_LABELS, &error);
    guint differ = 0;

    g_assert_no_error (error);
    for (int y = 360; y < 385; y++)
      for (int x = 300; x < 380; x++)
        differ += pixel (all, x, y) != pixel (no_labels, x, y);
    g_assert_cmpuint (differ, >, 50);
    g_assert_cmphex (pixel (no_labels, 230, 190), ==, 0xff7d8fa3);
    cairo_surface_destroy (no_labels);
  }

  highlighted = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 400);
  cr = cairo_create (highlighted);
  g_assert_true (talus_anatomy_document_render (fixture->doc, cr, 600, 400, TALUS_LAYER_DEFAULT,
                                                highlight, green, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  /* an opaque green tint through the ligament, nothing around it */
  g_assert_cmphex (pixel (highlighted, 230, 190), ==, 0xff00ff00);
  g_assert_cmphex (pixel (highlighted, 230, 200), ==, pixel (all, 230, 200));
  /* also under a masked layer: the fifth metatarsal at (800,580) */
  g_assert_cmphex (pixel (all, 400, 290), ==, 0xffefe6d2);
  g_assert_cmphex (pixel (highlighted, 400, 290), ==, 0xff00ff00);
  /* the rest of the metatarsals group is not tinted */
  g_assert_cmphex (pixel (highlighted, 400, 257), ==, pixel (all, 400, 257));

  regions = talus_anatomy_document_render_to_surface (fixture->doc, 600, 400,
                                                      TALUS_LAYER_REGIONS_VISIBLE, &error);
  g_assert_no_error (error);
  /* the midfoot region is painted, the skin next to it is not */
  g_assert_cmphex (pixel (regions, 400, 310), !=, pixel (hidden, 400, 310));
  g_assert_cmphex (pixel (regions, 500, 150), ==, 0xfff6e4d6);

  cairo_surface_destroy (all);
  cairo_surface_destroy (hidden);
  cairo_surface_destroy (highlighted);
  cairo_surface_destroy (regions);
}

static void
test_fit (Fixture       *fixture,
          gconstpointer  user_data)
{
  double scale, ox, oy;

  talus_anatomy_document_get_fit (fixture->doc, 600, 600, &scale, &ox, &oy);
  g_assert_cmpfloat_with_epsilon (scale, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (ox, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (oy, 100, 1e-9);

  talus_anatomy_document_get_fit (fixture->doc, 2400, 800, &scale, &ox, &oy);
  g_assert_cmpfloat_with_epsilon (scale, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ox, 600, 1e-9);
  g_assert_cmpfloat_with_epsilon (oy, 0, 1e-9);

  talus_anatomy_document_get_fit (fixture->doc, 0, 800, &scale, &ox, &oy);
  g_assert_cmpfloat (scale, ==, 0);
}

static void
test_surface_clamp (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  /* a flat strip keeps the test fast: 120000 x 800 shrinks to 8192 x 54 */
  surface = talus_anatomy_document_render_to_surface (fixture->doc, 120000, 800,
                                                      TALUS_LAYER_LABELS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, TALUS_ANATOMY_MAX_SURFACE_SIZE);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 54);
  cairo_surface_destroy (surface);

  surface = talus_anatomy_document_render_to_surface (fixture->doc, 10, G_MAXINT,
                                                      TALUS_LAYER_LABELS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, TALUS_ANATOMY_MAX_SURFACE_SIZE);
  cairo_surface_destroy (surface);

  surface = talus_anatomy_document_render_to_surface (fixture->doc, 0, 0, TALUS_LAYER_DEFAULT,
                                                      &error);
  g_assert_error (error, TALUS_ANATOMY_ERROR, TALUS_ANATOMY_ERROR_RENDER);
  g_assert_null (surface);

  /* rendering into nothing draws nothing, without error */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4, 4);
  cr = cairo_create (surface);
  g_assert_true (talus_anatomy_document_render (fixture->doc, cr, 0, 0, TALUS_LAYER_DEFAULT, NULL,
                                                NULL, NULL));
  g_assert_cmphex (pixel (surface, 1, 1), ==, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_hostile (void)
{
  static const struct
  {
    const char *file;
    int         code;
  } cases[] = {
    { "hostile-entities.svg", TALUS_ANATOMY_ERROR_FORBIDDEN },
    { "empty-size.svg", TALUS_ANATOMY_ERROR_INVALID },
    { "huge-size.svg", TALUS_ANATOMY_ERROR_INVALID },
    { "not-svg.svg", TALUS_ANATOMY_ERROR_INVALID },
    { "malformed.svg", TALUS_ANATOMY_ERROR_INVALID },
    { "duplicate-id.svg", TALUS_ANATOMY_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (TalusAnatomyDocument) doc = NULL;

      g_test_message ("%s", cases[i].file);
      doc = load_data (cases[i].file, &error);
      g_assert_error (error, TALUS_ANATOMY_ERROR, cases[i].code);
      g_assert_null (doc);
      /* messages name the drawing */
      g_assert_nonnull (strstr (error->message, cases[i].file));
    }
}

static void
test_hostile_size (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TalusAnatomyDocument) doc = NULL;
  g_autoptr (GBytes) bytes = NULL;
  GString *big = g_string_new ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" "
                               "height=\"10\"><g id=\"layer-bones\">");

  while (big->len <= TALUS_ANATOMY_MAX_SVG_SIZE)
    g_string_append (big, "<path d=\"M 0 0 H 1 V 1 Z\"/>\n");
  g_string_append (big, "</g></svg>");
  bytes = g_string_free_to_bytes (big);

  doc = talus_anatomy_document_new_from_bytes (bytes, "big.svg", &error);
  g_assert_error (error, TALUS_ANATOMY_ERROR, TALUS_ANATOMY_ERROR_INVALID);
  g_assert_null (doc);
}

static void
test_no_layers (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TalusAnatomyDocument) doc = NULL;

  doc = load_string ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
                     "<path id=\"talus\" class=\"bone\" d=\"M 0 0 H 5 V 5 Z\"/></svg>", &error);
  g_assert_error (error, TALUS_ANATOMY_ERROR, TALUS_ANATOMY_ERROR_INVALID);
  g_assert_null (doc);
}

/* An external image and a file URL: loading works, nothing outside the document is read. */
static void
test_external_reference (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TalusAnatomyDocument) doc = NULL;
  cairo_surface_t *surface;

  doc = load_string ("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                     "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\" "
                     "viewBox=\"0 0 10 10\"><g id=\"layer-bones\">"
                     "<image id=\"talus\" class=\"bone\" x=\"0\" y=\"0\" width=\"10\" "
                     "height=\"10\" "
                     "xlink:href=\"file://" TALUS_ANATOMY_TEST_DATA "/red.png\"/>"
                     "<image x=\"0\" y=\"0\" width=\"10\" height=\"10\" href=\"red.png\"/>"
                     "</g></svg>", &error);
  g_assert_no_error (error);
  surface = talus_anatomy_document_render_to_surface (doc, 10, 10, TALUS_LAYER_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmphex (pixel (surface, 5, 5), ==, 0);
  cairo_surface_destroy (surface);
}

/* The regions docs/anatomy-drawings.md and issue 3 require in each shipped view. */
static const char * const required_regions[TALUS_VIEW_N_KINDS][8] = {
  [TALUS_VIEW_LATERAL] = { "lateral-ankle", "anterior-ankle", "posterior-heel", "plantar-heel",
                           "midfoot", "big-toe", NULL },
  [TALUS_VIEW_MEDIAL] = { "medial-ankle", "anterior-ankle", "posterior-heel", "plantar-heel",
                          "midfoot", "big-toe", NULL },
  [TALUS_VIEW_POSTERIOR] = { "posterior-heel", "lateral-ankle", "medial-ankle", NULL },
  [TALUS_VIEW_PLANTAR] = { "plantar-heel", "midfoot", "big-toe", NULL },
};

static const char * const required_layers[] = {
  "layer-skin", "layer-bones", "layer-joints", "layer-ligaments", "layer-tendons", "layer-nerves",
  "layer-soft", "layer-landmarks", "layer-regions", "layer-labels",
};

/* Searches the bounds of @id on a grid for a point that hit-tests to it. */
static gboolean
find_point_for (TalusAnatomyDocument *doc,
                const char           *id,
                TalusLayers           layers,
                double               *px,
                double               *py)
{
  gboolean region = talus_anatomy_document_is_region (doc, id);
  double x, y, w, h;

  if (!talus_anatomy_document_get_bounds (doc, id, &x, &y, &w, &h))
    return FALSE;

  /* the centre first, then ever finer grids */
  for (guint steps = 1; steps <= 32; steps *= 2)
    for (guint i = 0; i < steps; i++)
      for (guint j = 0; j < steps; j++)
        {
          double cx = x + w * (i + 0.5) / steps, cy = y + h * (j + 0.5) / steps;
          const char *structure = NULL, *hit_region = NULL;

          talus_anatomy_document_hit_test (doc, cx, cy, layers, region ? NULL : &structure,
                                           region ? &hit_region : NULL);
          if (g_strcmp0 (region ? hit_region : structure, id) == 0)
            {
              *px = cx;
              *py = cy;
              return TRUE;
            }
        }

  return FALSE;
}

static void
test_shipped_views (void)
{
  for (guint v = 0; v < TALUS_VIEW_N_KINDS; v++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (TalusAnatomyDocument) doc = talus_anatomy_document_new_for_view (v, &error);
      g_autofree char *path = g_strdup_printf (APP_PATH "/anatomy/%s.svg",
                                               talus_view_kind_to_nick (v));
      g_autoptr (GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      const char * const *structures;
      double w, h;

      g_test_message ("view %s", talus_view_kind_to_nick (v));
      g_assert_no_error (error);
      g_assert_nonnull (doc);
      g_assert_cmpint (talus_anatomy_document_get_view (doc), ==, v);

      /* the contract: 1200 x 800, the layers in order, nothing that needs the outside world */
      talus_anatomy_document_get_size (doc, &w, &h);
      g_assert_cmpfloat (w, ==, 1200);
      g_assert_cmpfloat (h, ==, 800);
      {
        gsize size;
        const char *data = g_bytes_get_data (bytes, &size);
        const char *last = data;

        for (guint i = 0; i < G_N_ELEMENTS (required_layers); i++)
          {
            g_autofree char *needle = g_strdup_printf ("id=\"%s\"", required_layers[i]);
            const char *at = g_strstr_len (data, size, needle);

            g_test_message ("layer %s", required_layers[i]);
            g_assert_nonnull (at);
            g_assert_true (at > last);
            last = at;
          }
        g_assert_null (g_strstr_len (data, size, "<script"));
        g_assert_null (g_strstr_len (data, size, "@import"));
        g_assert_null (g_strstr_len (data, size, "<image"));
      }

      /* every required region is there and is hit somewhere inside its own bounds */
      for (guint i = 0; required_regions[v][i] != NULL; i++)
        {
          double x, y;

          g_test_message ("region %s", required_regions[v][i]);
          g_assert_true (talus_anatomy_document_is_region (doc, required_regions[v][i]));
          g_assert_true (find_point_for (doc, required_regions[v][i], TALUS_LAYER_DEFAULT, &x, &y));
        }

      /* every structure can be hit somewhere with all layers shown, and is in the right layer */
      structures = talus_anatomy_document_get_structure_ids (doc);
      g_assert_cmpuint (g_strv_length ((char **) structures), >, 5);
      for (guint i = 0; structures[i] != NULL; i++)
        {
          double x, y;

          g_test_message ("structure %s", structures[i]);
          g_assert_true (find_point_for (doc, structures[i], TALUS_LAYER_ALL, &x, &y));
        }
    }
}

/* The union of get_bounds() over @ids, measured on a fresh copy of @view (or of the test
 * drawing when @view is -1), one box at a time. */
static gboolean
union_one_by_one (int                 view,
                  const char * const *ids,
                  double              box[4])
{
  g_autoptr (TalusAnatomyDocument) doc = NULL;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  doc = view < 0 ? load_data ("test-drawing.svg", NULL)
                 : talus_anatomy_document_new_for_view ((TalusViewKind) view, NULL);
  g_assert_nonnull (doc);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      double x, y, w, h;

      if (!talus_anatomy_document_get_bounds (doc, ids[i], &x, &y, &w, &h))
        continue;
      x0 = MIN (x0, x);
      y0 = MIN (y0, y);
      x1 = MAX (x1, x + w);
      y1 = MAX (y1, y + h);
    }
  if (x1 <= x0 || y1 <= y0)
    return FALSE;
  box[0] = x0;
  box[1] = y0;
  box[2] = x1 - x0;
  box[3] = y1 - y0;
  return TRUE;
}

static void
assert_union_exact (TalusAnatomyDocument *doc,
                    int                   view,
                    const char * const   *ids)
{
  double expected[4], box[4];
  gboolean expected_ok = union_one_by_one (view, ids, expected);

  g_assert_cmpint (talus_anatomy_document_get_union_bounds (doc, ids, box), ==, expected_ok);
  if (!expected_ok)
    return;
  /* exactly, not approximately: the handout's crop must not change */
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat (box[i], ==, expected[i]);
}

static void
test_union_bounds (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const char *none[] = { "talus", "no-such-id", "deco-shadow", NULL };
  const char *mixed[] = { "no-such-id", "atfl", "sural-nerve", "atfl", "talus", NULL };
  const char *more[] = { "fibula", "peroneus-longus", "atfl", "metatarsals", "lateral-ankle", NULL };
  double x, y, w, h;

  /* nothing measurable */
  assert_union_exact (fixture->doc, -1, none);
  /* unknown, repeated and empty ids */
  assert_union_exact (fixture->doc, -1, mixed);
  /* a box measured before (by get_bounds) counts as it is */
  g_assert_true (talus_anatomy_document_get_bounds (fixture->doc, "metatarsals", &x, &y, &w, &h));
  assert_union_exact (fixture->doc, -1, more);
  /* and every box asked for afterwards is still the box get_bounds() gives on its own */
  for (guint i = 0; more[i] != NULL; i++)
    {
      double ux, uy, uw, uh;
      const char *one[] = { more[i], NULL };
      double expected[4];

      g_assert_true (union_one_by_one (-1, one, expected));
      g_assert_true (talus_anatomy_document_get_bounds (fixture->doc, more[i], &ux, &uy, &uw,
                                                        &uh));
      g_assert_cmpfloat (ux, ==, expected[0]);
      g_assert_cmpfloat (uy, ==, expected[1]);
      g_assert_cmpfloat (uw, ==, expected[2]);
      g_assert_cmpfloat (uh, ==, expected[3]);
    }
  g_assert_false (talus_anatomy_document_get_union_bounds (fixture->doc, NULL, (double[4]) { 0 }));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The build-time table of ids (gen-view-ids.py) is exactly what the document scans. */
static void
test_shipped_view_ids (void)
{
  for (guint v = 0; v < TALUS_VIEW_N_KINDS; v++)
    {
      g_autoptr (TalusAnatomyDocument) doc = talus_anatomy_document_new_for_view (v, NULL);
      const char * const *table = talus_view_kind_get_ids (v);
      g_autoptr (GPtrArray) scanned = g_ptr_array_new ();
      const char * const *lists[2];

      g_test_message ("view %s", talus_view_kind_to_nick (v));
      g_assert_nonnull (doc);
      lists[0] = talus_anatomy_document_get_structure_ids (doc);
      lists[1] = talus_anatomy_document_get_region_ids (doc);
      for (guint l = 0; l < 2; l++)
        for (guint i = 0; lists[l][i] != NULL; i++)
          {
            g_ptr_array_add (scanned, (gpointer) lists[l][i]);
            g_assert_true (talus_view_kind_has_id (v, lists[l][i]));
          }
      g_ptr_array_sort (scanned, compare_strings);

      g_assert_cmpuint (g_strv_length ((char **) table), ==, scanned->len);
      for (guint i = 0; i < scanned->len; i++)
        g_assert_cmpstr (table[i], ==, scanned->pdata[i]);

      g_assert_false (talus_view_kind_has_id (v, "no-such-id"));
      g_assert_false (talus_view_kind_has_id (v, ""));
      g_assert_false (talus_view_kind_has_id (v, NULL));
      /* the prefix is not part of a region's id, and decorations are not structures */
      g_assert_false (talus_view_kind_has_id (v, "region-lateral-ankle"));
    }
  /* the views differ: the plantar view shows no lateral malleolus */
  g_assert_true (talus_view_kind_has_id (TALUS_VIEW_LATERAL, "lateral-malleolus"));
  g_assert_false (talus_view_kind_has_id (TALUS_VIEW_PLANTAR, "lateral-malleolus"));
}

/* The handout crops its figure to the union of every structure of the shipped drawings. */
static void
test_shipped_union_bounds (void)
{
  for (guint v = 0; v < TALUS_VIEW_N_KINDS; v++)
    {
      g_autoptr (TalusAnatomyDocument) doc = talus_anatomy_document_new_for_view (v, NULL);
      const char * const *structures = talus_anatomy_document_get_structure_ids (doc);
      const char * const *regions = talus_anatomy_document_get_region_ids (doc);

      g_test_message ("view %s", talus_view_kind_to_nick (v));
      assert_union_exact (doc, (int) v, structures);
      assert_union_exact (doc, (int) v, regions);
      /* pairs of structures, on a document that has measured some boxes already */
      for (guint i = 0; structures[i] != NULL && structures[i + 1] != NULL; i += 7)
        {
          const char *pair[] = { structures[i], structures[i + 1], NULL };

          assert_union_exact (doc, (int) v, pair);
        }
    }
}

/* Points a clinician would name without looking at the code, in document coordinates of the
 * shipped 1200 x 800 drawings (right foot). If a drawing moves a bone far enough to break one
 * of these, the drawing is what needs a second look. */
static void
test_shipped_sanity_points (void)
{
  static const struct
  {
    TalusViewKind view;
    double        x, y;
    const char   *region;
    const char   *structure; /* NULL: any or none */
    const char   *what;
  } points[] = {
    { TALUS_VIEW_LATERAL, 416, 545, "lateral-ankle", "lateral-malleolus", "lateral malleolus" },
    { TALUS_VIEW_LATERAL, 300, 735, "plantar-heel", NULL, "under the heel" },
    { TALUS_VIEW_LATERAL, 900, 700, "big-toe", "phalanges", "the toes" },
    { TALUS_VIEW_MEDIAL, 760, 510, "medial-ankle", "medial-malleolus", "medial malleolus" },
    { TALUS_VIEW_MEDIAL, 300, 690, "big-toe", "phalanges", "the big toe" },
    { TALUS_VIEW_POSTERIOR, 700, 470, "lateral-ankle", "lateral-malleolus",
      "lateral malleolus, on the right of a right foot seen from behind" },
    { TALUS_VIEW_POSTERIOR, 520, 450, "medial-ankle", NULL, "behind the medial malleolus" },
    { TALUS_VIEW_POSTERIOR, 620, 600, "posterior-heel", "achilles-tendon", "Achilles insertion" },
    { TALUS_VIEW_PLANTAR, 600, 650, "plantar-heel", "calcaneus", "the heel" },
    { TALUS_VIEW_PLANTAR, 680, 100, "big-toe", "phalanges", "the big toe" },
    { TALUS_VIEW_PLANTAR, 600, 430, "midfoot", NULL, "the arch" },
  };
  TalusAnatomyDocument *docs[TALUS_VIEW_N_KINDS] = { NULL, };

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      const char *structure = NULL, *region = NULL;
      TalusViewKind v = points[i].view;

      if (docs[v] == NULL)
        {
          g_autoptr (GError) error = NULL;

          docs[v] = talus_anatomy_document_new_for_view (v, &error);
          g_assert_no_error (error);
        }

      g_test_message ("%s view: %s", talus_view_kind_to_nick (v), points[i].what);
      talus_anatomy_document_hit_test (docs[v], points[i].x, points[i].y, TALUS_LAYER_DEFAULT,
                                       &structure, &region);
      g_assert_cmpstr (region, ==, points[i].region);
      if (points[i].structure != NULL)
        g_assert_cmpstr (structure, ==, points[i].structure);
    }

  for (guint v = 0; v < TALUS_VIEW_N_KINDS; v++)
    g_assert_finalize_object (docs[v]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/talus/anatomy/document/view-kind", test_view_kind);
  g_test_add ("/talus/anatomy/document/ids", Fixture, NULL, fixture_set_up, test_ids,
              fixture_tear_down);
  g_test_add ("/talus/anatomy/document/bounds", Fixture, NULL, fixture_set_up, test_bounds,
              fixture_tear_down);
  g_test_add ("/talus/anatomy/document/union-bounds", Fixture, NULL, fixture_set_up,
              test_union_bounds, fixture_tear_down);
  g_test_add ("/talus/anatomy/document/hit/structure", Fixture, NULL, fixture_set_up,
              test_hit_structure, fixture_tear_down);
  g_test_add ("/talus/anatomy/document/hit/nested", Fixture, NULL, fixture_set_up,
              test_hit_nested, fixture_tear_down);
  g_test_add ("/talus/anatomy/document/hit/region-only", Fixture, NULL, fixture_set_up,
              test_hit_region_only, fixture_tear_down);
  g_test_add ("/talus/anatomy/document/hit/layers", Fixture, NULL, fixture_set_up,
              test_hit_layers, fixture_tear_down);
  g_test_add ("/talus/anatomy/document/render", Fixture, NULL, fixture_set_up, test_render,
              fixture_tear_down);
  g_test_add ("/talus/anatomy/document/fit", Fixture, NULL, fixture_set_up, test_fit,
              fixture_tear_down);
  g_test_add ("/talus/anatomy/document/surface-clamp", Fixture, NULL, fixture_set_up,
              test_surface_clamp, fixture_tear_down);
  g_test_add_func ("/talus/anatomy/document/hostile/forbidden-and-invalid", test_hostile);
  g_test_add_func ("/talus/anatomy/document/hostile/too-large", test_hostile_size);
  g_test_add_func ("/talus/anatomy/document/hostile/no-layers", test_no_layers);
  g_test_add_func ("/talus/anatomy/document/hostile/external-reference", test_external_reference);
  g_test_add_func ("/talus/anatomy/document/shipped/views", test_shipped_views);
  g_test_add_func ("/talus/anatomy/document/shipped/union-bounds", test_shipped_union_bounds);
  g_test_add_func ("/talus/anatomy/document/shipped/view-ids", test_shipped_view_ids);
  g_test_add_func ("/talus/anatomy/document/shipped/sanity-points", test_shipped_sanity_points);

  return g_test_run ();
}
