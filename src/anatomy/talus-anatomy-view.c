/* talus-anatomy-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawing: the SVG is rendered once into a texture per (size, scale factor, layers, dark) and
 * kept; hover, selection, highlights and the focus ring are drawn over it each frame from single
 * elements, so pointer motion never re-renders the drawing. When zoomed, a second texture holds
 * the visible part at full resolution; while zooming or panning the old textures are stretched
 * and the detail is re-rendered once the motion settles.
 */

#define G_LOG_DOMAIN "talus-anatomy"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <math.h>

#include "talus-anatomy-view.h"

/* Space around the drawing card, in widget pixels. */
#define MARGIN 12.0
#define CARD_RADIUS 12.0
#define ZOOM_STEP 1.25
/* Delay before re-rendering the detail texture after a zoom or pan. */
#define DETAIL_DELAY_MS 120
/* Pixels a press may move and still be a click. */
#define CLICK_SLOP 6.0

static const double hover_rgba[4] = { 0.21, 0.52, 0.89, 0.40 };
static const double focus_rgba[4] = { 0.21, 0.52, 0.89, 0.30 };
static const double selection_rgba[4] = { 0.96, 0.47, 0.0, 0.60 };
static const double region_rgba[4] = { 0.96, 0.47, 0.0, 0.35 };
static const double highlight_rgba[4] = { 0.85, 0.11, 0.16, 0.45 };

typedef struct
{
  double x0, y0; /* widget position of the document origin */
  double s;      /* widget pixels per document unit */
} Layout;

typedef struct
{
  GdkTexture     *texture;
  graphene_rect_t area;   /* document rectangle the texture covers */
  double          s;      /* layout scale it was rendered for */
  int             width;  /* widget size it was rendered for */
  int             height;
  int             scale_factor;
  TalusLayers     layers;
  gboolean        dark;
} Cache;

/* Background work for the first paint: loading the drawing (started when the widget is realized)
 * and rendering the first base texture (started by the first snapshot, which shows the plain card
 * meanwhile). librsvg handles are not thread-safe, so while a job runs its worker owns the
 * document: the main thread only reads the document's size (fixed at creation) and otherwise
 * waits for the job (get_document()). Only the first drawing of a widget is rendered this way;
 * later ones (resize, layers, another view) stay synchronous, as before. */
typedef struct
{
  gatomicrefcount       ref;
  GMutex                lock;
  GCond                 cond;
  gboolean              done;       /* under lock */
  TalusAnatomyView     *owner;      /* main thread only; NULL once the view let go of the job */

  TalusViewKind         view;
  TalusAnatomyDocument *doc;        /* in: the document to render, or NULL to load it; out */
  GError               *error;      /* the load failed */

  gboolean              render;     /* render a base texture for the key below */
  int                   width;      /* widget size, scale factor, layers and theme it is for */
  int                   height;
  int                   scale_factor;
  TalusLayers           layers;
  gboolean              dark;
  cairo_surface_t      *surface;    /* out */
  graphene_rect_t       area;       /* out: the document area the surface covers */
  double                s;          /* out: widget pixels per document unit */
} Job;

struct _TalusAnatomyView
{
  GtkWidget             parent_instance;

  TalusViewKind         view;
  TalusLayers           layers;
  char                 *selected_structure;
  char                 *selected_region;
  double                zoom;
  double                pan_x;
  double                pan_y;
  TalusKnowledgeBase   *kb;
  GStrv                 highlight;
  /* The structures lit for the selected region, kept between frames: (region, view) -> ids */
  char                 *region_parts_key;
  GStrv                 region_parts;

  TalusAnatomyDocument *docs[TALUS_VIEW_N_KINDS];
  gboolean              load_failed[TALUS_VIEW_N_KINDS];
  Job                  *job;          /* the background job in flight, if any */
  gboolean              first_render; /* the first base render was started (in the background) */
  gulong                after_paint_id; /* starts that render once the first frame is out */

  char                 *hover_id;
  char                 *focus_id;

  Cache                 base;   /* the whole drawing, fitted */
  Cache                 detail; /* the visible part when zoomed */
  guint                 detail_id;

  double                drag_pan_x;
  double                drag_pan_y;
  gboolean              dragging;
  double                pinch_zoom;
  double                pointer_x;
  double                pointer_y;
  gboolean              keyboard_mode;
};

enum {
  PROP_0,
  PROP_VIEW,
  PROP_LAYERS,
  PROP_SELECTED_STRUCTURE,
  PROP_SELECTED_REGION,
  PROP_ZOOM,
  PROP_KNOWLEDGE_BASE,
  PROP_READY,
  N_PROPS
};

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TalusAnatomyView, talus_anatomy_view, GTK_TYPE_WIDGET)

static void
cache_clear (Cache *cache)
{
  g_clear_object (&cache->texture);
}

static gboolean
is_dark (void)
{
  return adw_is_initialized () && adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
report_load_error (TalusViewKind  view,
                   const GError  *error)
{
  /* A broken drawing is a packaging bug; the widget stays usable and shows why. */
  g_critical ("Cannot load the %s anatomy drawing: %s", talus_view_kind_to_nick (view),
              error->message);
}

static Job *
job_ref (Job *job)
{
  g_atomic_ref_count_inc (&job->ref);
  return job;
}

static void
job_unref (gpointer data)
{
  Job *job = data;

  if (!g_atomic_ref_count_dec (&job->ref))
    return;

  g_clear_object (&job->doc);
  g_clear_error (&job->error);
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  g_mutex_clear (&job->lock);
  g_cond_clear (&job->cond);
  g_free (job);
}

static void
job_wait (Job *job)
{
  g_mutex_lock (&job->lock);
  while (!job->done)
    g_cond_wait (&job->cond, &job->lock);
  g_mutex_unlock (&job->lock);
}

static cairo_surface_t *render_surface (TalusAnatomyDocument *doc, const graphene_rect_t *area,
                                        double s, int scale_factor, TalusLayers layers,
                                        gboolean dark, graphene_rect_t *covered, GError **error);

/* Worker thread: touches only the job. */
static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;

  if (job->doc == NULL)
    job->doc = talus_anatomy_document_new_for_view (job->view, &job->error);

  if (job->doc != NULL && job->render)
    {
      g_autoptr (GError) error = NULL;
      graphene_rect_t all;
      double dw, dh, fit;

      talus_anatomy_document_get_size (job->doc, &dw, &dh);
      talus_anatomy_document_get_fit (job->doc, job->width - 2 * MARGIN, job->height - 2 * MARGIN,
                                      &fit, NULL, NULL);
      graphene_rect_init (&all, 0, 0, dw, dh);
      job->s = fit;
      if (fit > 0)
        job->surface = render_surface (job->doc, &all, fit, job->scale_factor, job->layers,
                                       job->dark, &job->area, &error);
      if (error != NULL)
        g_warning ("Cannot render the %s drawing: %s", talus_view_kind_to_nick (job->view),
                   error->message);
    }

  g_mutex_lock (&job->lock);
  job->done = TRUE;
  g_cond_broadcast (&job->cond);
  g_mutex_unlock (&job->lock);
}

static GdkTexture *texture_for_surface (cairo_surface_t *surface);
static gboolean cache_matches_content (TalusAnatomyView *self, const Cache *cache, gboolean dark);
static gboolean is_dark (void);

