/* talus-anatomy-document.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "talus-anatomy"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "talus-anatomy-document.h"
#include "talus-data-resources.h"
#include "talus-view-ids.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)

/* Invisible hit shapes (regions) and the Ottawa rings are filled opaque in the "hit" copy of the
 * drawing, so a pixel test finds them and a highlight can be masked through them. A ring is
 * filled to a disc: a clinician aims at the centre of a palpation point, not at its outline. */
static const char hit_stylesheet[] =
  "#layer-regions, #layer-landmarks {"
  " display: inline !important; visibility: visible !important; opacity: 1 !important; }\n"
  ".region, .region *, .landmark, .landmark * {"
  " fill: #000 !important; fill-opacity: 1 !important; opacity: 1 !important;"
  " display: inline !important; visibility: visible !important; }\n"
  /* Hit shapes are geometry: soft masks and blur filters only cost time there (a masked layer
   * makes every 1x1 pixel test render a full-size mask) and would fade hits out. */
  "* { mask: none !important; filter: none !important; }\n";

/* An alpha at or above this, out of 255, is a hit: the point is within half a pixel of the
 * shape. */
#define HIT_ALPHA_THRESHOLD 128

typedef struct
{
  char         *id;        /* the structure id, or the region id without "region-" */
  char         *css_id;    /* "#" + the element id, for librsvg */
  char         *klass;     /* structure class; NULL for a region */
  TalusLayers   layer;     /* layer flag that hides it, 0 when always drawn */
  gboolean      measured;  /* x, y, w, h and has_bounds are set: measured on first use */
  gboolean      has_bounds;
  double        x, y, w, h;
} Item;

typedef struct
{
  char         *css_id;
  TalusLayers   flag;      /* 0: always drawn */
  gboolean      regions;   /* layer-regions: only drawn with TALUS_LAYER_REGIONS_VISIBLE */
} Layer;

struct _TalusAnatomyDocument
{
  GObject          parent_instance;

  TalusViewKind    view;
  char            *display_name;
  GBytes          *svg;        /* kept to load the hit copy on first use */
  RsvgHandle      *handle;
  RsvgHandle      *hit_handle; /* NULL until first needed: see ensure_hit_handle() */
  gboolean         hit_failed;
  double           width;
  double           height;

  GPtrArray       *structures; /* Item, document order */
  GPtrArray       *regions;    /* Item, document order */
  GHashTable      *by_id;      /* id -> Item */
  GArray          *layers;     /* Layer, document order */
  GPtrArray       *structure_ids;
  GPtrArray       *region_ids;

  cairo_surface_t *hit_surface; /* 1x1 A8, reused by every pixel test */
};

