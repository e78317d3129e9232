/* talus-region-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The side-panel page of a region: what it is, its structures, and the conditions found there.
 */
#pragma once

#include <adwaita.h>

#include "talus-knowledge-base.h"

G_BEGIN_DECLS

#define TALUS_TYPE_REGION_PAGE (talus_region_page_get_type ())
G_DECLARE_FINAL_TYPE (TalusRegionPage, talus_region_page, TALUS, REGION_PAGE, AdwBin)

GtkWidget   *talus_region_page_new            (void);
void         talus_region_page_set_region     (TalusRegionPage *self,
                                               TalusRegion     *region);
TalusRegion *talus_region_page_get_region     (TalusRegionPage *self);
/* The structure clicked on the drawing, shown in a card above the region, or NULL. */
void         talus_region_page_set_structure  (TalusRegionPage *self,
                                               TalusStructure  *structure);
void         talus_region_page_set_audience   (TalusRegionPage *self,
                                               TalusAudience    audience);
/* The conditions listed (TalusCondition). */
GListModel  *talus_region_page_get_conditions (TalusRegionPage *self);

G_END_DECLS
