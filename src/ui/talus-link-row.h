/* talus-link-row.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the condition page: a title with an optional pill (weight, evidence, urgency), what it
 * means for this condition, a note (accuracy, reference) and links to the other conditions that
 * share it. Links use talus_ui_activate_link_cb().
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TALUS_TYPE_LINK_ROW (talus_link_row_get_type ())
G_DECLARE_FINAL_TYPE (TalusLinkRow, talus_link_row, TALUS, LINK_ROW, GtkListBoxRow)

GtkWidget *talus_link_row_new          (void);
void       talus_link_row_set_title    (TalusLinkRow *self,
                                        const char   *markup);
/* NULL hides the pill; @css_class may be NULL. */
void       talus_link_row_set_badge    (TalusLinkRow *self,
                                        const char   *text,
                                        const char   *css_class);
/* Plain text; NULL hides it. */
void       talus_link_row_set_text     (TalusLinkRow *self,
                                        const char   *text);
/* Markup; NULL hides it. */
void       talus_link_row_set_note     (TalusLinkRow *self,
                                        const char   *markup);
/* Markup with links to other conditions; NULL hides it. */
void       talus_link_row_set_links    (TalusLinkRow *self,
                                        const char   *markup);

G_END_DECLS
