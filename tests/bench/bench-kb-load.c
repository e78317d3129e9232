/* bench-kb-load.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Knowledge-base load benchmark of issue 10: times talus_knowledge_base_add_file() (read, parse,
 * schema-validate, resolve references, index) of one file on a fresh TalusKnowledgeBase.
 * Creating the empty knowledge base and freeing it afterwards are outside the timed part.
 *
 * Usage: bench-kb-load FILE [RUNS]   (one warm-up, then RUNS timed loads, 7 by default)
 * Prints one "load_ms X" line per timed run, then "median_ms X".
 */

#include <stdio.h>
#include <stdlib.h>

#include "talus-knowledge-base.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autofree double *times = NULL;
  int runs;

  if (argc < 2)
    {
      g_printerr ("usage: %s FILE [RUNS]\n", argv[0]);
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  runs = argc > 2 ? atoi (argv[2]) : 7;
  if (runs < 1)
    runs = 1;
  times = g_new0 (double, runs);

  for (int i = -1; i < runs; i++)
    {
      g_autoptr(TalusKnowledgeBase) kb = talus_knowledge_base_new ();
      g_autoptr(GError) error = NULL;
      gint64 start;
      double ms;

      start = g_get_monotonic_time ();
      if (!talus_knowledge_base_add_file (kb, file, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;

      /* A load that found nothing would make a meaningless figure. */
      if (g_list_model_get_n_items (talus_knowledge_base_get_conditions (kb)) == 0)
        {
          g_printerr ("%s: no conditions loaded\n", argv[1]);
          return 1;
        }
      if (i >= 0)
        {
          times[i] = ms;
          g_print ("load_ms %.2f\n", ms);
        }
    }

  qsort (times, runs, sizeof (double), compare_doubles);
  g_print ("median_ms %.2f\n",
           runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2.0);
  return 0;
}
