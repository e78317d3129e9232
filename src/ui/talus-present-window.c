/* talus-present-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only patient text is read from the knowledge base here (talus_entry_get_display_name/summary
 * with TALUS_AUDIENCE_PATIENT); evidence labels are used only to leave out what does not help,
 * and are never shown.
 */

#define G_LOG_DOMAIN "talus-present"

#include "config.h"

#include <glib/gi18n.h>

#include "talus-link.h"
#include "talus-present-window.h"
#include "talus-sketch-controller.h"

#define ZOOM_STEP 1.25

static const char * const page_names[] = { "drawing", "what", "helps", "help" };

static const struct
{
  const char *name;
  GdkRGBA     rgba;
} colors[] = {
  { "red", { 0.83, 0.12, 0.15, 1 } },
  { "blue", { 0.11, 0.37, 0.79, 1 } },
  { "green", { 0.07, 0.52, 0.35, 1 } },
  { "yellow", { 0.95, 0.78, 0.08, 1 } },
  { "black", { 0.08, 0.09, 0.11, 1 } },
};

struct _TalusPresentWindow
{
  AdwWindow              parent_instance;

  GtkLabel              *title_label;
  GtkLabel              *step_label;
  GtkStack              *stack;
  TalusAnatomyView      *anatomy_view;
  GtkDrawingArea        *canvas;
  GtkLabel              *parts_label;
  GtkLabel              *what_label;
  GtkBox                *helps_box;
  GtkBox                *help_box;
  GtkWidget             *nav_box;
  GtkLabel              *page_label;

  TalusKnowledgeBase    *kb;
  TalusSketch           *sketch;
  TalusCondition        *condition;
  TalusSketchController *controller;
  char                  *color;
  guint                  page;
  gboolean               leaving;
  gboolean               decided;
};

enum {
  PROP_0,
  PROP_KNOWLEDGE_BASE,
  PROP_SKETCH,
  PROP_CONDITION,
  PROP_TOOL,
  PROP_COLOR,
  PROP_VIEW_NAME,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TalusPresentWindow, talus_present_window, ADW_TYPE_WINDOW)

static const char *
current_view (TalusPresentWindow *self)
{
  return talus_view_kind_to_nick (talus_anatomy_view_get_view (self->anatomy_view));
}

static guint
n_pages (TalusPresentWindow *self)
{
  return self->condition != NULL ? G_N_ELEMENTS (page_names) : 1;
}

static const char *
page_title (guint page)
{
  switch (page)
    {
    case 0:
      return _("The drawing");
    case 1:
      return _("What it is");
    case 2:
      return _("What helps");
    default:
      return _("When to get help");
    }
}

/* Plain words for how soon to act. */
static const char *
urgency_phrase (TalusUrgency urgency)
{
  switch (urgency)
    {
    case TALUS_URGENCY_EMERGENCY:
      return _("Go to the emergency department now");
    case TALUS_URGENCY_SAME_DAY:
      return _("See a doctor today");
    case TALUS_URGENCY_BOOK_VISIT:
    default:
      return _("Book a visit");
    }
}

static void
update_actions (TalusPresentWindow *self)
{
  const char *view = current_view (self);
  double zoom = talus_anatomy_view_get_zoom (self->anatomy_view);
  gboolean drawing = self->page == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "present.undo",
                                 drawing && talus_sketch_can_undo (self->sketch));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "present.redo",
                                 drawing && talus_sketch_can_redo (self->sketch));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "present.clear",
                                 drawing && talus_sketch_get_n_strokes (self->sketch, view) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "present.export-sketch",
                                 drawing && talus_sketch_get_n_strokes (self->sketch, view) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "present.zoom-in",
                                 drawing && zoom < TALUS_ANATOMY_VIEW_MAX_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "present.zoom-out", drawing && zoom > 1.0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "present.back", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "present.next",
                                 self->page + 1 < n_pages (self));
}