/* Waits for the job in flight, if any, and takes its document and texture back. */
static void
finish_job (TalusAnatomyView *self)
{
  Job *job = self->job;

  if (job == NULL)
    return;

  job_wait (job);
  self->job = NULL;
  job->owner = NULL;

  if (job->doc != NULL)
    {
      if (self->docs[job->view] == NULL)
        self->docs[job->view] = g_steal_pointer (&job->doc);
    }
  else if (job->error != NULL && !self->load_failed[job->view])
    {
      report_load_error (job->view, job->error);
      self->load_failed[job->view] = TRUE;
    }

  /* The texture is only good for what the widget still shows. */
  if (job->surface != NULL && job->view == self->view && job->layers == self->layers &&
      job->dark == is_dark () &&
      job->scale_factor == gtk_widget_get_scale_factor (GTK_WIDGET (self)) &&
      job->width == gtk_widget_get_width (GTK_WIDGET (self)) &&
      job->height == gtk_widget_get_height (GTK_WIDGET (self)) &&
      !cache_matches_content (self, &self->base, job->dark))
    {
      cache_clear (&self->base);
      self->base.texture = texture_for_surface (job->surface);
      self->base.area = job->area;
      self->base.s = job->s;
      self->base.width = job->width;
      self->base.height = job->height;
      self->base.scale_factor = job->scale_factor;
      self->base.layers = job->layers;
      self->base.dark = job->dark;
    }

  job_unref (job);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static void
job_done_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Job *job = user_data;

  if (job->owner != NULL && job->owner->job == job)
    finish_job (job->owner);
  job_unref (job);
}

