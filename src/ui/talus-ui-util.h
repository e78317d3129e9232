/* talus-ui-util.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small helpers shared by the pages: in-app links ("talus:KIND/ID" URIs in label markup, followed
 * by activating the matching window action) and display strings for knowledge-base values.
 */
#pragma once

#include <gtk/gtk.h>

#include "talus-knowledge-base.h"
#include "talus-link.h"

G_BEGIN_DECLS

/* <a href="talus:condition/ID">Escaped name</a> */
char       *talus_ui_link_markup         (const char    *kind,
                                          const char    *id,
                                          const char    *text);
/* Comma-separated links to each TalusEntry of @entries except @skip (may be NULL), by @audience;
 * NULL when there are none. @kind is "condition", "structure", "region" or "entry". */
char       *talus_ui_links_for_model     (GListModel    *entries,
                                          const char    *kind,
                                          TalusEntry    *skip,
                                          TalusAudience  audience);
/* A GtkLabel::activate-link handler: "talus:condition/ID" activates win.show-condition,
 * "talus:structure/ID" win.select-structure, "talus:region/ID" win.select-region,
 * "talus:entry/ID" win.show-entry; other URIs are left to GTK. */
gboolean    talus_ui_activate_link_cb    (GtkLabel      *label,
                                          const char    *uri,
                                          gpointer       user_data);
/* A CSS class for the category pill, e.g. "category-injury". */
const char *talus_ui_category_css_class  (TalusCategory  category);
const char *talus_ui_evidence_css_class  (TalusEvidence  evidence);
const char *talus_ui_urgency_css_class   (TalusUrgency   urgency);
/* What to do for a red flag of @urgency, as a sentence for the person reading it. */
const char *talus_ui_urgency_advice      (TalusUrgency   urgency,
                                          TalusAudience  audience);
/* Removes every child of @box. */
void        talus_ui_box_clear           (GtkBox        *box);

G_END_DECLS
