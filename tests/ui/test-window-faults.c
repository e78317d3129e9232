/* test-window-faults.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window under faults: a full disk or an unwritable folder on export, no printer, a
 * cancelled print, a handout language whose translation is missing, an unreadable user KB
 * folder. Each gives a clear message in the window, loses nothing, and the window keeps working.
 * Also the handout language of the preferences: a Spanish handout from an English window.
 */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <gtk/gtkunixprint.h>
#include <libintl.h>
#include <string.h>

#include "talus-fault.h"
#include "talus-test-util.h"
#include "talus-window.h"

#define OLD_CONTENTS "yesterday's handout\n"

typedef struct {
  TalusKnowledgeBase *kb;
  TalusWindow        *window;
  GSettings          *settings;
  char               *dir;
} Fixture;

static void
iterate (void)
{
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done returns TRUE or 10 s pass. */
static gboolean
wait_for (gboolean (*done) (gpointer data),
          gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "handout-language");

  fixture->kb = talus_knowledge_base_new ();
  g_assert_true (talus_knowledge_base_load_shipped (fixture->kb, &error));
  g_assert_no_error (error);

  fixture->dir = g_dir_make_tmp ("talus-window-faults-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->window = talus_window_new (NULL, fixture->kb);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate ();
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-condition",
                                  g_variant_new_string ("ankle-sprain"));
  iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  talus_fault_reset ();
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_clear_object (&fixture->kb);
  g_settings_reset (fixture->settings, "handout-language");
  g_clear_object (&fixture->settings);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* The visible toplevel of @type (transient for @parent, when given), or NULL. */
static GtkWindow *
find_toplevel (GType      type,
               GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (parent == NULL || gtk_window_get_transient_for (window) == parent))
        return window;
    }
  return NULL;
}

/* The message dialog the window shows, or NULL. */
static AdwMessageDialog *
find_message_dialog (Fixture *fixture)
{
  return (AdwMessageDialog *) find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (fixture->window));
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_message_dialog (data) != NULL;
}

static GtkPrintUnixDialog *
find_print_dialog (void)
{
  return (GtkPrintUnixDialog *) find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG, NULL);
}

static gboolean
print_dialog_shown (gpointer data)
{
  return find_print_dialog () != NULL;
}

static void
close_message_dialog (Fixture *fixture)
{
  AdwMessageDialog *dialog = find_message_dialog (fixture);

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_null (find_message_dialog (fixture));
}

/* The window still works: another condition opens. */
static void
assert_window_works (Fixture *fixture)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-condition",
                                  g_variant_new_string ("plantar-fasciitis"));
  iterate ();
  g_assert_cmpstr (talus_window_get_page_key (fixture->window), ==, "condition:plantar-fasciitis");
}

static void
test_export_full_disk (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TalusHandout) handout = talus_window_create_handout (fixture->window);
  g_autofree char *path = g_build_filename (fixture->dir, "ankle-sprain.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;

  g_assert_nonnull (handout);
  g_assert_true (g_file_set_contents (path, OLD_CONTENTS, -1, NULL));

  talus_fault_fill_disk (fixture->dir, 4096);
  g_assert_false (talus_window_export_handout (fixture->window, handout, file));
  g_assert_cmpuint (talus_fault_get_n_refused (), >, 0);
  talus_fault_reset ();
  iterate ();

  dialog = find_message_dialog (fixture);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Export PDF");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), g_strerror (ENOSPC)));

  /* the old file keeps every byte, and no temporary file is left */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, OLD_CONTENTS);
  g_assert_cmpuint (talus_test_count_entries (fixture->dir), ==, 1);
  close_message_dialog (fixture);

  /* with room again the export works, and says so */
  g_assert_true (talus_window_export_handout (fixture->window, handout, file));
  g_assert_nonnull (strstr (talus_window_get_last_message (fixture->window), "ankle-sprain.pdf"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  assert_window_works (fixture);
}

static void
test_export_unwritable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TalusHandout) handout = talus_window_create_handout (fixture->window);
  g_autofree char *not_a_folder = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *path = g_build_filename (not_a_folder, "ankle-sprain.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  /* a folder that is a file: refused even for root, unlike a read-only folder */
  g_assert_true (g_file_set_contents (not_a_folder, OLD_CONTENTS, -1, NULL));
  g_assert_false (talus_window_export_handout (fixture->window, handout, file));
  iterate ();
  dialog = find_message_dialog (fixture);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Export PDF");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "notes.txt"));
  close_message_dialog (fixture);
  assert_window_works (fixture);
}

static gboolean
real_printer_cb (GtkPrinter *printer,
                 gpointer    user_data)
{
  gboolean *found = user_data;

  if (!gtk_printer_is_virtual (printer))
    *found = TRUE;
  return *found;
}

static gboolean
last_message_is_cancel (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (talus_window_get_last_message (fixture->window), "Printing canceled") == 0;
}

static void
test_no_printer_and_cancel (Fixture       *fixture,
                            gconstpointer  data)
{
  gboolean found = FALSE;
  AdwMessageDialog *dialog;
  GtkPrintUnixDialog *print_dialog;

  gtk_enumerate_printers (real_printer_cb, &found, NULL, TRUE);
  if (found)
    {
      g_test_skip ("this machine has a printer");
      return;
    }

  /* Ctrl+P with no printer: the window says so and offers the PDF */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.print", NULL));
  g_assert_true (wait_for (message_dialog_shown, fixture));
  dialog = find_message_dialog (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "No Printer Found");
  g_assert_true (adw_message_dialog_has_response (dialog, "export"));
  close_message_dialog (fixture);
  assert_window_works (fixture);

  /* "Print Anyway…" opens the print dialog; cancelling it is said, and nothing else happens */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.print", NULL));
  g_assert_true (wait_for (message_dialog_shown, fixture));
  dialog = find_message_dialog (fixture);
  /* a click on a response button also closes the dialog; response() alone does not */
  adw_message_dialog_response (dialog, "print");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (wait_for (print_dialog_shown, NULL));
  print_dialog = find_print_dialog ();
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (print_dialog), GTK_RESPONSE_CANCEL);
G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_true (wait_for (last_message_is_cancel, fixture));
  g_assert_null (find_message_dialog (fixture));
  assert_window_works (fixture);
}

