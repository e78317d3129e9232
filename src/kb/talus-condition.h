/* talus-condition.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "talus-entry.h"
#include "talus-symptom.h"
#include "talus-region.h"

G_BEGIN_DECLS

#define TALUS_TYPE_CONDITION (talus_condition_get_type ())
G_DECLARE_FINAL_TYPE (TalusCondition, talus_condition, TALUS, CONDITION, TalusEntry)

TalusCategory       talus_condition_get_category   (TalusCondition *self);
/* Other names, including lay terms people search for. NULL-terminated. */
const char * const *talus_condition_get_synonyms   (TalusCondition *self);
/* TalusRegion */
GListModel         *talus_condition_get_regions    (TalusCondition *self);
/* TalusStructure */
GListModel         *talus_condition_get_structures (TalusCondition *self);
/* TalusLink to TalusSymptom, typical first, then common, then occasional. */
GListModel         *talus_condition_get_symptoms   (TalusCondition *self);
/* TalusLink to TalusDiagnostic, with what the test shows for this condition as its text. */
GListModel         *talus_condition_get_diagnostics (TalusCondition *self);
/* TalusLink to TalusCareOption, in pathway order (self-care first, surgery last). */
GListModel         *talus_condition_get_care       (TalusCondition *self);
/* TalusRedFlag, most urgent first */
GListModel         *talus_condition_get_red_flags  (TalusCondition *self);
/* TalusReference */
GListModel         *talus_condition_get_references (TalusCondition *self);
/* The weight of @symptom for this condition, TALUS_WEIGHT_NONE when it is not listed. */
TalusWeight         talus_condition_get_symptom_weight (TalusCondition *self,
                                                        TalusSymptom   *symptom);
gboolean            talus_condition_in_region      (TalusCondition *self,
                                                    TalusRegion    *region);

G_END_DECLS
