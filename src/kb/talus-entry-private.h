/* talus-entry-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Setters used by the loader and the resolver only.
 */
#pragma once

#include "talus-entry.h"

G_BEGIN_DECLS

void talus_entry_set_source   (TalusEntry *self,
                               const char *file,
                               guint       line);
void talus_entry_set_texts    (TalusEntry *self,
                               const char *name,
                               const char *patient_name,
                               const char *summary,
                               const char *patient_summary);
void talus_entry_clear_conditions (TalusEntry *self);
void talus_entry_add_condition    (TalusEntry *self,
                                   gpointer    condition);

G_END_DECLS
