/* talus-link.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "talus-kb-private.h"

G_DEFINE_FINAL_TYPE (TalusLink, talus_link, G_TYPE_OBJECT)

static void
talus_link_finalize (GObject *object)
{
  TalusLink *self = TALUS_LINK (object);

  g_clear_pointer (&self->ref, talus_ref_free);
  g_clear_pointer (&self->cite, talus_ref_free);
  g_clear_pointer (&self->file, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (talus_link_parent_class)->finalize (object);
}

static void
talus_link_class_init (TalusLinkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = talus_link_finalize;
}

static void
talus_link_init (TalusLink *self)
{
}

TalusLink *
talus_link_new (const char *file,
                TalusRef   *ref)
{
  TalusLink *self = g_object_new (TALUS_TYPE_LINK, NULL);

  self->file = g_strdup (file);
  self->ref = ref;

  return self;
}

TalusEntry *
talus_link_get_target (TalusLink *self)
{
  g_return_val_if_fail (TALUS_IS_LINK (self), NULL);

  return self->target;
}

TalusWeight
talus_link_get_weight (TalusLink *self)
{
  g_return_val_if_fail (TALUS_IS_LINK (self), TALUS_WEIGHT_NONE);

  return self->weight;
}

const char *
talus_link_get_text (TalusLink *self)
{
  g_return_val_if_fail (TALUS_IS_LINK (self), NULL);

  return self->text;
}

TalusEvidence
talus_link_get_evidence (TalusLink *self)
{
  g_return_val_if_fail (TALUS_IS_LINK (self), 0);

  if (!self->has_evidence && TALUS_IS_CARE_OPTION (self->target))
    return talus_care_option_get_evidence (TALUS_CARE_OPTION (self->target));

  return self->evidence;
}

TalusReference *
talus_link_get_reference (TalusLink *self)
{
  g_return_val_if_fail (TALUS_IS_LINK (self), NULL);

  return self->reference;
}

const char *
talus_link_get_file (TalusLink *self)
{
  g_return_val_if_fail (TALUS_IS_LINK (self), NULL);

  return self->file;
}

guint
talus_link_get_line (TalusLink *self)
{
  g_return_val_if_fail (TALUS_IS_LINK (self), 0);

  return self->ref != NULL ? self->ref->line : 0;
}
