/* talus-red-flag.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "talus-entry.h"
#include "talus-symptom.h"
#include "talus-region.h"

G_BEGIN_DECLS

#define TALUS_TYPE_RED_FLAG (talus_red_flag_get_type ())
G_DECLARE_FINAL_TYPE (TalusRedFlag, talus_red_flag, TALUS, RED_FLAG, TalusEntry)

TalusUrgency talus_red_flag_get_urgency (TalusRedFlag *self);
/* Each trigger is a GPtrArray of TalusSymptom that must all be present; any trigger fires the flag. */
GPtrArray   *talus_red_flag_get_triggers (TalusRedFlag *self);
/* TRUE when @symptoms (TalusSymptom*) satisfy one of the triggers. */
gboolean     talus_red_flag_is_triggered (TalusRedFlag *self,
                                          GPtrArray    *symptoms);

G_END_DECLS
