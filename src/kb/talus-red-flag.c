/* talus-red-flag.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "talus-kb-private.h"

G_DEFINE_FINAL_TYPE (TalusRedFlag, talus_red_flag, TALUS_TYPE_ENTRY)

static void
talus_red_flag_finalize (GObject *object)
{
  TalusRedFlag *self = TALUS_RED_FLAG (object);

  g_clear_pointer (&self->trigger_refs, g_ptr_array_unref);
  g_clear_pointer (&self->triggers, g_ptr_array_unref);

  G_OBJECT_CLASS (talus_red_flag_parent_class)->finalize (object);
}

static void
talus_red_flag_class_init (TalusRedFlagClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = talus_red_flag_finalize;
}

static void
talus_red_flag_init (TalusRedFlag *self)
{
  self->trigger_refs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->triggers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

TalusUrgency
talus_red_flag_get_urgency (TalusRedFlag *self)
{
  g_return_val_if_fail (TALUS_IS_RED_FLAG (self), 0);

  return self->urgency;
}

GPtrArray *
talus_red_flag_get_triggers (TalusRedFlag *self)
{
  g_return_val_if_fail (TALUS_IS_RED_FLAG (self), NULL);

  return self->triggers;
}

gboolean
talus_red_flag_is_triggered (TalusRedFlag *self,
                             GPtrArray    *symptoms)
{
  g_return_val_if_fail (TALUS_IS_RED_FLAG (self), FALSE);
  g_return_val_if_fail (symptoms != NULL, FALSE);

  for (guint i = 0; i < self->triggers->len; i++)
    {
      GPtrArray *trigger = g_ptr_array_index (self->triggers, i);
      gboolean all = trigger->len > 0;

      for (guint j = 0; all && j < trigger->len; j++)
        all = g_ptr_array_find (symptoms, g_ptr_array_index (trigger, j), NULL);

      if (all)
        return TRUE;
    }

  return FALSE;
}
