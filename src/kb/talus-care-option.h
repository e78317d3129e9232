/* talus-care-option.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "talus-entry.h"

G_BEGIN_DECLS

#define TALUS_TYPE_CARE_OPTION (talus_care_option_get_type ())
G_DECLARE_FINAL_TYPE (TalusCareOption, talus_care_option, TALUS, CARE_OPTION, TalusEntry)

TalusCareStage talus_care_option_get_stage    (TalusCareOption *self);
/* The default evidence label; a condition may override it for itself (TalusLink). */
TalusEvidence  talus_care_option_get_evidence (TalusCareOption *self);
/* References (TalusReference) for the option. */
GListModel    *talus_care_option_get_references (TalusCareOption *self);

G_END_DECLS
