/* talus-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "talus-window"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtkunixprint.h>

#include "talus-anatomy-view.h"
#include "talus-condition-page.h"
#include "talus-entry-page.h"
#include "talus-handout.h"
#include "talus-ottawa-page.h"
#include "talus-present-window.h"
#include "talus-region-page.h"
#include "talus-search-page.h"
#include "talus-search.h"
#include "talus-sketch.h"
#include "talus-symptom-checker-page.h"
#include "talus-ui-resources.h"
#include "talus-ui-util.h"
#include "talus-window.h"

/* Mouse buttons 8 and 9 are the back and forward side buttons. */
#define MOUSE_BUTTON_BACK    8
#define MOUSE_BUTTON_FORWARD 9

static const struct {
  const char  *action;
  TalusLayers  layer;
} layer_actions[] = {
  { "layer-labels", TALUS_LAYER_LABELS },
  { "layer-ligaments", TALUS_LAYER_LIGAMENTS },
  { "layer-tendons", TALUS_LAYER_TENDONS },
  { "layer-nerves", TALUS_LAYER_NERVES },
  { "layer-soft", TALUS_LAYER_SOFT },
  { "layer-landmarks", TALUS_LAYER_LANDMARKS },
};

struct _TalusWindow
{
  AdwApplicationWindow     parent_instance;

  TalusKnowledgeBase      *kb;
  GSettings               *settings; /* NULL when the schema is not installed */
  TalusSymptomChecker     *checker;
  TalusAudience            audience;

  GPtrArray               *history; /* char* page keys */
  guint                    history_pos;
  char                   **highlight;
  /* The selection the window itself asked the drawing for, to tell it from a user's click. */
  char                    *applied_structure;
  char                    *applied_region;
  guint                    selection_idle_id;
  gboolean                 landmarks_added;
  gint64                   benchmark_start;
  guint                    points_timeout_id;
  gulong                   after_paint_id;
  GtkPrintOperation       *print_operation;
  GError                  *print_error;     /* why begin-print gave up, for the done handler */
  TalusKnowledgeBase      *handout_kb;      /* the KB in the handout language, when it differs */
  char                    *handout_language;
  char                    *last_message;    /* the last toast, for tests */
  /* Consultation sketch: in memory only, kept or discarded when Present mode ends. */
  TalusSketch             *sketch;

  /* template */
  AdwFlap                 *flap;
  GtkWidget               *anatomy_view;
  GtkStack                *side_stack;
  TalusRegionPage         *region_page;
  TalusEntryPage          *entry_page;
  TalusConditionPage      *condition_page;
  TalusSymptomCheckerPage *checker_page;
  TalusOttawaPage         *ottawa_page;
  TalusSearchPage         *search_page;
  GtkSearchBar            *search_bar;
  GtkSearchEntry          *search_entry;
  GtkToggleButton         *search_button;
  GtkMenuButton           *view_menu_button;
  GtkRevealer             *error_revealer;
  AdwToastOverlay         *toast_overlay;
  GtkLabel                *error_label;
};

G_DEFINE_FINAL_TYPE (TalusWindow, talus_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_KNOWLEDGE_BASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_page (TalusWindow *self, const char *key);

static const char *
current_key (TalusWindow *self)
{
  return g_ptr_array_index (self->history, self->history_pos);
}

static void
update_history_actions (TalusWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", self->history_pos > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-forward",
                                 self->history_pos + 1 < self->history->len);
}

static void
navigate (TalusWindow *self,
          const char  *key)
{
  if (g_strcmp0 (current_key (self), key) != 0)
    {
      /* A new page drops the forward history, as in a browser. */
      g_ptr_array_set_size (self->history, self->history_pos + 1);
      g_ptr_array_add (self->history, g_strdup (key));
      self->history_pos = self->history->len - 1;
    }

  show_page (self, key);
  update_history_actions (self);
}

static void
set_action_state (TalusWindow *self,
                  const char  *name,
                  GVariant    *state)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_state (G_SIMPLE_ACTION (action), state);
}

static void
set_highlight (TalusWindow        *self,
               const char * const *ids)
{
  static const char * const none[] = { NULL };

  g_strfreev (self->highlight);
  self->highlight = g_strdupv ((char **) (ids != NULL ? ids : none));
  talus_anatomy_view_set_highlight (TALUS_ANATOMY_VIEW (self->anatomy_view),
                                    (const char * const *) self->highlight);
}

static void
apply_selection (TalusWindow *self,
                 const char  *id)
{
  TalusAnatomyView *view = TALUS_ANATOMY_VIEW (self->anatomy_view);

  talus_anatomy_view_select (view, id);
  g_free (self->applied_structure);
  g_free (self->applied_region);
  self->applied_structure = g_strdup (talus_anatomy_view_get_selected_structure (view));
  self->applied_region = g_strdup (talus_anatomy_view_get_selected_region (view));

  set_action_state (self, "select-region",
                    g_variant_new_string (self->applied_region ? self->applied_region : ""));
  set_action_state (self, "select-structure",
                    g_variant_new_string (self->applied_structure ? self->applied_structure : ""));
}

static TalusLayers
get_layers (TalusWindow *self)
{
  return talus_anatomy_view_get_layers (TALUS_ANATOMY_VIEW (self->anatomy_view));
}

static void
set_layers (TalusWindow *self,
            TalusLayers  layers)
{
  talus_anatomy_view_set_layers (TALUS_ANATOMY_VIEW (self->anatomy_view), layers);
}

static void
update_ottawa_highlight (TalusWindow *self)
{
  g_auto(GStrv) marked = talus_ottawa_page_dup_marked_landmarks (self->ottawa_page);

  set_highlight (self, (const char * const *) marked);
}

