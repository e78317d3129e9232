/* talus-symptom-checker-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "talus-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "talus-condition-row.h"
#include "talus-link.h"
#include "talus-symptom-checker-page.h"
#include "talus-ui-util.h"

#define N_GROUPS (TALUS_SYMPTOM_GROUP_GENERAL + 1)
/* How many missing symptoms a result lists. */
#define MAX_MISSING 4

struct _TalusSymptomCheckerPage
{
  AdwBin               parent_instance;

  TalusSymptomChecker *checker;
  TalusAudience        audience;
  gboolean             updating_region;
  /* The symptom rows and the region list are out of date; they are built when the page is next
   * shown (mapped), not for a page nobody sees yet (see rebuild()). */
  gboolean             stale;

  GtkRevealer         *banner_revealer;
  GtkBox              *banner_box;
  GtkLabel            *banner_title;
  GtkLabel            *banner_text;
  GtkDropDown         *region_dropdown;
  GtkLabel            *group_labels[N_GROUPS];
  GtkListBox          *group_lists[N_GROUPS];
  GtkListBox          *results_list;
  GtkLabel            *results_empty;
  GtkButton           *clear_button;
  const char          *banner_class;
};

G_DEFINE_FINAL_TYPE (TalusSymptomCheckerPage, talus_symptom_checker_page, ADW_TYPE_BIN)

static gboolean
filter_group_cb (gpointer item,
                 gpointer user_data)
{
  return (int) talus_symptom_get_group (item) == GPOINTER_TO_INT (user_data);
}

static void
symptom_toggled_cb (GtkCheckButton          *button,
                    TalusSymptomCheckerPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "talus-symptom-id");

  talus_symptom_checker_set_symptom (self->checker, id, gtk_check_button_get_active (button));
}

static GtkWidget *
create_symptom_row (gpointer item,
                    gpointer user_data)
{
  TalusSymptomCheckerPage *self = user_data;
  TalusEntry *symptom = item;
  GtkWidget *button;
  const char *summary;

  /* Patient words always: the person ticking may be the patient. Clinicians get their term in
   * the tooltip. */
  button = gtk_check_button_new_with_label (talus_entry_get_display_name (symptom,
                                                                         TALUS_AUDIENCE_PATIENT));
  gtk_widget_set_margin_start (button, 8);
  gtk_widget_set_margin_end (button, 8);
  gtk_widget_set_margin_top (button, 4);
  gtk_widget_set_margin_bottom (button, 4);
  summary = talus_entry_get_patient_summary (symptom);
  if (self->audience == TALUS_AUDIENCE_CLINICIAN)
    {
      g_autofree char *tooltip = g_strdup_printf ("%s%s%s", talus_entry_get_name (symptom),
                                                  summary != NULL ? "\n" : "",
                                                  summary != NULL ? summary : "");
      gtk_widget_set_tooltip_text (button, tooltip);
    }
  else if (summary != NULL)
    gtk_widget_set_tooltip_text (button, summary);
  g_object_set_data_full (G_OBJECT (button), "talus-symptom-id",
                          g_strdup (talus_entry_get_id (symptom)), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (button),
                               talus_symptom_checker_has_symptom (self->checker,
                                                                  talus_entry_get_id (symptom)));
  g_signal_connect_object (button, "toggled", G_CALLBACK (symptom_toggled_cb), self, 0);
  return button;
}

static char *
join_names (GPtrArray     *entries,
            gboolean       links,
            guint          max,
            TalusAudience  audience)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < entries->len && i < max; i++)
    {
      gpointer item = g_ptr_array_index (entries, i);
      TalusEntry *entry = links ? talus_link_get_target (item) : item;
      g_autofree char *escaped = g_markup_escape_text (talus_entry_get_display_name (entry, audience), -1);

      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, escaped);
    }
  if (entries->len > max)
    g_string_append (out, ", …");
  return g_string_free (out, FALSE);
}

