/* talus-entry.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base of every knowledge-base entry: an id, clinician and patient names and summaries, where
 * it was defined (file and line), and the conditions that refer to it (filled when the knowledge
 * base resolves references).
 */
#pragma once

#include <gio/gio.h>

#include "talus-kb-types.h"

G_BEGIN_DECLS

#define TALUS_TYPE_ENTRY (talus_entry_get_type ())
G_DECLARE_DERIVABLE_TYPE (TalusEntry, talus_entry, TALUS, ENTRY, GObject)

struct _TalusEntryClass
{
  GObjectClass parent_class;
};

const char *talus_entry_get_id              (TalusEntry    *self);
const char *talus_entry_get_name            (TalusEntry    *self);
const char *talus_entry_get_patient_name    (TalusEntry    *self);
const char *talus_entry_get_summary         (TalusEntry    *self);
const char *talus_entry_get_patient_summary (TalusEntry    *self);
/* The name or summary for @audience, falling back to the clinician text when the patient text
 * is missing. */
const char *talus_entry_get_display_name    (TalusEntry    *self,
                                             TalusAudience  audience);
const char *talus_entry_get_display_summary (TalusEntry    *self,
                                             TalusAudience  audience);
const char *talus_entry_get_file            (TalusEntry    *self);
guint       talus_entry_get_line            (TalusEntry    *self);
/* Conditions (TalusCondition) that refer to this entry, in knowledge-base order. */
GListModel *talus_entry_get_conditions      (TalusEntry    *self);

G_END_DECLS