static void
start_job (TalusAnatomyView     *self,
           TalusAnatomyDocument *doc,
           gboolean              render)
{
  Job *job = g_new0 (Job, 1);
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (self->job == NULL);

  /* libxml2 must be initialised on the main thread before a second thread uses it. */
  xmlInitParser ();

  g_atomic_ref_count_init (&job->ref);
  g_mutex_init (&job->lock);
  g_cond_init (&job->cond);
  job->owner = self;
  job->view = self->view;
  job->doc = doc != NULL ? g_object_ref (doc) : NULL;
  job->render = render;
  job->width = gtk_widget_get_width (GTK_WIDGET (self));
  job->height = gtk_widget_get_height (GTK_WIDGET (self));
  job->scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  job->layers = self->layers;
  job->dark = is_dark ();
  self->job = job;

  /* No source object: the view must stay free to be finalized; dispose waits for the job. */
  task = g_task_new (NULL, NULL, job_done_cb, job_ref (job));
  g_task_set_task_data (task, job_ref (job), job_unref);
  g_task_run_in_thread (task, job_thread);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static TalusAnatomyDocument *get_document (TalusAnatomyView *self);

static void
first_frame_painted_cb (GdkFrameClock    *clock,
                        TalusAnatomyView *self)
{
  g_clear_signal_handler (&self->after_paint_id, clock);

  /* Rendered in the background for the size, layers and theme of now; if they changed since,
   * finish_job() drops the texture and the next frame renders it as usual. */
  if (self->job == NULL && self->base.texture == NULL)
    start_job (self, get_document (self), TRUE);
}

/* The document of the current view, loaded if needed; waits for a job in flight. */
static TalusAnatomyDocument *
get_document (TalusAnatomyView *self)
{
  g_autoptr (GError) error = NULL;

  finish_job (self);

  if (self->docs[self->view] != NULL || self->load_failed[self->view])
    return self->docs[self->view];

  self->docs[self->view] = talus_anatomy_document_new_for_view (self->view, &error);
  if (self->docs[self->view] == NULL)
    {
      report_load_error (self->view, error);
      self->load_failed[self->view] = TRUE;
    }

  return self->docs[self->view];
}

/* For the document's size and fit alone, which never change: does not wait for a job that is
 * rendering the document, only for one that is still loading it. */
static TalusAnatomyDocument *
get_document_for_size (TalusAnatomyView *self)
{
  if (self->docs[self->view] != NULL)
    return self->docs[self->view];

  return get_document (self);
}

static gboolean
get_layout (TalusAnatomyView *self,
            Layout           *layout)
{
  TalusAnatomyDocument *doc = get_document_for_size (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int sf = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double fit, dw, dh;

  if (doc == NULL || width <= 2 * MARGIN || height <= 2 * MARGIN)
    return FALSE;

  talus_anatomy_document_get_size (doc, &dw, &dh);
  talus_anatomy_document_get_fit (doc, width - 2 * MARGIN, height - 2 * MARGIN, &fit, NULL, NULL);
  if (fit <= 0)
    return FALSE;

  layout->s = fit * self->zoom;
  /* Whole device pixels, so a texture rendered at device resolution maps 1:1. */
  layout->x0 = round (((width - dw * layout->s) / 2.0 + self->pan_x) * sf) / sf;
  layout->y0 = round (((height - dh * layout->s) / 2.0 + self->pan_y) * sf) / sf;

  return TRUE;
}

static void
clamp_pan (TalusAnatomyView *self)
{
  TalusAnatomyDocument *doc = get_document_for_size (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double fit, dw, dh, limit;

  /* Nothing to clamp (and no need to wait for a drawing still loading). */
  if (self->pan_x == 0 && self->pan_y == 0)
    return;

  if (doc == NULL || width <= 2 * MARGIN || height <= 2 * MARGIN)
    {
      self->pan_x = self->pan_y = 0;
      return;
    }

  talus_anatomy_document_get_size (doc, &dw, &dh);
  talus_anatomy_document_get_fit (doc, width - 2 * MARGIN, height - 2 * MARGIN, &fit, NULL, NULL);

  limit = MAX (0, (dw * fit * self->zoom - width) / 2.0 + MARGIN);
  self->pan_x = CLAMP (self->pan_x, -limit, limit);
  limit = MAX (0, (dh * fit * self->zoom - height) / 2.0 + MARGIN);
  self->pan_y = CLAMP (self->pan_y, -limit, limit);
}

static gboolean
widget_to_document (TalusAnatomyView *self,
                    double            x,
                    double            y,
                    double           *dx,
                    double           *dy)
{
  Layout layout;

  if (!get_layout (self, &layout))
    return FALSE;

  *dx = (x - layout.x0) / layout.s;
  *dy = (y - layout.y0) / layout.s;
  return TRUE;
}

static TalusEntry *
lookup_entry (TalusAnatomyView *self,
              const char       *id)
{
  if (self->kb == NULL || id == NULL)
    return NULL;

  return talus_knowledge_base_lookup (self->kb, id);
}

static const char *
display_name (TalusAnatomyView *self,
              const char       *id)
{
  TalusEntry *entry = lookup_entry (self, id);

  if (entry != NULL)
    return talus_entry_get_display_name (entry, TALUS_AUDIENCE_CLINICIAN);

  return id;
}

/* The stable keyboard order: regions, then the visible structures, each in document order. */
static GPtrArray *
focus_chain (TalusAnatomyView *self)
{
  TalusAnatomyDocument *doc = get_document (self);
  GPtrArray *chain = g_ptr_array_new ();
  const char * const *ids;

  if (doc == NULL)
    return chain;

  ids = talus_anatomy_document_get_region_ids (doc);
  for (guint i = 0; ids[i] != NULL; i++)
    if (talus_anatomy_document_get_bounds (doc, ids[i], NULL, NULL, NULL, NULL))
      g_ptr_array_add (chain, (gpointer) ids[i]);

  ids = talus_anatomy_document_get_structure_ids (doc);
  for (guint i = 0; ids[i] != NULL; i++)
    if (talus_anatomy_document_is_visible (doc, ids[i], self->layers) &&
        talus_anatomy_document_get_bounds (doc, ids[i], NULL, NULL, NULL, NULL))
      g_ptr_array_add (chain, (gpointer) ids[i]);

  return chain;
}

static void
update_accessible (TalusAnatomyView *self)
{
  g_autofree char *label = NULL;
  const char *description = NULL;

  if (self->focus_id != NULL)
    {
      TalusEntry *entry = lookup_entry (self, self->focus_id);
      TalusAnatomyDocument *doc = get_document (self);
      gboolean region = doc != NULL && talus_anatomy_document_is_region (doc, self->focus_id);

      if (region)
        /* Translators: "<view> view: <region name> region", e.g. "Lateral view: Midfoot region" */
        label = g_strdup_printf (_("%s view: %s region"), talus_view_kind_to_label (self->view),
                                 display_name (self, self->focus_id));
      else
        /* Translators: "<view> view: <structure name>", e.g. "Lateral view: Talus" */
        label = g_strdup_printf (_("%s view: %s"), talus_view_kind_to_label (self->view),
                                 display_name (self, self->focus_id));
      if (entry != NULL)
        description = talus_entry_get_display_summary (entry, TALUS_AUDIENCE_CLINICIAN);
    }
  else
    {
      /* Translators: "Lateral view of the right ankle and foot" */
      label = g_strdup_printf (_("%s view of the right ankle and foot"),
                               talus_view_kind_to_label (self->view));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
}

static void
set_focus_id (TalusAnatomyView *self,
              const char       *id)
{
  if (g_strcmp0 (self->focus_id, id) == 0)
    return;

  g_free (self->focus_id);
  self->focus_id = g_strdup (id);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Moving between items with the keyboard shows the focus ring until the pointer is used. The
 * window's :focus-visible is not enough: GTK drops it shortly after keys the widget's own
 * bindings handle. */
static void
set_focus_id_from_keyboard (TalusAnatomyView *self,
                            const char       *id)
{
  self->keyboard_mode = id != NULL;
  set_focus_id (self, id);
}

static void
set_hover_id (TalusAnatomyView *self,
              const char       *id)
{
  if (g_strcmp0 (self->hover_id, id) == 0)
    return;

  g_free (self->hover_id);
  self->hover_id = g_strdup (id);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), id != NULL ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The region a structure selects. With the knowledge base, the structure's own regions win: the
 * region clicked (@point_region) if it is one of them, else the first of them drawn in this view,
 * else the first of them. Without it, the drawing decides: the region clicked, else the region
 * under the centre of the structure's bounds. */
static const char *
region_for_structure (TalusAnatomyView *self,
                      const char       *id,
                      const char       *point_region)
{
  TalusAnatomyDocument *doc = get_document (self);
  TalusEntry *entry = lookup_entry (self, id);
  double x, y, w, h;

  if (entry != NULL && TALUS_IS_STRUCTURE (entry))
    {
      GListModel *regions = talus_structure_get_regions (TALUS_STRUCTURE (entry));
      const char *first = NULL, *first_drawn = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
        {
          g_autoptr (TalusEntry) region = g_list_model_get_item (regions, i);
          /* Owned by the entry, which the knowledge base keeps alive. */
          const char *region_id = talus_entry_get_id (region);

          if (g_strcmp0 (region_id, point_region) == 0)
            return region_id;
          if (first_drawn == NULL && doc != NULL &&
              talus_anatomy_document_is_region (doc, region_id))
            first_drawn = region_id;
          if (first == NULL)
            first = region_id;
        }

      if (first_drawn != NULL || first != NULL)
        return first_drawn != NULL ? first_drawn : first;
    }

  if (point_region != NULL)
    return point_region;

  if (doc != NULL && talus_anatomy_document_get_bounds (doc, id, &x, &y, &w, &h))
    {
      const char *region = NULL;

      if (talus_anatomy_document_hit_test (doc, x + w / 2, y + h / 2, self->layers, NULL,
                                           &region))
        return region;
    }

  return NULL;
}

static void
set_selection (TalusAnatomyView *self,
               const char       *structure,
               const char       *region)
{
  gboolean changed = FALSE;

  g_object_freeze_notify (G_OBJECT (self));

  if (g_strcmp0 (self->selected_structure, structure) != 0)
    {
      char *old = self->selected_structure;

      self->selected_structure = g_strdup (structure);
      g_free (old);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_STRUCTURE]);
      changed = TRUE;
    }

  if (g_strcmp0 (self->selected_region, region) != 0)
    {
      char *old = self->selected_region;

      self->selected_region = g_strdup (region);
      g_free (old);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
      changed = TRUE;
    }

  g_object_thaw_notify (G_OBJECT (self));

  if (changed)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
    }
}

static void
invalidate_textures (TalusAnatomyView *self)
{
  cache_clear (&self->base);
  cache_clear (&self->detail);
  g_clear_handle_id (&self->detail_id, g_source_remove);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_zoom_at (TalusAnatomyView *self,
             double            zoom,
             double            x,
             double            y)
{
  Layout before, after;
  double dx = 0, dy = 0;
  gboolean anchored;

  zoom = CLAMP (zoom, 1.0, TALUS_ANATOMY_VIEW_MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  /* Keep the document point under (x, y) where it is. */
  anchored = get_layout (self, &before);
  if (anchored)
    {
      dx = (x - before.x0) / before.s;
      dy = (y - before.y0) / before.s;
    }

  self->zoom = zoom;
  if (zoom == 1.0)
    {
      self->pan_x = self->pan_y = 0;
    }
  else if (anchored && get_layout (self, &after))
    {
      self->pan_x += x - (after.x0 + dx * after.s);
      self->pan_y += y - (after.y0 + dy * after.s);
    }
  clamp_pan (self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
zoom_by (TalusAnatomyView *self,
         double            factor)
{
  set_zoom_at (self, self->zoom * factor, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

static void
pan_by (TalusAnatomyView *self,
        double            dx,
        double            dy)
{
  self->pan_x += dx;
  self->pan_y += dy;
  clamp_pan (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Structure (or else region) under a widget point; the second id is the region there. */
static const char *
hit_at (TalusAnatomyView  *self,
        double             x,
        double             y,
        const char       **region)
{
  TalusAnatomyDocument *doc = get_document (self);
  const char *structure = NULL, *hit_region = NULL;
  double dx, dy;

  if (region != NULL)
    *region = NULL;

  if (doc == NULL || !widget_to_document (self, x, y, &dx, &dy))
    return NULL;

  talus_anatomy_document_hit_test (doc, dx, dy, self->layers, &structure, &hit_region);
  if (region != NULL)
    *region = hit_region;

  return structure != NULL ? structure : hit_region;
}

static void
select_at (TalusAnatomyView *self,
           double            x,
           double            y)
{
  const char *region = NULL;
  const char *id = hit_at (self, x, y, &region);

  if (id == NULL)
    set_selection (self, NULL, NULL);
  else if (id == region)
    set_selection (self, NULL, region);
  else
    set_selection (self, id, region_for_structure (self, id, region));
}

static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  g_autoptr (GBytes) bytes = NULL;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));

  /* GDK_MEMORY_DEFAULT is cairo's ARGB32 layout. */
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

/* Renders @area (document coordinates) of @doc at @s widget pixels per unit and @sf device
 * pixels per widget pixel; @covered receives the area actually covered. No GTK: also runs in a
 * job's thread. NULL with @error unset when there is nothing to draw. */
static cairo_surface_t *
render_surface (TalusAnatomyDocument  *doc,
                const graphene_rect_t *area,
                double                 s,
                int                    sf,
                TalusLayers            layers,
                gboolean               dark,
                graphene_rect_t       *covered,
                GError               **error)
{
  double k = s * sf, dw, dh, ox, oy;
  int pw, ph;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  if (doc == NULL || area->size.width <= 0 || area->size.height <= 0)
    return NULL;

  /* Start on a whole pixel of the full-size render, so the texture lands on device pixels. */
  ox = floor (area->origin.x * k) / k;
  oy = floor (area->origin.y * k) / k;
  pw = (int) ceil ((area->size.width + area->origin.x - ox) * k);
  ph = (int) ceil ((area->size.height + area->origin.y - oy) * k);
  /* Beyond the cap, the texture is stretched (the detail texture never gets there). */
  if (pw > TALUS_ANATOMY_MAX_SURFACE_SIZE || ph > TALUS_ANATOMY_MAX_SURFACE_SIZE)
    {
      double shrink = (double) TALUS_ANATOMY_MAX_SURFACE_SIZE / MAX (pw, ph);

      k *= shrink;
      ox = area->origin.x;
      oy = area->origin.y;
      pw = MIN ((int) ceil (area->size.width * k), TALUS_ANATOMY_MAX_SURFACE_SIZE);
      ph = MIN ((int) ceil (area->size.height * k), TALUS_ANATOMY_MAX_SURFACE_SIZE);
    }
  if (pw < 1 || ph < 1)
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  talus_anatomy_document_get_size (doc, &dw, &dh);
  cr = cairo_create (surface);
  cairo_translate (cr, -ox * k, -oy * k);
  ok = talus_anatomy_document_render (doc, cr, dw * k, dh * k, layers, NULL, NULL, error);
  if (ok && dark)
    {
      /* Tone the ivory and white down for a dark room, keeping transparency. */
      cairo_identity_matrix (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_ATOP);
      cairo_set_source_rgba (cr, 0.08, 0.07, 0.06, 0.16);
      cairo_paint (cr);
    }
  cairo_destroy (cr);

  if (!ok)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  /* The area actually covered, after rounding up to whole pixels. */
  graphene_rect_init (covered, ox, oy, pw / k, ph / k);
  return surface;
}

/* Renders @area (document coordinates) at @s widget pixels per unit into @cache. */
static gboolean
render_cache (TalusAnatomyView      *self,
              Cache                 *cache,
              const graphene_rect_t *area,
              double                 s,
              gboolean               dark)
{
  TalusAnatomyDocument *doc = get_document (self);
  g_autoptr (GError) error = NULL;
  int sf = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_surface_t *surface;

  cache_clear (cache);
  surface = render_surface (doc, area, s, sf, self->layers, dark, &cache->area, &error);
  if (surface == NULL)
    {
      if (error != NULL)
        g_warning ("Cannot render the %s drawing: %s", talus_view_kind_to_nick (self->view),
                   error->message);
      return FALSE;
    }

  cache->texture = texture_for_surface (surface);
  cairo_surface_destroy (surface);
  cache->s = s;
  cache->width = gtk_widget_get_width (GTK_WIDGET (self));
  cache->height = gtk_widget_get_height (GTK_WIDGET (self));
  cache->scale_factor = sf;
  cache->layers = self->layers;
  cache->dark = dark;

  return TRUE;
}

static gboolean
cache_matches_content (TalusAnatomyView *self,
                       const Cache      *cache,
                       gboolean          dark)
{
  return cache->texture != NULL && cache->layers == self->layers && cache->dark == dark &&
         cache->scale_factor == gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

/* The visible part of the document, slightly enlarged so small pans stay sharp. */
static gboolean
visible_area (TalusAnatomyView *self,
              const Layout     *layout,
              graphene_rect_t  *area)
{
  TalusAnatomyDocument *doc = get_document (self);
  graphene_rect_t visible, document;
  double dw, dh, pad;

  talus_anatomy_document_get_size (doc, &dw, &dh);
  graphene_rect_init (&document, 0, 0, dw, dh);
  pad = 64.0 / layout->s;
  graphene_rect_init (&visible, -layout->x0 / layout->s - pad, -layout->y0 / layout->s - pad,
                      gtk_widget_get_width (GTK_WIDGET (self)) / layout->s + 2 * pad,
                      gtk_widget_get_height (GTK_WIDGET (self)) / layout->s + 2 * pad);

  return graphene_rect_intersection (&visible, &document, area);
}

static gboolean
detail_is_current (TalusAnatomyView *self,
                   const Layout     *layout,
                   gboolean          dark)
{
  graphene_rect_t area;

  if (!cache_matches_content (self, &self->detail, dark) ||
      fabs (self->detail.s - layout->s) > 1e-9)
    return FALSE;

  if (!visible_area (self, layout, &area))
    return FALSE;

  /* graphene is single precision: allow a unit of slack, or this never settles. */
  return self->detail.area.origin.x <= area.origin.x + 1 &&
         self->detail.area.origin.y <= area.origin.y + 1 &&
         self->detail.area.origin.x + self->detail.area.size.width + 1 >=
           area.origin.x + area.size.width &&
         self->detail.area.origin.y + self->detail.area.size.height + 1 >=
           area.origin.y + area.size.height;
}

static gboolean
render_detail_cb (gpointer user_data)
{
  TalusAnatomyView *self = user_data;
  gboolean dark = is_dark ();
  graphene_rect_t area;
  Layout layout;

  self->detail_id = 0;

  if (self->zoom > 1.0 && get_layout (self, &layout) && !detail_is_current (self, &layout, dark) &&
      visible_area (self, &layout, &area))
    {
      gint64 start = g_get_monotonic_time ();

      render_cache (self, &self->detail, &area, layout.s, dark);
      g_debug ("detail %.0f×%.0f at %.2f in %.0f ms", area.size.width, area.size.height,
               layout.s, (g_get_monotonic_time () - start) / 1000.0);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  return G_SOURCE_REMOVE;
}

static void
append_texture (GtkSnapshot  *snapshot,
                const Cache  *cache,
                const Layout *layout)
{
  graphene_rect_t bounds;

  graphene_rect_init (&bounds, layout->x0 + cache->area.origin.x * layout->s,
                      layout->y0 + cache->area.origin.y * layout->s,
                      cache->area.size.width * layout->s, cache->area.size.height * layout->s);
  gtk_snapshot_append_texture (snapshot, cache->texture, &bounds);
}

/* The structures of @region_id drawn in this view, without palpation points and without parts
 * that run far beyond the region (a whole leg bone), or NULL. */
static GStrv
region_structure_ids (TalusAnatomyView *self,
                      const char       *region_id)
{
  TalusAnatomyDocument *doc = get_document (self);
  g_autoptr(GStrvBuilder) builder = NULL;
  TalusRegion *region;
  GListModel *structures;
  double dw, dh;
  guint n, added = 0;

  if (self->kb == NULL || doc == NULL ||
      !(region = talus_knowledge_base_lookup_region (self->kb, region_id)))
    return NULL;

  talus_anatomy_document_get_size (doc, &dw, &dh);
  builder = g_strv_builder_new ();
  structures = talus_region_get_structures (region);
  n = g_list_model_get_n_items (structures);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusStructure) structure = g_list_model_get_item (structures, i);
      const char *id = talus_entry_get_id (TALUS_ENTRY (structure));
      double x, y, w, h;

      if (talus_structure_get_kind (structure) == TALUS_STRUCTURE_LANDMARK ||
          !talus_anatomy_document_has_id (doc, id) ||
          !talus_anatomy_document_get_bounds (doc, id, &x, &y, &w, &h) ||
          h > dh * 0.45 || w > dw * 0.45)
        continue;

      g_strv_builder_add (builder, id);
      added++;
    }

  return added > 0 ? g_strv_builder_end (builder) : NULL;
}

/* region_structure_ids() for the selected region, computed once per region and view rather
 * than on every frame (hover redraws often). */
static const char * const *
cached_region_parts (TalusAnatomyView *self)
{
  g_autofree char *key = g_strdup_printf ("%s/%d/%p", self->selected_region, (int) self->view,
                                          (gpointer) self->kb);

  if (g_strcmp0 (key, self->region_parts_key) != 0)
    {
      g_clear_pointer (&self->region_parts, g_strfreev);
      self->region_parts = region_structure_ids (self, self->selected_region);
      g_free (self->region_parts_key);
      self->region_parts_key = g_steal_pointer (&key);
    }

  return (const char * const *) self->region_parts;
}

/* Tints @ids through their own shapes, in a cairo node limited to their bounds. */
static void
append_tint (TalusAnatomyView   *self,
             GtkSnapshot        *snapshot,
             const Layout       *layout,
             const char * const *ids,
             const double       *rgba)
{
  TalusAnatomyDocument *doc;
  graphene_rect_t bounds, widget;
  gboolean any = FALSE;
  double dw, dh;
  cairo_t *cr;

  /* Before get_document(): nothing to tint need not wait for a job rendering the drawing. */
  if (ids == NULL || ids[0] == NULL)
    return;

  doc = get_document (self);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      double x, y, w, h;
      graphene_rect_t r;

      if (!talus_anatomy_document_is_visible (doc, ids[i], self->layers) ||
          !talus_anatomy_document_get_bounds (doc, ids[i], &x, &y, &w, &h))
        continue;

      graphene_rect_init (&r, layout->x0 + x * layout->s - 2, layout->y0 + y * layout->s - 2,
                          w * layout->s + 4, h * layout->s + 4);
      if (any)
        graphene_rect_union (&bounds, &r, &bounds);
      else
        bounds = r;
      any = TRUE;
    }

  graphene_rect_init (&widget, 0, 0, gtk_widget_get_width (GTK_WIDGET (self)),
                      gtk_widget_get_height (GTK_WIDGET (self)));
  if (!any || !graphene_rect_intersection (&bounds, &widget, &bounds))
    return;

  talus_anatomy_document_get_size (doc, &dw, &dh);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_translate (cr, layout->x0, layout->y0);
  talus_anatomy_document_render_highlight (doc, cr, dw * layout->s, dh * layout->s, ids, rgba,
                                           NULL);
  cairo_destroy (cr);
}

static void
append_focus_ring (TalusAnatomyView *self,
                   GtkSnapshot      *snapshot,
                   const Layout     *layout)
{
  TalusAnatomyDocument *doc = get_document (self);
  GskRoundedRect outline;
  graphene_rect_t r;
  double x, y, w, h;
  const GdkRGBA accent = { 0.21, 0.52, 0.89, 1.0 };
  const GdkRGBA halo = { 1, 1, 1, 0.9 };

  if (!talus_anatomy_document_get_bounds (doc, self->focus_id, &x, &y, &w, &h))
    return;

  graphene_rect_init (&r, layout->x0 + x * layout->s - 5, layout->y0 + y * layout->s - 5,
                      w * layout->s + 10, h * layout->s + 10);
  gsk_rounded_rect_init_from_rect (&outline, &r, 6);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 4, 4, 4, 4 },
                              (GdkRGBA[4]) { halo, halo, halo, halo });
  gsk_rounded_rect_shrink (&outline, 1, 1, 1, 1);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 2, 2, 2, 2 },
                              (GdkRGBA[4]) { accent, accent, accent, accent });
}

static void
snapshot_message (TalusAnatomyView *self,
                  GtkSnapshot      *snapshot,
                  const char       *message)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), message);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (
                            (gtk_widget_get_width (GTK_WIDGET (self)) - width) / 2.0,
                            (gtk_widget_get_height (GTK_WIDGET (self)) - height) / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &(GdkRGBA) { 0.5, 0.5, 0.5, 1 });
  gtk_snapshot_restore (snapshot);
}

