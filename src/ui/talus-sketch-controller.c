/* talus-sketch-controller.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Widths are chosen in screen pixels and stored in document units at the scale of the moment, so
 * a stroke looks as thick as the tool while drawing, at any zoom.
 */

#define G_LOG_DOMAIN "talus-sketch"

#include "config.h"

#include <math.h>

#include "talus-sketch-controller.h"

/* TalusAnatomyView draws its card this far inside its allocation (its MARGIN). */

/* Tool sizes in widget pixels. */
#define PEN_WIDTH 5.0
#define HIGHLIGHTER_WIDTH 28.0
#define ARROW_WIDTH 6.0
#define ERASER_RADIUS 18.0

struct _TalusSketchController
{
  GObject                  parent_instance;

  TalusAnatomyView        *view;
  GtkDrawingArea          *canvas;
  TalusSketch             *sketch;
  char                    *tool;
  GdkRGBA                  color;

  GtkGesture              *stylus;
  GtkGesture              *drag;
  GtkEventController      *motion;

  TalusSketchStroke       *live;
  char                    *live_view;
  gboolean                 erasing;
  gboolean                 stylus_down;

  gboolean                 pointer_inside;
  double                   pointer_x;
  double                   pointer_y;

  TalusSketchTransformFunc transform_func;
  gpointer                 transform_data;
  GDestroyNotify           transform_destroy;
};

enum {
  PROP_0,
  PROP_VIEW,
  PROP_CANVAS,
  PROP_SKETCH,
  PROP_TOOL,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TalusSketchController, talus_sketch_controller, G_TYPE_OBJECT)

static const char * const tools[] = { "none", "pen", "highlighter", "arrow", "eraser", NULL };

static gboolean
is_drawing_tool (const char *tool)
{
  return g_strcmp0 (tool, "none") != 0;
}

/* Canvas coordinates to view coordinates: the canvas normally covers the view exactly. */
static void
canvas_to_view (TalusSketchController *self,
                double                *x,
                double                *y)
{
  graphene_point_t p;

  if (gtk_widget_compute_point (GTK_WIDGET (self->canvas), GTK_WIDGET (self->view),
                                &GRAPHENE_POINT_INIT (*x, *y), &p))
    {
      *x = p.x;
      *y = p.y;
    }
}

static gboolean
to_document (TalusSketchController *self,
             double                 x,
             double                 y,
             double                *dx,
             double                *dy,
             double                *scale)
{
  TalusSketchTransform t;

  if (!talus_sketch_controller_get_transform (self, &t))
    return FALSE;

  canvas_to_view (self, &x, &y);
  if (scale != NULL)
    *scale = t.scale;

  return talus_sketch_transform_to_document (&t, x, y, dx, dy);
}

static double
tool_width (const char *tool)
{
  if (g_str_equal (tool, "highlighter"))
    return HIGHLIGHTER_WIDTH;
  if (g_str_equal (tool, "arrow"))
    return ARROW_WIDTH;

  return PEN_WIDTH;
}

