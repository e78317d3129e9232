/* main.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "talus-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TalusApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* TALUS_LOCALEDIR lets the build tree's tests use the catalogues built in _build/po */
  localedir = g_getenv ("TALUS_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = talus_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
