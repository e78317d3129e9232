/* talus-handout.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A printable handout for one condition: the layout engine behind the print dialog, the PDF
 * export and the command-line batch export. It needs only cairo and Pango, so every entry point
 * produces the same pages.
 *
 * Units are PostScript points with (0,0) at the top-left corner of the paper. Layout never
 * depends on the cairo target (metrics are unhinted, at 72 dpi), so a print preview, a printer
 * and a PDF file get identical line breaks and page breaks.
 *
 * From a GtkPrintOperation: set use-full-page TRUE and the unit to GTK_UNIT_POINTS, call
 * talus_handout_paginate() in ::begin-print (or ::paginate) and pass the result to
 * gtk_print_operation_set_n_pages(), then call talus_handout_draw_page() in ::draw-page with
 * gtk_print_context_get_cairo_context(). talus_paper_for_size() maps the page setup's paper.
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "talus-anatomy-document.h"
#include "talus-catalog.h"
#include "talus-knowledge-base.h"
#include "talus-paper.h"

G_BEGIN_DECLS

#define TALUS_HANDOUT_ERROR (talus_handout_error_quark ())

typedef enum {
  TALUS_HANDOUT_ERROR_FAILED,      /* the figure could not be drawn, or the layout failed */
  TALUS_HANDOUT_ERROR_WRITE,       /* the PDF could not be written */
} TalusHandoutError;

GQuark talus_handout_error_quark (void);

/* Draws on top of the figure in the drawing's document coordinates (0,0 to doc_width x
 * doc_height), clipped to the figure; consultation-mode sketches use it. */
typedef void (*TalusHandoutOverlayFunc) (cairo_t  *cr,
                                         double    doc_width,
                                         double    doc_height,
                                         gpointer  user_data);

#define TALUS_TYPE_HANDOUT (talus_handout_get_type ())
G_DECLARE_FINAL_TYPE (TalusHandout, talus_handout, TALUS, HANDOUT, GObject)

/* Optional: starts the font set-up (fontconfig) in the background, so that it overlaps other
 * work such as loading the knowledge base. Call it on the thread that will lay out handouts
 * (Pango's default font map is per thread), as early as possible. */
void                talus_handout_start_font_setup     (void);

TalusHandout       *talus_handout_new                  (TalusKnowledgeBase  *knowledge_base,
                                                        TalusCondition      *condition);
/* NULL with TALUS_KB_ERROR_UNKNOWN_ID when no condition has @condition_id. */
TalusHandout       *talus_handout_new_for_id           (TalusKnowledgeBase  *knowledge_base,
                                                        const char          *condition_id,
                                                        GError             **error);

TalusKnowledgeBase *talus_handout_get_knowledge_base   (TalusHandout        *self);
TalusCondition     *talus_handout_get_condition        (TalusHandout        *self);
TalusRegion        *talus_handout_get_region           (TalusHandout        *self);
/* Prefers @view for the figure when it shows any of the condition's structures (a consultation
 * sketch is drawn on one view and must print on that one). */
void                talus_handout_set_figure_view      (TalusHandout        *self,
                                                        TalusViewKind        view);
/* The view of the figure once laid out, else the one asked for, else -1. */
int                 talus_handout_get_figure_view      (TalusHandout        *self);
void                talus_handout_set_region           (TalusHandout        *self,
                                                        TalusRegion         *region);
TalusAudience       talus_handout_get_audience         (TalusHandout        *self);
void                talus_handout_set_audience         (TalusHandout        *self,
                                                        TalusAudience        audience);
TalusPaper          talus_handout_get_paper            (TalusHandout        *self);
void                talus_handout_set_paper            (TalusHandout        *self,
                                                        TalusPaper           paper);
const char         *talus_handout_get_clinic_name      (TalusHandout        *self);
void                talus_handout_set_catalog          (TalusHandout        *self,
                                                        TalusCatalog        *catalog);
TalusCatalog       *talus_handout_get_catalog          (TalusHandout        *self);
void                talus_handout_set_clinic_name      (TalusHandout        *self,
                                                        const char          *clinic_name);
GDateTime          *talus_handout_get_date             (TalusHandout        *self);
void                talus_handout_set_date             (TalusHandout        *self,
                                                        GDateTime           *date);
/* Ids of the care options the clinician ticked; NULL-terminated, may be NULL. */
const char * const *talus_handout_get_ticked_care      (TalusHandout        *self);
void                talus_handout_set_ticked_care      (TalusHandout        *self,
                                                        const char * const  *care_ids);
const char         *talus_handout_get_clinician_notes  (TalusHandout        *self);
void                talus_handout_set_clinician_notes  (TalusHandout        *self,
                                                        const char          *notes);
void                talus_handout_set_overlay_func     (TalusHandout        *self,
                                                        TalusHandoutOverlayFunc func,
                                                        gpointer             user_data,
                                                        GDestroyNotify       destroy);
/* The paper size in points. */
void                talus_handout_get_page_size        (TalusHandout        *self,
                                                        double              *width,
                                                        double              *height);
/* The printable box inside the margins, in points; nothing is drawn outside it. */
void                talus_handout_get_content_box      (TalusHandout        *self,
                                                        double              *x,
                                                        double              *y,
                                                        double              *width,
                                                        double              *height);

/* Lays out every page and returns the page count (0 on error). @cr may be NULL: it is only
 * checked for an error status, because the layout does not depend on the target. Changing a
 * property afterwards drops the layout; draw_page() lays out again when needed. */
guint               talus_handout_paginate             (TalusHandout        *self,
                                                        cairo_t             *cr,
                                                        GError             **error);
guint               talus_handout_get_n_pages          (TalusHandout        *self);
/* Draws page @page_nr (from 0) in points with (0,0) at the paper's top-left corner. */
void                talus_handout_draw_page            (TalusHandout        *self,
                                                        cairo_t             *cr,
                                                        guint                page_nr);
/* Writes the handout as PDF to @path atomically: a temporary file in the same directory is
 * written, synced and renamed over @path. On error nothing is left behind, a previous file at
 * @path is untouched, and @error says "Could not write PATH: reason". */
gboolean            talus_handout_export_pdf           (TalusHandout        *self,
                                                        const char          *path,
                                                        GError             **error);
/* Writes DIR/CONDITION-ID.pdf for every condition of @knowledge_base, creating @dir if needed.
 * Stops at the first failure; @n_written counts the files written. */
gboolean            talus_handout_export_all           (TalusKnowledgeBase  *knowledge_base,
                                                        const char          *dir,
                                                        TalusPaper           paper,
                                                        TalusAudience        audience,
                                                        guint               *n_written,
                                                        GError             **error);

G_END_DECLS
