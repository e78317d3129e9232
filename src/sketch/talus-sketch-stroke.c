/* talus-sketch-stroke.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The geometry is computed once per output: raw points -> Catmull-Rom samples, each with a
 * width -> "runs" of samples that share one width. cairo strokes each run with round caps; SVG
 * writes each run as one <path>. A stroke of even pressure is therefore a single run, a single
 * path, and overlaps inside it are not darkened.
 */

#define G_LOG_DOMAIN "talus-sketch"

#include "config.h"

#include <math.h>

#include "talus-sketch-stroke.h"

/* Raw points closer than this (document units) to the previous one add nothing to the shape. */
#define MIN_POINT_DISTANCE 0.25
/* Document units per smoothed sample, at most. */
#define SAMPLE_SPACING 3.0
#define MAX_SUBDIVISIONS 12
/* A pen at zero pressure still draws this share of the base width. */
#define PEN_MIN_SHARE 0.35
/* Pen widths are rounded to steps of base / WIDTH_STEPS, so that even pressure is one run. */
#define WIDTH_STEPS 8.0

struct _TalusSketchStroke
{
  TalusSketchTool tool;
  double          rgba[4];
  double          width;
  GArray         *points; /* TalusSketchPoint */
};

typedef struct
{
  double x, y, w;
} Sample;

typedef struct
{
  double tip_x, tip_y;
  double left_x, left_y;
  double right_x, right_y;
} ArrowHead;

G_DEFINE_ENUM_TYPE (TalusSketchTool, talus_sketch_tool,
                    G_DEFINE_ENUM_VALUE (TALUS_SKETCH_TOOL_PEN, "pen"),
                    G_DEFINE_ENUM_VALUE (TALUS_SKETCH_TOOL_HIGHLIGHTER, "highlighter"),
                    G_DEFINE_ENUM_VALUE (TALUS_SKETCH_TOOL_ARROW, "arrow"))

G_DEFINE_BOXED_TYPE (TalusSketchStroke, talus_sketch_stroke, talus_sketch_stroke_ref,
                     talus_sketch_stroke_unref)

static double
sample_width (TalusSketchStroke *self,
              double             pressure)
{
  if (self->tool != TALUS_SKETCH_TOOL_PEN)
    return self->width;

  return self->width * (PEN_MIN_SHARE + (1.0 - PEN_MIN_SHARE) * pressure);
}

static double
quantize_width (TalusSketchStroke *self,
                double             w)
{
  double step = self->width / WIDTH_STEPS;

  return MAX (step, round (w / step) * step);
}

/* The raw points without near-duplicates; the last point is always kept. */
static GArray *
distinct_points (TalusSketchStroke *self)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (TalusSketchPoint));

  for (guint i = 0; i < self->points->len; i++)
    {
      const TalusSketchPoint *p = &g_array_index (self->points, TalusSketchPoint, i);

      if (out->len > 0)
        {
          TalusSketchPoint *last = &g_array_index (out, TalusSketchPoint, out->len - 1);

          if (hypot (p->x - last->x, p->y - last->y) < MIN_POINT_DISTANCE)
            {
              if (i == self->points->len - 1 && out->len > 1)
                *last = *p;
              continue;
            }
        }
      g_array_append_val (out, *p);
    }

  return out;
}

static double
catmull_rom (double p0,
             double p1,
             double p2,
             double p3,
             double t)
{
  return 0.5 * (2 * p1 + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t * t +
                (3 * p1 - p0 - 3 * p2 + p3) * t * t * t);
}

