/* talus-sketch-controller.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawing on the anatomy: connects a TalusSketch to a TalusAnatomyView through a GtkDrawingArea
 * laid over the view (a GtkOverlay child of the same size). The canvas paints the sketch of the
 * view's current drawing with the view's transform, takes pen, mouse and touch input when a tool
 * is chosen (GtkGestureStylus for pressure when a stylus is used, GtkGestureDrag otherwise) and
 * lets input through to the view when the tool is "none".
 *
 * Points are converted to document coordinates as they arrive, so strokes stay on the structure
 * they were drawn on when the view is zoomed or resized.
 */
#pragma once

#include <gtk/gtk.h>

#include "talus-anatomy-view.h"
#include "talus-sketch.h"

G_BEGIN_DECLS

/* Fills @transform with the mapping between @view's widget coordinates and its drawing's
 * document coordinates; FALSE when the view shows nothing. */
typedef gboolean (*TalusSketchTransformFunc) (TalusAnatomyView     *view,
                                              TalusSketchTransform *transform,
                                              gpointer              user_data);

#define TALUS_TYPE_SKETCH_CONTROLLER (talus_sketch_controller_get_type ())
G_DECLARE_FINAL_TYPE (TalusSketchController, talus_sketch_controller, TALUS, SKETCH_CONTROLLER,
                      GObject)

TalusSketchController *talus_sketch_controller_new        (TalusAnatomyView      *view,
                                                           GtkDrawingArea        *canvas,
                                                           TalusSketch           *sketch);

TalusAnatomyView      *talus_sketch_controller_get_view   (TalusSketchController *self);
GtkDrawingArea        *talus_sketch_controller_get_canvas (TalusSketchController *self);
TalusSketch           *talus_sketch_controller_get_sketch (TalusSketchController *self);
/* "none" (input goes to the view), "pen", "highlighter", "arrow" or "eraser". */
const char            *talus_sketch_controller_get_tool   (TalusSketchController *self);
void                   talus_sketch_controller_set_tool   (TalusSketchController *self,
                                                           const char            *tool);
void                   talus_sketch_controller_get_color  (TalusSketchController *self,
                                                           GdkRGBA               *color);
void                   talus_sketch_controller_set_color  (TalusSketchController *self,
                                                           const GdkRGBA         *color);
/* The nick of the view's current drawing ("lateral"...): the key of its strokes. */
const char            *talus_sketch_controller_get_view_nick (TalusSketchController *self);

/* The view's current transform (see TalusSketchTransformFunc). */
gboolean               talus_sketch_controller_get_transform (TalusSketchController *self,
                                                              TalusSketchTransform  *transform);
/* Replaces how the transform is obtained; NULL restores the default, which follows the layout
 * of TalusAnatomyView itself (talus_anatomy_view_get_layout: fit, zoom and pan). */
void     talus_sketch_controller_set_transform_func (TalusSketchController   *self,
                                                     TalusSketchTransformFunc func,
                                                     gpointer                 data,
                                                     GDestroyNotify           destroy);
/* The default transform, exposed for tests. */
gboolean               talus_sketch_controller_default_transform (TalusAnatomyView     *view,
                                                                  TalusSketchTransform *transform,
                                                                  gpointer              user_data);

/* Feeds a stroke as if drawn with the current tool and colour, in widget coordinates (for tests
 * and scripted demos): @n points (x, y pairs) at full pressure. */
void                   talus_sketch_controller_draw_polyline (TalusSketchController *self,
                                                              const double          *xy,
                                                              guint                  n);

G_END_DECLS