static gboolean
show_focus_ring (TalusAnatomyView *self)
{
  return self->focus_id != NULL && gtk_widget_has_focus (GTK_WIDGET (self)) &&
         (self->keyboard_mode || gtk_widget_has_visible_focus (GTK_WIDGET (self)));
}

static void
talus_anatomy_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  TalusAnatomyView *self = TALUS_ANATOMY_VIEW (widget);
  /* The size alone: a job rendering the first texture keeps the document meanwhile. */
  TalusAnatomyDocument *doc = get_document_for_size (self);
  gboolean dark = is_dark ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRoundedRect card;
  graphene_rect_t card_rect;
  gboolean detail_current;
  Layout layout;
  double dw, dh;

  if (doc == NULL)
    {
      snapshot_message (self, snapshot, _("The drawing could not be loaded"));
      return;
    }

  if (!get_layout (self, &layout))
    return;

  talus_anatomy_document_get_size (doc, &dw, &dh);

  /* The base texture follows the widget size; re-render it when the content or the size
   * changed (a new size means a new fit). The very first one is rendered in the background
   * while this frame shows the plain card; a job in flight brings its texture when done. */
  if (self->job == NULL && !self->first_render && self->base.texture == NULL &&
      gtk_widget_get_frame_clock (widget) != NULL)
    {
      /* After this frame is rendered: the GL renderer (llvmpipe) wants every core for it. */
      self->first_render = TRUE;
      self->after_paint_id = g_signal_connect_object (gtk_widget_get_frame_clock (widget),
                                                      "after-paint",
                                                      G_CALLBACK (first_frame_painted_cb), self,
                                                      0);
    }
  else if (self->job == NULL && self->after_paint_id == 0 &&
           (!cache_matches_content (self, &self->base, dark) || self->base.width != width ||
            self->base.height != height))
    {
      Layout fitted = layout;
      graphene_rect_t all;

      gint64 start = g_get_monotonic_time ();

      self->first_render = TRUE;
      fitted.s = layout.s / self->zoom;
      graphene_rect_init (&all, 0, 0, dw, dh);
      render_cache (self, &self->base, &all, fitted.s, dark);
      g_debug ("base %d×%d at %.2f in %.0f ms", width, height, fitted.s,
               (g_get_monotonic_time () - start) / 1000.0);
      if (!cache_matches_content (self, &self->detail, dark))
        cache_clear (&self->detail);
    }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The drawing lies on a card: a printed plate in light mode, warm paper in dark mode, where
   * bones and tendons drawn for white paper would otherwise float on a dark background. */
  graphene_rect_init (&card_rect, layout.x0, layout.y0, dw * layout.s, dh * layout.s);
  gsk_rounded_rect_init_from_rect (&card, &card_rect, CARD_RADIUS * MIN (self->zoom, 2.0));
  gtk_snapshot_append_outset_shadow (snapshot, &card, &(GdkRGBA) { 0, 0, 0, dark ? 0.5 : 0.12 },
                                     0, 1, 0, 4);
  gtk_snapshot_push_rounded_clip (snapshot, &card);
  gtk_snapshot_append_color (snapshot,
                             dark ? &(GdkRGBA) { 0.86, 0.84, 0.80, 1 }
                                  : &(GdkRGBA) { 1, 1, 1, 1 },
                             &card_rect);

  /* The stretched base shows only while the detail is being brought up to date: under a
   * current detail its blurred antialiasing would halo the sharp edges. */
  detail_current = self->zoom > 1.0 && detail_is_current (self, &layout, dark);
  if (self->base.texture != NULL && !detail_current)
    append_texture (snapshot, &self->base, &layout);

  if (self->zoom > 1.0)
    {
      if (cache_matches_content (self, &self->detail, dark))
        append_texture (snapshot, &self->detail, &layout);
      if (!detail_current && self->detail_id == 0)
        self->detail_id = g_timeout_add (DETAIL_DELAY_MS, render_detail_cb, self);
    }

  append_tint (self, snapshot, &layout, (const char * const *) self->highlight, highlight_rgba);
  {
    const char *selection[3] = { NULL, NULL, NULL };
    guint n = 0;

    const char * const *region_parts = NULL;

    /* A region reads best as its own structures lit up; the hit shape itself is a rough
     * polygon, used only when there is no knowledge base to say what the region holds. */
    if (self->selected_region != NULL &&
        !(region_parts = cached_region_parts (self)))
      selection[n++] = self->selected_region;
    if (self->selected_structure != NULL)
      selection[n++] = self->selected_structure;
    if (region_parts != NULL)
      append_tint (self, snapshot, &layout, region_parts, region_rgba);
    append_tint (self, snapshot, &layout, selection, selection_rgba);
  }
  if (self->hover_id != NULL && g_strcmp0 (self->hover_id, self->selected_structure) != 0)
    append_tint (self, snapshot, &layout, (const char *[]) { self->hover_id, NULL }, hover_rgba);

  if (self->focus_id != NULL && show_focus_ring (self))
    {
      /* Tints add up to mud: no focus tint over the hover or the selection. */
      if (g_strcmp0 (self->focus_id, self->hover_id) != 0 &&
          g_strcmp0 (self->focus_id, self->selected_structure) != 0 &&
          g_strcmp0 (self->focus_id, self->selected_region) != 0)
        append_tint (self, snapshot, &layout, (const char *[]) { self->focus_id, NULL },
                     focus_rgba);
    }

  gtk_snapshot_pop (snapshot);

  if (self->focus_id != NULL && show_focus_ring (self))
    append_focus_ring (self, snapshot, &layout);

  gtk_snapshot_pop (snapshot);
}