static void
test_missing_translation (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TalusHandout) handout = NULL;
  TalusCondition *shown;

  g_settings_set_string (fixture->settings, "handout-language", "xx");
  handout = talus_window_create_handout (fixture->window);

  /* the handout is still made, in the window's language, and the window says why */
  g_assert_nonnull (handout);
  g_assert_null (talus_handout_get_catalog (handout));
  shown = talus_knowledge_base_lookup_condition (fixture->kb, "ankle-sprain");
  g_assert_true (talus_handout_get_condition (handout) == shown);
  g_assert_nonnull (talus_window_get_last_message (fixture->window));
  g_assert_nonnull (strstr (talus_window_get_last_message (fixture->window), "“xx”"));
  assert_window_works (fixture);
}

/* issue 8: a Spanish handout from an English window, chosen in the preferences */
static void
test_spanish_handout (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TalusHandout) handout = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "esguince.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *english_path = g_build_filename (fixture->dir, "sprain.pdf", NULL);
  g_autoptr(GFile) english_file = g_file_new_for_path (english_path);
  g_autofree char *text = NULL;
  g_autofree char *english = NULL;
  TalusCondition *condition;

  g_settings_set_string (fixture->settings, "handout-language", "es");
  handout = talus_window_create_handout (fixture->window);
  g_assert_nonnull (handout);
  g_assert_nonnull (talus_handout_get_catalog (handout));
  g_assert_cmpstr (talus_catalog_get_language (talus_handout_get_catalog (handout)), ==, "es");
  condition = talus_handout_get_condition (handout);
  g_assert_cmpstr (talus_entry_get_id (TALUS_ENTRY (condition)), ==, "ankle-sprain");
  /* the condition comes from the Spanish KB, not the window's */
  g_assert_true (condition != talus_knowledge_base_lookup_condition (fixture->kb, "ankle-sprain"));
  g_assert_cmpstr (talus_entry_get_name (TALUS_ENTRY (condition)), !=,
                   talus_entry_get_name (TALUS_ENTRY (talus_knowledge_base_lookup_condition (fixture->kb, "ankle-sprain"))));

  g_assert_true (talus_window_export_handout (fixture->window, handout, file));
  text = talus_test_pdf_text (path);
  g_assert_nonnull (strstr (text, "¿Qué es?"));
  g_assert_nonnull (strstr (text, "Lo que puede hacer usted mismo"));
  g_assert_null (strstr (text, "What is it?"));

  /* the window itself stays in English */
  g_assert_cmpstr (talus_window_get_page_key (fixture->window), ==, "condition:ankle-sprain");

  /* back to the app's language */
  g_settings_set_string (fixture->settings, "handout-language", "");
  g_clear_object (&handout);
  handout = talus_window_create_handout (fixture->window);
  g_assert_null (talus_handout_get_catalog (handout));
  g_assert_true (talus_window_export_handout (fixture->window, handout, english_file));
  english = talus_test_pdf_text (english_path);
  g_assert_nonnull (strstr (english, "What is it?"));
}

static void
test_unreadable_kb_folder (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                       TALUS_TYPE_WINDOW,
                                                                       "error_revealer"));
  GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                              TALUS_TYPE_WINDOW, "error_label"));
  g_autofree char *kb_path = g_build_filename (fixture->dir, "kb", NULL);
  g_autoptr(GFile) kb_dir = g_file_new_for_path (kb_path);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(TalusKnowledgeBase) kb = talus_knowledge_base_new ();

  /* the user's KB "folder" is a file: it cannot be listed, even by root */
  g_assert_true (g_file_set_contents (kb_path, OLD_CONTENTS, -1, NULL));
  g_assert_true (talus_knowledge_base_load_shipped (kb, NULL));
  g_assert_cmpuint (talus_knowledge_base_add_directory (kb, kb_dir, errors), ==, 0);
  g_assert_cmpuint (errors->len, ==, 1);

  talus_window_show_load_errors (fixture->window, errors);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (label), kb_path));
  assert_window_works (fixture);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("TALUS_LOCALEDIR");

  /* the build tree's translations, as main() binds them for `dev run` */
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/talus/window-faults/export-full-disk", Fixture, NULL, fixture_set_up,
              test_export_full_disk, fixture_tear_down);
  g_test_add ("/talus/window-faults/export-unwritable", Fixture, NULL, fixture_set_up,
              test_export_unwritable, fixture_tear_down);
  g_test_add ("/talus/window-faults/no-printer-and-cancel", Fixture, NULL, fixture_set_up,
              test_no_printer_and_cancel, fixture_tear_down);
  g_test_add ("/talus/window-faults/missing-translation", Fixture, NULL, fixture_set_up,
              test_missing_translation, fixture_tear_down);
  g_test_add ("/talus/window-faults/spanish-handout", Fixture, NULL, fixture_set_up,
              test_spanish_handout, fixture_tear_down);
  g_test_add ("/talus/window-faults/unreadable-kb-folder", Fixture, NULL, fixture_set_up,
              test_unreadable_kb_folder, fixture_tear_down);

  return g_test_run ();
}