G_DEFINE_FINAL_TYPE (TalusAnatomyDocument, talus_anatomy_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (talus-anatomy-error-quark, talus_anatomy_error)

static const char * const view_nicks[] = { "lateral", "medial", "posterior", "plantar" };
G_STATIC_ASSERT (G_N_ELEMENTS (view_ids) == TALUS_VIEW_N_KINDS);

static const char * const structure_classes[] = {
  "bone", "joint", "ligament", "tendon", "nerve", "bursa", "fascia", "retinaculum", "landmark",
};

static const struct
{
  const char  *name;
  TalusLayers  flag;
} layer_flags[] = {
  { "layer-labels", TALUS_LAYER_LABELS },
  { "layer-ligaments", TALUS_LAYER_LIGAMENTS },
  { "layer-tendons", TALUS_LAYER_TENDONS },
  { "layer-nerves", TALUS_LAYER_NERVES },
  { "layer-soft", TALUS_LAYER_SOFT },
  { "layer-landmarks", TALUS_LAYER_LANDMARKS },
};

/* Tints for TALUS_LAYER_REGIONS_VISIBLE, cycled by region index. */
static const double region_debug_tints[][4] = {
  { 0.89, 0.10, 0.11, 0.35 }, { 0.12, 0.47, 0.71, 0.35 }, { 0.20, 0.63, 0.17, 0.35 },
  { 0.58, 0.40, 0.74, 0.35 }, { 1.00, 0.50, 0.00, 0.35 }, { 0.65, 0.34, 0.16, 0.35 },
  { 0.97, 0.51, 0.75, 0.35 },
};

static const double default_highlight[4] = { 0.96, 0.47, 0.0, 0.55 };

GType
talus_view_kind_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { TALUS_VIEW_LATERAL, "TALUS_VIEW_LATERAL", "lateral" },
        { TALUS_VIEW_MEDIAL, "TALUS_VIEW_MEDIAL", "medial" },
        { TALUS_VIEW_POSTERIOR, "TALUS_VIEW_POSTERIOR", "posterior" },
        { TALUS_VIEW_PLANTAR, "TALUS_VIEW_PLANTAR", "plantar" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("TalusViewKind"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

GType
talus_layers_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GFlagsValue values[] = {
        { TALUS_LAYER_LABELS, "TALUS_LAYER_LABELS", "labels" },
        { TALUS_LAYER_LIGAMENTS, "TALUS_LAYER_LIGAMENTS", "ligaments" },
        { TALUS_LAYER_TENDONS, "TALUS_LAYER_TENDONS", "tendons" },
        { TALUS_LAYER_NERVES, "TALUS_LAYER_NERVES", "nerves" },
        { TALUS_LAYER_SOFT, "TALUS_LAYER_SOFT", "soft" },
        { TALUS_LAYER_LANDMARKS, "TALUS_LAYER_LANDMARKS", "landmarks" },
        { TALUS_LAYER_REGIONS_VISIBLE, "TALUS_LAYER_REGIONS_VISIBLE", "regions-visible" },
        { 0, NULL, NULL },
      };
      GType type = g_flags_register_static (g_intern_static_string ("TalusLayers"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

const char *
talus_view_kind_to_nick (TalusViewKind kind)
{
  g_return_val_if_fail ((guint) kind < TALUS_VIEW_N_KINDS, NULL);

  return view_nicks[kind];
}

gboolean
talus_view_kind_from_nick (const char    *nick,
                           TalusViewKind *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (view_nicks); i++)
    if (g_str_equal (nick, view_nicks[i]))
      {
        *out = (TalusViewKind) i;
        return TRUE;
      }

  return FALSE;
}

const char *
talus_view_kind_to_label (TalusViewKind kind)
{
  switch (kind)
    {
    case TALUS_VIEW_LATERAL:
      return _("Lateral");
    case TALUS_VIEW_MEDIAL:
      return _("Medial");
    case TALUS_VIEW_POSTERIOR:
      return _("Posterior");
    case TALUS_VIEW_PLANTAR:
      return _("Plantar");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->id);
  g_free (item->css_id);
  g_free (item->klass);
  g_free (item);
}

static void
layer_clear (gpointer data)
{
  Layer *layer = data;

  g_free (layer->css_id);
}

static const char *
structure_class_of (const char *class_attr)
{
  g_auto (GStrv) tokens = NULL;

  if (class_attr == NULL)
    return NULL;

  tokens = g_strsplit_set (class_attr, " \t\r\n", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    for (guint j = 0; j < G_N_ELEMENTS (structure_classes); j++)
      if (g_str_equal (tokens[i], structure_classes[j]))
        return structure_classes[j];

  return NULL;
}

static gboolean
is_definition_element (xmlNode *node)
{
  static const char * const names[] = {
    "defs", "clipPath", "mask", "symbol", "pattern", "marker", "linearGradient",
    "radialGradient", "filter", "title", "desc", "metadata", "style",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (xmlStrEqual (node->name, (const xmlChar *) names[i]))
      return TRUE;

  return FALSE;
}

typedef struct
{
  TalusAnatomyDocument *self;
  const char           *display_name;
  GError              **error;
} Scan;

static gboolean
scan_element (Scan    *scan,
              xmlNode *node,
              TalusLayers layer)
{
  TalusAnatomyDocument *self = scan->self;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *class_attr = NULL;
      xmlChar *value;

      if (child->type != XML_ELEMENT_NODE || is_definition_element (child))
        continue;

      if ((value = xmlGetProp (child, (const xmlChar *) "id")) != NULL)
        {
          id = g_strdup ((const char *) value);
          xmlFree (value);
        }
      if ((value = xmlGetProp (child, (const xmlChar *) "class")) != NULL)
        {
          class_attr = g_strdup ((const char *) value);
          xmlFree (value);
        }

      if (id != NULL && !g_str_has_prefix (id, "deco-"))
        {
          const char *klass = structure_class_of (class_attr);
          gboolean region = g_str_has_prefix (id, "region-") && id[strlen ("region-")] != '\0';

          if (region || klass != NULL)
            {
              Item *item = g_new0 (Item, 1);

              item->id = g_strdup (region ? id + strlen ("region-") : id);
              item->css_id = g_strconcat ("#", id, NULL);
              item->klass = region ? NULL : g_strdup (klass);
              item->layer = region ? 0 : layer;

              if (g_hash_table_contains (self->by_id, item->id))
                {
                  g_set_error (scan->error, TALUS_ANATOMY_ERROR, TALUS_ANATOMY_ERROR_INVALID,
                               "%s:%d: duplicate structure or region id “%s”",
                               scan->display_name, child->line, item->id);
                  item_free (item);
                  return FALSE;
                }

              g_hash_table_insert (self->by_id, item->id, item);
              if (region)
                {
                  g_ptr_array_add (self->regions, item);
                  g_ptr_array_add (self->region_ids, item->id);
                }
              else
                {
                  g_ptr_array_add (self->structures, item);
                  g_ptr_array_add (self->structure_ids, item->id);
                }
            }
        }

      if (!scan_element (scan, child, layer))
        return FALSE;
    }

  return TRUE;
}

static gboolean
scan_ids (TalusAnatomyDocument  *self,
          GBytes                *svg,
          const char            *display_name,
          GError               **error)
{
  g_autoptr (xmlParserCtxt) ctxt = NULL;
  g_autoptr (xmlDoc) doc = NULL;
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);
  xmlNode *root;
  Scan scan = { self, display_name, error };

  /* Refuse before parsing: librsvg would expand internal entities, libxml2 would read them. */
  if (g_strstr_len (data, size, "<!DOCTYPE") != NULL ||
      g_strstr_len (data, size, "<!ENTITY") != NULL)
    {
      g_set_error (error, TALUS_ANATOMY_ERROR, TALUS_ANATOMY_ERROR_FORBIDDEN,
                   "%s: a DOCTYPE or entity declaration is not allowed in a drawing", display_name);
      return FALSE;
    }

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, TALUS_ANATOMY_ERROR, TALUS_ANATOMY_ERROR_INVALID,
                   "%s: out of memory", display_name);
      return FALSE;
    }

  doc = xmlCtxtReadMemory (ctxt, data, (int) size, display_name, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      const xmlError *xerr = xmlCtxtGetLastError (ctxt);
      g_autofree char *message = g_strdup (xerr != NULL && xerr->message != NULL
                                           ? xerr->message : "not well-formed XML");

      g_set_error (error, TALUS_ANATOMY_ERROR, TALUS_ANATOMY_ERROR_INVALID, "%s:%d: %s",
                   display_name, xerr != NULL ? xerr->line : 0, g_strstrip (message));
      return FALSE;
    }

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, TALUS_ANATOMY_ERROR, TALUS_ANATOMY_ERROR_FORBIDDEN,
                   "%s: a DOCTYPE is not allowed in a drawing", display_name);
      return FALSE;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !xmlStrEqual (root->name, (const xmlChar *) "svg"))
    {
      g_set_error (error, TALUS_ANATOMY_ERROR, TALUS_ANATOMY_ERROR_INVALID,
                   "%s: the root element is not <svg>", display_name);
      return FALSE;
    }

  /* Top-level layers; anything outside them is not drawn by render(), so not listed either. */
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      xmlChar *value;
      g_autofree char *id = NULL;
      Layer layer = { NULL, 0, FALSE };

      if (child->type != XML_ELEMENT_NODE || !xmlStrEqual (child->name, (const xmlChar *) "g"))
        continue;

      if ((value = xmlGetProp (child, (const xmlChar *) "id")) == NULL)
        continue;
      id = g_strdup ((const char *) value);
      xmlFree (value);
      if (!g_str_has_prefix (id, "layer-"))
        continue;

      for (guint i = 0; i < G_N_ELEMENTS (layer_flags); i++)
        if (g_str_equal (id, layer_flags[i].name))
          layer.flag = layer_flags[i].flag;
      layer.regions = g_str_equal (id, "layer-regions");
      layer.css_id = g_strconcat ("#", id, NULL);
      g_array_append_val (self->layers, layer);

      if (!scan_element (&scan, child, layer.flag))
        return FALSE;
    }

  if (self->layers->len == 0)
    {
      g_set_error (error, TALUS_ANATOMY_ERROR, TALUS_ANATOMY_ERROR_INVALID,
                   "%s: no top-level <g id=\"layer-…\"> group", display_name);
      return FALSE;
    }

  return TRUE;
}