static void
begin_at (TalusSketchController *self,
          double                 x,
          double                 y,
          double                 pressure,
          gboolean               eraser)
{
  TalusSketchTool tool;
  double dx, dy, scale;
  double rgba[4];

  g_clear_pointer (&self->live, talus_sketch_stroke_unref);
  g_clear_pointer (&self->live_view, g_free);
  self->erasing = FALSE;

  if (!to_document (self, x, y, &dx, &dy, &scale))
    return;

  self->live_view = g_strdup (talus_sketch_controller_get_view_nick (self));
  if (eraser || g_str_equal (self->tool, "eraser"))
    {
      self->erasing = TRUE;
      talus_sketch_erase_at (self->sketch, self->live_view, dx, dy, ERASER_RADIUS / scale, FALSE);
      return;
    }

  if (!talus_sketch_tool_from_nick (self->tool, &tool))
    return;

  rgba[0] = self->color.red;
  rgba[1] = self->color.green;
  rgba[2] = self->color.blue;
  rgba[3] = self->color.alpha;
  self->live = talus_sketch_stroke_new (tool, rgba, tool_width (self->tool) / scale);
  talus_sketch_stroke_add_point (self->live, dx, dy, pressure);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
continue_at (TalusSketchController *self,
             double                 x,
             double                 y,
             double                 pressure)
{
  double dx, dy, scale;

  if (self->live_view == NULL || !to_document (self, x, y, &dx, &dy, &scale))
    return;

  if (self->erasing)
    talus_sketch_erase_at (self->sketch, self->live_view, dx, dy, ERASER_RADIUS / scale, TRUE);
  else if (self->live != NULL)
    talus_sketch_stroke_add_point (self->live, dx, dy, pressure);

  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
finish (TalusSketchController *self)
{
  if (self->live != NULL && self->live_view != NULL)
    {
      /* A tap with the arrow has no direction: nothing to add. */
      if (talus_sketch_stroke_get_tool (self->live) != TALUS_SKETCH_TOOL_ARROW ||
          talus_sketch_stroke_get_n_points (self->live) > 1)
        talus_sketch_add_stroke (self->sketch, self->live_view, self->live);
    }

  g_clear_pointer (&self->live, talus_sketch_stroke_unref);
  g_clear_pointer (&self->live_view, g_free);
  self->erasing = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static double
stylus_pressure (GtkGestureStylus *gesture)
{
  double pressure;

  if (gtk_gesture_stylus_get_axis (gesture, GDK_AXIS_PRESSURE, &pressure) && isfinite (pressure))
    return CLAMP (pressure, 0.0, 1.0);

  return 1.0;
}

static void
update_canvas (TalusSketchController *self)
{
  gboolean drawing = is_drawing_tool (self->tool);

  gtk_widget_set_can_target (GTK_WIDGET (self->canvas), drawing);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->canvas),
                                   drawing ? (g_str_equal (self->tool, "eraser") ? "cell"
                                                                                 : "crosshair")
                                           : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  TalusSketchController *self = user_data;
  TalusSketchTransform t;
  graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0);
  const char *nick;

  if (!talus_sketch_controller_get_transform (self, &t))
    return;

  /* View coordinates to canvas coordinates. */
  if (gtk_widget_compute_point (GTK_WIDGET (self->view), GTK_WIDGET (area),
                                &GRAPHENE_POINT_INIT (0, 0), &origin))
    cairo_translate (cr, origin.x, origin.y);

  nick = talus_sketch_controller_get_view_nick (self);
  cairo_save (cr);
  talus_sketch_transform_apply (&t, cr);
  talus_sketch_draw (self->sketch, nick, cr);
  if (self->live != NULL && g_strcmp0 (self->live_view, nick) == 0)
    talus_sketch_stroke_draw (self->live, cr);
  cairo_restore (cr);

  if (g_strcmp0 (self->tool, "eraser") == 0 && self->pointer_inside)
    {
      double x = self->pointer_x, y = self->pointer_y;

      /* The eraser's reach, visible on light and dark drawings. */
      cairo_translate (cr, -origin.x, -origin.y);
      cairo_arc (cr, x, y, ERASER_RADIUS, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.5);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 3);
      cairo_stroke_preserve (cr);
      cairo_set_line_width (cr, 1.5);
      cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.9);
      cairo_stroke (cr);
    }
}

static void
drag_begin_cb (GtkGestureDrag        *gesture,
               double                 x,
               double                 y,
               TalusSketchController *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));

  /* Stylus input goes through the stylus gesture, which knows the pressure. */
  if (!is_drawing_tool (self->tool) || self->stylus_down ||
      (event != NULL && gdk_event_get_device_tool (event) != NULL))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  begin_at (self, x, y, 1.0, FALSE);
}

static void
drag_update_cb (GtkGestureDrag        *gesture,
                double                 offset_x,
                double                 offset_y,
                TalusSketchController *self)
{
  double x, y;

  if (self->stylus_down || !gtk_gesture_drag_get_start_point (gesture, &x, &y))
    return;

  self->pointer_x = x + offset_x;
  self->pointer_y = y + offset_y;
  continue_at (self, x + offset_x, y + offset_y, 1.0);
}