static void
leave_ottawa (TalusWindow *self)
{
  if (self->landmarks_added)
    set_layers (self, get_layers (self) & ~TALUS_LAYER_LANDMARKS);
  self->landmarks_added = FALSE;
}

static void
show_page (TalusWindow *self,
           const char  *key)
{
  g_auto(GStrv) parts = g_strsplit (key, ":", 2);
  const char *kind = parts[0];
  const char *id = parts[1];
  const char *condition_id = "";

  if (!g_str_equal (kind, "ottawa"))
    leave_ottawa (self);

  if (g_str_equal (kind, "region") && id != NULL)
    {
      /* "region:REGION" or "region:REGION/STRUCTURE" after a click on a structure */
      g_auto(GStrv) ids = g_strsplit (id, "/", 2);
      TalusRegion *region = talus_knowledge_base_lookup_region (self->kb, ids[0]);
      TalusStructure *structure = ids[1] ? talus_knowledge_base_lookup_structure (self->kb, ids[1]) : NULL;

      talus_region_page_set_region (self->region_page, region);
      talus_region_page_set_structure (self->region_page, structure);
      gtk_stack_set_visible_child_name (self->side_stack, "region");
      set_highlight (self, NULL);
      if (g_strcmp0 (self->applied_structure, ids[1]) != 0
          || (ids[1] == NULL && g_strcmp0 (self->applied_region, ids[0]) != 0))
        apply_selection (self, ids[1] != NULL ? ids[1] : ids[0]);
    }
  else if ((g_str_equal (kind, "structure") || g_str_equal (kind, "entry")) && id != NULL)
    {
      TalusEntry *entry = talus_knowledge_base_lookup (self->kb, id);

      talus_entry_page_set_entry (self->entry_page, entry);
      gtk_stack_set_visible_child_name (self->side_stack, "entry");
      set_highlight (self, NULL);
      if (TALUS_IS_STRUCTURE (entry) && g_strcmp0 (self->applied_structure, id) != 0)
        apply_selection (self, id);
    }
  else if (g_str_equal (kind, "condition") && id != NULL)
    {
      TalusCondition *condition = talus_knowledge_base_lookup_condition (self->kb, id);
      GListModel *structures = talus_condition_get_structures (condition);
      guint n = g_list_model_get_n_items (structures);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) ids = NULL;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TalusEntry) structure = g_list_model_get_item (structures, i);
          g_strv_builder_add (builder, talus_entry_get_id (structure));
        }
      ids = g_strv_builder_end (builder);

      talus_condition_page_set_condition (self->condition_page, condition);
      gtk_stack_set_visible_child_name (self->side_stack, "condition");
      set_highlight (self, (const char * const *) ids);
      condition_id = id;
    }
  else if (g_str_equal (kind, "checker"))
    {
      gtk_stack_set_visible_child_name (self->side_stack, "checker");
      set_highlight (self, NULL);
    }
  else if (g_str_equal (kind, "ottawa"))
    {
      if ((get_layers (self) & TALUS_LAYER_LANDMARKS) == 0)
        {
          set_layers (self, get_layers (self) | TALUS_LAYER_LANDMARKS);
          self->landmarks_added = TRUE;
        }
      gtk_stack_set_visible_child_name (self->side_stack, "ottawa");
      update_ottawa_highlight (self);
    }
  else if (g_str_equal (kind, "search"))
    {
      gtk_stack_set_visible_child_name (self->side_stack, "search");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->side_stack, "home");
      set_highlight (self, NULL);
    }

  set_action_state (self, "show-condition", g_variant_new_string (condition_id));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", *condition_id != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", *condition_id != '\0');

  /* On a narrow window the panel folds away; bring it back for the page asked for. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, !g_str_equal (kind, "home"));
}

static void
rebuild_search_index (TalusWindow *self)
{
  /* Only marks the index stale: the search page builds it for the first query that needs it. */
  talus_search_page_set_knowledge_base (self->search_page, self->kb, self->audience);
}

static void
set_audience (TalusWindow   *self,
              TalusAudience  audience)
{
  self->audience = audience;
  talus_region_page_set_audience (self->region_page, audience);
  talus_entry_page_set_audience (self->entry_page, audience);
  talus_condition_page_set_audience (self->condition_page, audience);
  talus_symptom_checker_page_set_audience (self->checker_page, audience);
  talus_ottawa_page_set_audience (self->ottawa_page, audience);
  rebuild_search_index (self);
  talus_search_page_set_query (self->search_page,
                               gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (audience == TALUS_AUDIENCE_PATIENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "patient-mode");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "patient-mode");
}

/* Actions of the GActionMap (exported on D-Bus) */

/* Opens the page "KIND:ID" when the knowledge base has the entry (@found), else says so. */
static void
navigate_to_entry (TalusWindow *self,
                   const char  *kind,
                   gboolean     found,
                   const char  *id)
{
  g_autofree char *key = NULL;

  if (!found)
    {
      g_message ("No %s with id “%s”", kind, id);
      return;
    }

  key = g_strconcat (kind, ":", id, NULL);
  navigate (self, key);
}

static void
select_region_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  TalusWindow *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);

  if (*id == '\0')
    {
      apply_selection (self, NULL);
      navigate (self, "home");
      return;
    }

  navigate_to_entry (self, "region", talus_knowledge_base_lookup_region (self->kb, id) != NULL, id);
}

static void
select_structure_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  TalusWindow *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);

  if (*id == '\0')
    {
      apply_selection (self, NULL);
      return;
    }

  navigate_to_entry (self, "structure", talus_knowledge_base_lookup_structure (self->kb, id) != NULL,
                     id);
}

static void
show_condition_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  TalusWindow *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);

  navigate_to_entry (self, "condition", talus_knowledge_base_lookup_condition (self->kb, id) != NULL,
                     id);
}

