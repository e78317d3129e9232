/* talus-kb-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Instance structures of the knowledge-base entries, shared by the loader (which fills them from
 * XML) and the knowledge base (which resolves references). Nothing outside src/kb includes this.
 */
#pragma once

#include "talus-entry-private.h"
#include "talus-knowledge-base.h"
#include "talus-link.h"
#include "talus-ptr-list.h"

G_BEGIN_DECLS

/* A reference by id, kept with its place in the file until it is resolved. */
typedef struct {
  char  *id;
  guint  line;
} TalusRef;

TalusRef *talus_ref_new  (const char *id,
                          guint       line);
void      talus_ref_free (TalusRef   *ref);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TalusRef, talus_ref_free)

struct _TalusRegion
{
  TalusEntry  parent_instance;
  TalusPtrList *structures;
};

struct _TalusStructure
{
  TalusEntry          parent_instance;
  TalusStructureKind  kind;
  char               *abbreviation;
  GPtrArray          *region_refs;  /* TalusRef */
  TalusPtrList       *regions;
};

struct _TalusSymptom
{
  TalusEntry        parent_instance;
  TalusSymptomGroup group;
};

struct _TalusReference
{
  TalusEntry  parent_instance;
  char       *doi;
};

typedef struct {
  TalusAccuracy  public;
  TalusRef      *cite;
} TalusAccuracyPrivate;

struct _TalusDiagnostic
{
  TalusEntry          parent_instance;
  TalusDiagnosticKind kind;
  GPtrArray          *accuracy;  /* TalusAccuracyPrivate, cast to TalusAccuracy */
};

struct _TalusCareOption
{
  TalusEntry      parent_instance;
  TalusCareStage  stage;
  TalusEvidence   evidence;
  GPtrArray      *cite_refs;  /* TalusRef */
  TalusPtrList   *references;
};

struct _TalusRedFlag
{
  TalusEntry    parent_instance;
  TalusUrgency  urgency;
  GPtrArray    *trigger_refs;  /* GPtrArray of TalusRef, one per trigger */
  GPtrArray    *triggers;      /* GPtrArray of TalusSymptom (unowned), one per trigger */
};

struct _TalusLink
{
  GObject         parent_instance;
  TalusRef       *ref;
  char           *file;
  TalusEntry     *target;       /* unowned: the knowledge base owns entries */
  TalusWeight     weight;
  char           *text;
  gboolean        has_evidence;
  TalusEvidence   evidence;
  TalusRef       *cite;
  TalusReference *reference;    /* unowned */
};

struct _TalusCondition
{
  TalusEntry     parent_instance;
  TalusCategory  category;
  GStrv          synonyms;
  GPtrArray     *region_refs;     /* TalusRef */
  GPtrArray     *structure_refs;  /* TalusRef */
  GPtrArray     *red_flag_refs;   /* TalusRef */
  GPtrArray     *cite_refs;       /* TalusRef */
  TalusPtrList  *regions;
  TalusPtrList  *structures;
  TalusPtrList  *symptoms;        /* TalusLink */
  TalusPtrList  *diagnostics;     /* TalusLink */
  TalusPtrList  *care;            /* TalusLink */
  TalusPtrList  *red_flags;
  TalusPtrList  *references;
};

TalusLink *talus_link_new (const char *file,
                           TalusRef   *ref);

/* The loader: parses and validates one document; on success returns the entries it defines
 * (TalusEntry*, with unresolved references) in document order, their text translated through
 * @catalog (NULL: the desktop's language). */
GPtrArray *talus_kb_parse_document (GBytes        *bytes,
                                    const char    *display_name,
                                    TalusCatalog  *catalog,
                                    GError       **error);

typedef enum {
  /* only the tree path (the one that reports problems), never the streaming one: for tests
   * that check the two build the same entries */
  TALUS_KB_PARSE_TREE = 1 << 0,
  /* only the streaming path: a document it does not accept fails with a placeholder message
   * instead of going to the tree path; for tests that check what it accepts */
  TALUS_KB_PARSE_STREAM_ONLY = 1 << 1,
} TalusKbParseFlags;

/* Whether the streaming path validates with its own not-blank check instead of the schema's
 * pattern (see talus-kb-loader.c); @not_blank gets the elements it checks, by name, each with a
 * GPtrArray of the names of their parents. For tests. */
gboolean   talus_kb_schema_has_fast_path (GHashTable **not_blank);

GPtrArray *talus_kb_parse_document_full (GBytes             *bytes,
                                         const char         *display_name,
                                         TalusCatalog       *catalog,
                                         TalusKbParseFlags   flags,
                                         GError            **error);

/* Appends "FILE:LINE: message" to @problems (a GString) on a line of its own. */
void       talus_kb_problem (GString    *problems,
                             const char *file,
                             guint       line,
                             const char *format,
                             ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