/* The smoothed path through the raw points, with a width per sample. */
static GArray *
compute_samples (TalusSketchStroke *self)
{
  g_autoptr (GArray) pts = distinct_points (self);
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (Sample));
  const TalusSketchPoint *p = (const TalusSketchPoint *) pts->data;
  guint n = pts->len;

  if (n == 0)
    return samples;

  g_array_append_vals (samples, &(Sample) { p[0].x, p[0].y, sample_width (self, p[0].pressure) },
                       1);

  for (guint i = 0; i + 1 < n; i++)
    {
      const TalusSketchPoint *p0 = &p[i > 0 ? i - 1 : i];
      const TalusSketchPoint *p1 = &p[i];
      const TalusSketchPoint *p2 = &p[i + 1];
      const TalusSketchPoint *p3 = &p[i + 2 < n ? i + 2 : i + 1];
      double len = hypot (p2->x - p1->x, p2->y - p1->y);
      guint steps = CLAMP ((guint) ceil (len / SAMPLE_SPACING), 1, MAX_SUBDIVISIONS);

      for (guint s = 1; s <= steps; s++)
        {
          double t = (double) s / steps;
          Sample sample = {
            catmull_rom (p0->x, p1->x, p2->x, p3->x, t),
            catmull_rom (p0->y, p1->y, p2->y, p3->y, t),
            sample_width (self, p1->pressure + (p2->pressure - p1->pressure) * t),
          };

          g_array_append_val (samples, sample);
        }
    }

  return samples;
}

static double
path_length (const Sample *s,
             guint         n)
{
  double length = 0;

  for (guint i = 1; i < n; i++)
    length += hypot (s[i].x - s[i - 1].x, s[i].y - s[i - 1].y);

  return length;
}

static double
arrow_head_length (TalusSketchStroke *self)
{
  return 4.0 * self->width + 6.0;
}

/* Shortens @samples to end @cut before its end, and fills @head; FALSE when the path has no
 * length (then it is drawn as a dot). */
static gboolean
compute_arrow (TalusSketchStroke *self,
               GArray            *samples,
               ArrowHead         *head)
{
  Sample *s = (Sample *) samples->data;
  guint n = samples->len;
  double total = path_length (s, n);
  double head_len = MIN (arrow_head_length (self), total);
  double back = 0, bx, by, dx, dy, d, cut;
  guint i;

  if (n < 2 || total <= 0)
    return FALSE;

  /* The direction of the head: from the point head_len back along the path to the tip. */
  bx = s[0].x;
  by = s[0].y;
  for (i = n - 1; i > 0; i--)
    {
      double seg = hypot (s[i].x - s[i - 1].x, s[i].y - s[i - 1].y);

      if (back + seg >= head_len)
        {
          double f = seg > 0 ? (head_len - back) / seg : 0;

          bx = s[i].x + (s[i - 1].x - s[i].x) * f;
          by = s[i].y + (s[i - 1].y - s[i].y) * f;
          break;
        }
      back += seg;
    }

  dx = s[n - 1].x - bx;
  dy = s[n - 1].y - by;
  d = hypot (dx, dy);
  if (d <= 0)
    return FALSE;
  dx /= d;
  dy /= d;

  head->tip_x = s[n - 1].x;
  head->tip_y = s[n - 1].y;
  bx = head->tip_x - dx * head_len;
  by = head->tip_y - dy * head_len;
  head->left_x = bx - dy * head_len * 0.5;
  head->left_y = by + dx * head_len * 0.5;
  head->right_x = bx + dy * head_len * 0.5;
  head->right_y = by - dx * head_len * 0.5;

  /* End the shaft inside the head, so its round cap does not blunt the tip. */
  cut = head_len * 0.6;
  back = 0;
  for (i = n - 1; i > 0; i--)
    {
      double seg = hypot (s[i].x - s[i - 1].x, s[i].y - s[i - 1].y);

      if (back + seg >= cut)
        {
          double f = seg > 0 ? (cut - back) / seg : 0;

          s[i].x = s[i].x + (s[i - 1].x - s[i].x) * f;
          s[i].y = s[i].y + (s[i - 1].y - s[i].y) * f;
          g_array_set_size (samples, i + 1);
          return TRUE;
        }
      back += seg;
    }

  g_array_set_size (samples, 1);
  return TRUE;
}

typedef void (*RunFunc) (const Sample *samples,
                         guint         n,
                         double        width,
                         gpointer      user_data);

