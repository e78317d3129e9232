/* talus-search.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Free-text search over the knowledge base, without GTK so it can be unit tested.
 *
 * Text is normalised (case-folded, accents stripped, punctuation to spaces, "runner's" ->
 * "runners") and split into tokens. A query token matches a document token exactly (1.0), as a
 * prefix (0.9, so typing is incremental), or, for tokens of 4 or more characters, with one typo
 * (Damerau-Levenshtein distance 1: 0.7). Each field of a document has a weight; a query token
 * scores its best match over all fields, and the document scores the mean over the query tokens,
 * times a weight for its kind, plus a bonus when the whole query appears as a phrase in a field.
 * Documents where some query token matches nothing are dropped.
 */
#pragma once

#include <gio/gio.h>

#include "talus-knowledge-base.h"
#include "talus-link.h"

G_BEGIN_DECLS

/* Ordered by how much a result of this kind is worth when scores tie. */
typedef enum {
  TALUS_SEARCH_KIND_CONDITION,
  TALUS_SEARCH_KIND_SYMPTOM,
  TALUS_SEARCH_KIND_STRUCTURE,
  TALUS_SEARCH_KIND_REGION,
  TALUS_SEARCH_KIND_DIAGNOSTIC,
  TALUS_SEARCH_KIND_CARE_OPTION,
} TalusSearchKind;

/* How strongly a field speaks for the document. */
#define TALUS_SEARCH_FIELD_NAME     1.0
#define TALUS_SEARCH_FIELD_SYNONYM  0.95
#define TALUS_SEARCH_FIELD_RELATED  0.8
#define TALUS_SEARCH_FIELD_SUMMARY  0.4

const char *talus_search_kind_to_label (TalusSearchKind kind);

/* Normalised text: case-folded ASCII letters and digits, single spaces, apostrophes dropped. */
char     *talus_search_normalize (const char *text);
/* Optimal string alignment distance (transpositions count as one edit). */
guint     talus_search_distance  (const char *a,
                                  const char *b);

#define TALUS_TYPE_SEARCH_RESULT (talus_search_result_get_type ())
G_DECLARE_FINAL_TYPE (TalusSearchResult, talus_search_result, TALUS, SEARCH_RESULT, GObject)

const char      *talus_search_result_get_id      (TalusSearchResult *self);
TalusSearchKind  talus_search_result_get_kind    (TalusSearchResult *self);
const char      *talus_search_result_get_title   (TalusSearchResult *self);
/* The text of the field that matched best (for example the synonym), never NULL. */
const char      *talus_search_result_get_matched (TalusSearchResult *self);
double           talus_search_result_get_score   (TalusSearchResult *self);

#define TALUS_TYPE_SEARCH_INDEX (talus_search_index_get_type ())
G_DECLARE_FINAL_TYPE (TalusSearchIndex, talus_search_index, TALUS, SEARCH_INDEX, GObject)

TalusSearchIndex *talus_search_index_new (void);
/* Indexes every condition (name, patient name, synonyms, typical and common symptoms, summary),
 * symptom, structure (with its abbreviation), region and diagnostic, with the texts of
 * @audience as titles. */
TalusSearchIndex *talus_search_index_new_for_knowledge_base (TalusKnowledgeBase *kb,
                                                             TalusAudience       audience);
/* Starts a document; later talus_search_index_add_field() calls add text to it. */
void              talus_search_index_add      (TalusSearchIndex *self,
                                               const char       *id,
                                               TalusSearchKind   kind,
                                               const char       *title);
void              talus_search_index_add_field (TalusSearchIndex *self,
                                                const char       *text,
                                                double            weight);
guint             talus_search_index_get_n_documents (TalusSearchIndex *self);
/* TalusSearchResult, best first, at most @max_results (0 for all). Empty for a blank query. */
GListModel       *talus_search_index_query    (TalusSearchIndex *self,
                                               const char       *query,
                                               guint             max_results);

G_END_DECLS
