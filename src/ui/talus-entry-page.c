/* talus-entry-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "talus-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "talus-condition-list.h"
#include "talus-entry-page.h"
#include "talus-ui-util.h"

struct _TalusEntryPage
{
  AdwBin              parent_instance;

  TalusEntry         *entry;
  TalusAudience       audience;

  GtkScrolledWindow  *scroller;
  GtkLabel           *kind_label;
  GtkLabel           *title_label;
  GtkLabel           *summary_label;
  GtkLabel           *regions_heading;
  GtkLabel           *regions_label;
  GtkLabel           *conditions_heading;
  GtkLabel           *empty_label;
  TalusConditionList *conditions_list;
};

G_DEFINE_FINAL_TYPE (TalusEntryPage, talus_entry_page, ADW_TYPE_BIN)

static const char *
kind_label (TalusEntry *entry)
{
  if (TALUS_IS_STRUCTURE (entry))
    return talus_structure_kind_to_label (talus_structure_get_kind (TALUS_STRUCTURE (entry)));
  if (TALUS_IS_SYMPTOM (entry))
    return _("Symptom");
  if (TALUS_IS_DIAGNOSTIC (entry))
    return talus_diagnostic_kind_to_label (talus_diagnostic_get_kind (TALUS_DIAGNOSTIC (entry)));
  if (TALUS_IS_CARE_OPTION (entry))
    return talus_care_stage_to_label (talus_care_option_get_stage (TALUS_CARE_OPTION (entry)));
  if (TALUS_IS_RED_FLAG (entry))
    return _("Red flag");
  return "";
}

static const char *
conditions_heading (TalusEntry    *entry,
                    TalusAudience  audience)
{
  if (TALUS_IS_STRUCTURE (entry))
    return audience == TALUS_AUDIENCE_PATIENT ? _("Problems that affect it")
                                              : _("Conditions that involve it");
  if (TALUS_IS_SYMPTOM (entry))
    return audience == TALUS_AUDIENCE_PATIENT ? _("Problems that can cause it")
                                              : _("Conditions with this symptom");
  if (TALUS_IS_DIAGNOSTIC (entry))
    return _("Used to diagnose");
  if (TALUS_IS_CARE_OPTION (entry))
    return _("Used to treat");
  return _("Conditions");
}

static void
refresh (TalusEntryPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *regions = NULL;
  GListModel *conditions;
  const char *summary;
  guint n;

  if (self->entry == NULL)
    {
      talus_condition_list_set_model (self->conditions_list, NULL);
      return;
    }

  gtk_label_set_label (self->kind_label, kind_label (self->entry));

  if (TALUS_IS_STRUCTURE (self->entry)
      && talus_structure_get_abbreviation (TALUS_STRUCTURE (self->entry)) != NULL
      && self->audience == TALUS_AUDIENCE_CLINICIAN)
    title = g_strdup_printf ("%s (%s)", talus_entry_get_display_name (self->entry, self->audience),
                             talus_structure_get_abbreviation (TALUS_STRUCTURE (self->entry)));
  else
    title = g_strdup (talus_entry_get_display_name (self->entry, self->audience));
  gtk_label_set_label (self->title_label, title);

  summary = talus_entry_get_display_summary (self->entry, self->audience);
  gtk_label_set_label (self->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && *summary != '\0');

  if (TALUS_IS_STRUCTURE (self->entry))
    regions = talus_ui_links_for_model (talus_structure_get_regions (TALUS_STRUCTURE (self->entry)),
                                        "region", NULL, self->audience);
  gtk_label_set_markup (self->regions_label, regions != NULL ? regions : "");
  gtk_widget_set_visible (GTK_WIDGET (self->regions_label), regions != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->regions_heading), regions != NULL);

  conditions = talus_entry_get_conditions (self->entry);
  n = g_list_model_get_n_items (conditions);
  gtk_label_set_label (self->conditions_heading, conditions_heading (self->entry, self->audience));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->conditions_list), n > 0);
  talus_condition_list_set_audience (self->conditions_list, self->audience);
  talus_condition_list_set_model (self->conditions_list, conditions);
}

static void
talus_entry_page_dispose (GObject *object)
{
  TalusEntryPage *self = (TalusEntryPage *) object;

  g_clear_object (&self->entry);

  G_OBJECT_CLASS (talus_entry_page_parent_class)->dispose (object);
}

static void
talus_entry_page_class_init (TalusEntryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = talus_entry_page_dispose;

  g_type_ensure (TALUS_TYPE_CONDITION_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/talus-entry-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TalusEntryPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, TalusEntryPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, TalusEntryPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TalusEntryPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TalusEntryPage, regions_heading);
  gtk_widget_class_bind_template_child (widget_class, TalusEntryPage, regions_label);
  gtk_widget_class_bind_template_child (widget_class, TalusEntryPage, conditions_heading);
  gtk_widget_class_bind_template_child (widget_class, TalusEntryPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, TalusEntryPage, conditions_list);
  gtk_widget_class_bind_template_callback (widget_class, talus_ui_activate_link_cb);
}

static void
talus_entry_page_init (TalusEntryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
talus_entry_page_new (void)
{
  return g_object_new (TALUS_TYPE_ENTRY_PAGE, NULL);
}

void
talus_entry_page_set_entry (TalusEntryPage *self,
                            TalusEntry     *entry)
{
  g_return_if_fail (TALUS_IS_ENTRY_PAGE (self));
  g_return_if_fail (entry == NULL || TALUS_IS_ENTRY (entry));

  g_set_object (&self->entry, entry);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  refresh (self);
}

TalusEntry *
talus_entry_page_get_entry (TalusEntryPage *self)
{
  g_return_val_if_fail (TALUS_IS_ENTRY_PAGE (self), NULL);
  return self->entry;
}

void
talus_entry_page_set_audience (TalusEntryPage *self,
                               TalusAudience   audience)
{
  g_return_if_fail (TALUS_IS_ENTRY_PAGE (self));

  if (self->audience == audience)
    return;
  self->audience = audience;
  refresh (self);
}

GListModel *
talus_entry_page_get_conditions (TalusEntryPage *self)
{
  g_return_val_if_fail (TALUS_IS_ENTRY_PAGE (self), NULL);
  return talus_condition_list_get_model (self->conditions_list);
}
