/* talus-application.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "talus-application"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>

#include "talus-application.h"
#include "talus-cli.h"
#include "talus-preferences-window.h"
#include "talus-window.h"

struct _TalusApplication
{
  AdwApplication      parent_instance;

  TalusKnowledgeBase *kb;
  GPtrArray          *load_errors;
  /* Loads the knowledge base while GTK initialises; joined in startup (see load_kb_thread). */
  GThread            *kb_thread;
  gint64              start_time;
  gboolean            benchmark;
};

G_DEFINE_FINAL_TYPE (TalusApplication, talus_application, ADW_TYPE_APPLICATION)

/* The command-line options themselves belong to talus-cli.c; this one needs the window. */
static const GOptionEntry option_entries[] = {
  { "benchmark-startup", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the time to the first frame of the window, then quit"), NULL },
  { NULL }
};

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Talus contributors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Talus"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Talus contributors"),
                         "developers", developers,
                         "comments", _("An interactive anatomy of the ankle and foot: from where it "
                                       "hurts to conditions, symptoms, diagnostics and care "
                                       "pathways, with patient handouts.\n\nTalus is for education "
                                       "and shared decisions; it does not make a diagnosis."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Talus contributors",
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWidget *window = talus_preferences_window_new (gtk_application_get_active_window (app));

  gtk_window_present (GTK_WINDOW (window));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated, NULL, NULL, NULL },
  { "about", about_activated, NULL, NULL, NULL },
  { "preferences", preferences_activated, NULL, NULL, NULL },
  { "shortcuts", shortcuts_activated, NULL, NULL, NULL },
};

typedef struct
{
  TalusKnowledgeBase *kb;
  GPtrArray          *errors;
} KbLoad;

/* The shipped knowledge base, then the user's files over it; every problem goes to @errors. The
 * kb layer has no GTK, so this runs in a thread as well as on the main thread. */
static void
load_kb (KbLoad *load)
{
  g_autoptr(GError) error = NULL;

  load->kb = talus_knowledge_base_new ();
  if (!talus_knowledge_base_load_default (load->kb, load->errors, &error))
    {
      /* A broken shipped knowledge base is a packaging bug; show it like a user-file error. */
      g_warning ("The shipped knowledge base failed to load: %s", error->message);
      g_ptr_array_add (load->errors, g_steal_pointer (&error));
    }
}

static gpointer
load_kb_thread (gpointer data)
{
  KbLoad *load = g_new0 (KbLoad, 1);

  load->errors = data;
  load_kb (load);
  return load;
}

static int
talus_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  TalusApplication *self = TALUS_APPLICATION (app);
  int status;

  if (g_variant_dict_contains (options, "benchmark-startup"))
    {
      self->benchmark = TRUE;
      /* A benchmark measures a fresh process, never a running instance. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  /* -1 means: carry on and open the window. */
  status = talus_cli_handle_options (app, options);
  if (status >= 0)
    return status;

  /* The window needs the knowledge base: load it on the second core while this process
   * registers on the bus and GTK initialises. The command line above loads its own, in line.
   * libxml2 is initialised here, on the main thread, before two threads can use it. */
  if (self->kb == NULL && self->kb_thread == NULL)
    {
      xmlInitParser ();
      self->kb_thread = g_thread_new ("talus-kb-load", load_kb_thread,
                                      g_ptr_array_ref (self->load_errors));
    }
  return -1;
}

static void
talus_application_startup (GApplication *app)
{
  TalusApplication *self = TALUS_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (talus_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);

  if (self->kb_thread != NULL)
    {
      KbLoad *load = g_thread_join (g_steal_pointer (&self->kb_thread));

      /* The errors went straight into self->load_errors, which the thread held a ref on. */
      self->kb = load->kb;
      g_ptr_array_unref (load->errors);
      g_free (load);
    }
  else if (self->kb == NULL)
    {
      KbLoad load = { NULL, self->load_errors };

      load_kb (&load);
      self->kb = load.kb;
    }
}

static void
talus_application_activate (GApplication *app)
{
  TalusApplication *self = TALUS_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      TalusWindow *talus_window = talus_window_new (GTK_APPLICATION (app), self->kb);

      if (self->benchmark)
        talus_window_set_benchmark_startup (talus_window, self->start_time);
      talus_window_show_load_errors (talus_window, self->load_errors);
      window = GTK_WINDOW (talus_window);
    }

  gtk_window_present (window);
}

static void
talus_application_finalize (GObject *object)
{
  TalusApplication *self = (TalusApplication *) object;

  /* Started for a window that never came (e.g. another instance is running). */
  if (self->kb_thread != NULL)
    {
      KbLoad *load = g_thread_join (g_steal_pointer (&self->kb_thread));

      g_clear_object (&load->kb);
      g_ptr_array_unref (load->errors);
      g_free (load);
    }
  g_clear_object (&self->kb);
  g_clear_pointer (&self->load_errors, g_ptr_array_unref);

  G_OBJECT_CLASS (talus_application_parent_class)->finalize (object);
}

static void
talus_application_class_init (TalusApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = talus_application_finalize;
  app_class->handle_local_options = talus_application_handle_local_options;
  app_class->startup = talus_application_startup;
  app_class->activate = talus_application_activate;
}

static void
talus_application_init (TalusApplication *self)
{
  self->start_time = g_get_monotonic_time ();
  self->load_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  talus_cli_add_options (G_APPLICATION (self));
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Without options, opens the Talus window."));
}

TalusApplication *
talus_application_new (void)
{
  return g_object_new (TALUS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", APP_PATH,
                       NULL);
}

TalusKnowledgeBase *
talus_application_get_knowledge_base (TalusApplication *self)
{
  g_return_val_if_fail (TALUS_IS_APPLICATION (self), NULL);
  return self->kb;
}

GPtrArray *
talus_application_get_load_errors (TalusApplication *self)
{
  g_return_val_if_fail (TALUS_IS_APPLICATION (self), NULL);
  return self->load_errors;
}
