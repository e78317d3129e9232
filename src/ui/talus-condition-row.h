/* talus-condition-row.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One condition in a list: name, one-line summary, category pill; optionally a score and a line
 * explaining why it is listed (used by the symptom checker).
 */
#pragma once

#include <gtk/gtk.h>

#include "talus-condition.h"

G_BEGIN_DECLS

#define TALUS_TYPE_CONDITION_ROW (talus_condition_row_get_type ())
G_DECLARE_FINAL_TYPE (TalusConditionRow, talus_condition_row, TALUS, CONDITION_ROW, GtkBox)

GtkWidget      *talus_condition_row_new           (void);
void            talus_condition_row_set_condition (TalusConditionRow *self,
                                                   TalusCondition    *condition,
                                                   TalusAudience      audience);
TalusCondition *talus_condition_row_get_condition (TalusConditionRow *self);
/* @markup: Pango markup shown under the summary, or NULL to hide it. */
void            talus_condition_row_set_detail    (TalusConditionRow *self,
                                                   const char        *markup);
/* @score: 0..100 shown as a level bar instead of the category, or a negative value to hide. */
void            talus_condition_row_set_score     (TalusConditionRow *self,
                                                   double             score);

G_END_DECLS
