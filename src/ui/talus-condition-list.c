/* talus-condition-list.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "talus-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "talus-condition-list.h"
#include "talus-condition-row.h"

struct _TalusConditionList
{
  AdwBin         parent_instance;

  GListModel    *model;
  TalusAudience  audience;

  GtkListView   *list_view;
};

enum {
  PROP_0,
  PROP_MODEL,
  PROP_AUDIENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TalusConditionList, talus_condition_list, ADW_TYPE_BIN)

static void
refresh (TalusConditionList *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  /* A new selection model rebinds every row, so the text follows the audience. */
  if (self->model != NULL)
    selection = gtk_no_selection_new (g_object_ref (self->model));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          TalusConditionList       *self)
{
  gtk_list_item_set_child (item, talus_condition_row_new ());
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         TalusConditionList       *self)
{
  TalusConditionRow *row = TALUS_CONDITION_ROW (gtk_list_item_get_child (item));

  talus_condition_row_set_condition (row, gtk_list_item_get_item (item), self->audience);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           TalusConditionList       *self)
{
  talus_condition_row_set_condition (TALUS_CONDITION_ROW (gtk_list_item_get_child (item)), NULL,
                                     self->audience);
}

static void
activate_cb (GtkListView        *list_view,
             guint               position,
             TalusConditionList *self)
{
  g_autoptr(TalusEntry) condition = NULL;

  if (self->model == NULL)
    return;

  condition = g_list_model_get_item (self->model, position);
  if (condition != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-condition", "s",
                                talus_entry_get_id (condition));
}

static void
talus_condition_list_dispose (GObject *object)
{
  TalusConditionList *self = (TalusConditionList *) object;

  g_clear_object (&self->model);

  G_OBJECT_CLASS (talus_condition_list_parent_class)->dispose (object);
}

static void
talus_condition_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TalusConditionList *self = TALUS_CONDITION_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_AUDIENCE:
      g_value_set_int (value, self->audience);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
talus_condition_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TalusConditionList *self = TALUS_CONDITION_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      talus_condition_list_set_model (self, g_value_get_object (value));
      break;
    case PROP_AUDIENCE:
      talus_condition_list_set_audience (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
talus_condition_list_class_init (TalusConditionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = talus_condition_list_dispose;
  object_class->get_property = talus_condition_list_get_property;
  object_class->set_property = talus_condition_list_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUDIENCE] =
    g_param_spec_int ("audience", NULL, NULL,
                      TALUS_AUDIENCE_CLINICIAN, TALUS_AUDIENCE_PATIENT, TALUS_AUDIENCE_CLINICIAN,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_PATH "/ui/talus-condition-list.ui");
  gtk_widget_class_bind_template_child (widget_class, TalusConditionList, list_view);
  gtk_widget_class_bind_template_callback (widget_class, setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
}

static void
talus_condition_list_init (TalusConditionList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
talus_condition_list_new (void)
{
  return g_object_new (TALUS_TYPE_CONDITION_LIST, NULL);
}

void
talus_condition_list_set_model (TalusConditionList *self,
                                GListModel         *model)
{
  g_return_if_fail (TALUS_IS_CONDITION_LIST (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (!g_set_object (&self->model, model))
    return;

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GListModel *
talus_condition_list_get_model (TalusConditionList *self)
{
  g_return_val_if_fail (TALUS_IS_CONDITION_LIST (self), NULL);
  return self->model;
}

void
talus_condition_list_set_audience (TalusConditionList *self,
                                   TalusAudience       audience)
{
  g_return_if_fail (TALUS_IS_CONDITION_LIST (self));

  if (self->audience == audience)
    return;

  self->audience = audience;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIENCE]);
}

TalusAudience
talus_condition_list_get_audience (TalusConditionList *self)
{
  g_return_val_if_fail (TALUS_IS_CONDITION_LIST (self), TALUS_AUDIENCE_CLINICIAN);
  return self->audience;
}