static GtkWidget *
create_result_row (gpointer item,
                   gpointer user_data)
{
  TalusSymptomCheckerPage *self = user_data;
  TalusDifferentialResult *result = item;
  TalusConditionRow *row = TALUS_CONDITION_ROW (talus_condition_row_new ());
  GPtrArray *matched = talus_differential_result_get_matched (result);
  GPtrArray *missing = talus_differential_result_get_missing (result);
  g_autofree char *matched_text = join_names (matched, FALSE, G_MAXUINT, self->audience);
  g_autofree char *missing_text = join_names (missing, TRUE, MAX_MISSING, self->audience);
  GString *detail = g_string_new (NULL);
  g_autofree char *detail_text = NULL;

  talus_condition_row_set_condition (row, talus_differential_result_get_condition (result),
                                     self->audience);
  talus_condition_row_set_score (row, talus_differential_result_get_score (result));

  g_string_append_printf (detail, "<b>%s</b> %s", _("Matches:"), matched_text);
  if (missing->len > 0)
    g_string_append_printf (detail, "\n<b>%s</b> %s", _("Usually also:"), missing_text);
  if (talus_symptom_checker_get_region (self->checker) != NULL
      && !talus_differential_result_get_in_region (result))
    g_string_append_printf (detail, "\n<i>%s</i>", _("Not usually in the chosen region"));
  detail_text = g_string_free (detail, FALSE);
  talus_condition_row_set_detail (row, detail_text);

  return GTK_WIDGET (row);
}

static void
update_banner (TalusSymptomCheckerPage *self)
{
  GListModel *flags = talus_symptom_checker_get_red_flags (self->checker);
  guint n = g_list_model_get_n_items (flags);
  g_autoptr(TalusRedFlag) first = NULL;
  GString *text;
  TalusUrgency urgency;

  gtk_revealer_set_reveal_child (self->banner_revealer, n > 0);
  if (n == 0)
    return;

  first = g_list_model_get_item (flags, 0);
  urgency = talus_red_flag_get_urgency (first);

  if (self->banner_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->banner_box), self->banner_class);
  self->banner_class = talus_ui_urgency_css_class (urgency);
  gtk_widget_add_css_class (GTK_WIDGET (self->banner_box), self->banner_class);

  gtk_label_set_label (self->banner_title, talus_ui_urgency_advice (urgency, self->audience));

  text = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusRedFlag) flag = g_list_model_get_item (flags, i);
      const char *summary = talus_entry_get_display_summary (TALUS_ENTRY (flag), self->audience);
      g_autofree char *line = NULL;

      line = g_markup_printf_escaped ("%s<b>%s</b> (%s)%s%s", i > 0 ? "\n" : "",
                                      talus_entry_get_display_name (TALUS_ENTRY (flag), self->audience),
                                      talus_urgency_to_label (talus_red_flag_get_urgency (flag)),
                                      summary != NULL ? ": " : "", summary != NULL ? summary : "");
      g_string_append (text, line);
    }
  gtk_label_set_markup (self->banner_text, text->str);
  g_string_free (text, TRUE);
}

static void
update_results_state (TalusSymptomCheckerPage *self)
{
  guint n_results = g_list_model_get_n_items (talus_symptom_checker_get_results (self->checker));
  guint n_symptoms = talus_symptom_checker_get_n_symptoms (self->checker);

  gtk_widget_set_visible (GTK_WIDGET (self->results_list), n_results > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->results_empty), n_results == 0);
  gtk_label_set_label (self->results_empty,
                       n_symptoms == 0 ? _("Tick one or more symptoms to see the conditions that share them.")
                                       : _("No condition in the knowledge base lists these symptoms."));
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), n_symptoms > 0);
}

static void
results_changed_cb (GListModel              *model,
                    guint                    position,
                    guint                    removed,
                    guint                    added,
                    TalusSymptomCheckerPage *self)
{
  update_results_state (self);
}

static void
red_flags_changed_cb (GListModel              *model,
                      guint                    position,
                      guint                    removed,
                      guint                    added,
                      TalusSymptomCheckerPage *self)
{
  update_banner (self);
}

static void
sync_region_dropdown (TalusSymptomCheckerPage *self)
{
  TalusRegion *region = talus_symptom_checker_get_region (self->checker);
  GListModel *regions = talus_knowledge_base_get_regions (talus_symptom_checker_get_knowledge_base (self->checker));
  guint selected = 0;
  guint n = g_list_model_get_n_items (regions);

  for (guint i = 0; region != NULL && i < n; i++)
    {
      g_autoptr(TalusRegion) item = g_list_model_get_item (regions, i);
      if (item == region)
        selected = i + 1;
    }

  self->updating_region = TRUE;
  gtk_drop_down_set_selected (self->region_dropdown, selected);
  self->updating_region = FALSE;
}