static RsvgHandle *
load_handle (GBytes      *svg,
             const char  *display_name,
             GError     **error)
{
  g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (svg);
  g_autoptr (GError) local_error = NULL;
  RsvgHandle *handle;

  /* No base file: relative and file references cannot resolve. Never FLAG_UNLIMITED. */
  handle = rsvg_handle_new_from_stream_sync (stream, NULL, RSVG_HANDLE_FLAGS_NONE, NULL,
                                             &local_error);
  if (handle == NULL)
    {
      g_set_error (error, TALUS_ANATOMY_ERROR, TALUS_ANATOMY_ERROR_INVALID, "%s: %s",
                   display_name, local_error->message);
      return NULL;
    }

  rsvg_handle_set_dpi (handle, 96.0);
  return handle;
}

static gboolean
measure_size (TalusAnatomyDocument  *self,
              GError               **error)
{
  gboolean has_width, has_height, has_viewbox;
  RsvgLength w, h;
  RsvgRectangle viewbox;

  rsvg_handle_get_intrinsic_dimensions (self->handle, &has_width, &w, &has_height, &h,
                                        &has_viewbox, &viewbox);
  if (has_viewbox)
    {
      self->width = viewbox.width;
      self->height = viewbox.height;
    }
  else if (!rsvg_handle_get_intrinsic_size_in_pixels (self->handle, &self->width, &self->height))
    {
      self->width = self->height = 0;
    }

  if (!isfinite (self->width) || !isfinite (self->height) || self->width < 1.0 ||
      self->height < 1.0 || self->width > TALUS_ANATOMY_MAX_DOCUMENT_SIZE ||
      self->height > TALUS_ANATOMY_MAX_DOCUMENT_SIZE)
    {
      g_set_error (error, TALUS_ANATOMY_ERROR, TALUS_ANATOMY_ERROR_INVALID,
                   "%s: the drawing size %g × %g is not between 1 and %g", self->display_name,
                   self->width, self->height, TALUS_ANATOMY_MAX_DOCUMENT_SIZE);
      return FALSE;
    }

  return TRUE;
}

/* The hit copy is only needed for hit tests, boxes and highlights, so it is loaded on first
 * use: a first frame or a plain render never pays for it. It parses the same bytes as the display
 * copy, which has loaded, so a failure here is out of memory at worst. */
