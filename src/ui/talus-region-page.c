/* talus-region-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "talus-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "talus-condition-list.h"
#include "talus-region-page.h"
#include "talus-ui-util.h"

struct _TalusRegionPage
{
  AdwBin              parent_instance;

  TalusRegion        *region;
  TalusStructure     *structure;
  TalusAudience       audience;

  GtkScrolledWindow  *scroller;
  GtkLabel           *title_label;
  GtkBox             *structure_box;
  GtkLabel           *structure_kind;
  GtkLabel           *structure_title;
  GtkLabel           *structure_summary;
  GtkLabel           *structure_more;
  GtkLabel           *summary_label;
  GtkLabel           *structures_label;
  GtkLabel           *conditions_heading;
  GtkLabel           *empty_label;
  TalusConditionList *conditions_list;
};

G_DEFINE_FINAL_TYPE (TalusRegionPage, talus_region_page, ADW_TYPE_BIN)

static void
refresh (TalusRegionPage *self)
{
  TalusEntry *entry = TALUS_ENTRY (self->region);
  GListModel *conditions;
  g_autofree char *structures = NULL;
  g_autofree char *heading = NULL;
  guint n;

  if (self->region == NULL)
    {
      talus_condition_list_set_model (self->conditions_list, NULL);
      return;
    }

  conditions = talus_entry_get_conditions (entry);
  n = g_list_model_get_n_items (conditions);

  gtk_label_set_label (self->title_label, talus_entry_get_display_name (entry, self->audience));

  gtk_widget_set_visible (GTK_WIDGET (self->structure_box), self->structure != NULL);
  if (self->structure != NULL)
    {
      TalusEntry *structure = TALUS_ENTRY (self->structure);
      g_autofree char *more = NULL;
      g_autofree char *more_text = NULL;
      guint n_conditions = g_list_model_get_n_items (talus_entry_get_conditions (structure));

      gtk_label_set_label (self->structure_kind,
                           talus_structure_kind_to_label (talus_structure_get_kind (self->structure)));
      gtk_label_set_label (self->structure_title,
                           talus_entry_get_display_name (structure, self->audience));
      gtk_label_set_label (self->structure_summary,
                           talus_entry_get_display_summary (structure, self->audience));
      more_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u condition involves it",
                                                "%u conditions involve it", n_conditions),
                                   n_conditions);
      more = talus_ui_link_markup ("structure", talus_entry_get_id (structure), more_text);
      gtk_label_set_markup (self->structure_more, more);
    }
  gtk_label_set_label (self->summary_label,
                       talus_entry_get_display_summary (entry, self->audience));

  structures = talus_ui_links_for_model (talus_region_get_structures (self->region), "structure",
                                         NULL, self->audience);
  gtk_label_set_markup (self->structures_label, structures != NULL ? structures : "");
  gtk_widget_set_visible (GTK_WIDGET (self->structures_label), structures != NULL);

  heading = g_strdup_printf (self->audience == TALUS_AUDIENCE_PATIENT
                             ? _("Problems that cause pain here (%u)")
                             : _("Conditions in this region (%u)"), n);
  gtk_label_set_label (self->conditions_heading, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->conditions_list), n > 0);

  talus_condition_list_set_audience (self->conditions_list, self->audience);
  talus_condition_list_set_model (self->conditions_list, conditions);
}

static void
talus_region_page_dispose (GObject *object)
{
  TalusRegionPage *self = (TalusRegionPage *) object;

  g_clear_object (&self->region);
  g_clear_object (&self->structure);

  G_OBJECT_CLASS (talus_region_page_parent_class)->dispose (object);
}

static void
talus_region_page_class_init (TalusRegionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = talus_region_page_dispose;

  g_type_ensure (TALUS_TYPE_CONDITION_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/talus-region-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TalusRegionPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, TalusRegionPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TalusRegionPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TalusRegionPage, structure_box);
  gtk_widget_class_bind_template_child (widget_class, TalusRegionPage, structure_kind);
  gtk_widget_class_bind_template_child (widget_class, TalusRegionPage, structure_title);
  gtk_widget_class_bind_template_child (widget_class, TalusRegionPage, structure_summary);
  gtk_widget_class_bind_template_child (widget_class, TalusRegionPage, structure_more);
  gtk_widget_class_bind_template_child (widget_class, TalusRegionPage, structures_label);
  gtk_widget_class_bind_template_child (widget_class, TalusRegionPage, conditions_heading);
  gtk_widget_class_bind_template_child (widget_class, TalusRegionPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, TalusRegionPage, conditions_list);
  gtk_widget_class_bind_template_callback (widget_class, talus_ui_activate_link_cb);
}

static void
talus_region_page_init (TalusRegionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
talus_region_page_new (void)
{
  return g_object_new (TALUS_TYPE_REGION_PAGE, NULL);
}

void
talus_region_page_set_region (TalusRegionPage *self,
                              TalusRegion     *region)
{
  g_return_if_fail (TALUS_IS_REGION_PAGE (self));
  g_return_if_fail (region == NULL || TALUS_IS_REGION (region));

  g_set_object (&self->region, region);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  refresh (self);
}

TalusRegion *
talus_region_page_get_region (TalusRegionPage *self)
{
  g_return_val_if_fail (TALUS_IS_REGION_PAGE (self), NULL);
  return self->region;
}

void
talus_region_page_set_structure (TalusRegionPage *self,
                                 TalusStructure  *structure)
{
  g_return_if_fail (TALUS_IS_REGION_PAGE (self));
  g_return_if_fail (structure == NULL || TALUS_IS_STRUCTURE (structure));

  g_set_object (&self->structure, structure);
  refresh (self);
}

void
talus_region_page_set_audience (TalusRegionPage *self,
                                TalusAudience    audience)
{
  g_return_if_fail (TALUS_IS_REGION_PAGE (self));

  if (self->audience == audience)
    return;
  self->audience = audience;
  refresh (self);
}

GListModel *
talus_region_page_get_conditions (TalusRegionPage *self)
{
  g_return_val_if_fail (TALUS_IS_REGION_PAGE (self), NULL);
  return talus_condition_list_get_model (self->conditions_list);
}