/* Splits the samples into runs of one (quantized) width; consecutive runs share a sample. */
static void
for_each_run (TalusSketchStroke *self,
              GArray            *samples,
              RunFunc            func,
              gpointer           user_data)
{
  const Sample *s = (const Sample *) samples->data;
  guint n = samples->len;
  guint start = 0;
  double run_width;

  if (n == 0)
    return;

  if (n == 1)
    {
      func (s, 1, quantize_width (self, s[0].w), user_data);
      return;
    }

  if (self->tool != TALUS_SKETCH_TOOL_PEN)
    {
      func (s, n, self->width, user_data);
      return;
    }

  run_width = quantize_width (self, (s[0].w + s[1].w) / 2);
  for (guint i = 1; i + 1 < n; i++)
    {
      double w = quantize_width (self, (s[i].w + s[i + 1].w) / 2);

      if (w != run_width)
        {
          func (s + start, i - start + 1, run_width, user_data);
          start = i;
          run_width = w;
        }
    }
  func (s + start, n - start, run_width, user_data);
}

static double
effective_alpha (TalusSketchStroke *self)
{
  double a = CLAMP (self->rgba[3], 0.0, 1.0);

  return self->tool == TALUS_SKETCH_TOOL_HIGHLIGHTER ? a * TALUS_SKETCH_HIGHLIGHTER_ALPHA : a;
}

