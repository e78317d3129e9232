/* talus-sketch-stroke.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One stroke of a consultation sketch: a tool, a colour, a base width and the raw input points
 * in document coordinates (those of the drawing's viewBox), each with a pressure from 0 to 1
 * (1 when there is no stylus). Points are kept raw; smoothing happens when drawing, so the
 * cairo and the SVG output share one geometry (talus_sketch_stroke_draw() and
 * talus_sketch_stroke_append_svg()).
 *
 * A stroke is built point by point while the user draws, then handed to TalusSketch, after which
 * it must not change. Reference counted; no GTK.
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  TALUS_SKETCH_TOOL_PEN,         /* opaque, width follows the pressure, round caps */
  TALUS_SKETCH_TOOL_HIGHLIGHTER, /* wide, translucent (alpha x 0.35), butt caps */
  TALUS_SKETCH_TOOL_ARROW,       /* a line with a head at its last point */
} TalusSketchTool;

#define TALUS_TYPE_SKETCH_TOOL (talus_sketch_tool_get_type ())
GType       talus_sketch_tool_get_type   (void) G_GNUC_CONST;
/* "pen", "highlighter", "arrow" */
const char *talus_sketch_tool_to_nick    (TalusSketchTool  tool);
gboolean    talus_sketch_tool_from_nick  (const char      *nick,
                                          TalusSketchTool *out);

/* Opacity factor of the highlighter. */
#define TALUS_SKETCH_HIGHLIGHTER_ALPHA 0.35

typedef struct
{
  double x;
  double y;
  double pressure;
} TalusSketchPoint;

typedef struct _TalusSketchStroke TalusSketchStroke;

#define TALUS_TYPE_SKETCH_STROKE (talus_sketch_stroke_get_type ())
GType                   talus_sketch_stroke_get_type    (void) G_GNUC_CONST;

/* @rgba: 4 doubles from 0 to 1. @width: the base width in document units (> 0). */
TalusSketchStroke      *talus_sketch_stroke_new         (TalusSketchTool          tool,
                                                         const double            *rgba,
                                                         double                   width);
TalusSketchStroke      *talus_sketch_stroke_ref         (TalusSketchStroke       *self);
void                    talus_sketch_stroke_unref       (TalusSketchStroke       *self);

/* @pressure is clamped to 0..1; a non-finite point is ignored. */
void                    talus_sketch_stroke_add_point   (TalusSketchStroke       *self,
                                                         double                   x,
                                                         double                   y,
                                                         double                   pressure);

TalusSketchTool         talus_sketch_stroke_get_tool    (TalusSketchStroke       *self);
/* 4 doubles, owned by the stroke. */
const double           *talus_sketch_stroke_get_rgba    (TalusSketchStroke       *self);
double                  talus_sketch_stroke_get_width   (TalusSketchStroke       *self);
const TalusSketchPoint *talus_sketch_stroke_get_points  (TalusSketchStroke       *self,
                                                         guint                   *n_points);
guint                   talus_sketch_stroke_get_n_points (TalusSketchStroke      *self);
/* Bounding box of the ink, in document units. FALSE for a stroke without points. */
gboolean                talus_sketch_stroke_get_bounds  (TalusSketchStroke       *self,
                                                         double                  *x,
                                                         double                  *y,
                                                         double                  *width,
                                                         double                  *height);

/* TRUE when the ink of the stroke comes within @radius of (@x, @y): the distance to each
 * segment of its path, less half its width, is compared with @radius. */
gboolean                talus_sketch_stroke_hit         (TalusSketchStroke       *self,
                                                         double                   x,
                                                         double                   y,
                                                         double                   radius);

/* Draws the stroke with vectors in the user space of @cr (document units); the state of @cr is
 * kept. */
void                    talus_sketch_stroke_draw        (TalusSketchStroke       *self,
                                                         cairo_t                 *cr);
/* Appends the stroke as one SVG <g> element (with @id when not NULL) holding its paths:
 * one for a pen stroke of even pressure or a highlighter, two (shaft and head) for an arrow, one
 * per run of equal width for a pen stroke of varying pressure. Nothing for an empty stroke. */
void                    talus_sketch_stroke_append_svg  (TalusSketchStroke       *self,
                                                         GString                 *svg,
                                                         const char              *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TalusSketchStroke, talus_sketch_stroke_unref)

G_END_DECLS