static void
show_page (TalusPresentWindow *self,
           guint               page)
{
  g_autofree char *step = NULL;

  self->page = MIN (page, n_pages (self) - 1);
  gtk_stack_set_visible_child_name (self->stack, page_names[self->page]);

  gtk_widget_set_visible (self->nav_box, n_pages (self) > 1);
  /* Translators: a step of the patient presentation, "Step 2 of 4" */
  step = g_strdup_printf (_("Step %u of %u"), self->page + 1, n_pages (self));
  gtk_label_set_text (self->step_label, n_pages (self) > 1 ? step : "");
  gtk_label_set_text (self->page_label, page_title (self->page));

  update_actions (self);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
make_card (const char *kicker,
           const char *title,
           const char *body)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label;

  gtk_widget_add_css_class (card, "present-card");
  if (kicker != NULL)
    {
      label = gtk_label_new (kicker);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "present-urgency");
      gtk_box_append (GTK_BOX (card), label);
    }

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "present-item-title");
  gtk_box_append (GTK_BOX (card), label);

  if (body != NULL && *body != '\0')
    {
      label = gtk_label_new (body);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "present-item-body");
      gtk_box_append (GTK_BOX (card), label);
    }

  return card;
}

static void
fill_helps (TalusPresentWindow *self)
{
  GListModel *care = talus_condition_get_care (self->condition);
  guint n = g_list_model_get_n_items (care), shown = 0;

  clear_box (self->helps_box);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TalusLink) link = g_list_model_get_item (care, i);
      TalusEntry *option = talus_link_get_target (link);
      TalusEvidence evidence = talus_link_get_evidence (link);

      /* "What helps" lists what helps; unproven and advised-against options stay off the
       * patient screen (the handout explains them). */
      if (evidence != TALUS_EVIDENCE_WORKS_WELL && evidence != TALUS_EVIDENCE_MAY_HELP)
        continue;

      gtk_box_append (self->helps_box,
                      make_card (NULL,
                                 talus_entry_get_display_name (option, TALUS_AUDIENCE_PATIENT),
                                 talus_entry_get_display_summary (option, TALUS_AUDIENCE_PATIENT)));
      shown++;
    }

  if (shown == 0)
    gtk_box_append (self->helps_box,
                    make_card (NULL, _("Your clinician will talk you through the options."), NULL));
}

static void
fill_help (TalusPresentWindow *self)
{
  GListModel *flags = talus_condition_get_red_flags (self->condition);
  guint n = g_list_model_get_n_items (flags);

  clear_box (self->help_box);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TalusRedFlag) flag = g_list_model_get_item (flags, i);
      TalusEntry *entry = TALUS_ENTRY (flag);

      gtk_box_append (self->help_box,
                      make_card (urgency_phrase (talus_red_flag_get_urgency (flag)),
                                 talus_entry_get_display_name (entry, TALUS_AUDIENCE_PATIENT),
                                 talus_entry_get_display_summary (entry, TALUS_AUDIENCE_PATIENT)));
    }

  gtk_box_append (self->help_box,
                  make_card (NULL, _("If it is getting worse, or you are worried"),
                             _("Contact us or your doctor. You do not have to wait for your next "
                               "visit.")));
}

/* The view that shows most of the condition's structures. */
static TalusViewKind
best_view (TalusCondition *condition)
{
  GListModel *structures = talus_condition_get_structures (condition);
  guint n = g_list_model_get_n_items (structures), best_count = 0;
  TalusViewKind best = TALUS_VIEW_LATERAL;

  for (TalusViewKind view = TALUS_VIEW_LATERAL; view < TALUS_VIEW_N_KINDS; view++)
    {
      g_autoptr (TalusAnatomyDocument) doc = talus_anatomy_document_new_for_view (view, NULL);
      guint count = 0;

      if (doc == NULL)
        continue;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (TalusEntry) structure = g_list_model_get_item (structures, i);

          if (talus_anatomy_document_has_id (doc, talus_entry_get_id (structure)))
            count++;
        }
      if (count > best_count)
        {
          best_count = count;
          best = view;
        }
    }

  return best;
}

/* Names, in plain words, of the condition's structures that the current view shows tinted. */
static void
update_parts (TalusPresentWindow *self)
{
  TalusAnatomyDocument *doc = talus_anatomy_view_get_document (self->anatomy_view);
  g_autoptr (GString) names = g_string_new (NULL);
  g_autofree char *text = NULL;
  GListModel *structures;

  if (self->condition == NULL || doc == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->parts_label), FALSE);
      return;
    }

  structures = talus_condition_get_structures (self->condition);
  for (guint i = 0; i < g_list_model_get_n_items (structures); i++)
    {
      g_autoptr (TalusEntry) structure = g_list_model_get_item (structures, i);

      if (!talus_anatomy_document_has_id (doc, talus_entry_get_id (structure)))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, talus_entry_get_display_name (structure, TALUS_AUDIENCE_PATIENT));
    }

  /* Translators: followed by a list of body parts */
  text = g_strdup_printf (_("In colour: %s"), names->str);
  gtk_label_set_text (self->parts_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->parts_label), names->len > 0);
}