static void
cairo_run_cb (const Sample *s,
              guint         n,
              double        width,
              gpointer      user_data)
{
  cairo_t *cr = user_data;

  cairo_move_to (cr, s[0].x, s[0].y);
  if (n == 1)
    cairo_line_to (cr, s[0].x, s[0].y);
  for (guint i = 1; i < n; i++)
    cairo_line_to (cr, s[i].x, s[i].y);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

static void
svg_number (GString *svg,
            double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Locale-independent, and short. */
  g_string_append (svg, g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}

typedef struct
{
  GString    *svg;
  const char *paint; /* stroke colour and opacity attributes */
  const char *cap;
} SvgRun;

static void
svg_run_cb (const Sample *s,
            guint         n,
            double        width,
            gpointer      user_data)
{
  SvgRun *run = user_data;

  g_string_append (run->svg, "<path fill=\"none\" d=\"M");
  svg_number (run->svg, s[0].x);
  g_string_append_c (run->svg, ' ');
  svg_number (run->svg, s[0].y);
  for (guint i = (n == 1 ? 0 : 1); i < n; i++)
    {
      g_string_append (run->svg, " L");
      svg_number (run->svg, s[i].x);
      g_string_append_c (run->svg, ' ');
      svg_number (run->svg, s[i].y);
    }
  g_string_append (run->svg, "\" stroke-width=\"");
  svg_number (run->svg, width);
  g_string_append_printf (run->svg, "\" stroke-linecap=\"%s\" stroke-linejoin=\"round\" %s/>\n",
                          run->cap, run->paint);
}

static double
point_segment_distance (double px,
                        double py,
                        double ax,
                        double ay,
                        double bx,
                        double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = 0;

  if (len2 > 0)
    t = CLAMP (((px - ax) * dx + (py - ay) * dy) / len2, 0.0, 1.0);

  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

const char *
talus_sketch_tool_to_nick (TalusSketchTool tool)
{
  switch (tool)
    {
    case TALUS_SKETCH_TOOL_PEN:
      return "pen";
    case TALUS_SKETCH_TOOL_HIGHLIGHTER:
      return "highlighter";
    case TALUS_SKETCH_TOOL_ARROW:
      return "arrow";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
talus_sketch_tool_from_nick (const char      *nick,
                             TalusSketchTool *out)
{
  g_return_val_if_fail (nick != NULL, FALSE);

  for (TalusSketchTool tool = TALUS_SKETCH_TOOL_PEN; tool <= TALUS_SKETCH_TOOL_ARROW; tool++)
    if (g_str_equal (nick, talus_sketch_tool_to_nick (tool)))
      {
        if (out != NULL)
          *out = tool;
        return TRUE;
      }

  return FALSE;
}

TalusSketchStroke *
talus_sketch_stroke_new (TalusSketchTool  tool,
                         const double    *rgba,
                         double           width)
{
  TalusSketchStroke *self;

  g_return_val_if_fail (tool <= TALUS_SKETCH_TOOL_ARROW, NULL);
  g_return_val_if_fail (rgba != NULL, NULL);
  g_return_val_if_fail (width > 0 && isfinite (width), NULL);

  self = g_rc_box_new0 (TalusSketchStroke);
  self->tool = tool;
  for (guint i = 0; i < 4; i++)
    self->rgba[i] = CLAMP (rgba[i], 0.0, 1.0);
  self->width = width;
  self->points = g_array_new (FALSE, FALSE, sizeof (TalusSketchPoint));

  return self;
}

static void
stroke_clear (TalusSketchStroke *self)
{
  g_array_unref (self->points);
}

TalusSketchStroke *
talus_sketch_stroke_ref (TalusSketchStroke *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_rc_box_acquire (self);
}

void
talus_sketch_stroke_unref (TalusSketchStroke *self)
{
  g_return_if_fail (self != NULL);

  g_rc_box_release_full (self, (GDestroyNotify) stroke_clear);
}

void
talus_sketch_stroke_add_point (TalusSketchStroke *self,
                               double             x,
                               double             y,
                               double             pressure)
{
  TalusSketchPoint p;

  g_return_if_fail (self != NULL);

  if (!isfinite (x) || !isfinite (y))
    return;

  p.x = x;
  p.y = y;
  p.pressure = isfinite (pressure) ? CLAMP (pressure, 0.0, 1.0) : 1.0;
  g_array_append_val (self->points, p);
}

TalusSketchTool
talus_sketch_stroke_get_tool (TalusSketchStroke *self)
{
  g_return_val_if_fail (self != NULL, TALUS_SKETCH_TOOL_PEN);

  return self->tool;
}

const double *
talus_sketch_stroke_get_rgba (TalusSketchStroke *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->rgba;
}

double
talus_sketch_stroke_get_width (TalusSketchStroke *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->width;
}

const TalusSketchPoint *
talus_sketch_stroke_get_points (TalusSketchStroke *self,
                                guint             *n_points)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_points != NULL)
    *n_points = self->points->len;

  return (const TalusSketchPoint *) self->points->data;
}

guint
talus_sketch_stroke_get_n_points (TalusSketchStroke *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->points->len;
}

gboolean
talus_sketch_stroke_get_bounds (TalusSketchStroke *self,
                                double            *x,
                                double            *y,
                                double            *width,
                                double            *height)
{
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  double pad;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->points->len == 0)
    return FALSE;

  for (guint i = 0; i < self->points->len; i++)
    {
      const TalusSketchPoint *p = &g_array_index (self->points, TalusSketchPoint, i);

      x1 = MIN (x1, p->x);
      y1 = MIN (y1, p->y);
      x2 = MAX (x2, p->x);
      y2 = MAX (y2, p->y);
    }

  /* Smoothing can overshoot a little; the arrow head spreads sideways. */
  pad = self->width / 2 + SAMPLE_SPACING;
  if (self->tool == TALUS_SKETCH_TOOL_ARROW)
    pad += arrow_head_length (self) / 2;

  if (x != NULL)
    *x = x1 - pad;
  if (y != NULL)
    *y = y1 - pad;
  if (width != NULL)
    *width = x2 - x1 + 2 * pad;
  if (height != NULL)
    *height = y2 - y1 + 2 * pad;

  return TRUE;
}

gboolean
talus_sketch_stroke_hit (TalusSketchStroke *self,
                         double             x,
                         double             y,
                         double             radius)
{
  const TalusSketchPoint *p;
  guint n;

  g_return_val_if_fail (self != NULL, FALSE);

  p = (const TalusSketchPoint *) self->points->data;
  n = self->points->len;
  if (n == 0)
    return FALSE;

  if (n == 1)
    return hypot (x - p[0].x, y - p[0].y) <= radius + sample_width (self, p[0].pressure) / 2;

  for (guint i = 0; i + 1 < n; i++)
    {
      double half = MAX (sample_width (self, p[i].pressure),
                         sample_width (self, p[i + 1].pressure)) / 2;

      if (point_segment_distance (x, y, p[i].x, p[i].y, p[i + 1].x, p[i + 1].y) <= radius + half)
        return TRUE;
    }

  return FALSE;
}

void
talus_sketch_stroke_draw (TalusSketchStroke *self,
                          cairo_t           *cr)
{
  g_autoptr (GArray) samples = NULL;
  ArrowHead head;
  gboolean has_head = FALSE;
  gboolean group;
  double alpha;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  samples = compute_samples (self);
  if (samples->len == 0)
    return;

  if (self->tool == TALUS_SKETCH_TOOL_ARROW)
    has_head = compute_arrow (self, samples, &head);

  alpha = effective_alpha (self);
  /* Runs overlap at their joints and the shaft overlaps the head: a translucent colour is
   * applied to the stroke as a whole. A single path needs no group. */
  group = alpha < 1.0 && self->tool != TALUS_SKETCH_TOOL_HIGHLIGHTER;

  cairo_save (cr);
  cairo_new_path (cr);
  if (group)
    {
      cairo_push_group (cr);
      cairo_set_source_rgb (cr, self->rgba[0], self->rgba[1], self->rgba[2]);
    }
  else
    {
      cairo_set_source_rgba (cr, self->rgba[0], self->rgba[1], self->rgba[2], alpha);
    }

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (self->tool == TALUS_SKETCH_TOOL_HIGHLIGHTER)
    cairo_set_line_cap (cr, samples->len > 1 ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_SQUARE);
  else
    cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  for_each_run (self, samples, cairo_run_cb, cr);

  if (has_head)
    {
      cairo_move_to (cr, head.tip_x, head.tip_y);
      cairo_line_to (cr, head.left_x, head.left_y);
      cairo_line_to (cr, head.right_x, head.right_y);
      cairo_close_path (cr);
      cairo_fill (cr);
    }

  if (group)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, alpha);
    }
  cairo_restore (cr);
}

