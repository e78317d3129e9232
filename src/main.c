/* main.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#ifdef TALUS_HAVE_UI
# include "talus-application.h"
#else
# include "talus-cli.h"

static int
handle_local_options_cb (GApplication *app,
                         GVariantDict *options,
                         gpointer      user_data)
{
  int status = talus_cli_handle_options (app, options);

  return status < 0 ? 0 : status;
}
#endif

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

#ifdef TALUS_HAVE_UI
  app = G_APPLICATION (talus_application_new ());
#else
  app = g_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  talus_cli_add_options (app);
  g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options_cb), NULL);
#endif

  return g_application_run (app, argc, argv);
}
