/* talus-structure.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "talus-kb-private.h"

G_DEFINE_FINAL_TYPE (TalusStructure, talus_structure, TALUS_TYPE_ENTRY)

static void
talus_structure_finalize (GObject *object)
{
  TalusStructure *self = TALUS_STRUCTURE (object);

  g_clear_pointer (&self->abbreviation, g_free);
  g_clear_pointer (&self->region_refs, g_ptr_array_unref);
  g_clear_object (&self->regions);

  G_OBJECT_CLASS (talus_structure_parent_class)->finalize (object);
}

static void
talus_structure_class_init (TalusStructureClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = talus_structure_finalize;
}

static void
talus_structure_init (TalusStructure *self)
{
  self->region_refs = g_ptr_array_new_with_free_func ((GDestroyNotify) talus_ref_free);
  self->regions = talus_ptr_list_new (TALUS_TYPE_REGION);
}

TalusStructureKind
talus_structure_get_kind (TalusStructure *self)
{
  g_return_val_if_fail (TALUS_IS_STRUCTURE (self), 0);

  return self->kind;
}

const char *
talus_structure_get_abbreviation (TalusStructure *self)
{
  g_return_val_if_fail (TALUS_IS_STRUCTURE (self), NULL);

  return self->abbreviation;
}

GListModel *
talus_structure_get_regions (TalusStructure *self)
{
  g_return_val_if_fail (TALUS_IS_STRUCTURE (self), NULL);

  return G_LIST_MODEL (self->regions);
}
