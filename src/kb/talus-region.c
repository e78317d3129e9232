/* talus-region.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "talus-kb-private.h"

G_DEFINE_FINAL_TYPE (TalusRegion, talus_region, TALUS_TYPE_ENTRY)

static void
talus_region_finalize (GObject *object)
{
  TalusRegion *self = TALUS_REGION (object);

  g_clear_object (&self->structures);

  G_OBJECT_CLASS (talus_region_parent_class)->finalize (object);
}

static void
talus_region_class_init (TalusRegionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = talus_region_finalize;
}

static void
talus_region_init (TalusRegion *self)
{
  self->structures = talus_ptr_list_new (TALUS_TYPE_STRUCTURE);
}

GListModel *
talus_region_get_structures (TalusRegion *self)
{
  g_return_val_if_fail (TALUS_IS_REGION (self), NULL);

  return G_LIST_MODEL (self->structures);
}