static void
show_entry_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  TalusWindow *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);
  TalusEntry *entry = talus_knowledge_base_lookup (self->kb, id);
  const char *kind = "entry";

  if (TALUS_IS_CONDITION (entry))
    kind = "condition";
  else if (TALUS_IS_REGION (entry))
    kind = "region";
  else if (TALUS_IS_STRUCTURE (entry))
    kind = "structure";
  navigate_to_entry (self, kind, entry != NULL, id);
}

static void
view_change_state (GSimpleAction *action,
                   GVariant      *value,
                   gpointer       user_data)
{
  TalusWindow *self = user_data;
  TalusViewKind kind;

  if (!talus_view_kind_from_nick (g_variant_get_string (value, NULL), &kind))
    return;

  talus_anatomy_view_set_view (TALUS_ANATOMY_VIEW (self->anatomy_view), kind);
  g_simple_action_set_state (action, value);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-view", g_variant_get_string (value, NULL));
}

static void
audience_change_state (GSimpleAction *action,
                       GVariant      *value,
                       gpointer       user_data)
{
  TalusWindow *self = user_data;
  const char *nick = g_variant_get_string (value, NULL);
  TalusAudience audience;

  if (g_str_equal (nick, "patient"))
    audience = TALUS_AUDIENCE_PATIENT;
  else if (g_str_equal (nick, "clinician"))
    audience = TALUS_AUDIENCE_CLINICIAN;
  else
    return;

  g_simple_action_set_state (action, value);
  /* Only a real change, or the settings' changed::audience would call back in a loop. */
  if (self->settings != NULL)
    {
      g_autofree char *saved = g_settings_get_string (self->settings, "audience");
      if (!g_str_equal (saved, nick))
        g_settings_set_string (self->settings, "audience", nick);
    }
  if (audience != self->audience)
    set_audience (self, audience);
}

static void
layer_change_state (GSimpleAction *action,
                    GVariant      *value,
                    gpointer       user_data)
{
  TalusWindow *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  for (guint i = 0; i < G_N_ELEMENTS (layer_actions); i++)
    {
      if (g_str_equal (name, layer_actions[i].action))
        {
          TalusLayers layers = get_layers (self);

          if (g_variant_get_boolean (value))
            layers |= layer_actions[i].layer;
          else
            layers &= ~layer_actions[i].layer;
          /* A layer the user set stays as set when the Ottawa page closes. */
          if (layer_actions[i].layer == TALUS_LAYER_LANDMARKS)
            self->landmarks_added = FALSE;
          set_layers (self, layers);
        }
    }
}

static void
toggle_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GVariant *state = g_action_get_state (G_ACTION (action));

  g_action_change_state (G_ACTION (action), g_variant_new_boolean (!g_variant_get_boolean (state)));
  g_variant_unref (state);
}

static const GActionEntry win_entries[] = {
  { "select-region", select_region_activated, "s", "''", NULL },
  { "select-structure", select_structure_activated, "s", "''", NULL },
  { "show-condition", show_condition_activated, "s", "''", NULL },
  { "show-entry", show_entry_activated, "s", NULL, NULL },
  { "view", NULL, "s", "'lateral'", view_change_state },
  { "audience", NULL, "s", "'clinician'", audience_change_state },
  { "layer-labels", toggle_activated, NULL, "true", layer_change_state },
  { "layer-ligaments", toggle_activated, NULL, "true", layer_change_state },
  { "layer-tendons", toggle_activated, NULL, "true", layer_change_state },
  { "layer-nerves", toggle_activated, NULL, "true", layer_change_state },
  { "layer-soft", toggle_activated, NULL, "true", layer_change_state },
  { "layer-landmarks", toggle_activated, NULL, "false", layer_change_state },
};

/* Actions installed in class_init */

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TalusWindow *self = TALUS_WINDOW (widget);

  if (self->history_pos == 0)
    return;
  self->history_pos--;
  show_page (self, current_key (self));
  update_history_actions (self);
}

static void
go_forward_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TalusWindow *self = TALUS_WINDOW (widget);

  if (self->history_pos + 1 >= self->history->len)
    return;
  self->history_pos++;
  show_page (self, current_key (self));
  update_history_actions (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TalusWindow *self = TALUS_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  navigate (self, "search");
}

static void
symptom_checker_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  navigate (TALUS_WINDOW (widget), "checker");
}

static void
ottawa_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  navigate (TALUS_WINDOW (widget), "ottawa");
}

static void
home_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  navigate (TALUS_WINDOW (widget), "home");
}

