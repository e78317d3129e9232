/* talus-diagnostic.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "talus-entry.h"
#include "talus-reference.h"

G_BEGIN_DECLS

#define TALUS_TYPE_DIAGNOSTIC (talus_diagnostic_get_type ())
G_DECLARE_FINAL_TYPE (TalusDiagnostic, talus_diagnostic, TALUS, DIAGNOSTIC, TalusEntry)

typedef struct {
  double          sensitivity;  /* 0..1, or -1 when not given */
  double          specificity;  /* 0..1, or -1 when not given */
  TalusReference *reference;
  char           *note;
} TalusAccuracy;

TalusDiagnosticKind talus_diagnostic_get_kind (TalusDiagnostic *self);
/* Reported accuracy figures; an array of TalusAccuracy*, owned by the diagnostic. */
GPtrArray          *talus_diagnostic_get_accuracy (TalusDiagnostic *self);

G_END_DECLS
