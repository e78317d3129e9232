/* talus-symptom-checker-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tick symptoms (grouped, in patient-friendly words) and optionally a region; the ranked
 * differential of the TalusSymptomChecker updates live, with a red-flag banner on top.
 */
#pragma once

#include <adwaita.h>

#include "talus-symptom-checker.h"

G_BEGIN_DECLS

#define TALUS_TYPE_SYMPTOM_CHECKER_PAGE (talus_symptom_checker_page_get_type ())
G_DECLARE_FINAL_TYPE (TalusSymptomCheckerPage, talus_symptom_checker_page, TALUS, SYMPTOM_CHECKER_PAGE, AdwBin)

GtkWidget           *talus_symptom_checker_page_new         (void);
void                 talus_symptom_checker_page_set_checker (TalusSymptomCheckerPage *self,
                                                             TalusSymptomChecker     *checker);
TalusSymptomChecker *talus_symptom_checker_page_get_checker (TalusSymptomCheckerPage *self);
void                 talus_symptom_checker_page_set_audience (TalusSymptomCheckerPage *self,
                                                              TalusAudience            audience);

G_END_DECLS
