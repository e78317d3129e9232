/* talus-ptr-list.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A light GListModel over a GPtrArray, for the many small lists inside the knowledge base (a
 * condition's symptoms, an entry's conditions…). GListStore keeps a GSequence per list, which
 * made loading a large knowledge base spend more time building lists than validating XML.
 * Private to src/kb: callers outside see a GListModel.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TALUS_TYPE_PTR_LIST (talus_ptr_list_get_type ())
G_DECLARE_FINAL_TYPE (TalusPtrList, talus_ptr_list, TALUS, PTR_LIST, GObject)

TalusPtrList *talus_ptr_list_new         (GType             item_type);
void          talus_ptr_list_append      (TalusPtrList     *self,
                                          gpointer          item);
void          talus_ptr_list_clear       (TalusPtrList     *self);
gboolean      talus_ptr_list_contains    (TalusPtrList     *self,
                                          gpointer          item);
guint         talus_ptr_list_get_length  (TalusPtrList     *self);
/* Borrowed item, no reference added. */
gpointer      talus_ptr_list_index       (TalusPtrList     *self,
                                          guint             position);
/* A stable sort. */
void          talus_ptr_list_sort        (TalusPtrList     *self,
                                          GCompareDataFunc  compare);

G_END_DECLS
