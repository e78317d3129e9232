/* talus-present-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Present mode: the drawing and a condition shown to the patient, fullscreen, in patient
 * language only (no evidence labels, scores or references), with large type and touch-sized
 * targets. The clinician draws on the drawing (pen, highlighter, arrow, eraser, colours, undo,
 * redo, clear) and steps through the condition: the drawing with its structures highlighted,
 * then "What it is", "What helps" and "When to get help", one screen at a time.
 *
 * Leaving (Escape, or Done) asks whether to keep the sketch for the handout when there is one;
 * "Discard" clears it (talus_sketch_clear_all()). Nothing is written to disk here.
 */
#pragma once

#include <adwaita.h>

#include "talus-anatomy-view.h"
#include "talus-knowledge-base.h"
#include "talus-sketch-controller.h"
#include "talus-sketch.h"

G_BEGIN_DECLS

#define TALUS_TYPE_PRESENT_WINDOW (talus_present_window_get_type ())
G_DECLARE_FINAL_TYPE (TalusPresentWindow, talus_present_window, TALUS, PRESENT_WINDOW, AdwWindow)

/* @sketch is shared with the caller, which keeps it for the handout; @knowledge_base may be
 * NULL. */
TalusPresentWindow *talus_present_window_new           (TalusKnowledgeBase *knowledge_base,
                                                        TalusSketch        *sketch);
TalusSketch        *talus_present_window_get_sketch    (TalusPresentWindow *self);
/* The condition to step through; NULL shows the drawing alone. Selects the condition's best
 * view unless talus_present_window_set_view() is called afterwards. */
TalusCondition     *talus_present_window_get_condition (TalusPresentWindow *self);
void                talus_present_window_set_condition (TalusPresentWindow *self,
                                                        TalusCondition     *condition);
void                talus_present_window_set_view      (TalusPresentWindow *self,
                                                        TalusViewKind       view);
TalusAnatomyView   *talus_present_window_get_anatomy_view (TalusPresentWindow *self);
/* Draws on the anatomy view; its tool and colour follow the present.tool and present.color
 * actions. */
TalusSketchController *talus_present_window_get_controller (TalusPresentWindow *self);
/* Shows the window fullscreen: on a monitor other than @parent's when there are several,
 * in place otherwise. @parent may be NULL. */
void                talus_present_window_present_for   (TalusPresentWindow *self,
                                                        GtkWindow          *parent);
/* Asks about the sketch (when not empty), then closes. Same as the present.leave action. */
void                talus_present_window_leave         (TalusPresentWindow *self);

G_END_DECLS
