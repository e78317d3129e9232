/* talus-search-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ranked search results for the query typed in the window's search bar; activating a result opens
 * its page through the window actions.
 */
#pragma once

#include <adwaita.h>

#include "talus-search.h"

G_BEGIN_DECLS

#define TALUS_TYPE_SEARCH_PAGE (talus_search_page_get_type ())
G_DECLARE_FINAL_TYPE (TalusSearchPage, talus_search_page, TALUS, SEARCH_PAGE, AdwBin)

/* At most this many results are listed. */
#define TALUS_SEARCH_PAGE_MAX_RESULTS 40

GtkWidget  *talus_search_page_new            (void);
void        talus_search_page_set_index      (TalusSearchPage  *self,
                                              TalusSearchIndex *index);
/* Searches @kb in @audience's words; the index is built on the first non-empty query, not
 * here. Replaces any index set with talus_search_page_set_index(), and the reverse. */
void        talus_search_page_set_knowledge_base (TalusSearchPage    *self,
                                                  TalusKnowledgeBase *kb,
                                                  TalusAudience       audience);
void        talus_search_page_set_query      (TalusSearchPage  *self,
                                              const char       *query);
/* TalusSearchResult for the current query. */
GListModel *talus_search_page_get_results    (TalusSearchPage  *self);
/* Opens the best result; FALSE when there is none. */
gboolean    talus_search_page_activate_first (TalusSearchPage  *self);
/* Moves the keyboard focus to the first result. */
void        talus_search_page_focus_results  (TalusSearchPage  *self);
/* Activates the window action that opens @result. */
void        talus_search_page_open_result    (GtkWidget         *widget,
                                              TalusSearchResult *result);

G_END_DECLS
