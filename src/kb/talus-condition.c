/* talus-condition.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "talus-kb-private.h"

G_DEFINE_FINAL_TYPE (TalusCondition, talus_condition, TALUS_TYPE_ENTRY)

static void
talus_condition_finalize (GObject *object)
{
  TalusCondition *self = TALUS_CONDITION (object);

  g_clear_pointer (&self->synonyms, g_strfreev);
  g_clear_pointer (&self->region_refs, g_ptr_array_unref);
  g_clear_pointer (&self->structure_refs, g_ptr_array_unref);
  g_clear_pointer (&self->red_flag_refs, g_ptr_array_unref);
  g_clear_pointer (&self->cite_refs, g_ptr_array_unref);
  g_clear_object (&self->regions);
  g_clear_object (&self->structures);
  g_clear_object (&self->symptoms);
  g_clear_object (&self->diagnostics);
  g_clear_object (&self->care);
  g_clear_object (&self->red_flags);
  g_clear_object (&self->references);

  G_OBJECT_CLASS (talus_condition_parent_class)->finalize (object);
}

static void
talus_condition_class_init (TalusConditionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = talus_condition_finalize;
}

static void
talus_condition_init (TalusCondition *self)
{
  self->region_refs = g_ptr_array_new_with_free_func ((GDestroyNotify) talus_ref_free);
  self->structure_refs = g_ptr_array_new_with_free_func ((GDestroyNotify) talus_ref_free);
  self->red_flag_refs = g_ptr_array_new_with_free_func ((GDestroyNotify) talus_ref_free);
  self->cite_refs = g_ptr_array_new_with_free_func ((GDestroyNotify) talus_ref_free);
  self->regions = talus_ptr_list_new (TALUS_TYPE_REGION);
  self->structures = talus_ptr_list_new (TALUS_TYPE_STRUCTURE);
  self->symptoms = talus_ptr_list_new (TALUS_TYPE_LINK);
  self->diagnostics = talus_ptr_list_new (TALUS_TYPE_LINK);
  self->care = talus_ptr_list_new (TALUS_TYPE_LINK);
  self->red_flags = talus_ptr_list_new (TALUS_TYPE_RED_FLAG);
  self->references = talus_ptr_list_new (TALUS_TYPE_REFERENCE);
}

TalusCategory
talus_condition_get_category (TalusCondition *self)
{
  g_return_val_if_fail (TALUS_IS_CONDITION (self), 0);

  return self->category;
}

const char * const *
talus_condition_get_synonyms (TalusCondition *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (TALUS_IS_CONDITION (self), NULL);

  return self->synonyms != NULL ? (const char * const *) self->synonyms : empty;
}

GListModel *
talus_condition_get_regions (TalusCondition *self)
{
  g_return_val_if_fail (TALUS_IS_CONDITION (self), NULL);

  return G_LIST_MODEL (self->regions);
}

GListModel *
talus_condition_get_structures (TalusCondition *self)
{
  g_return_val_if_fail (TALUS_IS_CONDITION (self), NULL);

  return G_LIST_MODEL (self->structures);
}

GListModel *
talus_condition_get_symptoms (TalusCondition *self)
{
  g_return_val_if_fail (TALUS_IS_CONDITION (self), NULL);

  return G_LIST_MODEL (self->symptoms);
}

GListModel *
talus_condition_get_diagnostics (TalusCondition *self)
{
  g_return_val_if_fail (TALUS_IS_CONDITION (self), NULL);

  return G_LIST_MODEL (self->diagnostics);
}

GListModel *
talus_condition_get_care (TalusCondition *self)
{
  g_return_val_if_fail (TALUS_IS_CONDITION (self), NULL);

  return G_LIST_MODEL (self->care);
}

GListModel *
talus_condition_get_red_flags (TalusCondition *self)
{
  g_return_val_if_fail (TALUS_IS_CONDITION (self), NULL);

  return G_LIST_MODEL (self->red_flags);
}

GListModel *
talus_condition_get_references (TalusCondition *self)
{
  g_return_val_if_fail (TALUS_IS_CONDITION (self), NULL);

  return G_LIST_MODEL (self->references);
}

TalusWeight
talus_condition_get_symptom_weight (TalusCondition *self,
                                    TalusSymptom   *symptom)
{
  guint n;

  g_return_val_if_fail (TALUS_IS_CONDITION (self), TALUS_WEIGHT_NONE);
  g_return_val_if_fail (TALUS_IS_SYMPTOM (symptom), TALUS_WEIGHT_NONE);

  n = talus_ptr_list_get_length (self->symptoms);
  for (guint i = 0; i < n; i++)
    {
      TalusLink *link = talus_ptr_list_index (self->symptoms, i);

      if (link->target == TALUS_ENTRY (symptom))
        return link->weight;
    }

  return TALUS_WEIGHT_NONE;
}

gboolean
talus_condition_in_region (TalusCondition *self,
                           TalusRegion    *region)
{
  g_return_val_if_fail (TALUS_IS_CONDITION (self), FALSE);
  g_return_val_if_fail (TALUS_IS_REGION (region), FALSE);

  return talus_ptr_list_contains (self->regions, region);
}