static void
checker_region_cb (TalusSymptomChecker     *checker,
                   GParamSpec              *pspec,
                   TalusSymptomCheckerPage *self)
{
  if (self->stale)
    return;
  sync_region_dropdown (self);
  /* The in-region note of each result depends on the region. */
  gtk_list_box_bind_model (self->results_list, talus_symptom_checker_get_results (self->checker),
                           create_result_row, self, NULL);
}

static void
region_selected_cb (GtkDropDown             *dropdown,
                    GParamSpec              *pspec,
                    TalusSymptomCheckerPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  GListModel *regions;
  g_autoptr(TalusRegion) region = NULL;

  if (self->updating_region || self->checker == NULL)
    return;

  regions = talus_knowledge_base_get_regions (talus_symptom_checker_get_knowledge_base (self->checker));
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    region = g_list_model_get_item (regions, selected - 1);
  talus_symptom_checker_set_region (self->checker, region);
}

static void
result_activated_cb (GtkListBox              *list,
                     GtkListBoxRow           *row,
                     TalusSymptomCheckerPage *self)
{
  g_autoptr(TalusDifferentialResult) result = NULL;
  TalusCondition *condition;

  result = g_list_model_get_item (talus_symptom_checker_get_results (self->checker),
                                  gtk_list_box_row_get_index (row));
  if (result == NULL)
    return;

  condition = talus_differential_result_get_condition (result);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-condition", "s",
                              talus_entry_get_id (TALUS_ENTRY (condition)));
}

static void
clear_cb (GtkButton               *button,
          TalusSymptomCheckerPage *self)
{
  talus_symptom_checker_clear (self->checker);
  talus_symptom_checker_set_region (self->checker, NULL);
  talus_symptom_checker_page_set_audience (self, self->audience);
}

static void
rebuild_now (TalusSymptomCheckerPage *self)
{
  TalusKnowledgeBase *kb;
  g_autoptr(GtkStringList) names = NULL;
  GListModel *regions;
  guint n;

  self->stale = FALSE;
  if (self->checker == NULL)
    return;

  kb = talus_symptom_checker_get_knowledge_base (self->checker);

  for (guint i = 0; i < N_GROUPS; i++)
    {
      GtkCustomFilter *filter = gtk_custom_filter_new (filter_group_cb, GINT_TO_POINTER (i), NULL);
      g_autoptr(GtkFilterListModel) model = NULL;

      model = gtk_filter_list_model_new (g_object_ref (talus_knowledge_base_get_symptoms (kb)),
                                         GTK_FILTER (filter));
      gtk_label_set_label (self->group_labels[i], talus_symptom_group_to_label (i));
      gtk_list_box_bind_model (self->group_lists[i], G_LIST_MODEL (model), create_symptom_row, self,
                               NULL);
      n = g_list_model_get_n_items (G_LIST_MODEL (model));
      gtk_widget_set_visible (GTK_WIDGET (self->group_labels[i]), n > 0);
      gtk_widget_set_visible (GTK_WIDGET (self->group_lists[i]), n > 0);
    }

  names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, self->audience == TALUS_AUDIENCE_PATIENT ? _("Anywhere")
                                                                          : _("Any region"));
  regions = talus_knowledge_base_get_regions (kb);
  n = g_list_model_get_n_items (regions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusEntry) region = g_list_model_get_item (regions, i);
      gtk_string_list_append (names, talus_entry_get_display_name (region, self->audience));
    }
  self->updating_region = TRUE;
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (names));
  self->updating_region = FALSE;
  sync_region_dropdown (self);

  gtk_list_box_bind_model (self->results_list, talus_symptom_checker_get_results (self->checker),
                           create_result_row, self, NULL);
  update_results_state (self);
  update_banner (self);
}

/* One row per symptom in the knowledge base: too many to build (and measure) at start-up for a
 * page that is not shown, so a hidden page only marks itself stale. */
static void
rebuild (TalusSymptomCheckerPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild_now (self);
  else
    self->stale = TRUE;
}

static void
talus_symptom_checker_page_map (GtkWidget *widget)
{
  TalusSymptomCheckerPage *self = TALUS_SYMPTOM_CHECKER_PAGE (widget);

  /* Before the children are mapped, so the new rows are mapped with them. */
  if (self->stale)
    rebuild_now (self);

  GTK_WIDGET_CLASS (talus_symptom_checker_page_parent_class)->map (widget);
}

