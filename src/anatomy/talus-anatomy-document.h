/* talus-anatomy-document.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One anatomy drawing (data/anatomy/<view>.svg, see docs/anatomy-drawings.md): its structure and
 * region ids, their bounding boxes, exact hit testing and rendering with layers and highlights.
 * No GTK: used by the TalusAnatomyView widget and by the handout engine (vector PDF output).
 *
 * Document coordinates are those of the SVG viewBox, with the origin at its top-left corner.
 * SVG input is untrusted: it is parsed from memory, without a base file (so nothing outside the
 * document can be referenced), and a DOCTYPE or entity declaration is rejected.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define TALUS_ANATOMY_ERROR (talus_anatomy_error_quark ())

typedef enum {
  TALUS_ANATOMY_ERROR_INVALID,   /* not a usable drawing: not SVG, no size, too large */
  TALUS_ANATOMY_ERROR_FORBIDDEN, /* forbidden XML (DOCTYPE, entities) */
  TALUS_ANATOMY_ERROR_RENDER,    /* librsvg failed to render */
} TalusAnatomyError;

GQuark talus_anatomy_error_quark (void);

/* Largest drawing accepted, in bytes. */
#define TALUS_ANATOMY_MAX_SVG_SIZE (4 * 1024 * 1024)
/* Largest side of a drawing's viewBox, in document units. */
#define TALUS_ANATOMY_MAX_DOCUMENT_SIZE 100000.0
/* Largest side, in pixels, of a surface allocated by talus_anatomy_document_render_to_surface(). */
#define TALUS_ANATOMY_MAX_SURFACE_SIZE 8192

typedef enum {
  TALUS_VIEW_LATERAL,
  TALUS_VIEW_MEDIAL,
  TALUS_VIEW_POSTERIOR,
  TALUS_VIEW_PLANTAR,
} TalusViewKind;

#define TALUS_VIEW_N_KINDS (TALUS_VIEW_PLANTAR + 1)

#define TALUS_TYPE_VIEW_KIND (talus_view_kind_get_type ())
GType talus_view_kind_get_type (void) G_GNUC_CONST;

/* "lateral", "medial", "posterior", "plantar": the drawing's file name and the GAction spelling. */
const char *talus_view_kind_to_nick   (TalusViewKind  kind);
gboolean    talus_view_kind_from_nick (const char    *nick,
                                       TalusViewKind *out);
/* Translated, for display. */
const char *talus_view_kind_to_label  (TalusViewKind  kind);
/* Whether the shipped drawing of @kind has a structure or region @id, without loading the
 * drawing: the ids are listed at build time. */
gboolean    talus_view_kind_has_id    (TalusViewKind  kind,
                                       const char    *id);
/* Those ids (structures, and regions without "region-"), sorted by strcmp(), NULL-terminated. */
const char * const *talus_view_kind_get_ids (TalusViewKind kind);

typedef enum /*< flags >*/ {
  TALUS_LAYER_LABELS          = 1 << 0,
  TALUS_LAYER_LIGAMENTS       = 1 << 1,
  TALUS_LAYER_TENDONS         = 1 << 2,
  TALUS_LAYER_NERVES          = 1 << 3,
  TALUS_LAYER_SOFT            = 1 << 4,
  TALUS_LAYER_LANDMARKS       = 1 << 5,
  /* Debugging aid: paints the invisible region hit shapes, one tint per region. */
  TALUS_LAYER_REGIONS_VISIBLE = 1 << 6,
  TALUS_LAYER_DEFAULT = TALUS_LAYER_LABELS | TALUS_LAYER_LIGAMENTS | TALUS_LAYER_TENDONS |
                        TALUS_LAYER_NERVES | TALUS_LAYER_SOFT,
} TalusLayers;

#define TALUS_LAYER_ALL (TALUS_LAYER_DEFAULT | TALUS_LAYER_LANDMARKS | TALUS_LAYER_REGIONS_VISIBLE)

#define TALUS_TYPE_LAYERS (talus_layers_get_type ())
GType talus_layers_get_type (void) G_GNUC_CONST;

#define TALUS_TYPE_ANATOMY_DOCUMENT (talus_anatomy_document_get_type ())
G_DECLARE_FINAL_TYPE (TalusAnatomyDocument, talus_anatomy_document, TALUS, ANATOMY_DOCUMENT,
                      GObject)

/* Loads APP_PATH/anatomy/<nick>.svg from the GResource. */
TalusAnatomyDocument *talus_anatomy_document_new_for_view   (TalusViewKind          view,
                                                             GError               **error);
/* @display_name names the drawing in error messages. The view is TALUS_VIEW_LATERAL unless
 * the display name starts with another view's nick. */
TalusAnatomyDocument *talus_anatomy_document_new_from_bytes (GBytes                *svg,
                                                             const char            *display_name,
                                                             GError               **error);