static RsvgHandle *
ensure_hit_handle (TalusAnatomyDocument *self)
{
  g_autoptr (GError) error = NULL;
  RsvgHandle *handle;

  if (self->hit_handle != NULL || self->hit_failed)
    return self->hit_handle;

  handle = load_handle (self->svg, self->display_name, &error);
  if (handle != NULL &&
      !rsvg_handle_set_stylesheet (handle, (const guint8 *) hit_stylesheet,
                                   strlen (hit_stylesheet), &error))
    g_clear_object (&handle);

  if (handle == NULL)
    {
      g_warning ("%s: cannot load the hit-test copy of the drawing: %s", self->display_name,
                 error != NULL ? error->message : "unknown error");
      self->hit_failed = TRUE;
    }

  self->hit_handle = handle;
  return handle;
}

/* librsvg 2.54 also unites the box of a straight stroke deeper in a transformed group with that
 * group's origin, which inflates the ink box of many structures. Its box is a superset of the
 * truth, so render the element inside it (at most 512 px a side) and keep what has ink. */
static void
tighten_bounds (TalusAnatomyDocument *self,
                Item                 *item)
{
  RsvgRectangle viewport = { 0, 0, self->width, self->height };
  double k = MIN (1.0, 512.0 / MAX (item->w, item->h));
  int sw = (int) ceil (item->w * k) + 2;
  int sh = (int) ceil (item->h * k) + 2;
  int min_x = sw, min_y = sh, max_x = -1, max_y = -1;
  cairo_surface_t *surface;
  const guchar *data;
  int stride;
  cairo_t *cr;
  gboolean ok;

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, sw, sh);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return;
    }

  /* One pixel of margin on every side. */
  cr = cairo_create (surface);
  cairo_translate (cr, 1, 1);
  cairo_scale (cr, k, k);
  cairo_translate (cr, -item->x, -item->y);
  ok = rsvg_handle_render_layer (self->hit_handle, cr, item->css_id, &viewport, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; ok && y < sh; y++)
    for (int x = 0; x < sw; x++)
      if (data[y * stride + x] != 0)
        {
          min_x = MIN (min_x, x);
          max_x = MAX (max_x, x);
          min_y = MIN (min_y, y);
          max_y = MAX (max_y, y);
        }
  cairo_surface_destroy (surface);

  if (!ok)
    return;

  if (max_x < 0)
    {
      /* Nothing is drawn: nothing to hit. */
      item->has_bounds = FALSE;
      return;
    }

  {
    double x0 = MAX (item->x, item->x + (min_x - 1) / k);
    double y0 = MAX (item->y, item->y + (min_y - 1) / k);
    double x1 = MIN (item->x + item->w, item->x + max_x / k);
    double y1 = MIN (item->y + item->h, item->y + max_y / k);

    item->x = x0;
    item->y = y0;
    item->w = MAX (x1 - x0, 1.0 / k);
    item->h = MAX (y1 - y0, 1.0 / k);
  }
}

/* librsvg's ink box of @item (through the hit copy), before tighten_bounds(): a superset of the
 * tight box. FALSE when the element draws nothing or cannot be measured. */
static gboolean
loose_bounds (TalusAnatomyDocument *self,
              Item                 *item)
{
  RsvgRectangle viewport = { 0, 0, self->width, self->height };
  RsvgRectangle ink, logical;

  if (ensure_hit_handle (self) == NULL ||
      !rsvg_handle_get_geometry_for_layer (self->hit_handle, item->css_id, &viewport, &ink,
                                           &logical, NULL) ||
      !(ink.width > 0 && ink.height > 0))
    return FALSE;

  /* librsvg 2.54 unites the ink box of a shape whose geometry has no width or no height (a
   * straight stroked line) with the origin. Its far edges are right; mirror the stroke's
   * overhang there onto the near edges. */
  if (logical.width == 0 || logical.height == 0)
    {
      double pad_x = MAX (0, (ink.x + ink.width) - (logical.x + logical.width));
      double pad_y = MAX (0, (ink.y + ink.height) - (logical.y + logical.height));
      double x1 = ink.x + ink.width, y1 = ink.y + ink.height;

      ink.x = MAX (ink.x, logical.x - pad_x);
      ink.y = MAX (ink.y, logical.y - pad_y);
      ink.width = x1 - ink.x;
      ink.height = y1 - ink.y;
    }

  item->x = ink.x;
  item->y = ink.y;
  item->w = ink.width;
  item->h = ink.height;
  return TRUE;
}

/* Measured once, on first use (get_bounds, get_union_bounds, hit_test): rendering every element
 * to tighten its box is most of the cost of loading a drawing, and most uses need few boxes or
 * none. @loose: loose_bounds() has already been called on @item, with this result. */
static void
finish_measure (TalusAnatomyDocument *self,
                Item                 *item,
                gboolean              loose)
{
  item->measured = TRUE;
  item->has_bounds = loose;
  if (loose)
    tighten_bounds (self, item);
}

static void
measure_item (TalusAnatomyDocument *self,
              Item                 *item)
{
  finish_measure (self, item, loose_bounds (self, item));
}

