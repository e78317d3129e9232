/* talus-sketch-transform.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mapping between a widget (or any target) and the drawing's document coordinates:
 *   widget = origin + document * scale
 * Sketch strokes are stored in document coordinates, so they stay on the same structure when the
 * view is zoomed, panned or resized: only this transform changes.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double scale;    /* target units per document unit, > 0 */
  double origin_x; /* target position of the document origin */
  double origin_y;
} TalusSketchTransform;

/* The transform of a view that fits the document in a @width x @height target with
 * (@fit_scale, @fit_offset_x, @fit_offset_y) (as talus_anatomy_document_get_fit() returns them:
 * document = (target - offset) / scale), then zooms by @zoom about the centre of the target and
 * pans by (@pan_x, @pan_y) target units. */
void     talus_sketch_transform_init_view   (TalusSketchTransform       *self,
                                             double                      fit_scale,
                                             double                      fit_offset_x,
                                             double                      fit_offset_y,
                                             double                      width,
                                             double                      height,
                                             double                      zoom,
                                             double                      pan_x,
                                             double                      pan_y);
/* FALSE (and the outputs untouched) when the transform is degenerate. */
gboolean talus_sketch_transform_to_document (const TalusSketchTransform *self,
                                             double                      x,
                                             double                      y,
                                             double                     *doc_x,
                                             double                     *doc_y);
void     talus_sketch_transform_to_target   (const TalusSketchTransform *self,
                                             double                      doc_x,
                                             double                      doc_y,
                                             double                     *x,
                                             double                     *y);
/* Multiplies the matrix of @cr so that its user space is the document. */
void     talus_sketch_transform_apply       (const TalusSketchTransform *self,
                                             cairo_t                    *cr);

/* The same in one call, for a widget: (@x, @y) in widget coordinates to the document. */
gboolean talus_sketch_widget_to_document    (double                      scale,
                                             double                      origin_x,
                                             double                      origin_y,
                                             double                      x,
                                             double                      y,
                                             double                     *doc_x,
                                             double                     *doc_y);

G_END_DECLS
