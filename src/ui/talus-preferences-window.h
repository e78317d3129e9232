/* talus-preferences-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences: the clinic name and paper size printed on handouts, stored in GSettings.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TALUS_TYPE_PREFERENCES_WINDOW (talus_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TalusPreferencesWindow, talus_preferences_window, TALUS, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *talus_preferences_window_new (GtkWindow *parent);

G_END_DECLS