static void
toggle_panel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TalusWindow *self = TALUS_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
show_error (TalusWindow *self,
            const char  *heading,
            const char  *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_toast (TalusWindow *self,
            const char  *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  g_free (self->last_message);
  self->last_message = g_strdup (message);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The knowledge base handouts are written from: the window's own, or the same KB read in the
 * language chosen in the preferences (handout-language), loaded once per language. When that
 * language's translation is missing, the handout falls back to the desktop's language and the
 * window says so. */
static TalusKnowledgeBase *
handout_knowledge_base (TalusWindow *self)
{
  g_autofree char *language = NULL;
  g_autoptr(TalusCatalog) catalog = NULL;
  g_autoptr(TalusKnowledgeBase) kb = NULL;
  g_autoptr(GError) error = NULL;

  if (self->settings == NULL)
    return self->kb;
  language = g_settings_get_string (self->settings, "handout-language");
  if (*language == '\0')
    return self->kb;
  if (self->handout_kb != NULL && g_strcmp0 (self->handout_language, language) == 0)
    return self->handout_kb;

  catalog = talus_catalog_new_for_language (talus_catalog_get_localedir (), GETTEXT_PACKAGE,
                                            language, &error);
  if (catalog != NULL)
    {
      kb = talus_knowledge_base_new ();
      talus_knowledge_base_set_catalog (kb, catalog);
      /* with the user's own files, as in the window (their errors are already shown there) */
      if (!talus_knowledge_base_load_default (kb, NULL, &error))
        g_clear_object (&kb);
    }
  if (kb == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Handout printed in the desktop’s language: %s"),
                                                  error->message);
      g_message ("%s", message);
      show_toast (self, message);
      return self->kb;
    }

  g_set_object (&self->handout_kb, kb);
  g_free (self->handout_language);
  self->handout_language = g_steal_pointer (&language);
  return self->handout_kb;
}

static TalusHandout *
create_handout (TalusWindow *self)
{
  TalusCondition *condition = talus_condition_page_get_condition (self->condition_page);
  TalusKnowledgeBase *kb;
  TalusHandout *handout;
  TalusPaper paper = TALUS_PAPER_A4;

  if (condition == NULL)
    return NULL;

  /* the same condition, read in the handout's language */
  kb = handout_knowledge_base (self);
  if (kb != self->kb)
    {
      TalusCondition *translated =
        talus_knowledge_base_lookup_condition (kb, talus_entry_get_id (TALUS_ENTRY (condition)));

      if (translated != NULL)
        condition = translated;
      else
        kb = self->kb;
    }

  handout = talus_handout_new (kb, condition);
  talus_handout_set_audience (handout, TALUS_AUDIENCE_PATIENT);
  if (self->applied_region != NULL)
    {
      TalusRegion *region = talus_knowledge_base_lookup_region (kb, self->applied_region);
      if (region != NULL && talus_condition_in_region (condition, region))
        talus_handout_set_region (handout, region);
    }
  if (self->settings != NULL)
    {
      g_autofree char *paper_nick = g_settings_get_string (self->settings, "paper-size");
      g_autofree char *clinic = g_settings_get_string (self->settings, "clinic-name");

      talus_paper_from_nick (paper_nick, &paper);
      if (*clinic != '\0')
        talus_handout_set_clinic_name (handout, clinic);
    }
  talus_handout_set_paper (handout, paper);

  /* The consultation sketch goes onto the figure, as vectors. */
  if (!talus_sketch_is_empty (self->sketch))
    {
      const char *nick = talus_view_kind_to_nick (talus_anatomy_view_get_view (TALUS_ANATOMY_VIEW (self->anatomy_view)));
      g_auto(GStrv) views = talus_sketch_get_views (self->sketch);
      TalusSketchPaintFunc func;
      GDestroyNotify destroy;
      gpointer data;
      TalusViewKind view;

      if (talus_sketch_get_n_strokes (self->sketch, nick) == 0)
        nick = views[0];
      /* the strokes belong on the drawing they were made on */
      if (talus_view_kind_from_nick (nick, &view))
        talus_handout_set_figure_view (handout, view);
      func = talus_sketch_get_paint_func (self->sketch, nick, &data, &destroy);
      talus_handout_set_overlay_func (handout, func, data, destroy);
    }
  return handout;
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TalusWindow *self = TALUS_WINDOW (widget);
  TalusPresentWindow *present = talus_present_window_new (self->kb, self->sketch);
  TalusCondition *condition = NULL;

  if (gtk_stack_get_visible_child (self->side_stack) == GTK_WIDGET (self->condition_page))
    condition = talus_condition_page_get_condition (self->condition_page);

  gtk_window_set_application (GTK_WINDOW (present), gtk_window_get_application (GTK_WINDOW (self)));
  if (condition != NULL)
    talus_present_window_set_condition (present, condition);
  else
    talus_present_window_set_view (present, talus_anatomy_view_get_view (TALUS_ANATOMY_VIEW (self->anatomy_view)));
  talus_present_window_present_for (present, GTK_WINDOW (self));
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                TalusHandout      *handout)
{
  TalusWindow *self = g_object_get_data (G_OBJECT (operation), "talus-window");
  g_autoptr(GError) error = NULL;
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  guint n_pages;

  talus_handout_set_paper (handout,
                           talus_paper_for_size (gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS),
                                                 gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS)));
  n_pages = talus_handout_paginate (handout, gtk_print_context_get_cairo_context (context), &error);
  if (n_pages == 0)
    {
      /* the done handler shows it: a cancelled operation has no error of its own */
      if (self != NULL && self->print_error == NULL)
        self->print_error = error != NULL ? g_steal_pointer (&error)
                                          : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                                 _("The handout could not be laid out."));
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              TalusHandout      *handout)
{
  talus_handout_draw_page (handout, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               TalusWindow             *self)
{
  g_autoptr(GError) error = NULL;

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_ERROR:
      gtk_print_operation_get_error (operation, &error);
      show_error (self, _("Could Not Print"), error != NULL ? error->message : _("Unknown error"));
      break;
    case GTK_PRINT_OPERATION_RESULT_CANCEL:
      if (self->print_error != NULL)
        show_error (self, _("Could Not Print"), self->print_error->message);
      else
        show_toast (self, _("Printing canceled"));
      break;
    case GTK_PRINT_OPERATION_RESULT_APPLY:
      show_toast (self, _("Handout sent to the printer"));
      break;
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
    default:
      break;
    }
  g_clear_error (&self->print_error);
}

static void
run_print_dialog (TalusWindow  *self,
                  TalusHandout *handout)
{
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *operation;
  GtkPaperSize *paper;

  /* The window keeps the operation while the (asynchronous) dialog and printing run. */
  g_clear_object (&self->print_operation);
  g_clear_error (&self->print_error);
  self->print_operation = operation = gtk_print_operation_new ();
  g_object_set_data (G_OBJECT (operation), "talus-window", self);
  setup = gtk_page_setup_new ();
  paper = gtk_paper_size_new (talus_handout_get_paper (handout) == TALUS_PAPER_LETTER
                              ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_paper_size_free (paper);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The handout engine lays out the whole sheet itself, in points from the paper's corner. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_job_name (operation,
                                    talus_entry_get_display_name (TALUS_ENTRY (talus_handout_get_condition (handout)),
                                                                  TALUS_AUDIENCE_PATIENT));
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print_cb),
                         g_object_ref (handout), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb),
                         g_object_ref (handout), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR
      && error != NULL)
    show_error (self, _("Could Not Print"), error->message);
}

