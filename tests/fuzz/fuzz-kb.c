/* fuzz-kb.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The knowledge-base loader as a libFuzzer target. Each input is loaded twice:
 *  - alone, into an empty knowledge base;
 *  - on top of the shipped knowledge base, as a user file would be.
 * Whatever loads is then used: the differential runs on a few of its symptoms and every
 * condition's links are walked. Besides the sanitizers, the target checks the loader's contract:
 * an error is always TALUS_KB_ERROR with every line "FILE:LINE: message", short and printable;
 * a file that fails leaves the knowledge base exactly as it was; the differential ranks 1..n with
 * scores from 0 to 100, best first.
 *
 * Built with -Dfuzzing=true (clang, -fsanitize=fuzzer); replay.c runs the same function over the
 * seed corpus and tests/data/bad in every normal `meson test`.
 */

#include "config.h"

#include <string.h>

#include "fuzz-kb.h"
#include "talus-kb.h"

#define DISPLAY_NAME "fuzz.xml"

/* The shipped knowledge base, loaded once and reused while inputs fail to change it. */
static TalusKnowledgeBase *shipped;

typedef struct {
  guint n[8];
} Counts;

static Counts
count_entries (TalusKnowledgeBase *kb)
{
  GListModel *lists[8] = {
    talus_knowledge_base_get_regions (kb), talus_knowledge_base_get_structures (kb),
    talus_knowledge_base_get_symptoms (kb), talus_knowledge_base_get_diagnostics (kb),
    talus_knowledge_base_get_care_options (kb), talus_knowledge_base_get_red_flags (kb),
    talus_knowledge_base_get_references (kb), talus_knowledge_base_get_conditions (kb),
  };
  Counts counts;

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    counts.n[i] = g_list_model_get_n_items (lists[i]);

  return counts;
}

static void
check_error (const GError *error)
{
  g_auto(GStrv) lines = NULL;

  g_assert_nonnull (error);
  g_assert_true (error->domain == TALUS_KB_ERROR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p = lines[i];

      if (!g_str_has_prefix (p, DISPLAY_NAME ":"))
        g_error ("error line without FILE: “%s”", p);
      p += strlen (DISPLAY_NAME ":");
      if (!g_ascii_isdigit (*p))
        g_error ("error line without LINE: “%s”", lines[i]);
      while (g_ascii_isdigit (*p))
        p++;
      if (!g_str_has_prefix (p, ": ") || g_utf8_strlen (p, -1) > 1000)
        g_error ("malformed error line: “%.200s”", lines[i]);
      for (; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isprint (g_utf8_get_char (p)))
          g_error ("unprintable character in error line: “%.200s”", lines[i]);
    }
}

static void
walk_conditions (TalusKnowledgeBase *kb)
{
  GListModel *conditions = talus_knowledge_base_get_conditions (kb);
  guint n = g_list_model_get_n_items (conditions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusCondition) condition = g_list_model_get_item (conditions, i);
      GListModel *lists[] = {
        talus_condition_get_symptoms (condition), talus_condition_get_diagnostics (condition),
        talus_condition_get_care (condition),
      };

      g_assert_nonnull (talus_entry_get_id (TALUS_ENTRY (condition)));
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        {
          guint m = g_list_model_get_n_items (lists[l]);

          /* the loader refuses a condition without symptoms, diagnostics or care */
          g_assert_cmpuint (m, >, 0);
          for (guint j = 0; j < m; j++)
            {
              g_autoptr(TalusLink) link = g_list_model_get_item (lists[l], j);

              /* every reference resolved, or the file would have been refused */
              g_assert_nonnull (talus_link_get_target (link));
              g_assert_nonnull (talus_entry_get_id (talus_link_get_target (link)));
            }
        }
      g_assert_cmpuint (g_list_model_get_n_items (talus_condition_get_regions (condition)), >, 0);
    }
}

/* Ranks conditions for up to four of the loaded symptoms, chosen by the input's bytes. */
static void
run_differential (TalusKnowledgeBase *kb,
                  const guint8       *data,
                  gsize               size)
{
  GListModel *symptoms = talus_knowledge_base_get_symptoms (kb);
  GListModel *regions = talus_knowledge_base_get_regions (kb);
  guint n_symptoms = g_list_model_get_n_items (symptoms);
  guint n_regions = g_list_model_get_n_items (regions);
  g_autoptr(GPtrArray) given = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(TalusRegion) region = NULL;
  guint hash = 5381;
  double previous = 100.0;
  guint n;

  for (gsize i = 0; i < size; i++)
    hash = hash * 33 + data[i];

  for (guint i = 0; i < 4 && n_symptoms > 0; i++)
    g_ptr_array_add (given, g_list_model_get_item (symptoms, (hash >> (i * 7)) % n_symptoms));
  if (n_regions > 0 && (hash & 1))
    region = g_list_model_get_item (regions, (hash >> 3) % n_regions);

  results = talus_differential_compute (kb, given, region, &flags);
  g_assert_nonnull (results);
  g_assert_nonnull (flags);

  n = g_list_model_get_n_items (results);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusDifferentialResult) result = g_list_model_get_item (results, i);
      double score = talus_differential_result_get_score (result);

      g_assert_cmpuint (talus_differential_result_get_rank (result), ==, i + 1);
      g_assert_cmpfloat (score, >=, 0.0);
      g_assert_cmpfloat (score, <=, 100.0 + 1e-9);
      g_assert_cmpfloat (score, <=, previous + 1e-9);
      g_assert_cmpuint (talus_differential_result_get_matched (result)->len, >, 0);
      g_assert_nonnull (talus_differential_result_get_missing (result));
      g_assert_nonnull (talus_differential_result_get_condition (result));
      previous = score;
    }
}

static void
use_loaded (TalusKnowledgeBase *kb,
            const guint8       *data,
            gsize               size)
{
  walk_conditions (kb);
  run_differential (kb, data, size);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* a warning or critical from GLib is a finding, as it is in the test suite */
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  /* alone */
  {
    g_autoptr(TalusKnowledgeBase) kb = talus_knowledge_base_new ();
    g_autoptr(GError) error = NULL;

    if (talus_knowledge_base_add_bytes (kb, bytes, DISPLAY_NAME, &error))
      {
        g_assert_no_error (error);
        use_loaded (kb, data, size);
      }
    else
      {
        Counts empty = { { 0 } };
        Counts now = count_entries (kb);

        check_error (error);
        g_assert_true (memcmp (&now, &empty, sizeof now) == 0);
      }
  }

  /* on top of the shipped knowledge base */
  {
    g_autoptr(GError) error = NULL;
    Counts before;
    Counts after;

    if (shipped == NULL)
      {
        shipped = talus_knowledge_base_new ();
        if (!talus_knowledge_base_load_shipped (shipped, &error))
          g_error ("the shipped knowledge base does not load: %s", error->message);
      }

    before = count_entries (shipped);
    if (talus_knowledge_base_add_bytes (shipped, bytes, DISPLAY_NAME, &error))
      {
        g_assert_no_error (error);
        use_loaded (shipped, data, size);
        /* it changed: the next input starts from a fresh copy */
        g_clear_object (&shipped);
      }
    else
      {
        check_error (error);
        after = count_entries (shipped);
        g_assert_true (memcmp (&before, &after, sizeof before) == 0);
        use_loaded (shipped, data, size);
      }
  }

  return 0;
}