void
talus_sketch_stroke_append_svg (TalusSketchStroke *self,
                                GString           *svg,
                                const char        *id)
{
  g_autoptr (GArray) samples = NULL;
  g_autofree char *paint = NULL;
  g_autofree char *fill = NULL;
  char color[8];
  ArrowHead head;
  gboolean has_head = FALSE;
  gboolean group;
  double alpha;
  SvgRun run;

  g_return_if_fail (self != NULL);
  g_return_if_fail (svg != NULL);

  samples = compute_samples (self);
  if (samples->len == 0)
    return;

  if (self->tool == TALUS_SKETCH_TOOL_ARROW)
    has_head = compute_arrow (self, samples, &head);

  alpha = effective_alpha (self);
  group = alpha < 1.0 && self->tool != TALUS_SKETCH_TOOL_HIGHLIGHTER;

  g_snprintf (color, sizeof color, "#%02x%02x%02x", (guint) round (self->rgba[0] * 255),
              (guint) round (self->rgba[1] * 255), (guint) round (self->rgba[2] * 255));

  g_string_append (svg, "<g");
  if (id != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (id, -1);

      g_string_append_printf (svg, " id=\"%s\"", escaped);
    }
  g_string_append_printf (svg, " class=\"sketch-stroke %s\"",
                          talus_sketch_tool_to_nick (self->tool));
  if (group)
    {
      g_string_append (svg, " opacity=\"");
      svg_number (svg, alpha);
      g_string_append_c (svg, '"');
    }
  g_string_append (svg, ">\n");

  if (group || alpha >= 1.0)
    {
      paint = g_strdup_printf ("stroke=\"%s\"", color);
      fill = g_strdup_printf ("fill=\"%s\"", color);
    }
  else
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (buf, sizeof buf, "%.3f", alpha);
      paint = g_strdup_printf ("stroke=\"%s\" stroke-opacity=\"%s\"", color, buf);
      fill = g_strdup_printf ("fill=\"%s\" fill-opacity=\"%s\"", color, buf);
    }

  run.svg = svg;
  run.paint = paint;
  if (self->tool == TALUS_SKETCH_TOOL_HIGHLIGHTER)
    run.cap = samples->len > 1 ? "butt" : "square";
  else
    run.cap = "round";
  for_each_run (self, samples, svg_run_cb, &run);

  if (has_head)
    {
      g_string_append (svg, "<path d=\"M");
      svg_number (svg, head.tip_x);
      g_string_append_c (svg, ' ');
      svg_number (svg, head.tip_y);
      g_string_append (svg, " L");
      svg_number (svg, head.left_x);
      g_string_append_c (svg, ' ');
      svg_number (svg, head.left_y);
      g_string_append (svg, " L");
      svg_number (svg, head.right_x);
      g_string_append_c (svg, ' ');
      svg_number (svg, head.right_y);
      g_string_append_printf (svg, " Z\" %s/>\n", fill);
    }

  g_string_append (svg, "</g>\n");
}
