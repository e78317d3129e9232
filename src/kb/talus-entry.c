/* talus-entry.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "talus-kb"

#include "config.h"

#include "talus-entry-private.h"
#include "talus-ptr-list.h"

typedef struct
{
  char       *id;
  char       *name;
  char       *patient_name;
  char       *summary;
  char       *patient_summary;
  char       *file;
  guint       line;
  TalusPtrList *conditions;
} TalusEntryPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (TalusEntry, talus_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PATIENT_NAME,
  PROP_SUMMARY,
  PROP_PATIENT_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
talus_entry_finalize (GObject *object)
{
  TalusEntry *self = TALUS_ENTRY (object);
  TalusEntryPrivate *priv = talus_entry_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->name, g_free);
  g_clear_pointer (&priv->patient_name, g_free);
  g_clear_pointer (&priv->summary, g_free);
  g_clear_pointer (&priv->patient_summary, g_free);
  g_clear_pointer (&priv->file, g_free);
  g_clear_object (&priv->conditions);

  G_OBJECT_CLASS (talus_entry_parent_class)->finalize (object);
}

static void
talus_entry_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TalusEntry *self = TALUS_ENTRY (object);
  TalusEntryPrivate *priv = talus_entry_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, priv->name);
      break;

    case PROP_PATIENT_NAME:
      g_value_set_string (value, priv->patient_name);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, priv->summary);
      break;

    case PROP_PATIENT_SUMMARY:
      g_value_set_string (value, priv->patient_summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
talus_entry_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TalusEntry *self = TALUS_ENTRY (object);
  TalusEntryPrivate *priv = talus_entry_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (priv->id);
      priv->id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
talus_entry_class_init (TalusEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = talus_entry_finalize;
  object_class->get_property = talus_entry_get_property;
  object_class->set_property = talus_entry_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATIENT_NAME] =
    g_param_spec_string ("patient-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATIENT_SUMMARY] =
    g_param_spec_string ("patient-summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
talus_entry_init (TalusEntry *self)
{
  TalusEntryPrivate *priv = talus_entry_get_instance_private (self);

  priv->conditions = talus_ptr_list_new (G_TYPE_OBJECT);
}

const char *
talus_entry_get_id (TalusEntry *self)
{
  TalusEntryPrivate *priv = talus_entry_get_instance_private (self);

  g_return_val_if_fail (TALUS_IS_ENTRY (self), NULL);

  return priv->id;
}

const char *
talus_entry_get_name (TalusEntry *self)
{
  TalusEntryPrivate *priv = talus_entry_get_instance_private (self);

  g_return_val_if_fail (TALUS_IS_ENTRY (self), NULL);

  return priv->name;
}

const char *
talus_entry_get_patient_name (TalusEntry *self)
{
  TalusEntryPrivate *priv = talus_entry_get_instance_private (self);

  g_return_val_if_fail (TALUS_IS_ENTRY (self), NULL);

  return priv->patient_name;
}

const char *
talus_entry_get_summary (TalusEntry *self)
{
  TalusEntryPrivate *priv = talus_entry_get_instance_private (self);

  g_return_val_if_fail (TALUS_IS_ENTRY (self), NULL);

  return priv->summary;
}

const char *
talus_entry_get_patient_summary (TalusEntry *self)
{
  TalusEntryPrivate *priv = talus_entry_get_instance_private (self);

  g_return_val_if_fail (TALUS_IS_ENTRY (self), NULL);

  return priv->patient_summary;
}

const char *
talus_entry_get_display_name (TalusEntry    *self,
                              TalusAudience  audience)
{
  TalusEntryPrivate *priv = talus_entry_get_instance_private (self);

  g_return_val_if_fail (TALUS_IS_ENTRY (self), NULL);

  if (audience == TALUS_AUDIENCE_PATIENT && priv->patient_name != NULL)
    return priv->patient_name;

  return priv->name;
}

const char *
talus_entry_get_display_summary (TalusEntry    *self,
                                 TalusAudience  audience)
{
  TalusEntryPrivate *priv = talus_entry_get_instance_private (self);

  g_return_val_if_fail (TALUS_IS_ENTRY (self), NULL);

  if (audience == TALUS_AUDIENCE_PATIENT && priv->patient_summary != NULL)
    return priv->patient_summary;

  return priv->summary;
}

const char *
talus_entry_get_file (TalusEntry *self)
{
  TalusEntryPrivate *priv = talus_entry_get_instance_private (self);

  g_return_val_if_fail (TALUS_IS_ENTRY (self), NULL);

  return priv->file;
}

guint
talus_entry_get_line (TalusEntry *self)
{
  TalusEntryPrivate *priv = talus_entry_get_instance_private (self);

  g_return_val_if_fail (TALUS_IS_ENTRY (self), 0);

  return priv->line;
}

GListModel *
talus_entry_get_conditions (TalusEntry *self)
{
  TalusEntryPrivate *priv = talus_entry_get_instance_private (self);

  g_return_val_if_fail (TALUS_IS_ENTRY (self), NULL);

  return G_LIST_MODEL (priv->conditions);
}

void
talus_entry_set_source (TalusEntry *self,
                        const char *file,
                        guint       line)
{
  TalusEntryPrivate *priv = talus_entry_get_instance_private (self);

  g_return_if_fail (TALUS_IS_ENTRY (self));

  g_free (priv->file);
  priv->file = g_strdup (file);
  priv->line = line;
}

void
talus_entry_set_texts (TalusEntry *self,
                       const char *name,
                       const char *patient_name,
                       const char *summary,
                       const char *patient_summary)
{
  TalusEntryPrivate *priv = talus_entry_get_instance_private (self);

  g_return_if_fail (TALUS_IS_ENTRY (self));

  g_free (priv->name);
  priv->name = g_strdup (name);
  g_free (priv->patient_name);
  priv->patient_name = g_strdup (patient_name);
  g_free (priv->summary);
  priv->summary = g_strdup (summary);
  g_free (priv->patient_summary);
  priv->patient_summary = g_strdup (patient_summary);
}

void
talus_entry_clear_conditions (TalusEntry *self)
{
  TalusEntryPrivate *priv = talus_entry_get_instance_private (self);

  g_return_if_fail (TALUS_IS_ENTRY (self));

  talus_ptr_list_clear (priv->conditions);
}

void
talus_entry_add_condition (TalusEntry *self,
                           gpointer    condition)
{
  TalusEntryPrivate *priv = talus_entry_get_instance_private (self);
  guint n;

  g_return_if_fail (TALUS_IS_ENTRY (self));
  g_return_if_fail (G_IS_OBJECT (condition));

  /* A condition may refer to the same entry twice (a symptom and a red-flag trigger): list once */
  n = talus_ptr_list_get_length (priv->conditions);
  if (n > 0 && talus_ptr_list_index (priv->conditions, n - 1) == condition)
    return;

  talus_ptr_list_append (priv->conditions, condition);
}
