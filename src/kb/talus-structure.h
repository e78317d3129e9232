/* talus-structure.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "talus-entry.h"

G_BEGIN_DECLS

#define TALUS_TYPE_STRUCTURE (talus_structure_get_type ())
G_DECLARE_FINAL_TYPE (TalusStructure, talus_structure, TALUS, STRUCTURE, TalusEntry)

TalusStructureKind talus_structure_get_kind         (TalusStructure *self);
/* Short form such as "ATFL", or NULL. */
const char        *talus_structure_get_abbreviation (TalusStructure *self);
/* Regions (TalusRegion) the structure belongs to. */
GListModel        *talus_structure_get_regions      (TalusStructure *self);

G_END_DECLS
