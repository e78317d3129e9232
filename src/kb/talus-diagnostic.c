/* talus-diagnostic.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "talus-kb-private.h"

G_DEFINE_FINAL_TYPE (TalusDiagnostic, talus_diagnostic, TALUS_TYPE_ENTRY)

static void
accuracy_free (gpointer data)
{
  TalusAccuracyPrivate *acc = data;

  g_free (acc->public.note);
  g_clear_pointer (&acc->cite, talus_ref_free);
  g_free (acc);
}

static void
talus_diagnostic_finalize (GObject *object)
{
  TalusDiagnostic *self = TALUS_DIAGNOSTIC (object);

  g_clear_pointer (&self->accuracy, g_ptr_array_unref);

  G_OBJECT_CLASS (talus_diagnostic_parent_class)->finalize (object);
}

static void
talus_diagnostic_class_init (TalusDiagnosticClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = talus_diagnostic_finalize;
}

static void
talus_diagnostic_init (TalusDiagnostic *self)
{
  self->accuracy = g_ptr_array_new_with_free_func (accuracy_free);
}

TalusDiagnosticKind
talus_diagnostic_get_kind (TalusDiagnostic *self)
{
  g_return_val_if_fail (TALUS_IS_DIAGNOSTIC (self), 0);

  return self->kind;
}

GPtrArray *
talus_diagnostic_get_accuracy (TalusDiagnostic *self)
{
  g_return_val_if_fail (TALUS_IS_DIAGNOSTIC (self), NULL);

  return self->accuracy;
}
