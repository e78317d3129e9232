/* talus-ottawa-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Ottawa ankle and foot rules as a decision aid: pain zones, the four palpation points (also
 * marked by clicking the ottawa-* landmarks on the drawing) and the weight-bearing question;
 * the result comes from talus_ottawa_evaluate() with the criteria that fired.
 */
#pragma once

#include <adwaita.h>

#include "talus-kb-types.h"
#include "talus-ottawa.h"

G_BEGIN_DECLS

#define TALUS_TYPE_OTTAWA_PAGE (talus_ottawa_page_get_type ())
G_DECLARE_FINAL_TYPE (TalusOttawaPage, talus_ottawa_page, TALUS, OTTAWA_PAGE, AdwBin)

GtkWidget          *talus_ottawa_page_new              (void);
TalusOttawaFindings talus_ottawa_page_get_findings     (TalusOttawaPage     *self);
void                talus_ottawa_page_set_findings     (TalusOttawaPage     *self,
                                                        TalusOttawaFindings  findings);
/* Toggles the tenderness finding of an Ottawa landmark structure id ("ottawa-navicular" ...).
 * Returns FALSE when @structure_id is not one of the four points. */
gboolean            talus_ottawa_page_toggle_landmark  (TalusOttawaPage     *self,
                                                        const char          *structure_id);
/* The landmark ids currently marked tender, NULL-terminated; free with g_strfreev(). */
char              **talus_ottawa_page_dup_marked_landmarks (TalusOttawaPage *self);
void                talus_ottawa_page_set_audience     (TalusOttawaPage     *self,
                                                        TalusAudience        audience);

G_END_DECLS
