/* talus-condition-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything about one condition: red flags first, summaries, structures, symptoms, how it is
 * diagnosed, the care pathway by stage with evidence and references; every symptom, test and
 * care option links to the other conditions that share it.
 */
#pragma once

#include <adwaita.h>

#include "talus-knowledge-base.h"

G_BEGIN_DECLS

#define TALUS_TYPE_CONDITION_PAGE (talus_condition_page_get_type ())
G_DECLARE_FINAL_TYPE (TalusConditionPage, talus_condition_page, TALUS, CONDITION_PAGE, AdwBin)

GtkWidget      *talus_condition_page_new           (void);
void            talus_condition_page_set_condition (TalusConditionPage *self,
                                                    TalusCondition     *condition);
TalusCondition *talus_condition_page_get_condition (TalusConditionPage *self);
void            talus_condition_page_set_audience  (TalusConditionPage *self,
                                                    TalusAudience       audience);
/* Scrolls to a section: "symptoms", "diagnosis", "care" or "references". */
void            talus_condition_page_scroll_to     (TalusConditionPage *self,
                                                    const char         *section);

G_END_DECLS
