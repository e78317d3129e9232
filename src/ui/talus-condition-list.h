/* talus-condition-list.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkListView of conditions (TalusConditionRow); activating one activates win.show-condition.
 */
#pragma once

#include <adwaita.h>

#include "talus-kb-types.h"

G_BEGIN_DECLS

#define TALUS_TYPE_CONDITION_LIST (talus_condition_list_get_type ())
G_DECLARE_FINAL_TYPE (TalusConditionList, talus_condition_list, TALUS, CONDITION_LIST, AdwBin)

GtkWidget    *talus_condition_list_new          (void);
/* @model: TalusCondition items, or NULL. */
void          talus_condition_list_set_model    (TalusConditionList *self,
                                                 GListModel         *model);
GListModel   *talus_condition_list_get_model    (TalusConditionList *self);
void          talus_condition_list_set_audience (TalusConditionList *self,
                                                 TalusAudience       audience);
TalusAudience talus_condition_list_get_audience (TalusConditionList *self);

G_END_DECLS