static void
talus_anatomy_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 720 : 480;
}

static void
talus_anatomy_view_root (GtkWidget *widget)
{
  TalusAnatomyView *self = TALUS_ANATOMY_VIEW (widget);

  GTK_WIDGET_CLASS (talus_anatomy_view_parent_class)->root (widget);

  /* In a window now: load the drawing on another core while GTK builds, styles, measures and
   * maps the window; the first snapshot waits for it only if it is not done by then. */
  if (self->job == NULL && self->docs[self->view] == NULL && !self->load_failed[self->view])
    start_job (self, NULL, FALSE);
}

static void
talus_anatomy_view_unrealize (GtkWidget *widget)
{
  TalusAnatomyView *self = TALUS_ANATOMY_VIEW (widget);

  /* The frame clock goes with the surface: render on the next snapshot instead. */
  if (self->after_paint_id != 0)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

      if (clock != NULL)
        g_signal_handler_disconnect (clock, self->after_paint_id);
      self->after_paint_id = 0;
      self->first_render = FALSE;
    }

  GTK_WIDGET_CLASS (talus_anatomy_view_parent_class)->unrealize (widget);
}

static void
talus_anatomy_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  TalusAnatomyView *self = TALUS_ANATOMY_VIEW (widget);

  clamp_pan (self);
}

