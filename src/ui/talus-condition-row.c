/* talus-condition-row.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "talus-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "talus-condition-row.h"
#include "talus-ui-util.h"

struct _TalusConditionRow
{
  GtkBox          parent_instance;

  TalusCondition *condition;
  const char     *category_class;

  GtkLabel       *name_label;
  GtkLabel       *summary_label;
  GtkLabel       *detail_label;
  GtkLabel       *category_label;
  GtkBox         *score_box;
  GtkLevelBar    *score_bar;
  GtkLabel       *score_label;
};

G_DEFINE_FINAL_TYPE (TalusConditionRow, talus_condition_row, GTK_TYPE_BOX)

static void
talus_condition_row_dispose (GObject *object)
{
  TalusConditionRow *self = (TalusConditionRow *) object;

  g_clear_object (&self->condition);

  G_OBJECT_CLASS (talus_condition_row_parent_class)->dispose (object);
}

static void
talus_condition_row_class_init (TalusConditionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = talus_condition_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_PATH "/ui/talus-condition-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TalusConditionRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionRow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionRow, category_label);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionRow, score_box);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionRow, score_bar);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionRow, score_label);
}

static void
talus_condition_row_init (TalusConditionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
talus_condition_row_new (void)
{
  return g_object_new (TALUS_TYPE_CONDITION_ROW, NULL);
}

void
talus_condition_row_set_condition (TalusConditionRow *self,
                                   TalusCondition    *condition,
                                   TalusAudience      audience)
{
  TalusCategory category;

  g_return_if_fail (TALUS_IS_CONDITION_ROW (self));
  g_return_if_fail (condition == NULL || TALUS_IS_CONDITION (condition));

  g_set_object (&self->condition, condition);
  if (self->category_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->category_label), self->category_class);
  self->category_class = NULL;

  if (condition == NULL)
    {
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->summary_label, "");
      gtk_label_set_label (self->category_label, "");
      return;
    }

  category = talus_condition_get_category (condition);
  gtk_label_set_label (self->name_label,
                       talus_entry_get_display_name (TALUS_ENTRY (condition), audience));
  gtk_label_set_label (self->summary_label,
                       talus_entry_get_display_summary (TALUS_ENTRY (condition), audience));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_label),
                               talus_entry_get_display_summary (TALUS_ENTRY (condition), audience));
  gtk_label_set_label (self->category_label, talus_category_to_label (category));
  self->category_class = talus_ui_category_css_class (category);
  gtk_widget_add_css_class (GTK_WIDGET (self->category_label), self->category_class);
}

TalusCondition *
talus_condition_row_get_condition (TalusConditionRow *self)
{
  g_return_val_if_fail (TALUS_IS_CONDITION_ROW (self), NULL);
  return self->condition;
}

void
talus_condition_row_set_detail (TalusConditionRow *self,
                                const char        *markup)
{
  g_return_if_fail (TALUS_IS_CONDITION_ROW (self));

  gtk_label_set_markup (self->detail_label, markup != NULL ? markup : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), markup != NULL && *markup != '\0');
}

void
talus_condition_row_set_score (TalusConditionRow *self,
                               double             score)
{
  g_autofree char *text = NULL;

  g_return_if_fail (TALUS_IS_CONDITION_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->score_box), score >= 0);
  if (score < 0)
    return;

  gtk_level_bar_set_value (self->score_bar, CLAMP (score, 0, 100));
  /* Translators: a match score out of 100 in the symptom checker */
  text = g_strdup_printf (_("%.0f%% match"), score);
  gtk_label_set_label (self->score_label, text);
}