static void choose_export_file (TalusWindow *self, TalusHandout *handout);

static void
no_printer_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        TalusWindow      *self)
{
  TalusHandout *handout = g_object_get_data (G_OBJECT (dialog), "talus-handout");

  if (g_str_equal (response, "export"))
    choose_export_file (self, handout);
  else if (g_str_equal (response, "print"))
    run_print_dialog (self, handout);
}

/* Printing with no printer set up: say so, and offer the PDF instead of a print dialog with
 * nothing but "Print to File" in it. */
static void
show_no_printer (TalusWindow  *self,
                 TalusHandout *handout)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("No Printer Found"),
                                              _("This computer has no printer set up. Save the "
                                                "handout as a PDF to print it elsewhere or to give "
                                                "it to the patient, or set up a printer in Settings "
                                                "and try again."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "print", _("_Print Anyway…"),
                                    "export", _("_Export as PDF…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "talus-handout", g_object_ref (handout), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (no_printer_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  TalusWindow  *self;     /* weak: the window may close while printers are listed */
  TalusHandout *handout;
  gboolean      found;
} PrinterSearch;

static gboolean
printer_found_cb (GtkPrinter *printer,
                  gpointer    user_data)
{
  PrinterSearch *search = user_data;

  /* "Print to File" is a virtual printer: it does not count */
  if (!gtk_printer_is_virtual (printer))
    search->found = TRUE;
  return search->found;
}

static void
printers_listed_cb (gpointer user_data)
{
  PrinterSearch *search = user_data;

  if (search->self != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (search->self), (gpointer *) &search->self);
      if (search->found)
        run_print_dialog (search->self, search->handout);
      else
        show_no_printer (search->self, search->handout);
    }
  g_object_unref (search->handout);
  g_free (search);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TalusWindow *self = TALUS_WINDOW (widget);
  g_autoptr(TalusHandout) handout = create_handout (self);
  PrinterSearch *search;

  if (handout == NULL)
    return;

  /* In a sandbox the print portal owns the printers (and says when there are none). */
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      run_print_dialog (self, handout);
      return;
    }

  search = g_new0 (PrinterSearch, 1);
  search->self = self;
  search->handout = g_object_ref (handout);
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &search->self);
  gtk_enumerate_printers (printer_found_cb, search, printers_listed_cb, FALSE);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    TalusWindow     *self)
{
  g_autoptr(TalusHandout) handout = g_object_steal_data (G_OBJECT (dialog), "talus-handout");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && handout != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (file != NULL)
        talus_window_export_handout (self, handout, file);
    }

  g_object_unref (dialog);
}

static void
choose_export_file (TalusWindow  *self,
                    TalusHandout *handout)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export Handout as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.pdf", talus_entry_get_id (TALUS_ENTRY (talus_handout_get_condition (handout))));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data_full (G_OBJECT (chooser), "talus-handout", g_object_ref (handout), g_object_unref);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TalusWindow *self = TALUS_WINDOW (widget);
  g_autoptr(TalusHandout) handout = create_handout (self);

  if (handout != NULL)
    choose_export_file (self, handout);
}

/* Callbacks */

static gboolean
selection_idle_cb (gpointer user_data)
{
  TalusWindow *self = user_data;
  TalusAnatomyView *view = TALUS_ANATOMY_VIEW (self->anatomy_view);
  g_autofree char *structure = g_strdup (talus_anatomy_view_get_selected_structure (view));
  g_autofree char *region = g_strdup (talus_anatomy_view_get_selected_region (view));
  const char *page = current_key (self);

  self->selection_idle_id = 0;
  g_debug ("Drawing selection: structure %s, region %s", structure, region);

  set_action_state (self, "select-region", g_variant_new_string (region ? region : ""));
  set_action_state (self, "select-structure", g_variant_new_string (structure ? structure : ""));

  /* What the window asked for itself is not a new click. */
  if (g_strcmp0 (structure, self->applied_structure) == 0
      && g_strcmp0 (region, self->applied_region) == 0)
    return G_SOURCE_REMOVE;

  g_free (self->applied_structure);
  g_free (self->applied_region);
  self->applied_structure = g_strdup (structure);
  self->applied_region = g_strdup (region);

  if (g_str_equal (page, "ottawa") && structure != NULL)
    {
      if (talus_ottawa_page_toggle_landmark (self->ottawa_page, structure))
        return G_SOURCE_REMOVE;
    }

  if (g_str_equal (page, "checker"))
    {
      /* Clicking the drawing picks the region of the symptom checker. */
      if (region != NULL)
        talus_symptom_checker_set_region (self->checker,
                                          talus_knowledge_base_lookup_region (self->kb, region));
      return G_SOURCE_REMOVE;
    }

  if (region != NULL)
    {
      g_autofree char *key = structure != NULL
                             ? g_strdup_printf ("region:%s/%s", region, structure)
                             : g_strdup_printf ("region:%s", region);
      navigate (self, key);
    }
  else if (structure != NULL)
    {
      g_autofree char *key = g_strdup_printf ("structure:%s", structure);
      navigate (self, key);
    }

  return G_SOURCE_REMOVE;
}

static void
anatomy_selection_cb (GObject     *view,
                      GParamSpec  *pspec,
                      TalusWindow *self)
{
  /* Structure and region change together; handle them once. */
  if (self->selection_idle_id == 0)
    self->selection_idle_id = g_idle_add (selection_idle_cb, self);
}

static gboolean print_points_cb (gpointer user_data);