static gboolean
talus_anatomy_view_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  TalusAnatomyView *self = TALUS_ANATOMY_VIEW (widget);
  g_autoptr (GPtrArray) chain = focus_chain (self);
  gboolean forward = direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_DOWN ||
                     direction == GTK_DIR_RIGHT;
  guint index;

  if (chain->len == 0)
    {
      if (gtk_widget_has_focus (widget))
        return FALSE;
      return gtk_widget_grab_focus (widget);
    }

  if (!gtk_widget_has_focus (widget))
    {
      /* Entering: start at the end we come from. */
      set_focus_id_from_keyboard (self, g_ptr_array_index (chain, forward ? 0 : chain->len - 1));
      return gtk_widget_grab_focus (widget);
    }

  if (self->focus_id == NULL ||
      !g_ptr_array_find_with_equal_func (chain, self->focus_id, g_str_equal, &index))
    {
      set_focus_id_from_keyboard (self, g_ptr_array_index (chain, forward ? 0 : chain->len - 1));
      return TRUE;
    }

  if ((forward && index + 1 >= chain->len) || (!forward && index == 0))
    {
      /* Leaving at either end of the chain. */
      set_focus_id (self, NULL);
      return FALSE;
    }

  set_focus_id_from_keyboard (self, g_ptr_array_index (chain, forward ? index + 1 : index - 1));
  return TRUE;
}

static void
move_focus (TalusAnatomyView *self,
            int               delta)
{
  g_autoptr (GPtrArray) chain = focus_chain (self);
  guint index;

  if (chain->len == 0)
    return;

  if (self->focus_id == NULL ||
      !g_ptr_array_find_with_equal_func (chain, self->focus_id, g_str_equal, &index))
    index = delta > 0 ? chain->len - 1 : 0;

  /* Arrow keys wrap around, unlike Tab, which leaves the widget at the ends. */
  index = (index + chain->len + (delta > 0 ? 1 : chain->len - 1)) % chain->len;
  set_focus_id_from_keyboard (self, g_ptr_array_index (chain, index));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  zoom_by (TALUS_ANATOMY_VIEW (widget), ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  zoom_by (TALUS_ANATOMY_VIEW (widget), 1.0 / ZOOM_STEP);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  talus_anatomy_view_set_zoom (TALUS_ANATOMY_VIEW (widget), 1.0);
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  double fx, fy;

  g_variant_get (parameter, "(dd)", &fx, &fy);
  pan_by (TALUS_ANATOMY_VIEW (widget), -fx * gtk_widget_get_width (widget),
          -fy * gtk_widget_get_height (widget));
}

static void
focus_next_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_focus (TALUS_ANATOMY_VIEW (widget), 1);
}

static void
focus_previous_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  move_focus (TALUS_ANATOMY_VIEW (widget), -1);
}

static void
activate_focus_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TalusAnatomyView *self = TALUS_ANATOMY_VIEW (widget);

  if (self->focus_id != NULL)
    talus_anatomy_view_select (self, self->focus_id);
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  talus_anatomy_view_select (TALUS_ANATOMY_VIEW (widget), NULL);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TalusAnatomyView         *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  if (!self->dragging)
    set_hover_id (self, hit_at (self, x, y, NULL));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          TalusAnatomyView         *self)
{
  set_hover_id (self, NULL);
}

static void
drag_begin_cb (GtkGestureDrag   *gesture,
               double            x,
               double            y,
               TalusAnatomyView *self)
{
  self->drag_pan_x = self->pan_x;
  self->drag_pan_y = self->pan_y;
  self->dragging = FALSE;
}

static void
drag_update_cb (GtkGestureDrag   *gesture,
                double            dx,
                double            dy,
                TalusAnatomyView *self)
{
  if (!self->dragging && hypot (dx, dy) < CLICK_SLOP)
    return;

  if (self->zoom <= 1.0)
    return;

  if (!self->dragging)
    {
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  self->pan_x = self->drag_pan_x + dx;
  self->pan_y = self->drag_pan_y + dy;
  clamp_pan (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (GtkGestureDrag   *gesture,
             double            dx,
             double            dy,
             TalusAnatomyView *self)
{
  double x, y;

  if (self->dragging)
    {
      self->dragging = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                       self->hover_id != NULL ? "pointer" : NULL);
      return;
    }

  /* A press that did not move is a click or a tap. */
  if (hypot (dx, dy) >= CLICK_SLOP || !gtk_gesture_drag_get_start_point (gesture, &x, &y))
    return;

  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  self->keyboard_mode = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  select_at (self, x + dx, y + dy);
}

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                TalusAnatomyView *self)
{
  self->pinch_zoom = self->zoom;
}

static void
pinch_scale_changed_cb (GtkGestureZoom   *gesture,
                        double            scale,
                        TalusAnatomyView *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  set_zoom_at (self, self->pinch_zoom * scale, x, y);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           TalusAnatomyView         *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (state & GDK_CONTROL_MASK)
    {
      /* Zoom about the pointer, which the motion controller last saw. */
      set_zoom_at (self, self->zoom * pow (ZOOM_STEP, -dy), self->pointer_x, self->pointer_y);
      return TRUE;
    }

  if (self->zoom > 1.0)
    {
      pan_by (self, -dx * 40, -dy * 40);
      return TRUE;
    }

  return FALSE;
}

static gboolean
query_tooltip_cb (GtkWidget        *widget,
                  int               x,
                  int               y,
                  gboolean          keyboard_mode,
                  GtkTooltip       *tooltip,
                  TalusAnatomyView *self)
{
  TalusAnatomyDocument *doc = get_document (self);
  g_autofree char *markup = NULL;
  const char *region = NULL;
  const char *id;
  double bx, by, bw, bh;
  Layout layout;

  if (keyboard_mode)
    id = self->focus_id;
  else
    id = hit_at (self, x, y, &region);

  if (id == NULL || doc == NULL)
    return FALSE;

  /* The region a click here would select with the structure. */
  if (talus_anatomy_document_is_region (doc, id))
    region = NULL;
  else
    region = region_for_structure (self, id, region);
  if (region != NULL)
    markup = g_markup_printf_escaped ("<b>%s</b>\n%s", display_name (self, id),
                                      display_name (self, region));
  else
    markup = g_markup_printf_escaped ("<b>%s</b>", display_name (self, id));
  gtk_tooltip_set_markup (tooltip, markup);

  /* Moving onto another item asks again. */
  if (get_layout (self, &layout) && talus_anatomy_document_get_bounds (doc, id, &bx, &by, &bw, &bh))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                                (int) floor (layout.x0 + bx * layout.s),
                                (int) floor (layout.y0 + by * layout.s),
                                (int) ceil (bw * layout.s), (int) ceil (bh * layout.s) });

  return TRUE;
}

