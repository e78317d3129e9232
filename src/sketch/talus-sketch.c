/* talus-sketch.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * History: each undo step is a list of sub-steps, each sub-step a set of strokes added or
 * removed at known indices of one view. Undo reverts sub-steps last first; redo replays them
 * first first. Indices are those the stroke had (removal) or will have (insertion) when the
 * sub-step runs, so replaying in order restores the exact stacking.
 */

#define G_LOG_DOMAIN "talus-sketch"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "talus-sketch.h"

/* Kept steps of history; older ones are forgotten. */
#define MAX_HISTORY 500

typedef struct
{
  guint              index;
  TalusSketchStroke *stroke;
} Entry;

typedef enum {
  STEP_ADD,
  STEP_REMOVE,
} StepKind;

typedef struct
{
  StepKind kind;
  GArray  *entries; /* Entry, ascending index */
} SubStep;

typedef struct
{
  char      *view;
  GPtrArray *substeps; /* SubStep */
  gboolean   open;     /* an eraser gesture may still add to it */
} Step;

struct _TalusSketch
{
  GObject     parent_instance;

  GHashTable *views; /* nick -> GPtrArray of TalusSketchStroke */
  GPtrArray  *undo;  /* Step, most recent last */
  GPtrArray  *redo;  /* Step, next to redo last */
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_EMPTY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TalusSketch, talus_sketch, G_TYPE_OBJECT)

static void
entry_clear (Entry *entry)
{
  g_clear_pointer (&entry->stroke, talus_sketch_stroke_unref);
}

static SubStep *
substep_new (StepKind kind)
{
  SubStep *sub = g_new0 (SubStep, 1);

  sub->kind = kind;
  sub->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (sub->entries, (GDestroyNotify) entry_clear);

  return sub;
}

static void
substep_free (SubStep *sub)
{
  g_array_unref (sub->entries);
  g_free (sub);
}

static Step *
step_new (const char *view)
{
  Step *step = g_new0 (Step, 1);

  step->view = g_strdup (view);
  step->substeps = g_ptr_array_new_with_free_func ((GDestroyNotify) substep_free);

  return step;
}

static void
step_free (Step *step)
{
  g_free (step->view);
  g_ptr_array_unref (step->substeps);
  g_free (step);
}

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean empty;
} State;

static void
save_state (TalusSketch *self,
            State       *state)
{
  state->can_undo = talus_sketch_can_undo (self);
  state->can_redo = talus_sketch_can_redo (self);
  state->empty = talus_sketch_is_empty (self);
}

