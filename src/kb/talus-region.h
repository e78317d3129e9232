/* talus-region.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "talus-entry.h"

G_BEGIN_DECLS

#define TALUS_TYPE_REGION (talus_region_get_type ())
G_DECLARE_FINAL_TYPE (TalusRegion, talus_region, TALUS, REGION, TalusEntry)

/* Structures (TalusStructure) that lie in this region. */
GListModel *talus_region_get_structures (TalusRegion *self);

G_END_DECLS
