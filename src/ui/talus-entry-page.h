/* talus-entry-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The side-panel page of a structure, symptom, test or treatment: what it is (for a structure,
 * what it does and where it lies) and the conditions that involve it.
 */
#pragma once

#include <adwaita.h>

#include "talus-knowledge-base.h"

G_BEGIN_DECLS

#define TALUS_TYPE_ENTRY_PAGE (talus_entry_page_get_type ())
G_DECLARE_FINAL_TYPE (TalusEntryPage, talus_entry_page, TALUS, ENTRY_PAGE, AdwBin)

GtkWidget  *talus_entry_page_new            (void);
void        talus_entry_page_set_entry      (TalusEntryPage *self,
                                             TalusEntry     *entry);
TalusEntry *talus_entry_page_get_entry      (TalusEntryPage *self);
void        talus_entry_page_set_audience   (TalusEntryPage *self,
                                             TalusAudience   audience);
GListModel *talus_entry_page_get_conditions (TalusEntryPage *self);

G_END_DECLS
