/* talus-symptom.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "talus-entry.h"

G_BEGIN_DECLS

#define TALUS_TYPE_SYMPTOM (talus_symptom_get_type ())
G_DECLARE_FINAL_TYPE (TalusSymptom, talus_symptom, TALUS, SYMPTOM, TalusEntry)

TalusSymptomGroup talus_symptom_get_group (TalusSymptom *self);

G_END_DECLS
