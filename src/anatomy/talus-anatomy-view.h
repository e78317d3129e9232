/* talus-anatomy-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The interactive anatomy drawing: one view (lateral, medial, posterior, plantar) of
 * TalusAnatomyDocument, with hover, click/tap and keyboard selection of structures and regions,
 * programmatic highlights, layer toggles, zoom and pan. Usable without the main window.
 *
 * Actions (for menus and key bindings, all on the widget): anatomy.zoom-in, anatomy.zoom-out,
 * anatomy.zoom-fit, anatomy.pan "(dd)" (a fraction of the widget size), anatomy.focus-next,
 * anatomy.focus-previous, anatomy.activate-focus, anatomy.clear-selection.
 */
#pragma once

#include <gtk/gtk.h>

#include "talus-anatomy-document.h"
#include "talus-knowledge-base.h"

G_BEGIN_DECLS

#define TALUS_ANATOMY_VIEW_MAX_ZOOM 8.0

#define TALUS_TYPE_ANATOMY_VIEW (talus_anatomy_view_get_type ())
G_DECLARE_FINAL_TYPE (TalusAnatomyView, talus_anatomy_view, TALUS, ANATOMY_VIEW, GtkWidget)

GtkWidget            *talus_anatomy_view_new                    (void);

TalusViewKind         talus_anatomy_view_get_view               (TalusAnatomyView    *self);
void                  talus_anatomy_view_set_view               (TalusAnatomyView    *self,
                                                                 TalusViewKind        view);
TalusLayers           talus_anatomy_view_get_layers             (TalusAnatomyView    *self);
void                  talus_anatomy_view_set_layers             (TalusAnatomyView    *self,
                                                                 TalusLayers          layers);
const char           *talus_anatomy_view_get_selected_structure (TalusAnatomyView    *self);
/* Same as talus_anatomy_view_select(); NULL clears only the structure. */
void                  talus_anatomy_view_set_selected_structure (TalusAnatomyView    *self,
                                                                 const char          *id);
const char           *talus_anatomy_view_get_selected_region    (TalusAnatomyView    *self);
/* Selects a region and clears the structure; NULL clears both. */
void                  talus_anatomy_view_set_selected_region    (TalusAnatomyView    *self,
                                                                 const char          *id);
/* 1.0 fits the drawing in the widget; up to TALUS_ANATOMY_VIEW_MAX_ZOOM. */
double                talus_anatomy_view_get_zoom               (TalusAnatomyView    *self);
void                  talus_anatomy_view_set_zoom               (TalusAnatomyView    *self,
                                                                 double               zoom);
TalusKnowledgeBase   *talus_anatomy_view_get_knowledge_base     (TalusAnatomyView    *self);
/* Used for names in tooltips and accessible labels, and to find a structure's region; without
 * one, ids are shown. */
void                  talus_anatomy_view_set_knowledge_base     (TalusAnatomyView    *self,
                                                                 TalusKnowledgeBase  *kb);

/* Selects a structure id or a region id; NULL clears. A structure selects its region too: with
 * a knowledge base its first KB region drawn in this view (else its first KB region); without
 * one, the region under the centre of its bounds. A click on a structure selects the clicked
 * region when the KB lists it for the structure. An id neither in the drawing nor in the
 * knowledge base is ignored. Emits "selection-changed" once when anything changed. */
void                  talus_anatomy_view_select                 (TalusAnatomyView    *self,
                                                                 const char          *id);
/* Structures or regions to tint (for search results and condition pages); ids of other views
 * are kept and shown when the view changes. NULL or empty clears. */
void                  talus_anatomy_view_set_highlight          (TalusAnatomyView    *self,
                                                                 const char * const  *ids);
const char * const   *talus_anatomy_view_get_highlight          (TalusAnatomyView    *self);

/* The "ready" property: FALSE while the drawing is being loaded (from realize) or its first
 * texture rendered (from the first snapshot, which shows the plain card meanwhile) in a thread;
 * it turns TRUE, with a redraw, when that work is taken back on the main thread. Everything else
 * works at any time: a call that needs the drawing waits for the work in flight. */
gboolean              talus_anatomy_view_get_ready              (TalusAnatomyView    *self);
/* The drawing of the current view; NULL if it failed to load. */
TalusAnatomyDocument *talus_anatomy_view_get_document           (TalusAnatomyView    *self);
/* The item (region or structure) the keyboard focus is on, or NULL. */
const char           *talus_anatomy_view_get_focus_id           (TalusAnatomyView    *self);
/* What a click at (@x, @y) in widget coordinates hits: the structure there, else the region
 * there, else NULL; @region (may be NULL) receives the region there. Ids owned by the document. */
const char           *talus_anatomy_view_pick                   (TalusAnatomyView    *self,
                                                                 double               x,
                                                                 double               y,
                                                                 const char         **region);
/* A point in widget coordinates where a click hits @id (a region point with no structure on it
 * when there is one). FALSE when @id is not drawn, not visible, or the widget has no size. */
gboolean              talus_anatomy_view_compute_point_for_id   (TalusAnatomyView    *self,
                                                                 const char          *id,
                                                                 graphene_point_t    *out);

/* The current mapping from the drawing's document coordinates to widget coordinates, including
 * zoom and pan: widget = origin + document * scale. FALSE when nothing is shown. */
gboolean talus_anatomy_view_get_layout (TalusAnatomyView *self,
                                        double           *scale,
                                        double           *origin_x,
                                        double           *origin_y);

G_END_DECLS