static void
talus_symptom_checker_page_dispose (GObject *object)
{
  TalusSymptomCheckerPage *self = (TalusSymptomCheckerPage *) object;

  if (self->checker != NULL)
    {
      g_signal_handlers_disconnect_by_data (talus_symptom_checker_get_results (self->checker), self);
      g_signal_handlers_disconnect_by_data (talus_symptom_checker_get_red_flags (self->checker), self);
      g_signal_handlers_disconnect_by_data (self->checker, self);
    }
  g_clear_object (&self->checker);

  G_OBJECT_CLASS (talus_symptom_checker_page_parent_class)->dispose (object);
}

static void
talus_symptom_checker_page_class_init (TalusSymptomCheckerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *groups[N_GROUPS] = { "pain", "swelling", "movement", "nerve", "general" };

  object_class->dispose = talus_symptom_checker_page_dispose;
  widget_class->map = talus_symptom_checker_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_PATH "/ui/talus-symptom-checker-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TalusSymptomCheckerPage, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, TalusSymptomCheckerPage, banner_box);
  gtk_widget_class_bind_template_child (widget_class, TalusSymptomCheckerPage, banner_title);
  gtk_widget_class_bind_template_child (widget_class, TalusSymptomCheckerPage, banner_text);
  gtk_widget_class_bind_template_child (widget_class, TalusSymptomCheckerPage, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TalusSymptomCheckerPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, TalusSymptomCheckerPage, results_empty);
  gtk_widget_class_bind_template_child (widget_class, TalusSymptomCheckerPage, clear_button);
  for (guint i = 0; i < N_GROUPS; i++)
    {
      g_autofree char *label = g_strdup_printf ("%s_label", groups[i]);
      g_autofree char *list = g_strdup_printf ("%s_list", groups[i]);

      gtk_widget_class_bind_template_child_full (widget_class, label, FALSE,
        G_STRUCT_OFFSET (TalusSymptomCheckerPage, group_labels) + i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, list, FALSE,
        G_STRUCT_OFFSET (TalusSymptomCheckerPage, group_lists) + i * sizeof (gpointer));
    }
  gtk_widget_class_bind_template_callback (widget_class, region_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_cb);
}

static void
talus_symptom_checker_page_init (TalusSymptomCheckerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
talus_symptom_checker_page_new (void)
{
  return g_object_new (TALUS_TYPE_SYMPTOM_CHECKER_PAGE, NULL);
}

void
talus_symptom_checker_page_set_checker (TalusSymptomCheckerPage *self,
                                        TalusSymptomChecker     *checker)
{
  g_return_if_fail (TALUS_IS_SYMPTOM_CHECKER_PAGE (self));
  g_return_if_fail (TALUS_IS_SYMPTOM_CHECKER (checker));

  if (self->checker == checker)
    return;

  if (self->checker != NULL)
    {
      g_signal_handlers_disconnect_by_data (talus_symptom_checker_get_results (self->checker), self);
      g_signal_handlers_disconnect_by_data (talus_symptom_checker_get_red_flags (self->checker), self);
      g_signal_handlers_disconnect_by_data (self->checker, self);
    }
  g_set_object (&self->checker, checker);

  g_signal_connect (talus_symptom_checker_get_results (checker), "items-changed",
                    G_CALLBACK (results_changed_cb), self);
  g_signal_connect (talus_symptom_checker_get_red_flags (checker), "items-changed",
                    G_CALLBACK (red_flags_changed_cb), self);
  g_signal_connect (checker, "notify::region", G_CALLBACK (checker_region_cb), self);
  rebuild (self);
}

TalusSymptomChecker *
talus_symptom_checker_page_get_checker (TalusSymptomCheckerPage *self)
{
  g_return_val_if_fail (TALUS_IS_SYMPTOM_CHECKER_PAGE (self), NULL);
  return self->checker;
}

void
talus_symptom_checker_page_set_audience (TalusSymptomCheckerPage *self,
                                         TalusAudience            audience)
{
  g_return_if_fail (TALUS_IS_SYMPTOM_CHECKER_PAGE (self));

  self->audience = audience;
  rebuild (self);
}