TalusViewKind         talus_anatomy_document_get_view       (TalusAnatomyDocument  *self);
const char           *talus_anatomy_document_get_display_name (TalusAnatomyDocument *self);
/* The viewBox size. */
void                  talus_anatomy_document_get_size       (TalusAnatomyDocument  *self,
                                                             double                *width,
                                                             double                *height);

/* Ids of all structures (elements inside a layer with an id and a structure class: bone, joint,
 * ligament, tendon, nerve, bursa, fascia, retinaculum, landmark) in document order, and of all
 * regions ("region-" stripped) in document order. NULL-terminated, owned by the document. */
const char * const   *talus_anatomy_document_get_structure_ids (TalusAnatomyDocument *self);
const char * const   *talus_anatomy_document_get_region_ids    (TalusAnatomyDocument *self);
/* TRUE for a structure id or a region id. */
gboolean              talus_anatomy_document_has_id         (TalusAnatomyDocument  *self,
                                                             const char            *id);
gboolean              talus_anatomy_document_is_region      (TalusAnatomyDocument  *self,
                                                             const char            *id);
/* The structure class ("ligament"...) of a structure id; NULL for a region or an unknown id. */
const char           *talus_anatomy_document_get_structure_class (TalusAnatomyDocument *self,
                                                                  const char           *id);
/* FALSE when @id is a structure in a layer hidden by @layers (regions are always visible). */
gboolean              talus_anatomy_document_is_visible     (TalusAnatomyDocument  *self,
                                                             const char            *id,
                                                             TalusLayers            layers);

/* Ink bounding box of a structure or region in document coordinates (regions measured as if
 * filled). FALSE for an unknown id or an empty shape. */
gboolean              talus_anatomy_document_get_bounds     (TalusAnatomyDocument  *self,
                                                             const char            *id,
                                                             double                *x,
                                                             double                *y,
                                                             double                *w,
                                                             double                *h);

/* The union of the ink bounding boxes (get_bounds()) of those of @ids that have one, as x, y,
 * width, height in @box; unknown ids are skipped. FALSE when there is none. Exactly the union of
 * the boxes, but only the boxes that can widen it are measured to the pixel. */
gboolean              talus_anatomy_document_get_union_bounds (TalusAnatomyDocument *self,
                                                               const char * const   *ids,
                                                               double                box[4]);

/* Exact hit test at a document point: @structure_id receives the deepest, topmost structure
 * drawn there in a layer visible in @layers, @region_id the topmost region there (tested
 * independently of the structure). Either may be NULL, and is then not tested. The ids are
 * owned by the document. Returns FALSE when nothing requested was hit. */
gboolean              talus_anatomy_document_hit_test       (TalusAnatomyDocument  *self,
                                                             double                 x,
                                                             double                 y,
                                                             TalusLayers            layers,
                                                             const char           **structure_id,
                                                             const char           **region_id);

/* Draws the document scaled to fit (keeping the aspect ratio, centred) into @width x @height at
 * the current origin of @cr, with the layers in @layers, then tints each of @highlight_ids
 * (structures or regions) through its own alpha with @rgba (4 doubles), or a warm orange when
 * @rgba is NULL. Vector output: nothing is rasterized on the way. */
gboolean              talus_anatomy_document_render         (TalusAnatomyDocument  *self,
                                                             cairo_t               *cr,
                                                             double                 width,
                                                             double                 height,
                                                             TalusLayers            layers,
                                                             const char * const    *highlight_ids,
                                                             const double          *rgba,
                                                             GError               **error);
/* Only the tints of talus_anatomy_document_render(), for overlays over a cached render. A region
 * tint is drawn at a third of the alpha of @rgba, so the drawing stays readable under it. */
gboolean              talus_anatomy_document_render_highlight (TalusAnatomyDocument *self,
                                                               cairo_t              *cr,
                                                               double                width,
                                                               double                height,
                                                               const char * const   *ids,
                                                               const double         *rgba,
                                                               GError              **error);
/* Renders to a new ARGB32 image surface of @width x @height pixels (each side clamped to
 * TALUS_ANATOMY_MAX_SURFACE_SIZE, keeping the aspect ratio of the request), transparent where
 * nothing is drawn. NULL with an error for a size under one pixel. */
cairo_surface_t      *talus_anatomy_document_render_to_surface (TalusAnatomyDocument *self,
                                                                int                   width,
                                                                int                   height,
                                                                TalusLayers           layers,
                                                                GError              **error);

/* The transform render() uses for a @width x @height target:
 * document point = (target point - offset) / scale. */
void                  talus_anatomy_document_get_fit        (TalusAnatomyDocument  *self,
                                                             double                 width,
                                                             double                 height,
                                                             double                *scale,
                                                             double                *offset_x,
                                                             double                *offset_y);

G_END_DECLS
