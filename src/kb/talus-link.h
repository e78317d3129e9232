/* talus-link.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A condition's use of a shared entry: a symptom with its weight, a diagnostic with what it
 * shows for the condition, or a care option with its evidence label for the condition.
 */
#pragma once

#include "talus-entry.h"
#include "talus-reference.h"

G_BEGIN_DECLS

#define TALUS_TYPE_LINK (talus_link_get_type ())
G_DECLARE_FINAL_TYPE (TalusLink, talus_link, TALUS, LINK, GObject)

/* The TalusSymptom, TalusDiagnostic or TalusCareOption linked to. */
TalusEntry     *talus_link_get_target    (TalusLink *self);
/* For symptoms. */
TalusWeight     talus_link_get_weight    (TalusLink *self);
/* What a diagnostic shows for this condition, or a note on a care option; may be NULL. */
const char     *talus_link_get_text      (TalusLink *self);
/* For care options: the condition's own label when given, else the option's default. */
TalusEvidence   talus_link_get_evidence  (TalusLink *self);
/* For care options: the condition's citation for the label, else NULL. */
TalusReference *talus_link_get_reference (TalusLink *self);
const char     *talus_link_get_file      (TalusLink *self);
guint           talus_link_get_line      (TalusLink *self);

G_END_DECLS
