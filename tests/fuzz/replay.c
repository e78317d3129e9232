/* replay.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the fuzz target (fuzz-kb.c) over every file of the seed corpus (tests/fuzz/corpus) and of
 * the hostile corpus (tests/data/bad), one test per file, so any input the fuzzer once found keeps
 * being checked by a normal `meson test`, without clang or libFuzzer.
 */

#include "config.h"

#include <glib.h>

#include "fuzz-kb.h"

/* at least this many files, or a moved folder would pass silently */
#define MIN_CORPUS_FILES 10
#define MIN_BAD_FILES 25

static void
test_replay_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const guint8 *) contents, length), ==, 0);
}

static guint
add_folder (const char *name,
            const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  const char *file;

  g_assert_no_error (error);
  while ((file = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (file, "EXPECTED") && !g_str_has_prefix (file, "."))
      g_ptr_array_add (files, g_strdup (file));
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/talus/fuzz/replay/%s/%s", name,
                                                    (char *) files->pdata[i]);

      /* the path stays alive for the whole run */
      g_test_add_data_func_full (test_path,
                                 g_build_filename (folder, files->pdata[i], NULL),
                                 test_replay_file, g_free);
      g_free (files->pdata[i]);
    }

  return files->len;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *corpus = NULL;
  g_autofree char *bad = NULL;
  guint n_corpus;
  guint n_bad;

  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&argc, &argv);

  corpus = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", NULL);
  bad = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  n_corpus = add_folder ("corpus", corpus);
  n_bad = add_folder ("bad", bad);

  if (n_corpus < MIN_CORPUS_FILES || n_bad < MIN_BAD_FILES)
    g_error ("expected at least %d seed and %d hostile files, found %u and %u",
             MIN_CORPUS_FILES, MIN_BAD_FILES, n_corpus, n_bad);

  return g_test_run ();
}
