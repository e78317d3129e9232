/* talus-reference.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "talus-kb-private.h"

G_DEFINE_FINAL_TYPE (TalusReference, talus_reference, TALUS_TYPE_ENTRY)

static void
talus_reference_finalize (GObject *object)
{
  TalusReference *self = TALUS_REFERENCE (object);

  g_clear_pointer (&self->doi, g_free);

  G_OBJECT_CLASS (talus_reference_parent_class)->finalize (object);
}

static void
talus_reference_class_init (TalusReferenceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = talus_reference_finalize;
}

static void
talus_reference_init (TalusReference *self)
{
}

const char *
talus_reference_get_citation (TalusReference *self)
{
  g_return_val_if_fail (TALUS_IS_REFERENCE (self), NULL);

  return talus_entry_get_name (TALUS_ENTRY (self));
}

const char *
talus_reference_get_doi (TalusReference *self)
{
  g_return_val_if_fail (TALUS_IS_REFERENCE (self), NULL);

  return self->doi;
}
