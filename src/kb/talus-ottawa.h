/* talus-ottawa.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The refined Ottawa ankle and foot rules (Stiell et al., JAMA 1993;269:1127-32).
 * Ankle radiographs: pain in the malleolar zone and any of (1) bone tenderness at the posterior
 * edge or tip of the medial malleolus, (2) the same at the lateral malleolus, (3) inability to bear
 * weight for four steps both immediately and at assessment.
 * Foot radiographs: pain in the midfoot zone and any of (4) tenderness at the base of the fifth
 * metatarsal, (5) at the navicular, (6) the same weight-bearing criterion.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TALUS_OTTAWA_MALLEOLAR_PAIN           = 1 << 0,
  TALUS_OTTAWA_MIDFOOT_PAIN             = 1 << 1,
  TALUS_OTTAWA_MEDIAL_MALLEOLUS_TENDER  = 1 << 2,
  TALUS_OTTAWA_LATERAL_MALLEOLUS_TENDER = 1 << 3,
  TALUS_OTTAWA_FIFTH_METATARSAL_TENDER  = 1 << 4,
  TALUS_OTTAWA_NAVICULAR_TENDER         = 1 << 5,
  /* unable to take four steps both immediately after the injury and at assessment */
  TALUS_OTTAWA_CANNOT_BEAR_WEIGHT       = 1 << 6,
} TalusOttawaFindings;

typedef struct {
  gboolean            ankle_xray;
  gboolean            foot_xray;
  /* The findings that made each radiograph indicated (0 when not indicated). */
  TalusOttawaFindings ankle_criteria;
  TalusOttawaFindings foot_criteria;
} TalusOttawaResult;

void talus_ottawa_evaluate (TalusOttawaFindings  findings,
                            TalusOttawaResult   *result);

G_END_DECLS
