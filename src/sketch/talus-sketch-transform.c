/* talus-sketch-transform.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "talus-sketch"

#include "config.h"

#include <math.h>

#include "talus-sketch-transform.h"

void
talus_sketch_transform_init_view (TalusSketchTransform *self,
                                  double                fit_scale,
                                  double                fit_offset_x,
                                  double                fit_offset_y,
                                  double                width,
                                  double                height,
                                  double                zoom,
                                  double                pan_x,
                                  double                pan_y)
{
  double cx = width / 2.0, cy = height / 2.0;

  g_return_if_fail (self != NULL);

  /* Zooming about the centre moves the fitted origin away from the centre by the zoom. */
  self->scale = fit_scale * zoom;
  self->origin_x = cx - (cx - fit_offset_x) * zoom + pan_x;
  self->origin_y = cy - (cy - fit_offset_y) * zoom + pan_y;
}

gboolean
talus_sketch_transform_to_document (const TalusSketchTransform *self,
                                    double                      x,
                                    double                      y,
                                    double                     *doc_x,
                                    double                     *doc_y)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return talus_sketch_widget_to_document (self->scale, self->origin_x, self->origin_y, x, y,
                                          doc_x, doc_y);
}

void
talus_sketch_transform_to_target (const TalusSketchTransform *self,
                                  double                      doc_x,
                                  double                      doc_y,
                                  double                     *x,
                                  double                     *y)
{
  g_return_if_fail (self != NULL);

  if (x != NULL)
    *x = self->origin_x + doc_x * self->scale;
  if (y != NULL)
    *y = self->origin_y + doc_y * self->scale;
}

void
talus_sketch_transform_apply (const TalusSketchTransform *self,
                              cairo_t                    *cr)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_translate (cr, self->origin_x, self->origin_y);
  if (self->scale > 0 && isfinite (self->scale))
    cairo_scale (cr, self->scale, self->scale);
}

gboolean
talus_sketch_widget_to_document (double  scale,
                                 double  origin_x,
                                 double  origin_y,
                                 double  x,
                                 double  y,
                                 double *doc_x,
                                 double *doc_y)
{
  if (!(scale > 0) || !isfinite (scale))
    return FALSE;

  if (doc_x != NULL)
    *doc_x = (x - origin_x) / scale;
  if (doc_y != NULL)
    *doc_y = (y - origin_y) / scale;

  return TRUE;
}