/* For the end-to-end test and screenshots: the points move when the drawing changes. */
static void
schedule_print_points (TalusWindow *self)
{
  if (g_getenv ("TALUS_DEBUG_PRINT_POINTS") == NULL || self->after_paint_id != 0
      || !gtk_widget_get_mapped (self->anatomy_view))
    return;
  g_clear_handle_id (&self->points_timeout_id, g_source_remove);
  self->points_timeout_id = g_timeout_add (300, print_points_cb, self);
}

static void
anatomy_view_cb (GObject     *view,
                 GParamSpec  *pspec,
                 TalusWindow *self)
{
  TalusViewKind kind = talus_anatomy_view_get_view (TALUS_ANATOMY_VIEW (view));

  schedule_print_points (self);
  set_action_state (self, "view", g_variant_new_string (talus_view_kind_to_nick (kind)));
  gtk_menu_button_set_label (self->view_menu_button, talus_view_kind_to_label (kind));
}

static void
anatomy_layers_cb (GObject     *view,
                   GParamSpec  *pspec,
                   TalusWindow *self)
{
  TalusLayers layers = get_layers (self);

  schedule_print_points (self);
  for (guint i = 0; i < G_N_ELEMENTS (layer_actions); i++)
    set_action_state (self, layer_actions[i].action,
                      g_variant_new_boolean ((layers & layer_actions[i].layer) != 0));
}

static void
ottawa_findings_cb (GObject     *page,
                    GParamSpec  *pspec,
                    TalusWindow *self)
{
  if (g_str_equal (current_key (self), "ottawa"))
    update_ottawa_highlight (self);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   TalusWindow    *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  talus_search_page_set_query (self->search_page, text);
  if (*text != '\0' && !g_str_equal (current_key (self), "search"))
    navigate (self, "search");
}

static void
search_activate_cb (GtkSearchEntry *entry,
                    TalusWindow    *self)
{
  talus_search_page_activate_first (self->search_page);
}

static void
stop_search_cb (GtkSearchEntry *entry,
                TalusWindow    *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (self->anatomy_view);
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       TalusWindow           *self)
{
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      talus_search_page_focus_results (self->search_page);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
search_mode_cb (GtkSearchBar *bar,
                GParamSpec   *pspec,
                TalusWindow  *self)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (self->search_entry));

  if (!gtk_search_bar_get_search_mode (bar))
    return;

  /* Typing elsewhere opened the bar: keep typing there, so Enter opens the first result. The
   * first letters are already in; do not select them. */
  if (GTK_IS_TEXT (text) && !gtk_widget_has_focus (GTK_WIDGET (text)))
    gtk_text_grab_focus_without_selecting (GTK_TEXT (text));
  if (!g_str_equal (current_key (self), "search"))
    navigate (self, "search");
}

static void
mouse_button_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 TalusWindow     *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == MOUSE_BUTTON_BACK)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.go-back", NULL);
  else if (button == MOUSE_BUTTON_FORWARD)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.go-forward", NULL);
  else
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
close_error_cb (GtkButton   *button,
                TalusWindow *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
settings_audience_cb (GSettings   *settings,
                      const char  *key,
                      TalusWindow *self)
{
  g_autofree char *audience = g_settings_get_string (settings, key);
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (self), "audience");

  if (!g_str_equal (g_variant_get_string (state, NULL), audience))
    g_action_group_change_action_state (G_ACTION_GROUP (self), "audience",
                                        g_variant_new_string (audience));
}

static gboolean
print_points_cb (gpointer user_data)
{
  static const char *ottawa_points[] = {
    "ottawa-lateral-malleolus", "ottawa-medial-malleolus", "ottawa-fifth-metatarsal",
    "ottawa-navicular",
  };
  TalusWindow *self = user_data;
  GListModel *regions = talus_knowledge_base_get_regions (self->kb);
  guint n = g_list_model_get_n_items (regions);
  GtkNative *native = gtk_widget_get_native (self->anatomy_view);
  double surface_x = 0, surface_y = 0;

  self->points_timeout_id = 0;

  /* Coordinates relative to the X window: widget -> window root -> surface (shadow margin). */
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);

  for (guint i = 0; i < n + G_N_ELEMENTS (ottawa_points); i++)
    {
      g_autoptr(TalusEntry) region = i < n ? g_list_model_get_item (regions, i) : NULL;
      const char *id = region != NULL ? talus_entry_get_id (region) : ottawa_points[i - n];
      graphene_point_t point, root_point;

      if (!talus_anatomy_view_compute_point_for_id (TALUS_ANATOMY_VIEW (self->anatomy_view), id,
                                                    &point))
        continue;
      if (!gtk_widget_compute_point (self->anatomy_view, GTK_WIDGET (native), &point, &root_point))
        continue;

      g_print ("TALUS_POINT %s %.0f %.0f\n", id, root_point.x + surface_x,
               root_point.y + surface_y);
    }
  g_print ("TALUS_POINTS_DONE\n");
  fflush (stdout);

  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                TalusWindow   *self)
{
  g_signal_handler_disconnect (clock, self->after_paint_id);
  self->after_paint_id = 0;

  if (self->benchmark_start > 0)
    {
      GApplication *app = g_application_get_default ();

      g_print ("%.1f ms to first frame\n", (g_get_monotonic_time () - self->benchmark_start) / 1000.0);
      fflush (stdout);
      if (app != NULL)
        g_application_quit (app);
      return;
    }

  /* Let the drawing settle its layout before reading points from it. */
  if (g_getenv ("TALUS_DEBUG_PRINT_POINTS") != NULL)
    self->points_timeout_id = g_timeout_add (300, print_points_cb, self);
}