static void
dark_changed_cb (TalusAnatomyView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
scale_factor_changed_cb (TalusAnatomyView *self)
{
  invalidate_textures (self);
}

static void
focus_changed_cb (TalusAnatomyView *self)
{
  /* The keyboard item belongs to the focus: Tab back in starts again at an end. */
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    set_focus_id (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
talus_anatomy_view_dispose (GObject *object)
{
  TalusAnatomyView *self = TALUS_ANATOMY_VIEW (object);

  g_clear_handle_id (&self->detail_id, g_source_remove);
  if (self->job != NULL)
    {
      /* Its worker may still be using a document: let it finish, drop what it made. */
      Job *job = g_steal_pointer (&self->job);

      job->owner = NULL;
      job_wait (job);
      job_unref (job);
    }
  cache_clear (&self->base);
  cache_clear (&self->detail);
  for (guint i = 0; i < TALUS_VIEW_N_KINDS; i++)
    g_clear_object (&self->docs[i]);
  g_clear_object (&self->kb);

  G_OBJECT_CLASS (talus_anatomy_view_parent_class)->dispose (object);
}

static void
talus_anatomy_view_finalize (GObject *object)
{
  TalusAnatomyView *self = TALUS_ANATOMY_VIEW (object);

  g_clear_pointer (&self->selected_structure, g_free);
  g_clear_pointer (&self->selected_region, g_free);
  g_clear_pointer (&self->hover_id, g_free);
  g_clear_pointer (&self->focus_id, g_free);
  g_clear_pointer (&self->highlight, g_strfreev);
  g_clear_pointer (&self->region_parts_key, g_free);
  g_clear_pointer (&self->region_parts, g_strfreev);

  G_OBJECT_CLASS (talus_anatomy_view_parent_class)->finalize (object);
}

static void
talus_anatomy_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TalusAnatomyView *self = TALUS_ANATOMY_VIEW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_enum (value, self->view);
      break;
    case PROP_LAYERS:
      g_value_set_flags (value, self->layers);
      break;
    case PROP_SELECTED_STRUCTURE:
      g_value_set_string (value, self->selected_structure);
      break;
    case PROP_SELECTED_REGION:
      g_value_set_string (value, self->selected_region);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_KNOWLEDGE_BASE:
      g_value_set_object (value, self->kb);
      break;
    case PROP_READY:
      g_value_set_boolean (value, talus_anatomy_view_get_ready (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
talus_anatomy_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TalusAnatomyView *self = TALUS_ANATOMY_VIEW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      talus_anatomy_view_set_view (self, g_value_get_enum (value));
      break;
    case PROP_LAYERS:
      talus_anatomy_view_set_layers (self, g_value_get_flags (value));
      break;
    case PROP_SELECTED_STRUCTURE:
      talus_anatomy_view_set_selected_structure (self, g_value_get_string (value));
      break;
    case PROP_SELECTED_REGION:
      talus_anatomy_view_set_selected_region (self, g_value_get_string (value));
      break;
    case PROP_ZOOM:
      talus_anatomy_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_KNOWLEDGE_BASE:
      talus_anatomy_view_set_knowledge_base (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
talus_anatomy_view_class_init (TalusAnatomyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = talus_anatomy_view_dispose;
  object_class->finalize = talus_anatomy_view_finalize;
  object_class->get_property = talus_anatomy_view_get_property;
  object_class->set_property = talus_anatomy_view_set_property;

  widget_class->snapshot = talus_anatomy_view_snapshot;
  widget_class->measure = talus_anatomy_view_measure;
  widget_class->size_allocate = talus_anatomy_view_size_allocate;
  widget_class->root = talus_anatomy_view_root;
  widget_class->unrealize = talus_anatomy_view_unrealize;
  widget_class->focus = talus_anatomy_view_focus;

  properties[PROP_VIEW] =
    g_param_spec_enum ("view", NULL, NULL, TALUS_TYPE_VIEW_KIND, TALUS_VIEW_LATERAL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYERS] =
    g_param_spec_flags ("layers", NULL, NULL, TALUS_TYPE_LAYERS, TALUS_LAYER_DEFAULT,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_STRUCTURE] =
    g_param_spec_string ("selected-structure", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_REGION] =
    g_param_spec_string ("selected-region", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 1.0, TALUS_ANATOMY_VIEW_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KNOWLEDGE_BASE] =
    g_param_spec_object ("knowledge-base", NULL, NULL, TALUS_TYPE_KNOWLEDGE_BASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* FALSE while the drawing is loaded or first rendered in the background. */
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TalusAnatomyView::selection-changed:
   *
   * The selected structure or region changed; read the properties.
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "anatomy.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "anatomy.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "anatomy.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "anatomy.pan", "(dd)", pan_action);
  gtk_widget_class_install_action (widget_class, "anatomy.focus-next", NULL, focus_next_action);
  gtk_widget_class_install_action (widget_class, "anatomy.focus-previous", NULL,
                                   focus_previous_action);
  gtk_widget_class_install_action (widget_class, "anatomy.activate-focus", NULL,
                                   activate_focus_action);
  gtk_widget_class_install_action (widget_class, "anatomy.clear-selection", NULL,
                                   clear_selection_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "anatomy.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK,
                                       "anatomy.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "anatomy.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "anatomy.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "anatomy.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "anatomy.zoom-out",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "anatomy.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "anatomy.zoom-fit", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "anatomy.focus-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "anatomy.focus-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "anatomy.focus-previous",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "anatomy.focus-previous",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "anatomy.activate-focus",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0,
                                       "anatomy.activate-focus", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "anatomy.activate-focus",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "anatomy.clear-selection",
                                       NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK, "anatomy.pan",
                                       "(dd)", -0.1, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK,
                                       "anatomy.pan", "(dd)", 0.1, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_CONTROL_MASK, "anatomy.pan",
                                       "(dd)", 0.0, -0.1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_CONTROL_MASK, "anatomy.pan",
                                       "(dd)", 0.0, 0.1);

  gtk_widget_class_set_css_name (widget_class, "anatomyview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
talus_anatomy_view_init (TalusAnatomyView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->view = TALUS_VIEW_LATERAL;
  self->layers = TALUS_LAYER_DEFAULT;
  self->zoom = 1.0;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (focus_changed_cb), NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  if (adw_is_initialized ())
    g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                             G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  update_accessible (self);
}

GtkWidget *
talus_anatomy_view_new (void)
{
  return g_object_new (TALUS_TYPE_ANATOMY_VIEW, NULL);
}

TalusViewKind
talus_anatomy_view_get_view (TalusAnatomyView *self)
{
  g_return_val_if_fail (TALUS_IS_ANATOMY_VIEW (self), TALUS_VIEW_LATERAL);

  return self->view;
}

void
talus_anatomy_view_set_view (TalusAnatomyView *self,
                             TalusViewKind     view)
{
  g_return_if_fail (TALUS_IS_ANATOMY_VIEW (self));
  g_return_if_fail ((guint) view < TALUS_VIEW_N_KINDS);

  if (self->view == view)
    return;

  self->view = view;
  g_clear_pointer (&self->hover_id, g_free);
  g_clear_pointer (&self->focus_id, g_free);
  self->pan_x = self->pan_y = 0;
  if (self->zoom != 1.0)
    {
      self->zoom = 1.0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  invalidate_textures (self);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

TalusLayers
talus_anatomy_view_get_layers (TalusAnatomyView *self)
{
  g_return_val_if_fail (TALUS_IS_ANATOMY_VIEW (self), 0);

  return self->layers;
}

void
talus_anatomy_view_set_layers (TalusAnatomyView *self,
                               TalusLayers       layers)
{
  g_return_if_fail (TALUS_IS_ANATOMY_VIEW (self));

  layers &= TALUS_LAYER_ALL;
  if (self->layers == layers)
    return;

  self->layers = layers;
  /* Hidden structures can no longer be hovered or focused. */
  if (get_document (self) != NULL)
    {
      if (!talus_anatomy_document_is_visible (get_document (self), self->hover_id, layers))
        set_hover_id (self, NULL);
      if (!talus_anatomy_document_is_visible (get_document (self), self->focus_id, layers))
        set_focus_id (self, NULL);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYERS]);
}

const char *
talus_anatomy_view_get_selected_structure (TalusAnatomyView *self)
{
  g_return_val_if_fail (TALUS_IS_ANATOMY_VIEW (self), NULL);

  return self->selected_structure;
}

void
talus_anatomy_view_set_selected_structure (TalusAnatomyView *self,
                                           const char       *id)
{
  g_return_if_fail (TALUS_IS_ANATOMY_VIEW (self));

  if (id == NULL)
    set_selection (self, NULL, self->selected_region);
  else
    talus_anatomy_view_select (self, id);
}

const char *
talus_anatomy_view_get_selected_region (TalusAnatomyView *self)
{
  g_return_val_if_fail (TALUS_IS_ANATOMY_VIEW (self), NULL);

  return self->selected_region;
}

void
talus_anatomy_view_set_selected_region (TalusAnatomyView *self,
                                        const char       *id)
{
  g_return_if_fail (TALUS_IS_ANATOMY_VIEW (self));

  set_selection (self, NULL, id);
}

double
talus_anatomy_view_get_zoom (TalusAnatomyView *self)
{
  g_return_val_if_fail (TALUS_IS_ANATOMY_VIEW (self), 1.0);

  return self->zoom;
}

void
talus_anatomy_view_set_zoom (TalusAnatomyView *self,
                             double            zoom)
{
  g_return_if_fail (TALUS_IS_ANATOMY_VIEW (self));

  set_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

TalusKnowledgeBase *
talus_anatomy_view_get_knowledge_base (TalusAnatomyView *self)
{
  g_return_val_if_fail (TALUS_IS_ANATOMY_VIEW (self), NULL);

  return self->kb;
}

void
talus_anatomy_view_set_knowledge_base (TalusAnatomyView   *self,
                                       TalusKnowledgeBase *kb)
{
  g_return_if_fail (TALUS_IS_ANATOMY_VIEW (self));
  g_return_if_fail (kb == NULL || TALUS_IS_KNOWLEDGE_BASE (kb));

  if (!g_set_object (&self->kb, kb))
    return;

  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KNOWLEDGE_BASE]);
}

void
talus_anatomy_view_select (TalusAnatomyView *self,
                           const char       *id)
{
  TalusAnatomyDocument *doc;
  TalusEntry *entry;

  g_return_if_fail (TALUS_IS_ANATOMY_VIEW (self));

  if (id == NULL)
    {
      set_selection (self, NULL, NULL);
      return;
    }

  doc = get_document (self);
  entry = lookup_entry (self, id);

  if ((doc != NULL && talus_anatomy_document_is_region (doc, id)) ||
      (entry != NULL && TALUS_IS_REGION (entry)))
    set_selection (self, NULL, id);
  else if ((doc != NULL && talus_anatomy_document_has_id (doc, id)) ||
           (entry != NULL && TALUS_IS_STRUCTURE (entry)))
    set_selection (self, id, region_for_structure (self, id, NULL));
  else
    g_debug ("Not selecting “%s”: neither in the %s drawing nor in the knowledge base", id,
             talus_view_kind_to_nick (self->view));
}

void
talus_anatomy_view_set_highlight (TalusAnatomyView   *self,
                                  const char * const *ids)
{
  g_return_if_fail (TALUS_IS_ANATOMY_VIEW (self));

  if (ids != NULL && ids[0] == NULL)
    ids = NULL;

  if (self->highlight == NULL && ids == NULL)
    return;
  if (self->highlight != NULL && ids != NULL &&
      g_strv_equal ((const char * const *) self->highlight, ids))
    return;

  g_strfreev (self->highlight);
  self->highlight = g_strdupv ((char **) ids);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char * const *
talus_anatomy_view_get_highlight (TalusAnatomyView *self)
{
  g_return_val_if_fail (TALUS_IS_ANATOMY_VIEW (self), NULL);

  return (const char * const *) self->highlight;
}

gboolean
talus_anatomy_view_get_ready (TalusAnatomyView *self)
{
  g_return_val_if_fail (TALUS_IS_ANATOMY_VIEW (self), FALSE);

  return self->job == NULL;
}

TalusAnatomyDocument *
talus_anatomy_view_get_document (TalusAnatomyView *self)
{
  g_return_val_if_fail (TALUS_IS_ANATOMY_VIEW (self), NULL);

  return get_document (self);
}

const char *
talus_anatomy_view_get_focus_id (TalusAnatomyView *self)
{
  g_return_val_if_fail (TALUS_IS_ANATOMY_VIEW (self), NULL);

  return self->focus_id;
}

const char *
talus_anatomy_view_pick (TalusAnatomyView  *self,
                         double             x,
                         double             y,
                         const char       **region)
{
  g_return_val_if_fail (TALUS_IS_ANATOMY_VIEW (self), NULL);

  return hit_at (self, x, y, region);
}

gboolean
talus_anatomy_view_compute_point_for_id (TalusAnatomyView *self,
                                         const char       *id,
                                         graphene_point_t *out)
{
  TalusAnatomyDocument *doc;
  gboolean region;
  gboolean have_fallback = FALSE;
  graphene_point_t fallback = { 0, 0 };
  int width, height;
  double x, y, w, h;
  Layout layout;

  g_return_val_if_fail (TALUS_IS_ANATOMY_VIEW (self), FALSE);

  doc = get_document (self);
  if (id == NULL || doc == NULL || !get_layout (self, &layout) ||
      !talus_anatomy_document_is_visible (doc, id, self->layers) ||
      !talus_anatomy_document_get_bounds (doc, id, &x, &y, &w, &h))
    return FALSE;

  region = talus_anatomy_document_is_region (doc, id);
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));

  /* The centre first, then ever finer grids over the bounds. */
  for (guint steps = 1; steps <= 32; steps *= 2)
    for (guint i = 0; i < steps; i++)
      for (guint j = 0; j < steps; j++)
        {
          double dx = x + w * (i + 0.5) / steps, dy = y + h * (j + 0.5) / steps;
          graphene_point_t p = GRAPHENE_POINT_INIT (layout.x0 + dx * layout.s,
                                                    layout.y0 + dy * layout.s);
          const char *hit_region = NULL;
          const char *hit;

          if (p.x < 0 || p.y < 0 || p.x >= width || p.y >= height)
            continue;

          /* Test the way a click will: through the widget transform. */
          hit = hit_at (self, p.x, p.y, &hit_region);
          if (!region && g_strcmp0 (hit, id) == 0)
            {
              if (out != NULL)
                *out = p;
              return TRUE;
            }
          if (region && g_strcmp0 (hit_region, id) == 0)
            {
              if (hit == hit_region)
                {
                  if (out != NULL)
                    *out = p;
                  return TRUE;
                }
              if (!have_fallback)
                {
                  fallback = p;
                  have_fallback = TRUE;
                }
            }
        }

  if (have_fallback && out != NULL)
    *out = fallback;

  return have_fallback;
}

gboolean
talus_anatomy_view_get_layout (TalusAnatomyView *self,
                               double           *scale,
                               double           *origin_x,
                               double           *origin_y)
{
  Layout layout;

  g_return_val_if_fail (TALUS_IS_ANATOMY_VIEW (self), FALSE);

  if (!get_layout (self, &layout))
    return FALSE;

  if (scale != NULL)
    *scale = layout.s;
  if (origin_x != NULL)
    *origin_x = layout.x0;
  if (origin_y != NULL)
    *origin_y = layout.y0;

  return TRUE;
}
