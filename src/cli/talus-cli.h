/* talus-cli.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line: options registered on the GApplication (so `talus --help` lists them) and
 * handled locally in handle-local-options, without a display and without contacting a running
 * instance.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void talus_cli_add_options    (GApplication *app);
/* Returns -1 when no command-line action was asked for (start the GUI), else an exit status. */
int  talus_cli_handle_options (GApplication *app,
                               GVariantDict *options);

G_END_DECLS