static void
talus_window_map (GtkWidget *widget)
{
  TalusWindow *self = TALUS_WINDOW (widget);
  GdkFrameClock *clock;

  GTK_WIDGET_CLASS (talus_window_parent_class)->map (widget);

  if (self->benchmark_start == 0 && g_getenv ("TALUS_DEBUG_PRINT_POINTS") == NULL)
    return;

  clock = gtk_widget_get_frame_clock (widget);
  if (clock != NULL && self->after_paint_id == 0)
    self->after_paint_id = g_signal_connect_object (clock, "after-paint",
                                                    G_CALLBACK (after_paint_cb), self, 0);
}

static gboolean
talus_window_close_request (GtkWindow *window)
{
  TalusWindow *self = TALUS_WINDOW (window);
  int width, height;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (talus_window_parent_class)->close_request (window);
}

static void
talus_window_constructed (GObject *object)
{
  TalusWindow *self = TALUS_WINDOW (object);
  g_autofree char *view = NULL;
  g_autofree char *audience = NULL;

  G_OBJECT_CLASS (talus_window_parent_class)->constructed (object);

  g_assert (self->kb != NULL);

  talus_anatomy_view_set_knowledge_base (TALUS_ANATOMY_VIEW (self->anatomy_view), self->kb);
  self->checker = talus_symptom_checker_new (self->kb);
  talus_symptom_checker_page_set_checker (self->checker_page, self->checker);
  /* the search index is built by set_audience() below, in the audience it needs */

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      view = g_settings_get_string (self->settings, "last-view");
      audience = g_settings_get_string (self->settings, "audience");
      g_action_group_change_action_state (G_ACTION_GROUP (self), "view", g_variant_new_string (view));
      g_action_group_change_action_state (G_ACTION_GROUP (self), "audience",
                                          g_variant_new_string (audience));
    }

  anatomy_layers_cb (G_OBJECT (self->anatomy_view), NULL, self);
  anatomy_view_cb (G_OBJECT (self->anatomy_view), NULL, self);
  set_audience (self, self->audience);
  navigate (self, "home");
}

static void
talus_window_dispose (GObject *object)
{
  TalusWindow *self = (TalusWindow *) object;

  g_clear_handle_id (&self->selection_idle_id, g_source_remove);
  g_clear_handle_id (&self->points_timeout_id, g_source_remove);
  g_clear_object (&self->checker);
  g_clear_object (&self->settings);
  g_clear_object (&self->print_operation);
  g_clear_error (&self->print_error);
  g_clear_object (&self->handout_kb);
  g_clear_object (&self->sketch);

  gtk_widget_dispose_template (GTK_WIDGET (self), TALUS_TYPE_WINDOW);

  G_OBJECT_CLASS (talus_window_parent_class)->dispose (object);
}

static void
talus_window_finalize (GObject *object)
{
  TalusWindow *self = (TalusWindow *) object;

  g_clear_object (&self->kb);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->highlight, g_strfreev);
  g_free (self->applied_structure);
  g_free (self->applied_region);
  g_free (self->handout_language);
  g_free (self->last_message);

  G_OBJECT_CLASS (talus_window_parent_class)->finalize (object);
}

static void
talus_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TalusWindow *self = TALUS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_KNOWLEDGE_BASE:
      g_value_set_object (value, self->kb);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
talus_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TalusWindow *self = TALUS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_KNOWLEDGE_BASE:
      self->kb = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
talus_window_class_init (TalusWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char *views[] = { "lateral", "medial", "posterior", "plantar" };

  object_class->constructed = talus_window_constructed;
  object_class->dispose = talus_window_dispose;
  object_class->finalize = talus_window_finalize;
  object_class->get_property = talus_window_get_property;
  object_class->set_property = talus_window_set_property;
  widget_class->map = talus_window_map;
  window_class->close_request = talus_window_close_request;

  properties[PROP_KNOWLEDGE_BASE] =
    g_param_spec_object ("knowledge-base", NULL, NULL, TALUS_TYPE_KNOWLEDGE_BASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Referencing the UI resource links it in from the static library; it registers itself. */
  (void) talus_ui_get_resource ();

  g_type_ensure (TALUS_TYPE_ANATOMY_VIEW);
  g_type_ensure (TALUS_TYPE_REGION_PAGE);
  g_type_ensure (TALUS_TYPE_ENTRY_PAGE);
  g_type_ensure (TALUS_TYPE_CONDITION_PAGE);
  g_type_ensure (TALUS_TYPE_SYMPTOM_CHECKER_PAGE);
  g_type_ensure (TALUS_TYPE_OTTAWA_PAGE);
  g_type_ensure (TALUS_TYPE_SEARCH_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/talus-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TalusWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, TalusWindow, anatomy_view);
  gtk_widget_class_bind_template_child (widget_class, TalusWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, TalusWindow, region_page);
  gtk_widget_class_bind_template_child (widget_class, TalusWindow, entry_page);
  gtk_widget_class_bind_template_child (widget_class, TalusWindow, condition_page);
  gtk_widget_class_bind_template_child (widget_class, TalusWindow, checker_page);
  gtk_widget_class_bind_template_child (widget_class, TalusWindow, ottawa_page);
  gtk_widget_class_bind_template_child (widget_class, TalusWindow, search_page);
  gtk_widget_class_bind_template_child (widget_class, TalusWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TalusWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TalusWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, TalusWindow, view_menu_button);
  gtk_widget_class_bind_template_child (widget_class, TalusWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TalusWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TalusWindow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, talus_ui_activate_link_cb);

  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL, go_forward_action);
  gtk_widget_class_install_action (widget_class, "win.home", NULL, home_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.symptom-checker", NULL, symptom_checker_action);
  gtk_widget_class_install_action (widget_class, "win.ottawa", NULL, ottawa_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-panel", NULL, toggle_panel_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.go-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Forward, 0, "win.go-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.home", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK,
                                       "win.symptom-checker", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.ottawa", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-pdf", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK, "win.view",
                                         "s", views[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.audience",
                                       "s", "clinician");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.audience",
                                       "s", "patient");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.layer-labels",
                                       NULL);
}

