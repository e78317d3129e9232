/* test-full-disk.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving without loss on a full disk: everything Talus writes (the handout PDF, the sketch as
 * SVG and PNG) fails with a message naming the file, the file that was there keeps every byte,
 * and no temporary file is left behind. The disk fills through talus-fault.c (write(2) fails with
 * ENOSPC after a budget of bytes), at several budgets: full from the first byte, and part-way
 * through the new file.
 */
#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "talus-fault.h"
#include "talus-handout.h"
#include "talus-kb.h"
#include "talus-sketch.h"
#include "talus-test-util.h"

#define OLD_CONTENTS "the clinic's previous handout: must survive byte for byte\n"

/* disk full from the first byte, after one byte, and part-way through each file (the smallest,
 * the sketch's SVG, is several KB; the handout PDF over 100 KB) */
static const gsize budgets[] = { 0, 1, 2048 };

typedef struct {
  char *dir;
  char *target;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("talus-full-disk-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->target = g_build_filename (fixture->dir, "handout.pdf", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  talus_fault_reset ();
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->target);
}

static void
write_old_file (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, OLD_CONTENTS, -1, &error));
  g_assert_no_error (error);
}

/* The old file is there with every byte, nothing else is in the folder, and the error says why
 * and where. */
static void
assert_nothing_lost (Fixture    *fixture,
                     const char *target,
                     GError     *error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) read_error = NULL;

  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, target));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOSPC)));
  g_assert_cmpuint (talus_fault_get_n_refused (), >, 0);

  g_assert_true (g_file_get_contents (target, &contents, &length, &read_error));
  g_assert_no_error (read_error);
  g_assert_cmpmem (contents, length, OLD_CONTENTS, strlen (OLD_CONTENTS));
  g_assert_cmpuint (talus_test_count_entries (fixture->dir), ==, 1);
}

static TalusHandout *
make_handout (void)
{
  static TalusKnowledgeBase *kb;
  g_autoptr(GError) error = NULL;
  TalusHandout *handout;

  if (kb == NULL)
    {
      kb = talus_knowledge_base_new ();
      g_assert_true (talus_knowledge_base_load_shipped (kb, &error));
      g_assert_no_error (error);
    }
  handout = talus_handout_new_for_id (kb, "ankle-sprain", &error);
  g_assert_no_error (error);
  return handout;
}

static void
test_handout_pdf (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TalusHandout) handout = make_handout ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (budgets); i++)
    {
      g_test_message ("disk full after %" G_GSIZE_FORMAT " bytes", budgets[i]);
      write_old_file (fixture->target);
      talus_fault_fill_disk (fixture->dir, budgets[i]);
      g_assert_false (talus_handout_export_pdf (handout, fixture->target, &error));
      assert_nothing_lost (fixture, fixture->target, error);
      g_clear_error (&error);
      talus_fault_reset ();
    }

  /* with room again, the same export replaces the file: the fault, not the export, failed */
  g_assert_true (talus_handout_export_pdf (handout, fixture->target, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (fixture->target, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (talus_test_count_entries (fixture->dir), ==, 1);
}

static TalusSketch *
make_sketch (void)
{
  static const double red[4] = { 0.8, 0.1, 0.1, 1.0 };
  TalusSketch *sketch = talus_sketch_new ();
  TalusSketchStroke *stroke = talus_sketch_stroke_new (TALUS_SKETCH_TOOL_PEN, red, 4.0);

  for (int i = 0; i < 200; i++)
    talus_sketch_stroke_add_point (stroke, 100 + i * 2.0, 200 + 40 * sin (i / 10.0), 0.5);
  talus_sketch_add_stroke (sketch, "lateral", stroke);
  talus_sketch_stroke_unref (stroke);
  return sketch;
}

static void
test_sketch_svg (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TalusSketch) sketch = make_sketch ();
  g_autofree char *target = g_build_filename (fixture->dir, "sketch.svg", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (budgets); i++)
    {
      write_old_file (target);
      talus_fault_fill_disk (fixture->dir, budgets[i]);
      g_assert_false (talus_sketch_export_svg (sketch, "lateral", 1000, 800, target, &error));
      assert_nothing_lost (fixture, target, error);
      g_clear_error (&error);
      talus_fault_reset ();
    }

  g_assert_true (talus_sketch_export_svg (sketch, "lateral", 1000, 800, target, &error));
  g_assert_no_error (error);
}

static void
test_sketch_png (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TalusSketch) sketch = make_sketch ();
  g_autofree char *target = g_build_filename (fixture->dir, "sketch.png", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (budgets); i++)
    {
      write_old_file (target);
      talus_fault_fill_disk (fixture->dir, budgets[i]);
      g_assert_false (talus_sketch_export_png (sketch, "lateral", 1000, 800, 800, 640, NULL, NULL,
                                               target, &error));
      assert_nothing_lost (fixture, target, error);
      g_clear_error (&error);
      talus_fault_reset ();
    }

  g_assert_true (talus_sketch_export_png (sketch, "lateral", 1000, 800, 800, 640, NULL, NULL,
                                          target, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/talus/faults/full-disk/handout-pdf", Fixture, NULL, fixture_set_up,
              test_handout_pdf, fixture_tear_down);
  g_test_add ("/talus/faults/full-disk/sketch-svg", Fixture, NULL, fixture_set_up,
              test_sketch_svg, fixture_tear_down);
  g_test_add ("/talus/faults/full-disk/sketch-png", Fixture, NULL, fixture_set_up,
              test_sketch_png, fixture_tear_down);

  return g_test_run ();
}
