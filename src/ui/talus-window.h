/* talus-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: the anatomy drawing with its view switcher and layer toggles, and a side panel
 * of pages that follows the selection, with back/forward history, search, audience switch,
 * symptom checker and Ottawa rules.
 *
 * Window actions that carry state (select-region, select-structure, view, audience,
 * show-condition, layer-*) live in the window's GActionMap so GtkApplication exports them on
 * D-Bus at APP_PATH/window/ID; the stateless ones are installed in class_init.
 */
#pragma once

#include <adwaita.h>

#include "talus-handout.h"
#include "talus-knowledge-base.h"

G_BEGIN_DECLS

#define TALUS_TYPE_WINDOW (talus_window_get_type ())
G_DECLARE_FINAL_TYPE (TalusWindow, talus_window, TALUS, WINDOW, AdwApplicationWindow)

/* @application may be NULL (tests). */
TalusWindow        *talus_window_new                 (GtkApplication     *application,
                                                      TalusKnowledgeBase *knowledge_base);
TalusKnowledgeBase *talus_window_get_knowledge_base  (TalusWindow        *self);
/* Shows a dismissible banner listing the GError messages (each "FILE:LINE: message"). */
void                talus_window_show_load_errors    (TalusWindow        *self,
                                                      GPtrArray          *errors);
/* Handouts, as the print and export actions make and write them. */
TalusHandout       *talus_window_create_handout      (TalusWindow        *self);
gboolean            talus_window_export_handout      (TalusWindow        *self,
                                                      TalusHandout       *handout,
                                                      GFile              *file);
const char         *talus_window_get_last_message    (TalusWindow        *self);
/* The drawing (a TalusAnatomyView). */
GtkWidget          *talus_window_get_anatomy_view    (TalusWindow        *self);
/* The page on show in the side panel, and its history key ("region:ID", "condition:ID",
 * "checker", ...). */
GtkWidget          *talus_window_get_visible_page    (TalusWindow        *self);
const char         *talus_window_get_page_key        (TalusWindow        *self);
/* The structure ids last highlighted on the drawing; never NULL. */
const char * const *talus_window_get_highlight       (TalusWindow        *self);
/* Prints "ms to first frame" and quits the application after the first paint. */
void                talus_window_set_benchmark_startup (TalusWindow      *self,
                                                        gint64            start_time);

G_END_DECLS