static void
talus_window_init (TalusWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  GtkGesture *gesture;

  self->history = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->history, g_strdup ("home"));
  self->highlight = g_new0 (char *, 1);
  self->sketch = talus_sketch_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries),
                                   self);

  /* Without an installed schema (an uninstalled build) the window still works, unsaved. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      /* The preferences window can change the audience too. */
      g_signal_connect_object (self->settings, "changed::audience",
                               G_CALLBACK (settings_audience_cb), self, 0);
    }
  else
    g_debug ("GSettings schema %s not found; settings will not be saved", APP_ID);

  /* The entry sits in a clamp, so the bar cannot find it alone. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_object_bind_property (self->search_bar, "search-mode-enabled", self->search_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (mouse_button_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  g_signal_connect_object (self->anatomy_view, "notify::selected-structure",
                           G_CALLBACK (anatomy_selection_cb), self, 0);
  g_signal_connect_object (self->anatomy_view, "notify::selected-region",
                           G_CALLBACK (anatomy_selection_cb), self, 0);
  g_signal_connect_object (self->anatomy_view, "notify::view", G_CALLBACK (anatomy_view_cb), self, 0);
  g_signal_connect_object (self->anatomy_view, "notify::layers", G_CALLBACK (anatomy_layers_cb),
                           self, 0);
  g_signal_connect_object (self->ottawa_page, "notify::findings", G_CALLBACK (ottawa_findings_cb),
                           self, 0);
}

TalusWindow *
talus_window_new (GtkApplication     *application,
                  TalusKnowledgeBase *knowledge_base)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (TALUS_IS_KNOWLEDGE_BASE (knowledge_base), NULL);

  return g_object_new (TALUS_TYPE_WINDOW,
                       "application", application,
                       "knowledge-base", knowledge_base,
                       NULL);
}

TalusKnowledgeBase *
talus_window_get_knowledge_base (TalusWindow *self)
{
  g_return_val_if_fail (TALUS_IS_WINDOW (self), NULL);
  return self->kb;
}

void
talus_window_show_load_errors (TalusWindow *self,
                               GPtrArray   *errors)
{
  GString *text;

  g_return_if_fail (TALUS_IS_WINDOW (self));

  if (errors == NULL || errors->len == 0)
    {
      gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
      return;
    }

  text = g_string_new (NULL);
  g_string_append_printf (text, "<b>%s</b>",
                          g_dngettext (GETTEXT_PACKAGE,
                                       "A knowledge-base file could not be loaded and was skipped; Talus works on with the rest.",
                                       "Some knowledge-base files could not be loaded and were skipped; Talus works on with the rest.",
                                       errors->len));
  for (guint i = 0; i < errors->len; i++)
    {
      GError *error = g_ptr_array_index (errors, i);
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      g_string_append_printf (text, "\n<tt>%s</tt>", escaped);
    }
  gtk_label_set_markup (self->error_label, text->str);
  g_string_free (text, TRUE);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

GtkWidget *
talus_window_get_anatomy_view (TalusWindow *self)
{
  g_return_val_if_fail (TALUS_IS_WINDOW (self), NULL);
  return self->anatomy_view;
}

GtkWidget *
talus_window_get_visible_page (TalusWindow *self)
{
  g_return_val_if_fail (TALUS_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child (self->side_stack);
}

const char *
talus_window_get_page_key (TalusWindow *self)
{
  g_return_val_if_fail (TALUS_IS_WINDOW (self), NULL);
  return current_key (self);
}

const char * const *
talus_window_get_highlight (TalusWindow *self)
{
  g_return_val_if_fail (TALUS_IS_WINDOW (self), NULL);
  return (const char * const *) self->highlight;
}

void
talus_window_set_benchmark_startup (TalusWindow *self,
                                    gint64       start_time)
{
  g_return_if_fail (TALUS_IS_WINDOW (self));
  self->benchmark_start = start_time;
}

/**
 * talus_window_export_handout:
 * @handout: the handout (see the win.export-pdf action)
 * @file: where to write it
 *
 * Writes @handout as PDF to @file, atomically: on any failure (a full disk, a folder that cannot
 * be written) the window shows why, naming the file, and a file already there is left as it was.
 *
 * Returns: whether the file was written
 */
gboolean
talus_window_export_handout (TalusWindow  *self,
                             TalusHandout *handout,
                             GFile        *file)
{
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TALUS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (TALUS_IS_HANDOUT (handout), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_error (self, _("Could Not Export PDF"), _("Choose a file on this computer."));
      return FALSE;
    }
  if (!talus_handout_export_pdf (handout, path, &error))
    {
      g_autofree char *body = g_strdup_printf (_("%s\n\nNothing was changed: a file already there "
                                                 "keeps its old contents."), error->message);

      show_error (self, _("Could Not Export PDF"), body);
      return FALSE;
    }

  basename = g_file_get_basename (file);
  {
    g_autofree char *message = g_strdup_printf (_("Handout saved as “%s”"), basename);
    show_toast (self, message);
  }
  return TRUE;
}

/**
 * talus_window_create_handout:
 *
 * Returns: (transfer full) (nullable): the handout the print and export actions would make for
 * the condition shown, in the handout language of the preferences.
 */
TalusHandout *
talus_window_create_handout (TalusWindow *self)
{
  g_return_val_if_fail (TALUS_IS_WINDOW (self), NULL);

  return create_handout (self);
}

/* The text of the last toast the window showed, or %NULL. */
const char *
talus_window_get_last_message (TalusWindow *self)
{
  g_return_val_if_fail (TALUS_IS_WINDOW (self), NULL);

  return self->last_message;
}
