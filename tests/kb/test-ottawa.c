/* test-ottawa.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every one of the 128 combinations of findings against the rule as Stiell et al. state it.
 */

#include "config.h"

#include "talus-ottawa.h"

static void
test_all_combinations (void)
{
  for (guint f = 0; f < (1u << 7); f++)
    {
      TalusOttawaFindings findings = f;
      TalusOttawaResult result;
      gboolean malleolar = (f & TALUS_OTTAWA_MALLEOLAR_PAIN) != 0;
      gboolean midfoot = (f & TALUS_OTTAWA_MIDFOOT_PAIN) != 0;
      gboolean medial = (f & TALUS_OTTAWA_MEDIAL_MALLEOLUS_TENDER) != 0;
      gboolean lateral = (f & TALUS_OTTAWA_LATERAL_MALLEOLUS_TENDER) != 0;
      gboolean fifth = (f & TALUS_OTTAWA_FIFTH_METATARSAL_TENDER) != 0;
      gboolean navicular = (f & TALUS_OTTAWA_NAVICULAR_TENDER) != 0;
      gboolean weight = (f & TALUS_OTTAWA_CANNOT_BEAR_WEIGHT) != 0;

      talus_ottawa_evaluate (findings, &result);

      g_assert_cmpint (result.ankle_xray, ==, malleolar && (medial || lateral || weight));
      g_assert_cmpint (result.foot_xray, ==, midfoot && (fifth || navicular || weight));

      /* the criteria that fired are exactly the positive findings of that rule */
      if (result.ankle_xray)
        {
          g_assert_cmpint (!!(result.ankle_criteria & TALUS_OTTAWA_MEDIAL_MALLEOLUS_TENDER), ==, medial);
          g_assert_cmpint (!!(result.ankle_criteria & TALUS_OTTAWA_LATERAL_MALLEOLUS_TENDER), ==, lateral);
          g_assert_cmpint (!!(result.ankle_criteria & TALUS_OTTAWA_CANNOT_BEAR_WEIGHT), ==, weight);
          g_assert_cmpint (result.ankle_criteria & (TALUS_OTTAWA_FIFTH_METATARSAL_TENDER |
                                                    TALUS_OTTAWA_NAVICULAR_TENDER), ==, 0);
        }
      else
        g_assert_cmpint (result.ankle_criteria, ==, 0);

      if (result.foot_xray)
        {
          g_assert_cmpint (!!(result.foot_criteria & TALUS_OTTAWA_FIFTH_METATARSAL_TENDER), ==, fifth);
          g_assert_cmpint (!!(result.foot_criteria & TALUS_OTTAWA_NAVICULAR_TENDER), ==, navicular);
          g_assert_cmpint (!!(result.foot_criteria & TALUS_OTTAWA_CANNOT_BEAR_WEIGHT), ==, weight);
          g_assert_cmpint (result.foot_criteria & (TALUS_OTTAWA_MEDIAL_MALLEOLUS_TENDER |
                                                   TALUS_OTTAWA_LATERAL_MALLEOLUS_TENDER), ==, 0);
        }
      else
        g_assert_cmpint (result.foot_criteria, ==, 0);
    }
}

static void
test_examples (void)
{
  TalusOttawaResult result;

  /* tenderness without pain in the zone: no radiograph */
  talus_ottawa_evaluate (TALUS_OTTAWA_LATERAL_MALLEOLUS_TENDER, &result);
  g_assert_false (result.ankle_xray);

  /* a typical sprain with a tender fibula tip */
  talus_ottawa_evaluate (TALUS_OTTAWA_MALLEOLAR_PAIN | TALUS_OTTAWA_LATERAL_MALLEOLUS_TENDER, &result);
  g_assert_true (result.ankle_xray);
  g_assert_false (result.foot_xray);
  g_assert_cmpint (result.ankle_criteria, ==, TALUS_OTTAWA_LATERAL_MALLEOLUS_TENDER);

  /* cannot take four steps: both radiographs when both zones hurt */
  talus_ottawa_evaluate (TALUS_OTTAWA_MALLEOLAR_PAIN | TALUS_OTTAWA_MIDFOOT_PAIN |
                         TALUS_OTTAWA_CANNOT_BEAR_WEIGHT, &result);
  g_assert_true (result.ankle_xray);
  g_assert_true (result.foot_xray);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/talus/kb/ottawa/all-combinations", test_all_combinations);
  g_test_add_func ("/talus/kb/ottawa/examples", test_examples);

  return g_test_run ();
}