static void
drag_end_cb (GtkGestureDrag        *gesture,
             double                 offset_x,
             double                 offset_y,
             TalusSketchController *self)
{
  if (!self->stylus_down)
    finish (self);
}

static void
stylus_down_cb (GtkGestureStylus      *gesture,
                double                 x,
                double                 y,
                TalusSketchController *self)
{
  GdkDeviceTool *tool = gtk_gesture_stylus_get_device_tool (gesture);
  gboolean eraser = tool != NULL &&
                    gdk_device_tool_get_tool_type (tool) == GDK_DEVICE_TOOL_TYPE_ERASER;

  if (!is_drawing_tool (self->tool))
    return;

  self->stylus_down = TRUE;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  /* The eraser end of a pen erases whatever the tool. */
  begin_at (self, x, y, stylus_pressure (gesture), eraser);
}

static void
stylus_motion_cb (GtkGestureStylus      *gesture,
                  double                 x,
                  double                 y,
                  TalusSketchController *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  if (self->stylus_down)
    continue_at (self, x, y, stylus_pressure (gesture));
  else if (g_strcmp0 (self->tool, "eraser") == 0)
    gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
stylus_up_cb (GtkGestureStylus      *gesture,
              double                 x,
              double                 y,
              TalusSketchController *self)
{
  if (!self->stylus_down)
    return;

  continue_at (self, x, y, stylus_pressure (gesture));
  self->stylus_down = FALSE;
  finish (self);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TalusSketchController    *self)
{
  self->pointer_inside = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  if (g_strcmp0 (self->tool, "eraser") == 0)
    gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          TalusSketchController    *self)
{
  self->pointer_inside = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
redraw_cb (TalusSketchController *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
view_changed_cb (TalusSketchController *self)
{
  /* A stroke in progress belongs to the drawing it started on. */
  finish (self);
}

static void
talus_sketch_controller_constructed (GObject *object)
{
  TalusSketchController *self = TALUS_SKETCH_CONTROLLER (object);

  G_OBJECT_CLASS (talus_sketch_controller_parent_class)->constructed (object);

  g_assert (self->view != NULL && self->canvas != NULL && self->sketch != NULL);

  gtk_drawing_area_set_draw_func (self->canvas, draw_cb, self, NULL);

  self->stylus = gtk_gesture_stylus_new ();
  g_signal_connect (self->stylus, "down", G_CALLBACK (stylus_down_cb), self);
  g_signal_connect (self->stylus, "motion", G_CALLBACK (stylus_motion_cb), self);
  g_signal_connect (self->stylus, "up", G_CALLBACK (stylus_up_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas),
                             GTK_EVENT_CONTROLLER (g_object_ref (self->stylus)));

  self->drag = gtk_gesture_drag_new ();
  /* Mouse button 1, and touch. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (self->drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (self->drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (self->drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas),
                             GTK_EVENT_CONTROLLER (g_object_ref (self->drag)));

  self->motion = gtk_event_controller_motion_new ();
  g_signal_connect (self->motion, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (self->motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (self->motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), g_object_ref (self->motion));

  g_signal_connect_object (self->sketch, "changed", G_CALLBACK (redraw_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::zoom", G_CALLBACK (redraw_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::view", G_CALLBACK (view_changed_cb), self,
                           G_CONNECT_SWAPPED);

  update_canvas (self);
}

static void
talus_sketch_controller_dispose (GObject *object)
{
  TalusSketchController *self = TALUS_SKETCH_CONTROLLER (object);

  if (self->canvas != NULL)
    {
      gtk_drawing_area_set_draw_func (self->canvas, NULL, NULL, NULL);
      if (self->stylus != NULL)
        gtk_widget_remove_controller (GTK_WIDGET (self->canvas),
                                      GTK_EVENT_CONTROLLER (self->stylus));
      if (self->drag != NULL)
        gtk_widget_remove_controller (GTK_WIDGET (self->canvas), GTK_EVENT_CONTROLLER (self->drag));
      if (self->motion != NULL)
        gtk_widget_remove_controller (GTK_WIDGET (self->canvas), self->motion);
    }
  g_clear_object (&self->stylus);
  g_clear_object (&self->drag);
  g_clear_object (&self->motion);
  g_clear_pointer (&self->live, talus_sketch_stroke_unref);
  g_clear_pointer (&self->live_view, g_free);
  g_clear_object (&self->canvas);
  g_clear_object (&self->view);
  g_clear_object (&self->sketch);
  if (self->transform_destroy != NULL)
    self->transform_destroy (self->transform_data);
  self->transform_destroy = NULL;
  self->transform_data = NULL;
  self->transform_func = NULL;

  G_OBJECT_CLASS (talus_sketch_controller_parent_class)->dispose (object);
}

static void
talus_sketch_controller_finalize (GObject *object)
{
  TalusSketchController *self = TALUS_SKETCH_CONTROLLER (object);

  g_free (self->tool);

  G_OBJECT_CLASS (talus_sketch_controller_parent_class)->finalize (object);
}

static void
talus_sketch_controller_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  TalusSketchController *self = TALUS_SKETCH_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    case PROP_SKETCH:
      g_value_set_object (value, self->sketch);
      break;
    case PROP_TOOL:
      g_value_set_string (value, self->tool);
      break;
    case PROP_COLOR:
      g_value_set_boxed (value, &self->color);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
talus_sketch_controller_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  TalusSketchController *self = TALUS_SKETCH_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      self->view = g_value_dup_object (value);
      break;
    case PROP_CANVAS:
      self->canvas = g_value_dup_object (value);
      break;
    case PROP_SKETCH:
      self->sketch = g_value_dup_object (value);
      break;
    case PROP_TOOL:
      talus_sketch_controller_set_tool (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      if (g_value_get_boxed (value) != NULL)
        talus_sketch_controller_set_color (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
talus_sketch_controller_class_init (TalusSketchControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = talus_sketch_controller_constructed;
  object_class->dispose = talus_sketch_controller_dispose;
  object_class->finalize = talus_sketch_controller_finalize;
  object_class->get_property = talus_sketch_controller_get_property;
  object_class->set_property = talus_sketch_controller_set_property;

  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL, TALUS_TYPE_ANATOMY_VIEW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, GTK_TYPE_DRAWING_AREA,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SKETCH] =
    g_param_spec_object ("sketch", NULL, NULL, TALUS_TYPE_SKETCH,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOOL] =
    g_param_spec_string ("tool", NULL, NULL, "none",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_boxed ("color", NULL, NULL, GDK_TYPE_RGBA,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
talus_sketch_controller_init (TalusSketchController *self)
{
  self->tool = g_strdup ("none");
  /* A strong red that reads on the drawing's beige and blue. */
  self->color = (GdkRGBA) { 0.88, 0.11, 0.14, 1.0 };
}

TalusSketchController *
talus_sketch_controller_new (TalusAnatomyView *view,
                             GtkDrawingArea   *canvas,
                             TalusSketch      *sketch)
{
  g_return_val_if_fail (TALUS_IS_ANATOMY_VIEW (view), NULL);
  g_return_val_if_fail (GTK_IS_DRAWING_AREA (canvas), NULL);
  g_return_val_if_fail (TALUS_IS_SKETCH (sketch), NULL);

  return g_object_new (TALUS_TYPE_SKETCH_CONTROLLER,
                       "view", view,
                       "canvas", canvas,
                       "sketch", sketch,
                       NULL);
}

TalusAnatomyView *
talus_sketch_controller_get_view (TalusSketchController *self)
{
  g_return_val_if_fail (TALUS_IS_SKETCH_CONTROLLER (self), NULL);

  return self->view;
}

GtkDrawingArea *
talus_sketch_controller_get_canvas (TalusSketchController *self)
{
  g_return_val_if_fail (TALUS_IS_SKETCH_CONTROLLER (self), NULL);

  return self->canvas;
}

TalusSketch *
talus_sketch_controller_get_sketch (TalusSketchController *self)
{
  g_return_val_if_fail (TALUS_IS_SKETCH_CONTROLLER (self), NULL);

  return self->sketch;
}

const char *
talus_sketch_controller_get_tool (TalusSketchController *self)
{
  g_return_val_if_fail (TALUS_IS_SKETCH_CONTROLLER (self), NULL);

  return self->tool;
}

void
talus_sketch_controller_set_tool (TalusSketchController *self,
                                  const char            *tool)
{
  g_return_if_fail (TALUS_IS_SKETCH_CONTROLLER (self));

  if (tool == NULL)
    tool = "none";
  g_return_if_fail (g_strv_contains (tools, tool));

  if (g_strcmp0 (self->tool, tool) == 0)
    return;

  g_free (self->tool);
  self->tool = g_strdup (tool);
  if (self->canvas != NULL)
    {
      finish (self);
      update_canvas (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

void
talus_sketch_controller_get_color (TalusSketchController *self,
                                   GdkRGBA               *color)
{
  g_return_if_fail (TALUS_IS_SKETCH_CONTROLLER (self));
  g_return_if_fail (color != NULL);

  *color = self->color;
}

void
talus_sketch_controller_set_color (TalusSketchController *self,
                                   const GdkRGBA         *color)
{
  g_return_if_fail (TALUS_IS_SKETCH_CONTROLLER (self));
  g_return_if_fail (color != NULL);

  if (gdk_rgba_equal (&self->color, color))
    return;

  self->color = *color;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

const char *
talus_sketch_controller_get_view_nick (TalusSketchController *self)
{
  g_return_val_if_fail (TALUS_IS_SKETCH_CONTROLLER (self), NULL);

  return talus_view_kind_to_nick (talus_anatomy_view_get_view (self->view));
}

gboolean
talus_sketch_controller_default_transform (TalusAnatomyView     *view,
                                           TalusSketchTransform *transform,
                                           gpointer              user_data)
{
  g_return_val_if_fail (TALUS_IS_ANATOMY_VIEW (view), FALSE);
  g_return_val_if_fail (transform != NULL, FALSE);

  /* The view's own layout, zoom and pan included, so strokes follow whatever it shows. */
  return talus_anatomy_view_get_layout (view, &transform->scale, &transform->origin_x,
                                        &transform->origin_y);
}

gboolean
talus_sketch_controller_get_transform (TalusSketchController *self,
                                       TalusSketchTransform  *transform)
{
  g_return_val_if_fail (TALUS_IS_SKETCH_CONTROLLER (self), FALSE);
  g_return_val_if_fail (transform != NULL, FALSE);

  if (self->view == NULL)
    return FALSE;

  if (self->transform_func != NULL)
    return self->transform_func (self->view, transform, self->transform_data);

  return talus_sketch_controller_default_transform (self->view, transform, NULL);
}

void
talus_sketch_controller_set_transform_func (TalusSketchController    *self,
                                            TalusSketchTransformFunc  func,
                                            gpointer                  data,
                                            GDestroyNotify            destroy)
{
  g_return_if_fail (TALUS_IS_SKETCH_CONTROLLER (self));

  if (self->transform_destroy != NULL)
    self->transform_destroy (self->transform_data);
  self->transform_func = func;
  self->transform_data = data;
  self->transform_destroy = destroy;

  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

void
talus_sketch_controller_draw_polyline (TalusSketchController *self,
                                       const double          *xy,
                                       guint                  n)
{
  g_return_if_fail (TALUS_IS_SKETCH_CONTROLLER (self));
  g_return_if_fail (xy != NULL || n == 0);

  if (n == 0 || !is_drawing_tool (self->tool))
    return;

  begin_at (self, xy[0], xy[1], 1.0, FALSE);
  for (guint i = 1; i < n; i++)
    continue_at (self, xy[2 * i], xy[2 * i + 1], 1.0);
  finish (self);
}
