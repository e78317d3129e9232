/* talus-symptom.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "talus-kb-private.h"

G_DEFINE_FINAL_TYPE (TalusSymptom, talus_symptom, TALUS_TYPE_ENTRY)

static void
talus_symptom_class_init (TalusSymptomClass *klass)
{
}

static void
talus_symptom_init (TalusSymptom *self)
{
}

TalusSymptomGroup
talus_symptom_get_group (TalusSymptom *self)
{
  g_return_val_if_fail (TALUS_IS_SYMPTOM (self), 0);

  return self->group;
}
