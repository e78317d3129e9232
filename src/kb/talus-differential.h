/* talus-differential.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A ranked, explainable list of conditions for a set of symptoms (and optionally a region).
 *
 * For each condition with at least one matching symptom, with weights typical 3, common 2,
 * occasional 1:
 *   fit      = (sum of the weights of the matched symptoms) / (sum of all the condition's weights)
 *   coverage = (matched symptoms) / (symptoms given)
 *   score    = 100 * (0.5 * fit + 0.5 * coverage), times 0.5 when a region is given and the
 *              condition is not found in it.
 * Ties are broken by matched weight, then by condition id, so the order is deterministic.
 */
#pragma once

#include "talus-knowledge-base.h"

G_BEGIN_DECLS

#define TALUS_TYPE_DIFFERENTIAL_RESULT (talus_differential_result_get_type ())
G_DECLARE_FINAL_TYPE (TalusDifferentialResult, talus_differential_result, TALUS, DIFFERENTIAL_RESULT, GObject)

TalusCondition *talus_differential_result_get_condition (TalusDifferentialResult *self);
/* 1-based */
guint           talus_differential_result_get_rank      (TalusDifferentialResult *self);
/* 0..100 */
double          talus_differential_result_get_score     (TalusDifferentialResult *self);
gboolean        talus_differential_result_get_in_region (TalusDifferentialResult *self);
/* TalusSymptom* given that the condition lists, in the order given. */
GPtrArray      *talus_differential_result_get_matched   (TalusDifferentialResult *self);
/* TalusLink* of the condition's symptoms that were not given, most typical first. */
GPtrArray      *talus_differential_result_get_missing   (TalusDifferentialResult *self);

/* @symptoms: TalusSymptom*; @region may be NULL. Returns a list of TalusDifferentialResult, best
 * first. When @red_flags is given, it receives the TalusRedFlag* triggered by @symptoms, most
 * urgent first. */
GListModel *talus_differential_compute (TalusKnowledgeBase  *kb,
                                        GPtrArray           *symptoms,
                                        TalusRegion         *region,
                                        GPtrArray          **red_flags);

/* Parses "id,id,..." into TalusSymptom*; an unknown id is a TALUS_KB_ERROR_UNKNOWN_ID error naming
 * it and listing the known ids. */
GPtrArray  *talus_differential_parse_symptoms (TalusKnowledgeBase  *kb,
                                               const char          *ids,
                                               GError             **error);

G_END_DECLS