static gboolean
pixel_hit (TalusAnatomyDocument *self,
           Item                 *item,
           double                x,
           double                y)
{
  RsvgRectangle viewport = { 0, 0, self->width, self->height };
  cairo_t *cr;
  gboolean ok;
  guchar alpha;

  if (!item->measured)
    measure_item (self, item);

  if (!item->has_bounds ||
      x < item->x - 1 || y < item->y - 1 || x > item->x + item->w + 1 || y > item->y + item->h + 1)
    return FALSE;

  cr = cairo_create (self->hit_surface);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  /* Centre the single pixel on the point. */
  cairo_translate (cr, 0.5 - x, 0.5 - y);
  ok = rsvg_handle_render_layer (self->hit_handle, cr, item->css_id, &viewport, NULL);
  cairo_destroy (cr);
  if (!ok)
    return FALSE;

  cairo_surface_flush (self->hit_surface);
  alpha = cairo_image_surface_get_data (self->hit_surface)[0];

  return alpha >= HIT_ALPHA_THRESHOLD;
}

static void
talus_anatomy_document_finalize (GObject *object)
{
  TalusAnatomyDocument *self = (TalusAnatomyDocument *) object;

  g_clear_object (&self->handle);
  g_clear_object (&self->hit_handle);
  g_clear_pointer (&self->svg, g_bytes_unref);
  g_clear_pointer (&self->hit_surface, cairo_surface_destroy);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->structure_ids, g_ptr_array_unref);
  g_clear_pointer (&self->region_ids, g_ptr_array_unref);
  g_clear_pointer (&self->structures, g_ptr_array_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->layers, g_array_unref);
  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (talus_anatomy_document_parent_class)->finalize (object);
}

static void
talus_anatomy_document_class_init (TalusAnatomyDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = talus_anatomy_document_finalize;
}

static void
talus_anatomy_document_init (TalusAnatomyDocument *self)
{
  self->structures = g_ptr_array_new_with_free_func (item_free);
  self->regions = g_ptr_array_new_with_free_func (item_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->layers = g_array_new (FALSE, TRUE, sizeof (Layer));
  g_array_set_clear_func (self->layers, layer_clear);
  self->structure_ids = g_ptr_array_new ();
  self->region_ids = g_ptr_array_new ();
}

static TalusAnatomyDocument *
document_new (GBytes         *svg,
              TalusViewKind   view,
              const char     *display_name,
              GError        **error)
{
  g_autoptr (TalusAnatomyDocument) self = g_object_new (TALUS_TYPE_ANATOMY_DOCUMENT, NULL);

  self->view = view;
  self->display_name = g_strdup (display_name);

  if (g_bytes_get_size (svg) > TALUS_ANATOMY_MAX_SVG_SIZE)
    {
      g_set_error (error, TALUS_ANATOMY_ERROR, TALUS_ANATOMY_ERROR_INVALID,
                   "%s: the drawing is larger than %d bytes", display_name,
                   TALUS_ANATOMY_MAX_SVG_SIZE);
      return NULL;
    }

  if (!scan_ids (self, svg, display_name, error))
    return NULL;

  /* The hit copy and the boxes come on first use: ensure_hit_handle(), measure_item(). */
  if ((self->handle = load_handle (svg, display_name, error)) == NULL)
    return NULL;
  self->svg = g_bytes_ref (svg);

  if (!measure_size (self, error))
    return NULL;

  g_ptr_array_add (self->structure_ids, NULL);
  g_ptr_array_add (self->region_ids, NULL);

  self->hit_surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);

  return g_steal_pointer (&self);
}

static GBytes *
lookup_view_bytes (TalusViewKind   view,
                   char          **display_name,
                   GError        **error)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) local_error = NULL;
  GBytes *bytes;

  /* Referencing the resource links it in from the static library, which registers it. */
  g_assert (talus_data_get_resource () != NULL);

  path = g_strdup_printf (APP_PATH "/anatomy/%s.svg", view_nicks[view]);
  *display_name = g_strdup_printf ("%s.svg", view_nicks[view]);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    g_set_error (error, TALUS_ANATOMY_ERROR, TALUS_ANATOMY_ERROR_INVALID, "%s: %s",
                 *display_name, local_error->message);

  return bytes;
}

static int
compare_id (const void *key,
            const void *member)
{
  return strcmp (key, *(const char * const *) member);
}

gboolean
talus_view_kind_has_id (TalusViewKind  kind,
                        const char    *id)
{
  const char * const *ids;

  g_return_val_if_fail ((guint) kind < TALUS_VIEW_N_KINDS, FALSE);

  if (id == NULL)
    return FALSE;

  /* Choosing a view (for a handout) must not cost loading all four drawings: their ids come
   * from a table made at build time (gen-view-ids.py), sorted for bsearch(). */
  ids = view_ids[kind];
  return bsearch (id, ids, g_strv_length ((char **) ids), sizeof ids[0], compare_id) != NULL;
}

const char * const *
talus_view_kind_get_ids (TalusViewKind kind)
{
  g_return_val_if_fail ((guint) kind < TALUS_VIEW_N_KINDS, NULL);

  return view_ids[kind];
}

TalusAnatomyDocument *
talus_anatomy_document_new_for_view (TalusViewKind   view,
                                     GError        **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail ((guint) view < TALUS_VIEW_N_KINDS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = lookup_view_bytes (view, &display_name, error)))
    return NULL;

  return document_new (bytes, view, display_name, error);
}

