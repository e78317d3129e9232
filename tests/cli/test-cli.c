/* test-cli.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line, run as a subprocess of the built binary with no display.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "talus-test-util.h"

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs talus with @args (NULL-terminated) and, optionally, XDG_DATA_HOME set to @data_home. */
static void
run_talus (Run                *run,
           const char         *data_home,
           const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("TALUS_BINARY");

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* headless: the command line must never need a display or a session bus */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  if (data_home != NULL)
    g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);

  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  run->status = g_subprocess_get_exit_status (proc);
}

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("TALUS_SOURCE_ROOT"), "tests", "data", "kb", name, NULL);
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };

  run_talus (&run, NULL, (const char *[]) { "--help", NULL });
  g_assert_cmpint (run.status, ==, 0);
  for (const char *o = "validate-kb\0list\0differential\0region\0export-handout\0export-all-handouts\0";
       *o; o += strlen (o) + 1)
    {
      g_autofree char *opt = g_strconcat ("--", o, NULL);
      g_assert_nonnull (strstr (run.out, opt));
    }
}

static void
test_list (void)
{
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_talus (&run, NULL, (const char *[]) { "--list", "regions", NULL });
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 8); /* 7 regions and the final empty string */
  g_assert_true (g_str_has_prefix (lines[0], "lateral-ankle\t"));
  run_clear (&run);

  run_talus (&run, NULL, (const char *[]) { "--list", "conditions", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\nankle-sprain\t"));
  run_clear (&run);

  run_talus (&run, NULL, (const char *[]) { "--list", "bones", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "unknown kind “bones”"));
}

static void
test_differential (void)
{
  g_auto(Run) run = { 0 };
  g_auto(GStrv) first = NULL;

  run_talus (&run, NULL, (const char *[]) { "--differential=outside-ankle-pain,giving-way,popping-clicking", NULL });
  g_assert_cmpint (run.status, ==, 0);
  first = g_strsplit (run.out, "\t", 4);
  g_assert_cmpstr (first[0], ==, "1");
  g_assert_true (g_str_equal (first[1], "chronic-ankle-instability") || g_str_equal (first[1], "ankle-sprain"));
  g_assert_true (g_str_has_prefix (first[3], "outside-ankle-pain,giving-way,popping-clicking"));
  run_clear (&run);

  run_talus (&run, NULL, (const char *[]) { "--differential=heel-underside-pain,first-step-pain", "--region=plantar-heel", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "1\tplantar-fasciitis\t"));
  run_clear (&run);

  run_talus (&run, NULL, (const char *[]) { "--differential=swelling,nonsense", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "unknown symptom “nonsense”; known symptoms: "));
  g_assert_nonnull (strstr (run.err, "outside-ankle-pain"));
  run_clear (&run);

  run_talus (&run, NULL, (const char *[]) { "--differential=swelling", "--region=elbow", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "unknown region “elbow”"));
  run_clear (&run);

  /* a red flag in the input is reported apart from the ranking */
  run_talus (&run, NULL, (const char *[]) { "--differential=warmth-redness,swelling,fever", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "red flag (Emergency now): "));
}

static void
test_validate (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *good = g_build_filename (g_getenv ("TALUS_SOURCE_ROOT"), "data", "kb", "anatomy.xml", NULL);
  g_autofree char *doctype = fixture ("bad-doctype.xml");
  g_autofree char *schema = fixture ("bad-schema.xml");
  g_autofree char *expected = NULL;

  run_talus (&run, NULL, (const char *[]) { "--validate-kb", good, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "anatomy.xml: valid: 7 regions, "));
  run_clear (&run);

  /* every error of every file, and a non-zero status */
  run_talus (&run, NULL, (const char *[]) { "--validate-kb", doctype, schema, good, NULL });
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("%s:2: a DOCTYPE or other declaration is not allowed", doctype);
  g_assert_nonnull (strstr (run.err, expected));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s:7: Element 'symptom', attribute 'group'", schema);
  g_assert_nonnull (strstr (run.err, expected));
  g_assert_nonnull (strstr (run.out, "anatomy.xml: valid"));
  run_clear (&run);

  run_talus (&run, NULL, (const char *[]) { "--validate-kb", "/nonexistent/kb.xml", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "/nonexistent/kb.xml:1: "));
  run_clear (&run);

  run_talus (&run, NULL, (const char *[]) { "--validate-kb", NULL });
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_user_override (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("talus-cli-XXXXXX", &error);
  g_autofree char *kbdir = g_build_filename (home, "talus", "kb", NULL);
  g_autofree char *good = g_build_filename (kbdir, "clinic.xml", NULL);
  g_autofree char *bad = g_build_filename (kbdir, "broken.xml", NULL);

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (kbdir, 0700), ==, 0);
  g_file_set_contents (good,
                       "<?xml version=\"1.0\"?>\n<kb version=\"1\">\n"
                       "  <region id=\"big-toe\">\n"
                       "    <name>Great toe (clinic wording)</name>\n"
                       "    <patient-name>Big toe</patient-name>\n"
                       "    <summary>Local text.</summary>\n"
                       "    <patient-summary>Local text.</patient-summary>\n"
                       "  </region>\n</kb>\n", -1, &error);
  g_file_set_contents (bad, "<kb version=\"1\">\n<region id=\"x\">\n", -1, &error);
  g_assert_no_error (error);

  run_talus (&run, home, (const char *[]) { "--list", "regions", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "big-toe\tGreat toe (clinic wording)\n"));
  /* the broken file is skipped and named with its line; the rest still works */
  g_assert_true (g_str_has_prefix (run.err, bad));
  g_assert_nonnull (strstr (run.err, "(file skipped)"));

  g_unlink (good);
  g_unlink (bad);
  g_rmdir (kbdir);
  g_autofree char *talus_dir = g_path_get_dirname (kbdir);
  g_rmdir (talus_dir);
  g_rmdir (home);
}

static void
test_export_handout (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("talus-cli-pdf-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "sprain.pdf", NULL);
  g_autofree char *all = g_build_filename (dir, "all", NULL);
  g_autofree char *output = g_strconcat ("--output=", pdf, NULL);
  g_autofree char *all_arg = g_strconcat ("--export-all-handouts=", all, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *sprain_all = NULL;
  gsize len = 0;

  g_assert_no_error (error);

  run_talus (&run, NULL, (const char *[]) { "--export-handout=ankle-sprain", output, "--paper=letter", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_file_get_contents (pdf, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (len, >, 10000);
  run_clear (&run);

  /* an unknown id and an unwritable path fail cleanly and leave nothing behind */
  run_talus (&run, NULL, (const char *[]) { "--export-handout=no-such-condition", "--output=/tmp/talus-never.pdf", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "unknown condition “no-such-condition”"));
  g_assert_false (g_file_test ("/tmp/talus-never.pdf", G_FILE_TEST_EXISTS));
  run_clear (&run);

  run_talus (&run, NULL, (const char *[]) { "--export-handout=ankle-sprain", "--output=/proc/talus.pdf", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "Could not write /proc/talus.pdf: "));
  run_clear (&run);

  run_talus (&run, NULL, (const char *[]) { "--export-handout=ankle-sprain", output, "--paper=a3", NULL });
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run_talus (&run, NULL, (const char *[]) { "--export-handout=ankle-sprain", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--output"));
  run_clear (&run);

  run_talus (&run, NULL, (const char *[]) { all_arg, NULL });
  g_assert_cmpint (run.status, ==, 0);
  sprain_all = g_build_filename (all, "ankle-sprain.pdf", NULL);
  g_assert_true (g_file_test (sprain_all, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (run.out, " handouts written to "));

  /* one PDF per condition, nothing else */
  {
    g_autoptr(GDir) d = g_dir_open (all, 0, &error);
    Run list = { 0 };
    guint n_files = 0, n_conditions = 0;
    const char *name;

    g_assert_no_error (error);
    while ((name = g_dir_read_name (d)))
      {
        g_autofree char *path = g_build_filename (all, name, NULL);
        g_assert_true (g_str_has_suffix (name, ".pdf"));
        n_files++;
        g_unlink (path);
      }
    run_talus (&list, NULL, (const char *[]) { "--list", "conditions", NULL });
    for (const char *p = list.out; *p; p++)
      n_conditions += *p == '\n';
    g_assert_cmpuint (n_files, ==, n_conditions);
    run_clear (&list);
  }

  g_unlink (pdf);
  g_rmdir (all);
  g_rmdir (dir);
}

/* --language: a Spanish handout with the desktop in English (LANGUAGE=en in the test
 * environment), the whole text - the KB's and the handout's own - in Spanish. */
static void
test_handout_language (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("talus-cli-es-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "esguince.pdf", NULL);
  g_autofree char *output = g_strconcat ("--output=", pdf, NULL);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  run_talus (&run, NULL, (const char *[]) { "--export-handout=ankle-sprain", output, "--language=es", NULL });
  g_assert_cmpint (run.status, ==, 0);
  text = talus_test_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "¿Qué es?"));
  g_assert_nonnull (strstr (text, "Esguince"));
  g_assert_null (strstr (text, "What is it?"));
  g_assert_null (strstr (text, "Lateral ankle sprain"));
  run_clear (&run);

  /* a language without a translation is an error that names it; nothing is written */
  g_unlink (pdf);
  run_talus (&run, NULL, (const char *[]) { "--export-handout=ankle-sprain", output, "--language=xx", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "“xx”"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  run_clear (&run);

  /* not a path: a language name cannot walk out of the locale folder */
  run_talus (&run, NULL, (const char *[]) { "--export-handout=ankle-sprain", output, "--language=../../etc", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  run_clear (&run);

  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/talus/cli/help", test_help);
  g_test_add_func ("/talus/cli/list", test_list);
  g_test_add_func ("/talus/cli/differential", test_differential);
  g_test_add_func ("/talus/cli/validate", test_validate);
  g_test_add_func ("/talus/cli/user-override", test_user_override);
  g_test_add_func ("/talus/cli/export-handout", test_export_handout);
  g_test_add_func ("/talus/cli/handout-language", test_handout_language);

  return g_test_run ();
}
