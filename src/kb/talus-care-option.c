/* talus-care-option.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "talus-kb-private.h"

G_DEFINE_FINAL_TYPE (TalusCareOption, talus_care_option, TALUS_TYPE_ENTRY)

static void
talus_care_option_finalize (GObject *object)
{
  TalusCareOption *self = TALUS_CARE_OPTION (object);

  g_clear_pointer (&self->cite_refs, g_ptr_array_unref);
  g_clear_object (&self->references);

  G_OBJECT_CLASS (talus_care_option_parent_class)->finalize (object);
}

static void
talus_care_option_class_init (TalusCareOptionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = talus_care_option_finalize;
}

static void
talus_care_option_init (TalusCareOption *self)
{
  self->cite_refs = g_ptr_array_new_with_free_func ((GDestroyNotify) talus_ref_free);
  self->references = talus_ptr_list_new (TALUS_TYPE_REFERENCE);
}

TalusCareStage
talus_care_option_get_stage (TalusCareOption *self)
{
  g_return_val_if_fail (TALUS_IS_CARE_OPTION (self), 0);

  return self->stage;
}

TalusEvidence
talus_care_option_get_evidence (TalusCareOption *self)
{
  g_return_val_if_fail (TALUS_IS_CARE_OPTION (self), 0);

  return self->evidence;
}

GListModel *
talus_care_option_get_references (TalusCareOption *self)
{
  g_return_val_if_fail (TALUS_IS_CARE_OPTION (self), NULL);

  return G_LIST_MODEL (self->references);
}