TalusAnatomyDocument *
talus_anatomy_document_new_from_bytes (GBytes      *svg,
                                       const char  *display_name,
                                       GError     **error)
{
  TalusViewKind view = TALUS_VIEW_LATERAL;

  g_return_val_if_fail (svg != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = "drawing.svg";

  for (guint i = 0; i < G_N_ELEMENTS (view_nicks); i++)
    if (g_str_has_prefix (display_name, view_nicks[i]))
      view = (TalusViewKind) i;

  return document_new (svg, view, display_name, error);
}

TalusViewKind
talus_anatomy_document_get_view (TalusAnatomyDocument *self)
{
  g_return_val_if_fail (TALUS_IS_ANATOMY_DOCUMENT (self), TALUS_VIEW_LATERAL);

  return self->view;
}

const char *
talus_anatomy_document_get_display_name (TalusAnatomyDocument *self)
{
  g_return_val_if_fail (TALUS_IS_ANATOMY_DOCUMENT (self), NULL);

  return self->display_name;
}

void
talus_anatomy_document_get_size (TalusAnatomyDocument *self,
                                 double               *width,
                                 double               *height)
{
  g_return_if_fail (TALUS_IS_ANATOMY_DOCUMENT (self));

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

const char * const *
talus_anatomy_document_get_structure_ids (TalusAnatomyDocument *self)
{
  g_return_val_if_fail (TALUS_IS_ANATOMY_DOCUMENT (self), NULL);

  return (const char * const *) self->structure_ids->pdata;
}

const char * const *
talus_anatomy_document_get_region_ids (TalusAnatomyDocument *self)
{
  g_return_val_if_fail (TALUS_IS_ANATOMY_DOCUMENT (self), NULL);

  return (const char * const *) self->region_ids->pdata;
}

gboolean
talus_anatomy_document_has_id (TalusAnatomyDocument *self,
                               const char           *id)
{
  g_return_val_if_fail (TALUS_IS_ANATOMY_DOCUMENT (self), FALSE);

  return id != NULL && g_hash_table_contains (self->by_id, id);
}

gboolean
talus_anatomy_document_is_region (TalusAnatomyDocument *self,
                                  const char           *id)
{
  Item *item;

  g_return_val_if_fail (TALUS_IS_ANATOMY_DOCUMENT (self), FALSE);

  if (id == NULL || (item = g_hash_table_lookup (self->by_id, id)) == NULL)
    return FALSE;

  return item->klass == NULL;
}

const char *
talus_anatomy_document_get_structure_class (TalusAnatomyDocument *self,
                                            const char           *id)
{
  Item *item;

  g_return_val_if_fail (TALUS_IS_ANATOMY_DOCUMENT (self), NULL);

  if (id == NULL || (item = g_hash_table_lookup (self->by_id, id)) == NULL)
    return NULL;

  return item->klass;
}

gboolean
talus_anatomy_document_is_visible (TalusAnatomyDocument *self,
                                   const char           *id,
                                   TalusLayers           layers)
{
  Item *item;

  g_return_val_if_fail (TALUS_IS_ANATOMY_DOCUMENT (self), FALSE);

  if (id == NULL || (item = g_hash_table_lookup (self->by_id, id)) == NULL)
    return FALSE;

  return item->layer == 0 || (item->layer & layers) != 0;
}

gboolean
talus_anatomy_document_get_bounds (TalusAnatomyDocument *self,
                                   const char           *id,
                                   double               *x,
                                   double               *y,
                                   double               *w,
                                   double               *h)
{
  Item *item;

  g_return_val_if_fail (TALUS_IS_ANATOMY_DOCUMENT (self), FALSE);

  if (id == NULL || (item = g_hash_table_lookup (self->by_id, id)) == NULL)
    return FALSE;

  if (!item->measured)
    measure_item (self, item);
  if (!item->has_bounds)
    return FALSE;

  if (x != NULL)
    *x = item->x;
  if (y != NULL)
    *y = item->y;
  if (w != NULL)
    *w = item->w;
  if (h != NULL)
    *h = item->h;

  return TRUE;
}

typedef struct
{
  Item   *item;
  double  x0, y0, x1, y1;  /* an upper bound of the tight box */
} Candidate;

gboolean
talus_anatomy_document_get_union_bounds (TalusAnatomyDocument *self,
                                         const char * const   *ids,
                                         double                box[4])
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  g_return_val_if_fail (TALUS_IS_ANATOMY_DOCUMENT (self), FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  /* Boxes already measured count as they are; the others are measured loosely first (no
   * rendering). The tight box lies inside the loose one, except that tighten_bounds() may widen
   * it to 1/k on its far sides: a box whose bound lies inside the union so far cannot change
   * the union, so it is never tightened. The result is exactly the union of the tight boxes. */
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      Item *item = g_hash_table_lookup (self->by_id, ids[i]);
      Candidate c;
      double k;

      if (item == NULL)
        continue;

      if (item->measured)
        {
          if (item->has_bounds)
            {
              x0 = MIN (x0, item->x);
              y0 = MIN (y0, item->y);
              x1 = MAX (x1, item->x + item->w);
              y1 = MAX (y1, item->y + item->h);
            }
          continue;
        }

      if (!loose_bounds (self, item))
        {
          finish_measure (self, item, FALSE);
          continue;
        }

      /* As in tighten_bounds(). */
      k = MIN (1.0, 512.0 / MAX (item->w, item->h));
      c.item = item;
      c.x0 = item->x;
      c.y0 = item->y;
      c.x1 = item->x + item->w + 1.0 / k;
      c.y1 = item->y + item->h + 1.0 / k;
      g_array_append_val (candidates, c);
    }

  /* Tighten the box that reaches furthest out of the union first, until none reaches out. */
  while (candidates->len > 0)
    {
      double best_excess = 0;
      guint best = 0;
      Item *item;

      for (guint i = 0; i < candidates->len; i++)
        {
          Candidate *c = &g_array_index (candidates, Candidate, i);
          double excess = MAX (MAX (x0 - c->x0, y0 - c->y0), MAX (c->x1 - x1, c->y1 - y1));

          if (excess > best_excess)
            {
              best_excess = excess;
              best = i;
            }
        }
      if (!(best_excess > 0))
        break;

      item = g_array_index (candidates, Candidate, best).item;
      g_array_remove_index_fast (candidates, best);
      if (!item->measured)  /* else a repeated id, measured already */
        finish_measure (self, item, TRUE);
      if (item->has_bounds)
        {
          x0 = MIN (x0, item->x);
          y0 = MIN (y0, item->y);
          x1 = MAX (x1, item->x + item->w);
          y1 = MAX (y1, item->y + item->h);
        }
    }

  /* The loose boxes left are not kept: get_bounds() measures an item again from scratch. */

  if (x1 <= x0 || y1 <= y0)
    return FALSE;

  box[0] = x0;
  box[1] = y0;
  box[2] = x1 - x0;
  box[3] = y1 - y0;
  return TRUE;
}

gboolean
talus_anatomy_document_hit_test (TalusAnatomyDocument  *self,
                                 double                 x,
                                 double                 y,
                                 TalusLayers            layers,
                                 const char           **structure_id,
                                 const char           **region_id)
{
  gboolean found = FALSE;

  g_return_val_if_fail (TALUS_IS_ANATOMY_DOCUMENT (self), FALSE);

  if (structure_id != NULL)
    *structure_id = NULL;
  if (region_id != NULL)
    *region_id = NULL;

  if (!isfinite (x) || !isfinite (y))
    return FALSE;

  /* Reverse document order is topmost first, and a nested structure comes before its parent. */
  if (structure_id != NULL)
    for (guint i = self->structures->len; i > 0; i--)
      {
        Item *item = g_ptr_array_index (self->structures, i - 1);

        if (item->layer != 0 && (item->layer & layers) == 0)
          continue;

        if (pixel_hit (self, item, x, y))
          {
            *structure_id = item->id;
            found = TRUE;
            break;
          }
      }

  if (region_id != NULL)
    for (guint i = self->regions->len; i > 0; i--)
      {
        Item *item = g_ptr_array_index (self->regions, i - 1);

        if (pixel_hit (self, item, x, y))
          {
            *region_id = item->id;
            found = TRUE;
            break;
          }
      }

  return found;
}

void
talus_anatomy_document_get_fit (TalusAnatomyDocument *self,
                                double                width,
                                double                height,
                                double               *scale,
                                double               *offset_x,
                                double               *offset_y)
{
  double s;

  g_return_if_fail (TALUS_IS_ANATOMY_DOCUMENT (self));

  s = MIN (MAX (width, 0) / self->width, MAX (height, 0) / self->height);
  if (!isfinite (s))
    s = 0;

  if (scale != NULL)
    *scale = s;
  if (offset_x != NULL)
    *offset_x = (width - self->width * s) / 2.0;
  if (offset_y != NULL)
    *offset_y = (height - self->height * s) / 2.0;
}

static gboolean
tint_element (RsvgHandle          *handle,
              cairo_t             *cr,
              const char          *css_id,
              const RsvgRectangle *viewport,
              const double        *rgba,
              double               alpha_factor,
              GError             **error)
{
  g_autoptr (GError) local_error = NULL;
  cairo_pattern_t *mask;
  gboolean ok;

  if (handle == NULL)
    {
      g_set_error (error, TALUS_ANATOMY_ERROR, TALUS_ANATOMY_ERROR_RENDER,
                   "%s: the hit-test copy of the drawing could not be loaded", css_id);
      return FALSE;
    }

  cairo_push_group_with_content (cr, CAIRO_CONTENT_ALPHA);
  ok = rsvg_handle_render_layer (handle, cr, css_id, viewport, &local_error);
  mask = cairo_pop_group (cr);

  if (ok)
    {
      cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3] * alpha_factor);
      cairo_mask (cr, mask);
    }
  cairo_pattern_destroy (mask);

  if (!ok)
    g_set_error (error, TALUS_ANATOMY_ERROR, TALUS_ANATOMY_ERROR_RENDER, "%s: %s", css_id,
                 local_error->message);

  return ok;
}

