/* talus-sketch.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A consultation sketch: the strokes drawn over the anatomy drawing, per view, with undo and
 * redo. Views are keyed by their nick ("lateral", "medial", ...: talus_view_kind_to_nick()), so
 * this layer needs neither GTK nor the anatomy drawings.
 *
 * Strokes are in document coordinates (the drawing's viewBox), so they stay on the structure they
 * were drawn on whatever the zoom, pan or size of the view (TalusSketchTransform maps them).
 *
 * Undoable: adding a stroke, erasing (one step per eraser gesture, see talus_sketch_erase_at()),
 * clearing a view. talus_sketch_clear_all() is not: it discards the strokes and the history, for
 * privacy. The sketch lives in memory only; nothing is written unless an export is asked for.
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "talus-sketch-stroke.h"
#include "talus-sketch-transform.h"

G_BEGIN_DECLS

/* Draws in document coordinates, 0,0 to @doc_width x @doc_height. The same signature as
 * TalusHandoutOverlayFunc, so a sketch can be handed to a handout as its overlay. */
typedef void (*TalusSketchPaintFunc) (cairo_t  *cr,
                                      double    doc_width,
                                      double    doc_height,
                                      gpointer  user_data);

/* Largest side of an exported PNG, in pixels. */
#define TALUS_SKETCH_MAX_PNG_SIZE 16384

#define TALUS_TYPE_SKETCH (talus_sketch_get_type ())
G_DECLARE_FINAL_TYPE (TalusSketch, talus_sketch, TALUS, SKETCH, GObject)

TalusSketch        *talus_sketch_new            (void);

/* Adds @stroke (a reference is taken; do not change it afterwards) on top of @view. A stroke
 * without points is ignored. Clears the redo history. */
void                talus_sketch_add_stroke     (TalusSketch        *self,
                                                 const char         *view,
                                                 TalusSketchStroke  *stroke);
guint               talus_sketch_get_n_strokes  (TalusSketch        *self,
                                                 const char         *view);
/* Bottom first; owned by the sketch. */
TalusSketchStroke  *talus_sketch_get_stroke     (TalusSketch        *self,
                                                 const char         *view,
                                                 guint               index);
/* Views that have strokes, sorted; free with g_strfreev(). */
char              **talus_sketch_get_views      (TalusSketch        *self);

/* Removes every stroke of @view whose ink passes within @radius (document units) of (@x, @y),
 * and returns how many. With @continue_gesture, the removal joins the previous erase step when
 * that was on the same view and also continued (or started) a gesture, so one sweep of the eraser
 * is one undo step; pass FALSE on the first point of a sweep. */
guint               talus_sketch_erase_at       (TalusSketch        *self,
                                                 const char         *view,
                                                 double              x,
                                                 double              y,
                                                 double              radius,
                                                 gboolean            continue_gesture);
/* Removes every stroke of @view, undoably. */
void                talus_sketch_clear_view     (TalusSketch        *self,
                                                 const char         *view);
/* Discards every stroke of every view and the undo and redo history (not undoable). */
void                talus_sketch_clear_all      (TalusSketch        *self);
/* TRUE when no view has a stroke. */
gboolean            talus_sketch_is_empty       (TalusSketch        *self);

gboolean            talus_sketch_can_undo       (TalusSketch        *self);
gboolean            talus_sketch_can_redo       (TalusSketch        *self);
/* Returns FALSE when there was nothing to undo or redo. */
gboolean            talus_sketch_undo           (TalusSketch        *self);
gboolean            talus_sketch_redo           (TalusSketch        *self);

/* Draws the strokes of @view, bottom first, as vectors in the user space of @cr, which the caller
 * has set to document coordinates (talus_sketch_transform_apply()). */
void                talus_sketch_draw           (TalusSketch        *self,
                                                 const char         *view,
                                                 cairo_t            *cr);
/* A function and closure (holding a reference on @self) that draw @view, for
 * talus_handout_set_overlay_func(); free the closure with @destroy. */
TalusSketchPaintFunc talus_sketch_get_paint_func (TalusSketch       *self,
                                                  const char        *view,
                                                  gpointer          *user_data,
                                                  GDestroyNotify    *destroy);

/* The strokes of @view as a standalone SVG document of @doc_width x @doc_height (the drawing's
 * size), one <g class="sketch-stroke TOOL" id="stroke-N"> per stroke (N from 1, bottom first)
 * with the paths of talus_sketch_stroke_append_svg(). */
char               *talus_sketch_to_svg         (TalusSketch        *self,
                                                 const char         *view,
                                                 double              doc_width,
                                                 double              doc_height,
                                                 GError            **error);
/* Writes talus_sketch_to_svg() to @path atomically (a temporary file in the same directory,
 * synced, then renamed): on error nothing is left behind and a previous file is untouched. */
gboolean            talus_sketch_export_svg     (TalusSketch        *self,
                                                 const char         *view,
                                                 double              doc_width,
                                                 double              doc_height,
                                                 const char         *path,
                                                 GError            **error);
/* Writes a @width x @height PNG with the document fitted in it (aspect kept, centred),
 * transparent where nothing is drawn: @background (may be NULL, e.g. the anatomy drawing) then
 * the strokes. Atomic like talus_sketch_export_svg(). */
gboolean            talus_sketch_export_png     (TalusSketch        *self,
                                                 const char         *view,
                                                 double              doc_width,
                                                 double              doc_height,
                                                 int                 width,
                                                 int                 height,
                                                 TalusSketchPaintFunc background,
                                                 gpointer            background_data,
                                                 const char         *path,
                                                 GError            **error);

G_END_DECLS
