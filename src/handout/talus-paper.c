/* talus-paper.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "talus-paper.h"

static const struct {
  const char *nick;
  double      width;
  double      height;
} papers[] = {
  [TALUS_PAPER_A4] = { "a4", 595.276, 841.89 },
  [TALUS_PAPER_LETTER] = { "letter", 612.0, 792.0 },
};

GType
talus_paper_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { TALUS_PAPER_A4, "TALUS_PAPER_A4", "a4" },
        { TALUS_PAPER_LETTER, "TALUS_PAPER_LETTER", "letter" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("TalusPaper"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

void
talus_paper_get_size (TalusPaper  paper,
                      double     *width,
                      double     *height)
{
  g_return_if_fail (paper <= TALUS_PAPER_LETTER);

  if (width != NULL)
    *width = papers[paper].width;
  if (height != NULL)
    *height = papers[paper].height;
}

const char *
talus_paper_to_nick (TalusPaper paper)
{
  g_return_val_if_fail (paper <= TALUS_PAPER_LETTER, NULL);

  return papers[paper].nick;
}

gboolean
talus_paper_from_nick (const char *nick,
                       TalusPaper *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      if (g_ascii_strcasecmp (nick, papers[i].nick) == 0)
        {
          *out = (TalusPaper) i;
          return TRUE;
        }
    }

  return FALSE;
}

TalusPaper
talus_paper_for_size (double width,
                      double height)
{
  TalusPaper best = TALUS_PAPER_A4;
  double best_distance = G_MAXDOUBLE;
  double w = MIN (width, height);
  double h = MAX (width, height);

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      double distance = fabs (papers[i].width - w) + fabs (papers[i].height - h);

      if (distance < best_distance)
        {
          best_distance = distance;
          best = (TalusPaper) i;
        }
    }

  return best;
}
