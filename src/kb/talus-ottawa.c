/* talus-ottawa.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "talus-ottawa.h"

void
talus_ottawa_evaluate (TalusOttawaFindings  findings,
                       TalusOttawaResult   *result)
{
  const TalusOttawaFindings ankle_signs = TALUS_OTTAWA_MEDIAL_MALLEOLUS_TENDER |
                                          TALUS_OTTAWA_LATERAL_MALLEOLUS_TENDER |
                                          TALUS_OTTAWA_CANNOT_BEAR_WEIGHT;
  const TalusOttawaFindings foot_signs = TALUS_OTTAWA_FIFTH_METATARSAL_TENDER |
                                         TALUS_OTTAWA_NAVICULAR_TENDER |
                                         TALUS_OTTAWA_CANNOT_BEAR_WEIGHT;

  g_return_if_fail (result != NULL);

  result->ankle_criteria = 0;
  result->foot_criteria = 0;

  /* Each rule applies only when there is pain in its zone. */
  if (findings & TALUS_OTTAWA_MALLEOLAR_PAIN)
    result->ankle_criteria = findings & ankle_signs;
  if (findings & TALUS_OTTAWA_MIDFOOT_PAIN)
    result->foot_criteria = findings & foot_signs;

  result->ankle_xray = result->ankle_criteria != 0;
  result->foot_xray = result->foot_criteria != 0;
}