static gboolean
render_highlight (TalusAnatomyDocument  *self,
                  cairo_t               *cr,
                  const RsvgRectangle   *viewport,
                  const char * const    *ids,
                  const double          *rgba,
                  GError               **error)
{
  if (ids == NULL)
    return TRUE;

  if (rgba == NULL)
    rgba = default_highlight;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      Item *item = g_hash_table_lookup (self->by_id, ids[i]);

      /* Ids of other views are expected (a condition's structures span views). */
      if (item == NULL)
        continue;

      /* Through the hit copy: regions are invisible in the drawing (tint their filled hit
       * shape, lightly), and an element under a masked layer renders nothing on its own in
       * librsvg 2.54. */
      if (!tint_element (ensure_hit_handle (self), cr, item->css_id, viewport, rgba,
                         item->klass == NULL ? 1.0 / 3.0 : 1.0, error))
        return FALSE;
    }

  return TRUE;
}

static RsvgRectangle
fit_viewport (TalusAnatomyDocument *self,
              double                width,
              double                height)
{
  double scale, ox, oy;

  talus_anatomy_document_get_fit (self, width, height, &scale, &ox, &oy);

  return (RsvgRectangle) { ox, oy, self->width * scale, self->height * scale };
}

gboolean
talus_anatomy_document_render (TalusAnatomyDocument  *self,
                               cairo_t               *cr,
                               double                 width,
                               double                 height,
                               TalusLayers            layers,
                               const char * const    *highlight_ids,
                               const double          *rgba,
                               GError               **error)
{
  g_autoptr (GError) local_error = NULL;
  RsvgRectangle viewport;

  g_return_val_if_fail (TALUS_IS_ANATOMY_DOCUMENT (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(width > 0) || !(height > 0) || !isfinite (width) || !isfinite (height))
    return TRUE;

  viewport = fit_viewport (self, width, height);

  for (guint i = 0; i < self->layers->len; i++)
    {
      const Layer *layer = &g_array_index (self->layers, Layer, i);

      if (layer->regions)
        {
          if ((layers & TALUS_LAYER_REGIONS_VISIBLE) == 0)
            continue;

          for (guint r = 0; r < self->regions->len; r++)
            {
              Item *item = g_ptr_array_index (self->regions, r);

              if (!tint_element (ensure_hit_handle (self), cr, item->css_id, &viewport,
                                 region_debug_tints[r % G_N_ELEMENTS (region_debug_tints)], 1.0,
                                 error))
                return FALSE;
            }
          continue;
        }

      if (layer->flag != 0 && (layer->flag & layers) == 0)
        continue;

      if (!rsvg_handle_render_layer (self->handle, cr, layer->css_id, &viewport, &local_error))
        {
          g_set_error (error, TALUS_ANATOMY_ERROR, TALUS_ANATOMY_ERROR_RENDER, "%s: %s: %s",
                       self->display_name, layer->css_id, local_error->message);
          return FALSE;
        }
    }

  return render_highlight (self, cr, &viewport, highlight_ids, rgba, error);
}

gboolean
talus_anatomy_document_render_highlight (TalusAnatomyDocument  *self,
                                         cairo_t               *cr,
                                         double                 width,
                                         double                 height,
                                         const char * const    *ids,
                                         const double          *rgba,
                                         GError               **error)
{
  RsvgRectangle viewport;

  g_return_val_if_fail (TALUS_IS_ANATOMY_DOCUMENT (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(width > 0) || !(height > 0) || !isfinite (width) || !isfinite (height))
    return TRUE;

  viewport = fit_viewport (self, width, height);

  return render_highlight (self, cr, &viewport, ids, rgba, error);
}

cairo_surface_t *
talus_anatomy_document_render_to_surface (TalusAnatomyDocument  *self,
                                          int                    width,
                                          int                    height,
                                          TalusLayers            layers,
                                          GError               **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double shrink = 1.0;
  int w, h;
  gboolean ok;

  g_return_val_if_fail (TALUS_IS_ANATOMY_DOCUMENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (width < 1 || height < 1)
    {
      g_set_error (error, TALUS_ANATOMY_ERROR, TALUS_ANATOMY_ERROR_RENDER,
                   "%s: cannot render into %d × %d pixels", self->display_name, width, height);
      return NULL;
    }

  if (width > TALUS_ANATOMY_MAX_SURFACE_SIZE || height > TALUS_ANATOMY_MAX_SURFACE_SIZE)
    shrink = (double) TALUS_ANATOMY_MAX_SURFACE_SIZE / MAX (width, height);
  w = CLAMP ((int) floor (width * shrink), 1, TALUS_ANATOMY_MAX_SURFACE_SIZE);
  h = CLAMP ((int) floor (height * shrink), 1, TALUS_ANATOMY_MAX_SURFACE_SIZE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TALUS_ANATOMY_ERROR, TALUS_ANATOMY_ERROR_RENDER,
                   "%s: cannot allocate %d × %d pixels", self->display_name, w, h);
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  ok = talus_anatomy_document_render (self, cr, w, h, layers, NULL, NULL, error);
  cairo_destroy (cr);

  if (!ok)
    g_clear_pointer (&surface, cairo_surface_destroy);

  return surface;
}