/* Emits ::changed for @view (NULL: every view) and notifies what changed since @before. */
static void
emit_changed (TalusSketch *self,
              const char  *view,
              State       *before)
{
  State after;

  save_state (self, &after);
  g_signal_emit (self, signals[CHANGED], 0, view);
  if (after.can_undo != before->can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (after.can_redo != before->can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (after.empty != before->empty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
}

static GPtrArray *
lookup_strokes (TalusSketch *self,
                const char  *view,
                gboolean     create)
{
  GPtrArray *strokes = g_hash_table_lookup (self->views, view);

  if (strokes == NULL && create)
    {
      strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) talus_sketch_stroke_unref);
      g_hash_table_insert (self->views, g_strdup (view), strokes);
    }

  return strokes;
}

static void
apply_add (TalusSketch *self,
           const char  *view,
           SubStep     *sub)
{
  GPtrArray *strokes = lookup_strokes (self, view, TRUE);

  for (guint i = 0; i < sub->entries->len; i++)
    {
      Entry *entry = &g_array_index (sub->entries, Entry, i);

      g_assert (entry->index <= strokes->len);
      g_ptr_array_insert (strokes, entry->index, talus_sketch_stroke_ref (entry->stroke));
    }
}

static void
apply_remove (TalusSketch *self,
              const char  *view,
              SubStep     *sub)
{
  GPtrArray *strokes = lookup_strokes (self, view, TRUE);

  for (guint i = sub->entries->len; i > 0; i--)
    {
      Entry *entry = &g_array_index (sub->entries, Entry, i - 1);

      g_assert (entry->index < strokes->len);
      g_assert (g_ptr_array_index (strokes, entry->index) == entry->stroke);
      g_ptr_array_remove_index (strokes, entry->index);
    }
}

static void
apply_substep (TalusSketch *self,
               const char  *view,
               SubStep     *sub,
               gboolean     reverse)
{
  gboolean add = (sub->kind == STEP_ADD) != reverse;

  if (add)
    apply_add (self, view, sub);
  else
    apply_remove (self, view, sub);
}

static void
close_open_steps (TalusSketch *self)
{
  if (self->undo->len > 0)
    ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->open = FALSE;
}

static void
push_undo (TalusSketch *self,
           Step        *step)
{
  close_open_steps (self);
  g_ptr_array_add (self->undo, step);
  if (self->undo->len > MAX_HISTORY)
    g_ptr_array_remove_index (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
}

/* Removes the strokes of @view matching @func and returns the sub-step, or NULL when none. */
static SubStep *
remove_matching (TalusSketch *self,
                 const char  *view,
                 gboolean   (*func) (TalusSketchStroke *stroke, gpointer data),
                 gpointer     data)
{
  GPtrArray *strokes = lookup_strokes (self, view, FALSE);
  SubStep *sub;

  if (strokes == NULL)
    return NULL;

  sub = substep_new (STEP_REMOVE);
  for (guint i = 0; i < strokes->len; i++)
    {
      TalusSketchStroke *stroke = g_ptr_array_index (strokes, i);

      if (func (stroke, data))
        {
          Entry entry = { i, talus_sketch_stroke_ref (stroke) };

          g_array_append_val (sub->entries, entry);
        }
    }

  if (sub->entries->len == 0)
    {
      substep_free (sub);
      return NULL;
    }

  apply_remove (self, view, sub);
  return sub;
}

typedef struct
{
  double x, y, radius;
} HitData;

static gboolean
hit_cb (TalusSketchStroke *stroke,
        gpointer           data)
{
  HitData *hit = data;

  return talus_sketch_stroke_hit (stroke, hit->x, hit->y, hit->radius);
}

static gboolean
all_cb (TalusSketchStroke *stroke,
        gpointer           data)
{
  return TRUE;
}

typedef struct
{
  TalusSketch *sketch;
  char        *view;
} PaintClosure;

static void
paint_closure_free (PaintClosure *closure)
{
  g_object_unref (closure->sketch);
  g_free (closure->view);
  g_free (closure);
}

static void
paint_cb (cairo_t  *cr,
          double    doc_width,
          double    doc_height,
          gpointer  user_data)
{
  PaintClosure *closure = user_data;

  talus_sketch_draw (closure->sketch, closure->view, cr);
}

static gboolean
write_atomically (const char  *path,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr (GError) local_error = NULL;

  /* A temporary file in the same directory, fsynced and renamed over @path: never half a file.
   * GLib removes the temporary file when any step fails. */
  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, local_error->domain, local_error->code, _("Could not write %s: %s"),
                   display, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static cairo_status_t
png_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static void
talus_sketch_finalize (GObject *object)
{
  TalusSketch *self = TALUS_SKETCH (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->views, g_hash_table_unref);

  G_OBJECT_CLASS (talus_sketch_parent_class)->finalize (object);
}

static void
talus_sketch_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TalusSketch *self = TALUS_SKETCH (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, talus_sketch_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, talus_sketch_can_redo (self));
      break;
    case PROP_EMPTY:
      g_value_set_boolean (value, talus_sketch_is_empty (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
talus_sketch_class_init (TalusSketchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = talus_sketch_finalize;
  object_class->get_property = talus_sketch_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TalusSketch::changed:
   * @view: (nullable): the view whose strokes changed, or NULL for every view
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
talus_sketch_init (TalusSketch *self)
{
  self->views = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

TalusSketch *
talus_sketch_new (void)
{
  return g_object_new (TALUS_TYPE_SKETCH, NULL);
}

void
talus_sketch_add_stroke (TalusSketch       *self,
                         const char        *view,
                         TalusSketchStroke *stroke)
{
  GPtrArray *strokes;
  SubStep *sub;
  Step *step;
  Entry entry;
  State before;

  g_return_if_fail (TALUS_IS_SKETCH (self));
  g_return_if_fail (view != NULL && *view != '\0');
  g_return_if_fail (stroke != NULL);

  if (talus_sketch_stroke_get_n_points (stroke) == 0)
    return;

  save_state (self, &before);
  strokes = lookup_strokes (self, view, TRUE);
  sub = substep_new (STEP_ADD);
  entry.index = strokes->len;
  entry.stroke = talus_sketch_stroke_ref (stroke);
  g_array_append_val (sub->entries, entry);
  apply_add (self, view, sub);

  step = step_new (view);
  g_ptr_array_add (step->substeps, sub);
  push_undo (self, step);

  emit_changed (self, view, &before);
}

guint
talus_sketch_get_n_strokes (TalusSketch *self,
                            const char  *view)
{
  GPtrArray *strokes;

  g_return_val_if_fail (TALUS_IS_SKETCH (self), 0);
  g_return_val_if_fail (view != NULL, 0);

  strokes = lookup_strokes (self, view, FALSE);

  return strokes != NULL ? strokes->len : 0;
}

TalusSketchStroke *
talus_sketch_get_stroke (TalusSketch *self,
                         const char  *view,
                         guint        index)
{
  GPtrArray *strokes;

  g_return_val_if_fail (TALUS_IS_SKETCH (self), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  strokes = lookup_strokes (self, view, FALSE);
  g_return_val_if_fail (strokes != NULL && index < strokes->len, NULL);

  return g_ptr_array_index (strokes, index);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

char **
talus_sketch_get_views (TalusSketch *self)
{
  g_autoptr (GPtrArray) views = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  const char *view;
  GPtrArray *strokes;

  g_return_val_if_fail (TALUS_IS_SKETCH (self), NULL);

  g_hash_table_iter_init (&iter, self->views);
  while (g_hash_table_iter_next (&iter, (gpointer *) &view, (gpointer *) &strokes))
    if (strokes->len > 0)
      g_ptr_array_add (views, g_strdup (view));
  g_ptr_array_sort (views, compare_strings);
  g_ptr_array_add (views, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&views), FALSE);
}

guint
talus_sketch_erase_at (TalusSketch *self,
                       const char  *view,
                       double       x,
                       double       y,
                       double       radius,
                       gboolean     continue_gesture)
{
  HitData hit = { x, y, radius };
  SubStep *sub;
  Step *step = NULL;
  State before;
  guint n;

  g_return_val_if_fail (TALUS_IS_SKETCH (self), 0);
  g_return_val_if_fail (view != NULL && *view != '\0', 0);
  g_return_val_if_fail (radius >= 0, 0);

  if (self->undo->len > 0)
    step = g_ptr_array_index (self->undo, self->undo->len - 1);
  if (!continue_gesture && step != NULL)
    step->open = FALSE;

  save_state (self, &before);
  sub = remove_matching (self, view, hit_cb, &hit);
  if (sub == NULL)
    return 0;

  n = sub->entries->len;
  if (continue_gesture && step != NULL && step->open && g_str_equal (step->view, view) &&
      self->redo->len == 0)
    {
      g_ptr_array_add (step->substeps, sub);
    }
  else
    {
      step = step_new (view);
      g_ptr_array_add (step->substeps, sub);
      push_undo (self, step);
      step->open = TRUE;
    }

  emit_changed (self, view, &before);
  return n;
}

void
talus_sketch_clear_view (TalusSketch *self,
                         const char  *view)
{
  SubStep *sub;
  Step *step;
  State before;

  g_return_if_fail (TALUS_IS_SKETCH (self));
  g_return_if_fail (view != NULL && *view != '\0');

  save_state (self, &before);
  sub = remove_matching (self, view, all_cb, NULL);
  if (sub == NULL)
    return;

  step = step_new (view);
  g_ptr_array_add (step->substeps, sub);
  push_undo (self, step);

  emit_changed (self, view, &before);
}

void
talus_sketch_clear_all (TalusSketch *self)
{
  State before;

  g_return_if_fail (TALUS_IS_SKETCH (self));

  save_state (self, &before);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  g_hash_table_remove_all (self->views);

  emit_changed (self, NULL, &before);
}

gboolean
talus_sketch_is_empty (TalusSketch *self)
{
  GHashTableIter iter;
  GPtrArray *strokes;

  g_return_val_if_fail (TALUS_IS_SKETCH (self), TRUE);

  g_hash_table_iter_init (&iter, self->views);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &strokes))
    if (strokes->len > 0)
      return FALSE;

  return TRUE;
}

gboolean
talus_sketch_can_undo (TalusSketch *self)
{
  g_return_val_if_fail (TALUS_IS_SKETCH (self), FALSE);

  return self->undo->len > 0;
}

gboolean
talus_sketch_can_redo (TalusSketch *self)
{
  g_return_val_if_fail (TALUS_IS_SKETCH (self), FALSE);

  return self->redo->len > 0;
}

gboolean
talus_sketch_undo (TalusSketch *self)
{
  Step *step;
  State before;

  g_return_val_if_fail (TALUS_IS_SKETCH (self), FALSE);

  if (self->undo->len == 0)
    return FALSE;

  save_state (self, &before);
  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  step->open = FALSE;
  for (guint i = step->substeps->len; i > 0; i--)
    apply_substep (self, step->view, g_ptr_array_index (step->substeps, i - 1), TRUE);
  g_ptr_array_add (self->redo, step);

  emit_changed (self, step->view, &before);
  return TRUE;
}

gboolean
talus_sketch_redo (TalusSketch *self)
{
  Step *step;
  State before;

  g_return_val_if_fail (TALUS_IS_SKETCH (self), FALSE);

  if (self->redo->len == 0)
    return FALSE;

  save_state (self, &before);
  step = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  for (guint i = 0; i < step->substeps->len; i++)
    apply_substep (self, step->view, g_ptr_array_index (step->substeps, i), FALSE);
  close_open_steps (self);
  g_ptr_array_add (self->undo, step);

  emit_changed (self, step->view, &before);
  return TRUE;
}

void
talus_sketch_draw (TalusSketch *self,
                   const char  *view,
                   cairo_t     *cr)
{
  GPtrArray *strokes;

  g_return_if_fail (TALUS_IS_SKETCH (self));
  g_return_if_fail (view != NULL);
  g_return_if_fail (cr != NULL);

  strokes = lookup_strokes (self, view, FALSE);
  if (strokes == NULL)
    return;

  for (guint i = 0; i < strokes->len; i++)
    talus_sketch_stroke_draw (g_ptr_array_index (strokes, i), cr);
}

TalusSketchPaintFunc
talus_sketch_get_paint_func (TalusSketch     *self,
                             const char      *view,
                             gpointer        *user_data,
                             GDestroyNotify  *destroy)
{
  PaintClosure *closure;

  g_return_val_if_fail (TALUS_IS_SKETCH (self), NULL);
  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (user_data != NULL, NULL);
  g_return_val_if_fail (destroy != NULL, NULL);

  closure = g_new0 (PaintClosure, 1);
  closure->sketch = g_object_ref (self);
  closure->view = g_strdup (view);
  *user_data = closure;
  *destroy = (GDestroyNotify) paint_closure_free;

  return paint_cb;
}

char *
talus_sketch_to_svg (TalusSketch *self,
                     const char  *view,
                     double       doc_width,
                     double       doc_height,
                     GError     **error)
{
  g_autoptr (GString) svg = NULL;
  g_autofree char *escaped_view = NULL;
  char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];
  guint n;

  g_return_val_if_fail (TALUS_IS_SKETCH (self), NULL);
  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(doc_width > 0) || !(doc_height > 0) || !isfinite (doc_width) || !isfinite (doc_height))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The drawing has no size"));
      return NULL;
    }

  g_ascii_formatd (w, sizeof w, "%g", doc_width);
  g_ascii_formatd (h, sizeof h, "%g", doc_height);
  escaped_view = g_markup_escape_text (view, -1);

  svg = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (svg,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
                          "width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\">\n"
                          "<g id=\"sketch-%s\" class=\"sketch\">\n",
                          w, h, w, h, escaped_view);

  n = talus_sketch_get_n_strokes (self, view);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("stroke-%u", i + 1);

      talus_sketch_stroke_append_svg (talus_sketch_get_stroke (self, view, i), svg, id);
    }

  g_string_append (svg, "</g>\n</svg>\n");

  return g_string_free (g_steal_pointer (&svg), FALSE);
}

gboolean
talus_sketch_export_svg (TalusSketch *self,
                         const char  *view,
                         double       doc_width,
                         double       doc_height,
                         const char  *path,
                         GError     **error)
{
  g_autofree char *svg = NULL;

  g_return_val_if_fail (TALUS_IS_SKETCH (self), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  svg = talus_sketch_to_svg (self, view, doc_width, doc_height, error);
  if (svg == NULL)
    return FALSE;

  return write_atomically (path, svg, strlen (svg), error);
}

gboolean
talus_sketch_export_png (TalusSketch          *self,
                         const char           *view,
                         double                doc_width,
                         double                doc_height,
                         int                   width,
                         int                   height,
                         TalusSketchPaintFunc  background,
                         gpointer              background_data,
                         const char           *path,
                         GError              **error)
{
  g_autoptr (GByteArray) png = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double scale;

  g_return_val_if_fail (TALUS_IS_SKETCH (self), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(doc_width > 0) || !(doc_height > 0) || !isfinite (doc_width) || !isfinite (doc_height))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The drawing has no size"));
      return FALSE;
    }
  if (width < 1 || height < 1 || width > TALUS_SKETCH_MAX_PNG_SIZE ||
      height > TALUS_SKETCH_MAX_PNG_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("An image of %d × %d pixels cannot be made"), width, height);
      return FALSE;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);

  scale = MIN (width / doc_width, height / doc_height);
  cairo_translate (cr, (width - doc_width * scale) / 2.0, (height - doc_height * scale) / 2.0);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, doc_width, doc_height);
  cairo_clip (cr);
  if (background != NULL)
    {
      cairo_save (cr);
      background (cr, doc_width, doc_height, background_data);
      cairo_restore (cr);
    }
  talus_sketch_draw (self, view, cr);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  png = g_byte_array_new ();
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, png_write_cb, png);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the sketch: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  return write_atomically (path, (const char *) png->data, png->len, error);
}