static void
sketch_changed_cb (TalusPresentWindow *self)
{
  update_actions (self);
}

static void
view_changed_cb (TalusPresentWindow *self)
{
  update_actions (self);
  update_parts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW_NAME]);
}

static void
tool_changed_cb (TalusPresentWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

static gboolean
destroy_idle_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));

  return G_SOURCE_REMOVE;
}

static void
finish_leaving (TalusPresentWindow *self,
                gboolean            kept)
{
  self->decided = TRUE;
  g_signal_emit (self, signals[FINISHED], 0, kept);
  /* Not from inside the question's response: the dialog still refers to us as its parent. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle_cb, g_object_ref (self), g_object_unref);
}

static void
keep_response_cb (AdwMessageDialog   *dialog,
                  const char         *response,
                  TalusPresentWindow *self)
{
  self->leaving = FALSE;

  if (g_str_equal (response, "discard"))
    {
      /* Privacy: the strokes and their undo history go. */
      talus_sketch_clear_all (self->sketch);
      finish_leaving (self, FALSE);
    }
  else if (g_str_equal (response, "keep"))
    {
      finish_leaving (self, TRUE);
    }
  /* Anything else (Escape): stay in Present mode. */
}

static gboolean
close_request_cb (GtkWindow *window)
{
  TalusPresentWindow *self = TALUS_PRESENT_WINDOW (window);

  if (self->decided || talus_sketch_is_empty (self->sketch))
    {
      if (!self->decided)
        {
          self->decided = TRUE;
          g_signal_emit (self, signals[FINISHED], 0, FALSE);
        }
      return FALSE;
    }

  talus_present_window_leave (self);
  return TRUE;
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  talus_present_window_leave (TALUS_PRESENT_WINDOW (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TalusPresentWindow *self = TALUS_PRESENT_WINDOW (widget);

  if (self->page > 0)
    show_page (self, self->page - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TalusPresentWindow *self = TALUS_PRESENT_WINDOW (widget);

  if (self->page + 1 < n_pages (self))
    show_page (self, self->page + 1);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TalusPresentWindow *self = TALUS_PRESENT_WINDOW (widget);

  if (self->page == 0)
    talus_sketch_undo (self->sketch);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TalusPresentWindow *self = TALUS_PRESENT_WINDOW (widget);

  if (self->page == 0)
    talus_sketch_redo (self->sketch);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TalusPresentWindow *self = TALUS_PRESENT_WINDOW (widget);

  /* Undoable, like any other change. */
  talus_sketch_clear_view (self->sketch, current_view (self));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TalusPresentWindow *self = TALUS_PRESENT_WINDOW (widget);
  double zoom = talus_anatomy_view_get_zoom (self->anatomy_view);

  /* set_zoom() zooms about the centre, which is the transform the sketch assumes. */
  if (g_str_equal (action_name, "present.zoom-in"))
    zoom *= ZOOM_STEP;
  else
    zoom /= ZOOM_STEP;
  talus_anatomy_view_set_zoom (self->anatomy_view,
                               CLAMP (zoom, 1.0, TALUS_ANATOMY_VIEW_MAX_ZOOM));
  update_actions (self);
}

static void
export_background_cb (cairo_t  *cr,
                      double    doc_width,
                      double    doc_height,
                      gpointer  user_data)
{
  TalusPresentWindow *self = user_data;
  TalusAnatomyDocument *doc = talus_anatomy_view_get_document (self->anatomy_view);
  g_autoptr (GError) error = NULL;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (!talus_anatomy_document_render (doc, cr, doc_width, doc_height,
                                      talus_anatomy_view_get_layers (self->anatomy_view),
                                      talus_anatomy_view_get_highlight (self->anatomy_view), NULL,
                                      &error))
    g_warning ("Could not draw the anatomy for the picture: %s", error->message);
}

static void
export_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    TalusPresentWindow *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  TalusAnatomyDocument *doc = talus_anatomy_view_get_document (self->anatomy_view);
  const char *view = current_view (self);
  double w, h;
  gboolean ok;

  if (response != GTK_RESPONSE_ACCEPT || doc == NULL)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    goto out;

  talus_anatomy_document_get_size (doc, &w, &h);
  /* SVG: the strokes alone, the size of the drawing, to lay over it. PNG: a picture of the
   * drawing with the strokes, at twice the drawing's size. */
  if (g_str_has_suffix (path, ".svg") || g_str_has_suffix (path, ".SVG"))
    ok = talus_sketch_export_svg (self->sketch, view, w, h, path, &error);
  else
    ok = talus_sketch_export_png (self->sketch, view, w, h, (int) (w * 2), (int) (h * 2),
                                  export_background_cb, self, path, &error);

  if (!ok)
    {
      AdwMessageDialog *dialog =
        ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                    _("The picture was not saved"),
                                                    error->message));

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }

out:
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_sketch_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TalusPresentWindow *self = TALUS_PRESENT_WINDOW (widget);
  const char *view = current_view (self);
  g_autoptr (GtkFileFilter) png = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) svg = gtk_file_filter_new ();
  g_autofree char *name = g_strdup_printf ("sketch-%s.png", view);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save Picture"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (png, _("PNG picture with the drawing"));
  gtk_file_filter_add_pattern (png, "*.png");
  gtk_file_filter_set_name (svg, _("SVG strokes only"));
  gtk_file_filter_add_pattern (svg, "*.svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), svg);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr (GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, APP_PATH "/ui/talus-present-window.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

static void
talus_present_window_constructed (GObject *object)
{
  TalusPresentWindow *self = TALUS_PRESENT_WINDOW (object);

  G_OBJECT_CLASS (talus_present_window_parent_class)->constructed (object);

  if (self->sketch == NULL)
    self->sketch = talus_sketch_new ();

  if (self->kb != NULL)
    talus_anatomy_view_set_knowledge_base (self->anatomy_view, self->kb);

  self->controller = talus_sketch_controller_new (self->anatomy_view, self->canvas, self->sketch);
  g_signal_connect_object (self->controller, "notify::tool", G_CALLBACK (tool_changed_cb), self,
                           G_CONNECT_SWAPPED);
  talus_sketch_controller_set_tool (self->controller, "pen");
  talus_sketch_controller_set_color (self->controller, &colors[0].rgba);

  g_signal_connect_object (self->sketch, "changed", G_CALLBACK (sketch_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->anatomy_view, "notify::view", G_CALLBACK (view_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->anatomy_view, "notify::zoom", G_CALLBACK (sketch_changed_cb),
                           self, G_CONNECT_SWAPPED);

  show_page (self, 0);
}

static void
talus_present_window_dispose (GObject *object)
{
  TalusPresentWindow *self = TALUS_PRESENT_WINDOW (object);

  g_clear_object (&self->controller);
  gtk_widget_dispose_template (GTK_WIDGET (self), TALUS_TYPE_PRESENT_WINDOW);
  g_clear_object (&self->condition);
  g_clear_object (&self->sketch);
  g_clear_object (&self->kb);

  G_OBJECT_CLASS (talus_present_window_parent_class)->dispose (object);
}

static void
talus_present_window_finalize (GObject *object)
{
  TalusPresentWindow *self = TALUS_PRESENT_WINDOW (object);

  g_free (self->color);

  G_OBJECT_CLASS (talus_present_window_parent_class)->finalize (object);
}

static void
talus_present_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TalusPresentWindow *self = TALUS_PRESENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_KNOWLEDGE_BASE:
      g_value_set_object (value, self->kb);
      break;
    case PROP_SKETCH:
      g_value_set_object (value, self->sketch);
      break;
    case PROP_CONDITION:
      g_value_set_object (value, self->condition);
      break;
    case PROP_TOOL:
      g_value_set_string (value, self->controller != NULL
                                   ? talus_sketch_controller_get_tool (self->controller) : "none");
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_VIEW_NAME:
      /* Asked for by the view buttons while the template is being built. */
      g_value_set_string (value, self->anatomy_view != NULL ? current_view (self) : "lateral");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
talus_present_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TalusPresentWindow *self = TALUS_PRESENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_KNOWLEDGE_BASE:
      self->kb = g_value_dup_object (value);
      break;
    case PROP_SKETCH:
      self->sketch = g_value_dup_object (value);
      break;
    case PROP_CONDITION:
      talus_present_window_set_condition (self, g_value_get_object (value));
      break;
    case PROP_TOOL:
      if (self->controller != NULL)
        talus_sketch_controller_set_tool (self->controller, g_value_get_string (value));
      break;
    case PROP_COLOR:
      {
        const char *name = g_value_get_string (value);

        for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
          if (g_strcmp0 (name, colors[i].name) == 0 && g_strcmp0 (name, self->color) != 0)
            {
              g_free (self->color);
              self->color = g_strdup (name);
              if (self->controller != NULL)
                talus_sketch_controller_set_color (self->controller, &colors[i].rgba);
              g_object_notify_by_pspec (object, pspec);
            }
      }
      break;
    case PROP_VIEW_NAME:
      {
        TalusViewKind view;

        if (talus_view_kind_from_nick (g_value_get_string (value), &view))
          talus_present_window_set_view (self, view);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
talus_present_window_class_init (TalusPresentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = talus_present_window_constructed;
  object_class->dispose = talus_present_window_dispose;
  object_class->finalize = talus_present_window_finalize;
  object_class->get_property = talus_present_window_get_property;
  object_class->set_property = talus_present_window_set_property;
  window_class->close_request = close_request_cb;

  properties[PROP_KNOWLEDGE_BASE] =
    g_param_spec_object ("knowledge-base", NULL, NULL, TALUS_TYPE_KNOWLEDGE_BASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SKETCH] =
    g_param_spec_object ("sketch", NULL, NULL, TALUS_TYPE_SKETCH,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONDITION] =
    g_param_spec_object ("condition", NULL, NULL, TALUS_TYPE_CONDITION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOOL] =
    g_param_spec_string ("tool", NULL, NULL, "pen",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW_NAME] =
    g_param_spec_string ("view-name", NULL, NULL, "lateral",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TalusPresentWindow::finished:
   * @kept: TRUE when the clinician kept the sketch for the handout
   *
   * Present mode ended; the window is being destroyed.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  g_type_ensure (TALUS_TYPE_ANATOMY_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_PATH "/ui/talus-present-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TalusPresentWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, TalusPresentWindow, step_label);
  gtk_widget_class_bind_template_child (widget_class, TalusPresentWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TalusPresentWindow, anatomy_view);
  gtk_widget_class_bind_template_child (widget_class, TalusPresentWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, TalusPresentWindow, parts_label);
  gtk_widget_class_bind_template_child (widget_class, TalusPresentWindow, what_label);
  gtk_widget_class_bind_template_child (widget_class, TalusPresentWindow, helps_box);
  gtk_widget_class_bind_template_child (widget_class, TalusPresentWindow, help_box);
  gtk_widget_class_bind_template_child (widget_class, TalusPresentWindow, nav_box);
  gtk_widget_class_bind_template_child (widget_class, TalusPresentWindow, page_label);

  gtk_widget_class_install_action (widget_class, "present.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "present.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "present.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "present.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "present.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "present.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "present.export-sketch", NULL,
                                   export_sketch_action);
  gtk_widget_class_install_action (widget_class, "present.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "present.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_property_action (widget_class, "present.tool", "tool");
  gtk_widget_class_install_property_action (widget_class, "present.color", "color");
  gtk_widget_class_install_property_action (widget_class, "present.view", "view-name");
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              const char            *action)
{
  GtkShortcutTrigger *parsed = gtk_shortcut_trigger_parse_string (trigger);

  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (parsed, gtk_named_action_new (action)));
}

static void
talus_present_window_init (TalusPresentWindow *self)
{
  GtkEventController *shortcuts;

  self->color = g_strdup (colors[0].name);
  load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Captured before the drawing's own Escape (clear selection) and arrow keys. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_LOCAL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "Escape", "present.leave");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>z", "present.undo");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>z", "present.redo");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>y", "present.redo");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "Page_Down", "present.next");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "Page_Up", "present.back");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

TalusPresentWindow *
talus_present_window_new (TalusKnowledgeBase *knowledge_base,
                          TalusSketch        *sketch)
{
  g_return_val_if_fail (knowledge_base == NULL || TALUS_IS_KNOWLEDGE_BASE (knowledge_base), NULL);
  g_return_val_if_fail (TALUS_IS_SKETCH (sketch), NULL);

  return g_object_new (TALUS_TYPE_PRESENT_WINDOW,
                       "knowledge-base", knowledge_base,
                       "sketch", sketch,
                       NULL);
}

TalusSketch *
talus_present_window_get_sketch (TalusPresentWindow *self)
{
  g_return_val_if_fail (TALUS_IS_PRESENT_WINDOW (self), NULL);

  return self->sketch;
}

TalusCondition *
talus_present_window_get_condition (TalusPresentWindow *self)
{
  g_return_val_if_fail (TALUS_IS_PRESENT_WINDOW (self), NULL);

  return self->condition;
}

void
talus_present_window_set_condition (TalusPresentWindow *self,
                                    TalusCondition     *condition)
{
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();
  g_auto (GStrv) highlight = NULL;

  g_return_if_fail (TALUS_IS_PRESENT_WINDOW (self));
  g_return_if_fail (condition == NULL || TALUS_IS_CONDITION (condition));

  if (!g_set_object (&self->condition, condition))
    return;

  if (condition != NULL)
    {
      TalusEntry *entry = TALUS_ENTRY (condition);
      GListModel *structures = talus_condition_get_structures (condition);

      gtk_label_set_text (self->title_label,
                          talus_entry_get_display_name (entry, TALUS_AUDIENCE_PATIENT));
      gtk_label_set_text (self->what_label,
                          talus_entry_get_display_summary (entry, TALUS_AUDIENCE_PATIENT));
      fill_helps (self);
      fill_help (self);

      for (guint i = 0; i < g_list_model_get_n_items (structures); i++)
        {
          g_autoptr (TalusEntry) structure = g_list_model_get_item (structures, i);

          g_strv_builder_add (ids, talus_entry_get_id (structure));
        }
      highlight = g_strv_builder_end (ids);
      talus_anatomy_view_set_highlight (self->anatomy_view, (const char * const *) highlight);
      talus_present_window_set_view (self, best_view (condition));
    }
  else
    {
      gtk_label_set_text (self->title_label, _("Your ankle and foot"));
      gtk_label_set_text (self->what_label, "");
      clear_box (self->helps_box);
      clear_box (self->help_box);
      talus_anatomy_view_set_highlight (self->anatomy_view, NULL);
    }

  update_parts (self);
  show_page (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONDITION]);
}

void
talus_present_window_set_view (TalusPresentWindow *self,
                               TalusViewKind       view)
{
  g_return_if_fail (TALUS_IS_PRESENT_WINDOW (self));

  talus_anatomy_view_set_view (self->anatomy_view, view);
}

TalusAnatomyView *
talus_present_window_get_anatomy_view (TalusPresentWindow *self)
{
  g_return_val_if_fail (TALUS_IS_PRESENT_WINDOW (self), NULL);

  return self->anatomy_view;
}

TalusSketchController *
talus_present_window_get_controller (TalusPresentWindow *self)
{
  g_return_val_if_fail (TALUS_IS_PRESENT_WINDOW (self), NULL);

  return self->controller;
}

void
talus_present_window_present_for (TalusPresentWindow *self,
                                  GtkWindow          *parent)
{
  GdkMonitor *target = NULL;

  g_return_if_fail (TALUS_IS_PRESENT_WINDOW (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  if (parent != NULL && gtk_widget_get_realized (GTK_WIDGET (parent)))
    {
      GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (parent));
      GListModel *monitors = gdk_display_get_monitors (display);
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (parent));
      GdkMonitor *own = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface)
                                        : NULL;

      /* The patient's screen is the one the clinician's window is not on. */
      for (guint i = 0; target == NULL && i < g_list_model_get_n_items (monitors); i++)
        {
          g_autoptr (GdkMonitor) monitor = g_list_model_get_item (monitors, i);

          if (g_list_model_get_n_items (monitors) > 1 && monitor != own)
            target = monitor;
        }
    }

  if (target != NULL)
    {
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), target);
    }
  else
    {
      if (parent != NULL)
        gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_fullscreen (GTK_WINDOW (self));
    }

  gtk_window_present (GTK_WINDOW (self));
}

void
talus_present_window_leave (TalusPresentWindow *self)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (TALUS_IS_PRESENT_WINDOW (self));

  if (self->leaving || self->decided)
    return;

  if (talus_sketch_is_empty (self->sketch))
    {
      finish_leaving (self, FALSE);
      return;
    }

  self->leaving = TRUE;
  dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_WINDOW (self), _("Keep the sketch for the handout?"),
                            _("A kept sketch stays in this session so it can be printed on the "
                              "handout. Nothing is saved to disk unless you print or export it.")));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "keep", _("_Keep"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "keep");
  /* Escape on the question means "not yet": stay in Present mode. */
  adw_message_dialog_set_close_response (dialog, "stay");
  g_signal_connect_object (dialog, "response", G_CALLBACK (keep_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
