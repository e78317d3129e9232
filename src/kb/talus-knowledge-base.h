/* talus-knowledge-base.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loaded knowledge base: every entry by kind, O(1) lookup by id, and the loader.
 *
 * Files are read with GIO under a size cap, parsed from memory with libxml2 with untrusted-input
 * options (no network, no entities, no DTD, no XInclude; a DOCTYPE is rejected), validated
 * against data/kb/talus-kb.xsd, then checked for references against everything loaded so far.
 * A file is added whole or not at all. An entry in a later file replaces an entry of the same
 * kind and id from an earlier file (this is how user files override the shipped ones).
 *
 * Errors: TALUS_KB_ERROR, with a message of one "FILE:LINE: message" line per problem found.
 */
#pragma once

#include <gio/gio.h>

#include "talus-care-option.h"
#include "talus-catalog.h"
#include "talus-condition.h"
#include "talus-diagnostic.h"
#include "talus-red-flag.h"
#include "talus-reference.h"
#include "talus-region.h"
#include "talus-structure.h"
#include "talus-symptom.h"

G_BEGIN_DECLS

#define TALUS_KB_ERROR (talus_kb_error_quark ())

typedef enum {
  TALUS_KB_ERROR_READ,       /* the file could not be read, or is too large */
  TALUS_KB_ERROR_PARSE,      /* not well-formed XML, or forbidden XML (DOCTYPE, entities) */
  TALUS_KB_ERROR_SCHEMA,     /* does not follow talus-kb.xsd */
  TALUS_KB_ERROR_REFERENCE,  /* duplicate id, dangling reference, incomplete condition */
  TALUS_KB_ERROR_UNKNOWN_ID, /* a lookup by id found nothing */
} TalusKbError;

GQuark talus_kb_error_quark (void);

/* Largest KB file accepted, in bytes. */
#define TALUS_KB_MAX_FILE_SIZE (32 * 1024 * 1024)

#define TALUS_TYPE_KNOWLEDGE_BASE (talus_knowledge_base_get_type ())
G_DECLARE_FINAL_TYPE (TalusKnowledgeBase, talus_knowledge_base, TALUS, KNOWLEDGE_BASE, GObject)

TalusKnowledgeBase *talus_knowledge_base_new             (void);
void                talus_knowledge_base_set_catalog     (TalusKnowledgeBase  *self,
                                                          TalusCatalog        *catalog);
TalusCatalog       *talus_knowledge_base_get_catalog     (TalusKnowledgeBase  *self);
/* Loads the knowledge base shipped in the GResource (APP_PATH/kb/). */
gboolean            talus_knowledge_base_load_shipped    (TalusKnowledgeBase  *self,
                                                          GError             **error);
gboolean            talus_knowledge_base_add_file        (TalusKnowledgeBase  *self,
                                                          GFile               *file,
                                                          GError             **error);
/* @display_name is the file name used in messages. */
gboolean            talus_knowledge_base_add_bytes       (TalusKnowledgeBase  *self,
                                                          GBytes              *bytes,
                                                          const char          *display_name,
                                                          GError             **error);
/* The same, and when @summary is given it receives a description of what the file defines,
 * such as "7 regions, 0 structures, …". */
gboolean            talus_knowledge_base_add_file_full   (TalusKnowledgeBase  *self,
                                                          GFile               *file,
                                                          char               **summary,
                                                          GError             **error);
gboolean            talus_knowledge_base_add_bytes_full  (TalusKnowledgeBase  *self,
                                                          GBytes              *bytes,
                                                          const char          *display_name,
                                                          char               **summary,
                                                          GError             **error);
/* Adds every *.xml in @dir in name order; a file that fails is skipped and its error appended to
 * @errors (GError*), if given. A missing directory is not an error. Returns the number added. */
guint               talus_knowledge_base_add_directory   (TalusKnowledgeBase  *self,
                                                          GFile               *dir,
                                                          GPtrArray           *errors);
/* $XDG_DATA_HOME/talus/kb */
GFile              *talus_knowledge_base_get_user_dir    (void);
/* The shipped KB, then the user's files over it (a broken one is skipped, its error added to
 * @user_errors); FALSE when the shipped KB fails (the user's files are added all the same). */
gboolean            talus_knowledge_base_load_default    (TalusKnowledgeBase  *self,
                                                          GPtrArray           *user_errors,
                                                          GError             **error);

/* Lists in knowledge-base order (shipped first, then user files). */
GListModel         *talus_knowledge_base_get_regions     (TalusKnowledgeBase  *self);
GListModel         *talus_knowledge_base_get_structures  (TalusKnowledgeBase  *self);
GListModel         *talus_knowledge_base_get_symptoms    (TalusKnowledgeBase  *self);
GListModel         *talus_knowledge_base_get_diagnostics (TalusKnowledgeBase  *self);
GListModel         *talus_knowledge_base_get_care_options (TalusKnowledgeBase *self);
GListModel         *talus_knowledge_base_get_red_flags   (TalusKnowledgeBase  *self);
GListModel         *talus_knowledge_base_get_references  (TalusKnowledgeBase  *self);
GListModel         *talus_knowledge_base_get_conditions  (TalusKnowledgeBase  *self);

/* Lookups by id; NULL when unknown. */
TalusRegion        *talus_knowledge_base_lookup_region     (TalusKnowledgeBase *self, const char *id);
TalusStructure     *talus_knowledge_base_lookup_structure  (TalusKnowledgeBase *self, const char *id);
TalusSymptom       *talus_knowledge_base_lookup_symptom    (TalusKnowledgeBase *self, const char *id);
TalusDiagnostic    *talus_knowledge_base_lookup_diagnostic (TalusKnowledgeBase *self, const char *id);
TalusCareOption    *talus_knowledge_base_lookup_care_option (TalusKnowledgeBase *self, const char *id);
TalusRedFlag       *talus_knowledge_base_lookup_red_flag   (TalusKnowledgeBase *self, const char *id);
TalusReference     *talus_knowledge_base_lookup_reference  (TalusKnowledgeBase *self, const char *id);
TalusCondition     *talus_knowledge_base_lookup_condition  (TalusKnowledgeBase *self, const char *id);
/* Any kind; NULL when unknown. */
TalusEntry         *talus_knowledge_base_lookup            (TalusKnowledgeBase *self, const char *id);

G_END_DECLS
