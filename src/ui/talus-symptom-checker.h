/* talus-symptom-checker.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model behind the symptom-checker page (no GTK): the ticked symptoms and optional region,
 * and the live differential (talus_differential_compute) and triggered red flags as list models
 * that are updated in place whenever the input changes.
 */
#pragma once

#include <gio/gio.h>

#include "talus-differential.h"

G_BEGIN_DECLS

#define TALUS_TYPE_SYMPTOM_CHECKER (talus_symptom_checker_get_type ())
G_DECLARE_FINAL_TYPE (TalusSymptomChecker, talus_symptom_checker, TALUS, SYMPTOM_CHECKER, GObject)

TalusSymptomChecker *talus_symptom_checker_new          (TalusKnowledgeBase  *kb);
TalusKnowledgeBase  *talus_symptom_checker_get_knowledge_base (TalusSymptomChecker *self);
/* Returns FALSE when @symptom_id is unknown. */
gboolean             talus_symptom_checker_set_symptom  (TalusSymptomChecker *self,
                                                         const char          *symptom_id,
                                                         gboolean             present);
gboolean             talus_symptom_checker_has_symptom  (TalusSymptomChecker *self,
                                                         const char          *symptom_id);
guint                talus_symptom_checker_get_n_symptoms (TalusSymptomChecker *self);
void                 talus_symptom_checker_clear        (TalusSymptomChecker *self);
/* @region may be NULL for any region. */
void                 talus_symptom_checker_set_region   (TalusSymptomChecker *self,
                                                         TalusRegion         *region);
TalusRegion         *talus_symptom_checker_get_region   (TalusSymptomChecker *self);
/* TalusDifferentialResult, best first; empty when no symptom is ticked. */
GListModel          *talus_symptom_checker_get_results  (TalusSymptomChecker *self);
/* TalusRedFlag triggered by the ticked symptoms, most urgent first. */
GListModel          *talus_symptom_checker_get_red_flags (TalusSymptomChecker *self);

G_END_DECLS
