/* talus-kb-loader.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Turns the bytes of one knowledge-base file into entries, treating the file as hostile:
 *  - the caller has already capped its size (TALUS_KB_MAX_FILE_SIZE); nothing here reads a file;
 *  - a linear pre-scan rejects a DOCTYPE (so no entity or DTD is ever parsed), start tags with
 *    absurd numbers of attributes and floods of namespace declarations (both superlinear in
 *    libxml2 2.9);
 *  - libxml2 parses from memory with XML_PARSE_NONET and none of NOENT, DTDLOAD, DTDATTR,
 *    DTDVALID, XINCLUDE or HUGE, and an external-entity loader that refuses everything;
 *  - entries are kept only from a document that is valid against talus-kb.xsd.
 * There are two paths after the pre-scan (docs/PERFORMANCE.md, "3. KB load"):
 *  - the fast path, for a good file: one SAX pass with the schema plugged into it
 *    (xmlSchemaSAXPlug) builds the entries as it validates; no tree. It decides only that a file
 *    is good: on the first problem of any kind it stops and the file takes
 *  - the slow path, which parses a tree, validates it as a whole and reports every problem as
 *    FILE:LINE of the element concerned (or, should the fast path have been stricter than the
 *    schema, builds the entries from the tree with the same builder).
 * tests/kb/test-loader-paths.c checks that the two paths agree.
 */

#define G_LOG_DOMAIN "talus-kb"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>

#include "talus-kb-private.h"

#define MAX_ATTRIBUTES_PER_TAG 64
#define MAX_NAMESPACE_DECLARATIONS 16
/* Tags plus twice the attributes (an attribute costs libxml2 about twice what an element does):
 * bounds the tree at about 150 MB whatever the size cap. The 50x benchmark KB (10 MB) uses 307,000. */
#define MAX_MARKUP 1000000
#define MAX_PROBLEMS 200
/* in characters, per problem: libxml2 quotes whole values, which may be megabytes long */
#define MAX_MESSAGE_CHARS 400

typedef struct {
  const char *file;
  GString    *problems;
  guint       n_problems;
} ErrorSink;

TalusRef *
talus_ref_new (const char *id,
               guint       line)
{
  TalusRef *ref = g_new0 (TalusRef, 1);

  ref->id = g_strdup (id);
  ref->line = line;

  return ref;
}

void
talus_ref_free (TalusRef *ref)
{
  if (ref == NULL)
    return;

  g_free (ref->id);
  g_free (ref);
}

/* A problem is one line, shown in the window and on a terminal, and may quote the file: keep no
 * line break, control or bidirectional-override character of it, and not its whole length. */
static void
append_printable (GString    *out,
                  const char *text,
                  guint       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  guint n = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (max_chars > 0 && ++n > max_chars)
        {
          g_string_append (out, "…");
          break;
        }

      if (ch == '\n' || ch == '\r' || ch == '\t')
        g_string_append_c (out, ' ');
      else if (!g_unichar_isprint (ch))
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, ch);
    }
}

void
talus_kb_problem (GString    *problems,
                  const char *file,
                  guint       line,
                  const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (problems != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (problems->len > 0)
    g_string_append_c (problems, '\n');
  append_printable (problems, file, 0);
  g_string_append_printf (problems, ":%u: ", line);
  append_printable (problems, message, MAX_MESSAGE_CHARS);
}

static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  /* Nothing a knowledge-base file names is ever fetched, local or remote. */
  return NULL;
}

static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;
  const char *p = data;
  const char *end = data + offset;

  while ((p = memchr (p, '\n', end - p)) != NULL)
    line++, p++;

  return line;
}

static gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* One linear pass over the bytes, before libxml2 sees them, that bounds what libxml2 2.9 can be
 * made to do. It rejects:
 *  - a DOCTYPE or any other <!...> declaration outside comments and CDATA sections;
 *  - a start tag with more than MAX_ATTRIBUTES_PER_TAG attributes (libxml2 2.9 looks for
 *    duplicate attributes quadratically: 200,000 attributes take over a minute);
 *  - more than MAX_NAMESPACE_DECLARATIONS namespace declarations (libxml2 2.9 looks a prefix up
 *    linearly in every declaration in scope: 15,000 of them and a megabyte of prefixed elements
 *    take ten seconds);
 *  - more than MAX_MARKUP tags and attributes: every one becomes a node of a few hundred bytes,
 *    so 32 MiB of "<a/>" would take 1.2 GB and 6 s.
 * libxml2 2.9 goes on tokenizing after a well-formedness error, and from then on its idea of where
 * tags, values and comments are may differ from any state machine here. So the two counts do not
 * depend on a state: every attribute libxml2 parses is written `=`, optional white space and a
 * quote, between the `<` of its tag and the next `<` (a `<` cannot appear in a value), and every
 * declaration contains "xmlns". The DOCTYPE check follows comments, CDATA sections and processing
 * instructions exactly as XML does, so it agrees with libxml2 up to the first error; after an
 * error libxml2 stops calling SAX and declares nothing, so a DOCTYPE it meets later is inert. */
static gboolean
prescan (const char  *data,
         gsize        len,
         const char  *file,
         GString     *problems)
{
  /* the bytes the scan acts on; it skips the rest quickly */
  static const gboolean interesting[256] = { ['<'] = TRUE, ['>'] = TRUE, ['='] = TRUE, ['x'] = TRUE };
  enum { TEXT, COMMENT, CDATA, PI } state = TEXT;
  guint n_attributes = 0;
  guint n_namespaces = 0;
  guint markup = 0;
  gsize tag_start = 0;
  gsize start = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (!interesting[(guchar) c])
        continue;

      if (c == '<')
        {
          tag_start = i;
          n_attributes = 0;
          markup++;
        }
      else if (c == '=')
        {
          gsize j = i + 1;

          while (j < len && is_xml_space (data[j]))
            j++;
          if (j < len && (data[j] == '"' || data[j] == '\''))
            {
              markup += 2;
              if (++n_attributes > MAX_ATTRIBUTES_PER_TAG)
                {
                  talus_kb_problem (problems, file, line_at (data, tag_start),
                                    _("an element has more than %d attributes"),
                                    MAX_ATTRIBUTES_PER_TAG);
                  return FALSE;
                }
            }
        }
      else if (c == 'x' && len - i >= 5 && memcmp (data + i, "xmlns", 5) == 0 &&
               ++n_namespaces > MAX_NAMESPACE_DECLARATIONS)
        {
          talus_kb_problem (problems, file, line_at (data, i),
                            _("more than %d namespace declarations (“xmlns”); a knowledge-base file needs none"),
                            MAX_NAMESPACE_DECLARATIONS);
          return FALSE;
        }

      if (markup > MAX_MARKUP)
        {
          talus_kb_problem (problems, file, line_at (data, i),
                            _("the file has more than a million tags and attributes; split it into several files"));
          return FALSE;
        }

      switch (state)
        {
        case TEXT:
          if (c != '<' || len - i < 2)
            break;
          start = i;
          if (len - i >= 4 && memcmp (data + i, "<!--", 4) == 0)
            state = COMMENT;
          else if (len - i >= 9 && memcmp (data + i, "<![CDATA[", 9) == 0)
            state = CDATA;
          else if (data[i + 1] == '?')
            state = PI;
          else if (data[i + 1] == '!')
            {
              talus_kb_problem (problems, file, line_at (data, i),
                                _("a DOCTYPE or other declaration is not allowed in a knowledge-base file"));
              return FALSE;
            }
          break;

        /* each end must lie wholly after its start: "<!-->" does not close a comment */
        case COMMENT:
          if (c == '>' && i >= start + 6 && data[i - 1] == '-' && data[i - 2] == '-')
            state = TEXT;
          break;

        case CDATA:
          if (c == '>' && i >= start + 11 && data[i - 1] == ']' && data[i - 2] == ']')
            state = TEXT;
          break;

        case PI:
          if (c == '>' && i >= start + 3 && data[i - 1] == '?')
            state = TEXT;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return TRUE;
}

/* The schema, compiled once per process, twice over:
 *  - as shipped, for the slow path, which reports problems;
 *  - for the fast path, without the pattern of the "not blank" text types (text, shortText).
 *    libxml2 checks a pattern with its general regular-expression engine, a few hundred
 *    instructions per character: on the knowledge base, that is more than half of the whole
 *    validation. The fast path checks the same thing itself (some character other than the four
 *    XSD white-space characters) on the elements that have such a type, found from the schema
 *    below, and sends any document that fails it to the slow path.
 * When the schema uses those types in a way the analysis does not follow, the fast path simply
 * validates with the schema as shipped. */
#define XS_NAMESPACE "http://www.w3.org/2001/XMLSchema"
#define XSI_NAMESPACE "http://www.w3.org/2001/XMLSchema-instance"
#define NOT_BLANK_PATTERN "\\s*\\S(.|\\s)*"

typedef struct {
  xmlSchemaPtr  schema;       /* as shipped */
  xmlSchemaPtr  fast_schema;  /* for the fast path: without the pattern, or the same as schema */
  xmlDoc       *fast_doc;     /* what fast_schema was compiled from */
  GHashTable   *not_blank;    /* child element name -> GPtrArray of parent element names; NULL
                               * when fast_schema is schema */
} Schemas;

static gboolean
is_xs (xmlNode    *node,
       const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, (const xmlChar *) XS_NAMESPACE) &&
         (name == NULL || xmlStrEqual (node->name, (const xmlChar *) name));
}

static char *
xs_prop (xmlNode    *node,
         const char *name)
{
  return (char *) xmlGetNoNsProp (node, (const xmlChar *) name);
}

static void
xs_collect (xmlNode   *node,
            GPtrArray *out)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      {
        g_ptr_array_add (out, child);
        xs_collect (child, out);
      }
}

/* The nearest enclosing xs:simpleType or xs:complexType of @node. */
static xmlNode *
xs_enclosing_type (xmlNode *node)
{
  for (xmlNode *p = node->parent; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
    if (is_xs (p, "simpleType") || is_xs (p, "complexType"))
      return p;

  return NULL;
}

static gboolean
is_top_level (xmlNode *node)
{
  return node->parent != NULL && is_xs (node->parent, "schema");
}

static void
add_not_blank (GHashTable *not_blank,
               const char *parent,
               const char *child)
{
  GPtrArray *parents = g_hash_table_lookup (not_blank, child);

  if (parents == NULL)
    {
      parents = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (not_blank, g_strdup (child), parents);
    }
  g_ptr_array_add (parents, g_strdup (parent));
}

/* Removes the "not blank" pattern from @doc (the schema) and returns, by element name, the
 * parents of the elements whose text must not be blank; NULL (and @doc unusable) when the
 * schema does something this does not follow: then the fast path keeps the pattern. */
static GHashTable *
relax_schema (xmlDoc *doc)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GHashTable) types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) not_blank = NULL;
  g_autoptr(GPtrArray) patterns = g_ptr_array_new ();
  xmlNode *root = xmlDocGetRootElement (doc);
  gboolean grew;

  if (!is_xs (root, "schema"))
    return NULL;
  xs_collect (root, nodes);

  /* the named simple types that carry the pattern, and nothing else that does */
  for (guint i = 0; i < nodes->len; i++)
    {
      xmlNode *node = nodes->pdata[i];
      g_autofree char *value = NULL;

      if (!is_xs (node, NULL))
        return NULL;  /* annotations' contents and the like: not in this schema */

      /* whatever this analysis does not follow */
      if (is_xs (node, "group") || is_xs (node, "attributeGroup") || is_xs (node, "import") ||
          is_xs (node, "include") || is_xs (node, "redefine") || is_xs (node, "any") ||
          is_xs (node, "anyAttribute") ||
          xmlHasProp (node, (const xmlChar *) "ref") != NULL ||
          xmlHasProp (node, (const xmlChar *) "substitutionGroup") != NULL)
        return NULL;

      if (!is_xs (node, "pattern"))
        continue;
      value = xs_prop (node, "value");
      if (g_strcmp0 (value, NOT_BLANK_PATTERN) == 0)
        {
          xmlNode *type = node->parent != NULL ? node->parent->parent : NULL;
          g_autofree char *name = NULL;

          if (!is_xs (node->parent, "restriction") || !is_xs (type, "simpleType") ||
              !is_top_level (type) || !(name = xs_prop (type, "name")))
            return NULL;
          g_hash_table_add (types, g_steal_pointer (&name));
          g_ptr_array_add (patterns, node);
        }
    }
  if (patterns->len == 0)
    return NULL;

  /* and every named type derived from them */
  do
    {
      grew = FALSE;
      for (guint i = 0; i < nodes->len; i++)
        {
          xmlNode *node = nodes->pdata[i];
          g_autofree char *base = NULL;
          xmlNode *type;
          g_autofree char *name = NULL;

          if (!is_xs (node, "restriction") && !is_xs (node, "extension"))
            continue;
          base = xs_prop (node, "base");
          if (base == NULL || !g_hash_table_contains (types, base))
            continue;
          type = xs_enclosing_type (node);
          if (type == NULL || !is_top_level (type) || !(name = xs_prop (type, "name")))
            return NULL;
          if (!g_hash_table_contains (types, name))
            {
              g_hash_table_add (types, g_steal_pointer (&name));
              grew = TRUE;
            }
        }
    }
  while (grew);

  /* the elements of those types, by the name of their parent element */
  not_blank = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < nodes->len; i++)
    {
      xmlNode *node = nodes->pdata[i];
      static const char *uses[] = { "type", "itemType", "memberTypes" };

      for (guint u = 0; u < G_N_ELEMENTS (uses); u++)
        {
          g_autofree char *value = xs_prop (node, uses[u]);
          g_auto(GStrv) words = NULL;
          g_autofree char *name = NULL;
          xmlNode *type;
          gboolean found = FALSE;

          if (value == NULL)
            continue;
          words = g_strsplit_set (value, " \t\r\n", -1);
          for (guint w = 0; words[w] != NULL; w++)
            found |= g_hash_table_contains (types, words[w]);
          if (!found)
            continue;

          /* only elements inside a content model: not attributes, lists, unions or roots */
          if (!is_xs (node, "element") || u != 0 || is_top_level (node) ||
              !(name = xs_prop (node, "name")) || !(type = xs_enclosing_type (node)) ||
              !is_xs (type, "complexType"))
            return NULL;

          if (!is_top_level (type))
            {
              /* an anonymous type: its element is the parent */
              g_autofree char *parent = NULL;

              if (!is_xs (type->parent, "element") || !(parent = xs_prop (type->parent, "name")))
                return NULL;
              add_not_blank (not_blank, parent, name);
            }
          else
            {
              g_autofree char *type_name = xs_prop (type, "name");
              guint n_parents = 0;

              if (type_name == NULL)
                return NULL;
              /* every element of that type is a parent; a type derived from it would be too */
              for (guint j = 0; j < nodes->len; j++)
                {
                  g_autofree char *t = xs_prop (nodes->pdata[j], "type");
                  g_autofree char *b = xs_prop (nodes->pdata[j], "base");
                  g_autofree char *parent = NULL;

                  if (g_strcmp0 (b, type_name) == 0)
                    return NULL;
                  if (g_strcmp0 (t, type_name) != 0)
                    continue;
                  if (!is_xs (nodes->pdata[j], "element") ||
                      !(parent = xs_prop (nodes->pdata[j], "name")))
                    return NULL;
                  add_not_blank (not_blank, parent, name);
                  n_parents++;
                }
              if (n_parents == 0)
                continue;  /* a type no element has */
            }
        }
    }

  for (guint i = 0; i < patterns->len; i++)
    {
      xmlUnlinkNode (patterns->pdata[i]);
      xmlFreeNode (patterns->pdata[i]);
    }

  return g_steal_pointer (&not_blank);
}

static xmlSchemaPtr
compile_schema (xmlSchemaParserCtxtPtr pctxt)
{
  xmlSchemaPtr schema = pctxt != NULL ? xmlSchemaParse (pctxt) : NULL;

  xmlSchemaFreeParserCtxt (pctxt);
  return schema;
}

static const Schemas *
get_schemas (GError **error)
{
  static gsize initialized;
  static Schemas schemas;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GBytes) bytes = NULL;

      bytes = g_resources_lookup_data (APP_PATH "/kb/talus-kb.xsd", 0, NULL);
      if (bytes != NULL)
        {
          gsize size;
          const char *data = g_bytes_get_data (bytes, &size);

          schemas.schema = compile_schema (xmlSchemaNewMemParserCtxt (data, (int) size));

          /* the relaxed copy is kept for the process, like the schema compiled from it */
          schemas.fast_doc = xmlReadMemory (data, (int) size, NULL, NULL, XML_PARSE_NONET);
          if (schemas.schema != NULL && schemas.fast_doc != NULL &&
              (schemas.not_blank = relax_schema (schemas.fast_doc)) != NULL)
            schemas.fast_schema = compile_schema (xmlSchemaNewDocParserCtxt (schemas.fast_doc));
          if (schemas.fast_schema == NULL)
            {
              g_clear_pointer (&schemas.not_blank, g_hash_table_unref);
              g_clear_pointer (&schemas.fast_doc, xmlFreeDoc);
              schemas.fast_schema = schemas.schema;
            }
        }

      g_once_init_leave (&initialized, 1);
    }

  if (schemas.schema == NULL)
    {
      g_set_error_literal (error, TALUS_KB_ERROR, TALUS_KB_ERROR_SCHEMA,
                           "the knowledge-base schema (talus-kb.xsd) is missing from the resources");
      return NULL;
    }

  return &schemas;
}

gboolean
talus_kb_schema_has_fast_path (GHashTable **not_blank)
{
  const Schemas *schemas = get_schemas (NULL);

  if (not_blank != NULL)
    *not_blank = schemas != NULL ? schemas->not_blank : NULL;

  return schemas != NULL && schemas->fast_schema != schemas->schema;
}

static void
init_libxml (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&initialized, 1);
    }
}

/* Folds runs of white space in @raw[0..len) to one space and trims; NULL when nothing is left. */
static char *
fold_text (const char *raw,
           gsize       len)
{
  char *out, *w;
  gboolean space = FALSE;

  w = out = g_malloc (len + 1);
  for (const char *p = raw, *end = raw + len; p < end; p++)
    {
      if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
        space = w != out;
      else
        {
          if (space)
            *w++ = ' ';
          space = FALSE;
          *w++ = *p;
        }
    }
  *w = '\0';

  if (w == out)
    {
      g_free (out);
      return NULL;
    }

  return out;
}

/* Translatable KB text (data/kb/talus-kb.its): looked up in the "talus-kb" context of the
 * application's catalogue (or of @catalog, the knowledge base's language when it is not the
 * desktop's), so the shipped KB reads in that language, string by string, falling back to the
 * text in the file (a user's own files simply find no translation). The message ids are the
 * folded text, as xgettext extracts them. */
static char *
translate (TalusCatalog *catalog,
           char         *text)
{
  const char *translated;

  if (text == NULL)
    return NULL;

  translated = talus_catalog_pgettext (catalog, "talus-kb", text);
  if (translated != text)
    {
      g_free (text);
      return g_strdup (translated);
    }

  return text;
}

/* ---------------------------------------------------------------------------------------------
 * The entry builder. It is driven by element events - start (name, attributes, line), text, end -
 * either straight from the SAX parser (the fast path) or by replaying a validated tree (the slow
 * path, see talus_kb_parse_document), so both paths build exactly the same entries. It only runs
 * on documents that the schema accepts (the streaming path throws its entries away on any problem),
 * so it may rely on the structure talus-kb.xsd guarantees. */

/* Children of an entry (depth 2) that the builder reads. */
typedef enum {
  CHILD_NONE,
  CHILD_NAME,             /* name: translated, the entry's name */
  CHILD_CITATION,         /* citation: the entry's name, not translated */
  CHILD_PATIENT_NAME,
  CHILD_SUMMARY,
  CHILD_PATIENT_SUMMARY,
  CHILD_ABBREVIATION,     /* structure */
  CHILD_DOI,              /* reference */
  CHILD_SYNONYM,          /* condition */
  CHILD_ACCURACY,         /* diagnostic: text goes to the pending TalusAccuracyPrivate */
  CHILD_LINK,             /* condition symptom, diagnostic or care: text to the pending link */
} ChildKind;

/* Attribute values, by local name, as xmlGetProp() finds them (the first of that name). */
typedef struct {
  const char *names[MAX_ATTRIBUTES_PER_TAG];
  const char *values[MAX_ATTRIBUTES_PER_TAG];
  guint       n;
} Attributes;

static const char *
get_attribute (const Attributes *attrs,
               const char       *name)
{
  for (guint i = 0; i < attrs->n; i++)
    if (strcmp (attrs->names[i], name) == 0)
      return attrs->values[i];

  return NULL;
}

typedef struct {
  const char   *file;
  TalusCatalog *catalog;   /* the language to translate into; NULL: the desktop's */
  GPtrArray    *entries;   /* TalusEntry, owned */
  guint         depth;     /* of the element being read: 1 for an entry, 2 for its children */

  TalusEntry   *entry;     /* the entry being read, owned; NULL for an unknown element */
  guint         entry_line;
  char         *texts[4];  /* name, patient-name, summary, patient-summary */
  GStrvBuilder *synonyms;

  ChildKind     child;
  gpointer      pending;   /* the TalusAccuracyPrivate or TalusLink the child's text goes to */
  GString      *text;      /* of the child, including its descendants, as xmlNodeGetContent */
} Builder;

static void
builder_init (Builder      *b,
              const char   *file,
              TalusCatalog *catalog)
{
  memset (b, 0, sizeof *b);
  b->file = file;
  b->catalog = catalog;
  b->entries = g_ptr_array_new_with_free_func (g_object_unref);
  b->text = g_string_sized_new (256);
}

static void
builder_clear (Builder *b)
{
  g_clear_pointer (&b->entries, g_ptr_array_unref);
  g_clear_object (&b->entry);
  for (guint i = 0; i < G_N_ELEMENTS (b->texts); i++)
    g_clear_pointer (&b->texts[i], g_free);
  g_clear_pointer (&b->synonyms, g_strv_builder_unref);
  if (b->text != NULL)
    g_string_free (b->text, TRUE);
  b->text = NULL;
}

static TalusRef *
ref_from (const Attributes *attrs,
          const char       *name,
          guint             line)
{
  const char *id = get_attribute (attrs, name);

  return id != NULL ? talus_ref_new (id, line) : NULL;
}

static void
add_ref_list (GPtrArray  *refs,
              const char *value,
              guint       line)
{
  const char *p = value;

  if (value == NULL)
    return;

  /* the words of @value, split at white space as g_strsplit_set (" \t\r\n") would */
  while (*p != '\0')
    {
      gsize n = strcspn (p, " \t\r\n");

      if (n > 0)
        {
          TalusRef *ref = g_new0 (TalusRef, 1);

          ref->id = g_strndup (p, n);
          ref->line = line;
          g_ptr_array_add (refs, ref);
        }
      p += n;
      if (*p != '\0')
        p++;
    }
}

static TalusEntry *
new_entry (GType            type,
           const Attributes *attrs)
{
  return g_object_new (type, "id", get_attribute (attrs, "id"), NULL);
}

static void
start_entry (Builder          *b,
             const char       *name,
             const Attributes *attrs,
             guint             line)
{
  TalusEntry *entry = NULL;

  b->entry_line = line;

  if (strcmp (name, "region") == 0)
    entry = new_entry (TALUS_TYPE_REGION, attrs);
  else if (strcmp (name, "structure") == 0)
    {
      TalusStructure *s = TALUS_STRUCTURE (new_entry (TALUS_TYPE_STRUCTURE, attrs));

      talus_structure_kind_from_nick (get_attribute (attrs, "kind"), &s->kind);
      add_ref_list (s->region_refs, get_attribute (attrs, "regions"), line);
      entry = TALUS_ENTRY (s);
    }
  else if (strcmp (name, "symptom") == 0)
    {
      TalusSymptom *s = TALUS_SYMPTOM (new_entry (TALUS_TYPE_SYMPTOM, attrs));

      talus_symptom_group_from_nick (get_attribute (attrs, "group"), &s->group);
      entry = TALUS_ENTRY (s);
    }
  else if (strcmp (name, "diagnostic") == 0)
    {
      TalusDiagnostic *d = TALUS_DIAGNOSTIC (new_entry (TALUS_TYPE_DIAGNOSTIC, attrs));

      talus_diagnostic_kind_from_nick (get_attribute (attrs, "kind"), &d->kind);
      entry = TALUS_ENTRY (d);
    }
  else if (strcmp (name, "care") == 0)
    {
      TalusCareOption *c = TALUS_CARE_OPTION (new_entry (TALUS_TYPE_CARE_OPTION, attrs));

      talus_care_stage_from_nick (get_attribute (attrs, "stage"), &c->stage);
      talus_evidence_from_nick (get_attribute (attrs, "evidence"), &c->evidence);
      entry = TALUS_ENTRY (c);
    }
  else if (strcmp (name, "red-flag") == 0)
    {
      TalusRedFlag *r = TALUS_RED_FLAG (new_entry (TALUS_TYPE_RED_FLAG, attrs));

      talus_urgency_from_nick (get_attribute (attrs, "urgency"), &r->urgency);
      entry = TALUS_ENTRY (r);
    }
  else if (strcmp (name, "reference") == 0)
    entry = new_entry (TALUS_TYPE_REFERENCE, attrs);
  else if (strcmp (name, "condition") == 0)
    {
      TalusCondition *c = TALUS_CONDITION (new_entry (TALUS_TYPE_CONDITION, attrs));

      talus_category_from_nick (get_attribute (attrs, "category"), &c->category);
      b->synonyms = g_strv_builder_new ();
      entry = TALUS_ENTRY (c);
    }

  b->entry = entry;
}

static void
start_child (Builder          *b,
             const char       *name,
             const Attributes *attrs,
             guint             line)
{
  TalusEntry *entry = b->entry;

  b->child = CHILD_NONE;
  b->pending = NULL;

  if (entry == NULL)
    return;

  if (strcmp (name, "name") == 0)
    b->child = CHILD_NAME;
  else if (strcmp (name, "citation") == 0)
    b->child = CHILD_CITATION;
  else if (strcmp (name, "patient-name") == 0)
    b->child = CHILD_PATIENT_NAME;
  else if (strcmp (name, "summary") == 0)
    b->child = CHILD_SUMMARY;
  else if (strcmp (name, "patient-summary") == 0)
    b->child = CHILD_PATIENT_SUMMARY;
  else if (TALUS_IS_STRUCTURE (entry))
    {
      if (strcmp (name, "abbreviation") == 0)
        b->child = CHILD_ABBREVIATION;
    }
  else if (TALUS_IS_DIAGNOSTIC (entry))
    {
      if (strcmp (name, "accuracy") == 0)
        {
          TalusAccuracyPrivate *acc = g_new0 (TalusAccuracyPrivate, 1);
          const char *sens = get_attribute (attrs, "sensitivity");
          const char *spec = get_attribute (attrs, "specificity");

          acc->public.sensitivity = sens != NULL ? g_ascii_strtod (sens, NULL) : -1;
          acc->public.specificity = spec != NULL ? g_ascii_strtod (spec, NULL) : -1;
          acc->cite = ref_from (attrs, "cite", line);
          g_ptr_array_add (TALUS_DIAGNOSTIC (entry)->accuracy, acc);
          b->child = CHILD_ACCURACY;
          b->pending = acc;
        }
    }
  else if (TALUS_IS_CARE_OPTION (entry))
    {
      if (strcmp (name, "cite") == 0)
        g_ptr_array_add (TALUS_CARE_OPTION (entry)->cite_refs, ref_from (attrs, "ref", line));
    }
  else if (TALUS_IS_RED_FLAG (entry))
    {
      if (strcmp (name, "trigger") == 0)
        {
          GPtrArray *refs = g_ptr_array_new_with_free_func ((GDestroyNotify) talus_ref_free);

          add_ref_list (refs, get_attribute (attrs, "symptoms"), line);
          g_ptr_array_add (TALUS_RED_FLAG (entry)->trigger_refs, refs);
        }
    }
  else if (TALUS_IS_REFERENCE (entry))
    {
      if (strcmp (name, "doi") == 0)
        b->child = CHILD_DOI;
    }
  else if (TALUS_IS_CONDITION (entry))
    {
      TalusCondition *c = TALUS_CONDITION (entry);
      TalusPtrList *links = NULL;

      if (strcmp (name, "synonym") == 0)
        b->child = CHILD_SYNONYM;
      else if (strcmp (name, "region") == 0)
        g_ptr_array_add (c->region_refs, ref_from (attrs, "ref", line));
      else if (strcmp (name, "structure") == 0)
        g_ptr_array_add (c->structure_refs, ref_from (attrs, "ref", line));
      else if (strcmp (name, "red-flag") == 0)
        g_ptr_array_add (c->red_flag_refs, ref_from (attrs, "ref", line));
      else if (strcmp (name, "cite") == 0)
        g_ptr_array_add (c->cite_refs, ref_from (attrs, "ref", line));
      else if (strcmp (name, "symptom") == 0)
        links = c->symptoms;
      else if (strcmp (name, "diagnostic") == 0)
        links = c->diagnostics;
      else if (strcmp (name, "care") == 0)
        links = c->care;

      if (links != NULL)
        {
          TalusLink *link = talus_link_new (b->file, ref_from (attrs, "ref", line));
          const char *weight = get_attribute (attrs, "weight");
          const char *evidence = get_attribute (attrs, "evidence");

          if (weight != NULL)
            talus_weight_from_nick (weight, &link->weight);
          if (evidence != NULL)
            link->has_evidence = talus_evidence_from_nick (evidence, &link->evidence);
          link->cite = ref_from (attrs, "cite", line);
          talus_ptr_list_append (links, link);  /* takes its own reference */
          g_object_unref (link);
          b->child = CHILD_LINK;
          b->pending = link;
        }
    }
}

static void
end_child (Builder *b)
{
  char *text;

  if (b->child == CHILD_NONE)
    return;

  text = fold_text (b->text->str, b->text->len);

  switch (b->child)
    {
    case CHILD_NAME:
      g_free (b->texts[0]);
      b->texts[0] = translate (b->catalog, text);
      break;

    case CHILD_CITATION:
      g_free (b->texts[0]);
      b->texts[0] = text;
      break;

    case CHILD_PATIENT_NAME:
      g_free (b->texts[1]);
      b->texts[1] = translate (b->catalog, text);
      break;

    case CHILD_SUMMARY:
      g_free (b->texts[2]);
      b->texts[2] = translate (b->catalog, text);
      break;

    case CHILD_PATIENT_SUMMARY:
      g_free (b->texts[3]);
      b->texts[3] = translate (b->catalog, text);
      break;

    case CHILD_ABBREVIATION:
      g_free (TALUS_STRUCTURE (b->entry)->abbreviation);
      TALUS_STRUCTURE (b->entry)->abbreviation = text;
      break;

    case CHILD_DOI:
      g_free (TALUS_REFERENCE (b->entry)->doi);
      TALUS_REFERENCE (b->entry)->doi = text;
      break;

    case CHILD_SYNONYM:
      text = translate (b->catalog, text);
      if (text != NULL)
        g_strv_builder_add (b->synonyms, text);
      g_free (text);
      break;

    case CHILD_ACCURACY:
      ((TalusAccuracyPrivate *) b->pending)->public.note = translate (b->catalog, text);
      break;

    case CHILD_LINK:
      ((TalusLink *) b->pending)->text = translate (b->catalog, text);
      break;

    case CHILD_NONE:
    default:
      g_assert_not_reached ();
    }

  b->child = CHILD_NONE;
  b->pending = NULL;
}

static void
end_entry (Builder *b)
{
  TalusEntry *entry = g_steal_pointer (&b->entry);

  if (entry == NULL)
    return;

  if (TALUS_IS_CONDITION (entry))
    {
      TALUS_CONDITION (entry)->synonyms = g_strv_builder_end (b->synonyms);
      g_clear_pointer (&b->synonyms, g_strv_builder_unref);
    }

  talus_entry_set_texts (entry, b->texts[0], b->texts[1], b->texts[2], b->texts[3]);
  for (guint i = 0; i < G_N_ELEMENTS (b->texts); i++)
    g_clear_pointer (&b->texts[i], g_free);
  talus_entry_set_source (entry, b->file, b->entry_line);

  g_ptr_array_add (b->entries, entry);
}

/* An element of the root starts (depth 1: an entry, 2: a child of an entry, more: inside one). */
static void
builder_start (Builder          *b,
               const char       *name,
               const Attributes *attrs,
               guint             line)
{
  b->depth++;

  if (b->depth == 1)
    start_entry (b, name, attrs, line);
  else if (b->depth == 2)
    {
      g_string_truncate (b->text, 0);
      start_child (b, name, attrs, line);
    }
}

static void
builder_text (Builder    *b,
              const char *text,
              gsize       len)
{
  if (b->depth >= 2 && b->child != CHILD_NONE)
    g_string_append_len (b->text, text, len);
}

static void
builder_end (Builder *b)
{
  if (b->depth == 1)
    end_entry (b);
  else if (b->depth == 2)
    end_child (b);

  b->depth--;
}

/* ---------------------------------------------------------------------------------------------
 * The fast path: one SAX pass that parses, validates (xmlSchemaSAXPlug) and builds the entries,
 * with no tree. It only decides that a document is good: on the first problem of any kind it
 * stops building and the document goes to the slow path, which finds and reports the problems
 * exactly (FILE:LINE of the element concerned, in document order). */

/* libxml2's streaming validator appends each piece of an element's text with xmlStrncat (a
 * strlen of what it has so far), so an element cut into many pieces (entity and character
 * references, comments; libxml2 also hands non-ASCII text over 300 bytes at a time) costs it
 * quadratic time. Texts are bounded here (a valid one is at most 4000 characters in
 * talus-kb.xsd: 16,000 bytes in 54 pieces at worst) and an element beyond either bound sends the
 * document to the slow path, which is linear: at most 128 x 16,000 bytes of copying per element. */
#define MAX_STREAM_TEXT_BYTES 16000
#define MAX_STREAM_TEXT_CHUNKS 128
/* libxml2's tree builder refuses a text node longer than this without XML_PARSE_HUGE: the fast
 * path counts the text between two tags (a text node at most) and leaves longer to the slow path,
 * so that it never accepts a file the slow path refuses */
#define MAX_TEXT_RUN XML_MAX_TEXT_LENGTH

/* deeper than libxml2 parses without XML_PARSE_HUGE */
#define MAX_STREAM_DEPTH 300

typedef struct {
  Builder          builder;
  xmlParserCtxtPtr ctxt;
  GHashTable      *not_blank;  /* see Schemas */
  gboolean         failed;
  gsize            text_run;   /* bytes of text since the last tag */
  guint            text_chunks;  /* and the pieces they came in */
  gboolean         seen_root;
  guint            depth;      /* of the open elements, the root's is 1 */
  const xmlChar   *names[MAX_STREAM_DEPTH];      /* of the open elements */
  gboolean         not_blank_text[MAX_STREAM_DEPTH];  /* some text other than white space */
} Stream;

static void
stream_fail (Stream *s)
{
  s->failed = TRUE;
  /* what libxml2 itself does after a fatal error: no more SAX events, so no more validation;
   * the parser only scans the rest (xmlStopParser would free the input under the caller) */
  s->ctxt->disableSAX = 1;
}

static void
stream_error (void        *data,
              xmlErrorPtr  error)
{
  Stream *s = data;

  if (error == NULL || error->level == XML_ERR_WARNING)
    return;

  stream_fail (s);
}

static void
stream_start_element (void           *ctx,
                      const xmlChar  *localname,
                      const xmlChar  *prefix,
                      const xmlChar  *uri,
                      int             n_namespaces,
                      const xmlChar **namespaces,
                      int             n_attributes,
                      int             n_defaulted,
                      const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  Stream *s = ctxt->_private;
  Attributes attrs = { .n = 0 };

  s->text_run = 0;
  s->text_chunks = 0;

  if (s->failed)
    return;

  if (s->depth >= MAX_STREAM_DEPTH)
    {
      stream_fail (s);
      return;
    }
  s->names[s->depth] = localname;
  s->not_blank_text[s->depth] = FALSE;
  s->depth++;

  if (!s->seen_root)
    {
      s->seen_root = TRUE;
      if (strcmp ((const char *) localname, "kb") != 0 || uri != NULL)
        stream_fail (s);
      return;
    }

  /* the pre-scan caps attributes per tag; anything beyond is the slow path's to report */
  if (n_attributes > MAX_ATTRIBUTES_PER_TAG)
    {
      stream_fail (s);
      return;
    }

  /* xsi:type could give an element another type than the one the not-blank check assumes; a
   * knowledge-base file has no use for it */
  for (int i = 0; i < n_attributes; i++)
    if (attributes[5 * i + 2] != NULL &&
        strcmp ((const char *) attributes[5 * i + 2], XSI_NAMESPACE) == 0 &&
        strcmp ((const char *) attributes[5 * i], "type") == 0)
      {
        stream_fail (s);
        return;
      }

  for (int i = 0; i < n_attributes; i++)
    {
      const char *value = (const char *) attributes[5 * i + 3];
      const char *end = (const char *) attributes[5 * i + 4];
      char *copy, *w;

      /* libxml2 hands "&" over as "&#38;" when it does not substitute entities, and its tree
       * builder decodes that again: so does this */
      copy = w = g_malloc (end - value + 1);
      for (const char *p = value; p < end; )
        {
          if (*p == '&' && end - p >= 5 && memcmp (p, "&#38;", 5) == 0)
            {
              *w++ = '&';
              p += 5;
            }
          else
            *w++ = *p++;
        }
      *w = '\0';

      attrs.names[attrs.n] = (const char *) attributes[5 * i];
      attrs.values[attrs.n] = copy;
      attrs.n++;
    }

  builder_start (&s->builder, (const char *) localname, &attrs, (guint) ctxt->input->line);

  for (guint i = 0; i < attrs.n; i++)
    g_free ((char *) attrs.values[i]);
}

static void
stream_end_element (void          *ctx,
                    const xmlChar *localname,
                    const xmlChar *prefix,
                    const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = ctx;
  Stream *s = ctxt->_private;

  s->text_run = 0;
  s->text_chunks = 0;

  if (s->failed || s->depth == 0)
    return;

  s->depth--;
  if (s->not_blank != NULL && !s->not_blank_text[s->depth] && s->depth > 0)
    {
      GPtrArray *parents = g_hash_table_lookup (s->not_blank, localname);

      for (guint i = 0; parents != NULL && i < parents->len; i++)
        if (strcmp (parents->pdata[i], (const char *) s->names[s->depth - 1]) == 0)
          {
            stream_fail (s);  /* the slow path says what is wrong */
            return;
          }
    }

  if (s->builder.depth > 0)
    builder_end (&s->builder);
}

static void
stream_characters (void          *ctx,
                   const xmlChar *text,
                   int            len)
{
  xmlParserCtxtPtr ctxt = ctx;
  Stream *s = ctxt->_private;
  Builder *b = &s->builder;

  if (s->failed || len < 0)
    return;

  s->text_run += len;
  s->text_chunks++;
  if (s->text_run > MAX_TEXT_RUN)
    {
      stream_fail (s);
      return;
    }

  /* inside an entry's child (the root is at depth 1): where the validator keeps the text */
  if (s->depth >= 3 &&
      (s->text_chunks > MAX_STREAM_TEXT_CHUNKS || s->text_run > MAX_STREAM_TEXT_BYTES))
    {
      stream_fail (s);
      return;
    }

  if (s->depth > 0 && !s->not_blank_text[s->depth - 1])
    for (int i = 0; i < len; i++)
      if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r')
        {
          s->not_blank_text[s->depth - 1] = TRUE;
          break;
        }

  builder_text (b, (const char *) text, len);
}

static void
stream_subset (void          *ctx,
               const xmlChar *name,
               const xmlChar *external_id,
               const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;

  /* the pre-scan lets no DOCTYPE through; should one come, the slow path reports it */
  stream_fail (ctxt->_private);
}

/* Returns the entries of a valid document, or NULL when it has any problem at all. */
static GPtrArray *
parse_streaming (const char    *data,
                 gsize          len,
                 const char    *display_name,
                 TalusCatalog  *catalog,
                 const Schemas *schemas,
                 int            options)
{
  Stream s = { 0 };
  xmlSchemaValidCtxtPtr vctxt;
  xmlSchemaSAXPlugPtr plug;
  xmlParserCtxtPtr ctxt;
  xmlSAXHandlerPtr sax;
  xmlDocPtr doc;
  GPtrArray *entries = NULL;

  if (!(ctxt = xmlNewParserCtxt ()))
    return NULL;
  if (!(vctxt = xmlSchemaNewValidCtxt (schemas->fast_schema)))
    {
      xmlFreeParserCtxt (ctxt);
      return NULL;
    }

  builder_init (&s.builder, display_name, catalog);
  s.ctxt = ctxt;
  s.not_blank = schemas->not_blank;
  ctxt->_private = &s;

  /* the parser context's own handler, emptied: no tree, no entity or DTD declarations */
  sax = ctxt->sax;
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->startElementNs = stream_start_element;
  sax->endElementNs = stream_end_element;
  sax->characters = stream_characters;
  sax->ignorableWhitespace = stream_characters;
  sax->cdataBlock = stream_characters;
  sax->internalSubset = stream_subset;
  sax->externalSubset = stream_subset;

  xmlSchemaSetValidStructuredErrors (vctxt, stream_error, &s);
  plug = xmlSchemaSAXPlug (vctxt, &ctxt->sax, &ctxt->userData);
  if (plug == NULL)
    s.failed = TRUE;
  else
    {
      xmlSetStructuredErrorFunc (&s, stream_error);
      doc = xmlCtxtReadMemory (ctxt, data, (int) len, NULL, "UTF-8", options);
      xmlSetStructuredErrorFunc (NULL, NULL);
      xmlFreeDoc (doc);  /* none is built; this is only in case */
      if (!ctxt->wellFormed || !s.seen_root || s.depth != 0 || s.builder.depth != 0 ||
          xmlSchemaIsValid (vctxt) != 1)
        s.failed = TRUE;
      xmlSchemaSAXUnplug (plug);  /* gives the parser its own handler back, to free */
    }

  if (!s.failed)
    entries = g_steal_pointer (&s.builder.entries);

  builder_clear (&s.builder);
  xmlSchemaFreeValidCtxt (vctxt);
  xmlFreeParserCtxt (ctxt);

  return entries;
}

/* ---------------------------------------------------------------------------------------------
 * The slow path, for a document the fast path found a problem in: a tree, validated as a whole,
 * every problem reported with the line of the element concerned. */

static guint
line_of (xmlNode *node)
{
  guint line = node->type == XML_ELEMENT_NODE ? GPOINTER_TO_UINT (node->_private) : 0;

  return line != 0 ? line : (guint) MAX (xmlGetLineNo (node), 1);
}

static void
collect_structured_error (void        *data,
                          xmlErrorPtr  error)
{
  ErrorSink *sink = data;
  g_autofree char *message = NULL;
  guint line = 0;

  if (error == NULL || error->level == XML_ERR_WARNING)
    return;

  /* a validation error names its node, whose line libxml2 may have guessed */
  if (error->node != NULL && ((xmlNode *) error->node)->type == XML_ELEMENT_NODE)
    line = GPOINTER_TO_UINT (((xmlNode *) error->node)->_private);
  if (line == 0)
    line = (guint) MAX (error->line, 1);

  if (++sink->n_problems > MAX_PROBLEMS)
    {
      if (sink->n_problems == MAX_PROBLEMS + 1)
        talus_kb_problem (sink->problems, sink->file, line, _("too many errors; stopping"));
      return;
    }

  message = g_strstrip (g_strdup (error->message != NULL ? error->message : "error"));
  talus_kb_problem (sink->problems, sink->file, line, "%s", message);
}

/* libxml2 2.9 keeps 16 bits of an element's line. With XML_PARSE_BIG_LINES it guesses a later
 * line from the element's first child, one line late when the start tag ends its line: so every
 * element keeps its line in _private (free for the application), as libxml2 records it for an
 * element before line 65535. */
static void
start_element_cb (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  xmlNodePtr parent = ctxt->node;

  xmlSAX2StartElementNs (ctx, localname, prefix, uri, n_namespaces, namespaces, n_attributes,
                         n_defaulted, attributes);

  if (ctxt->input != NULL && ctxt->node != NULL && ctxt->node != parent)
    ctxt->node->_private = GUINT_TO_POINTER (ctxt->input->line);
}

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, (const xmlChar *) name);
}

/* Feeds the builder the events a SAX parse of @node would give it. */
static void
replay (Builder *b,
        xmlNode *node)
{
  Attributes attrs = { .n = 0 };
  xmlChar *values[MAX_ATTRIBUTES_PER_TAG];

  for (xmlAttr *a = node->properties; a != NULL && attrs.n < MAX_ATTRIBUTES_PER_TAG; a = a->next)
    {
      values[attrs.n] = xmlNodeListGetString (node->doc, a->children, 1);
      attrs.names[attrs.n] = (const char *) a->name;
      attrs.values[attrs.n] = values[attrs.n] != NULL ? (const char *) values[attrs.n] : "";
      attrs.n++;
    }

  builder_start (b, (const char *) node->name, &attrs, line_of (node));
  for (guint i = 0; i < attrs.n; i++)
    xmlFree (values[i]);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        replay (b, child);
      else if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (child->content != NULL)
            builder_text (b, (const char *) child->content, strlen ((const char *) child->content));
        }
      else if (child->type == XML_ENTITY_REF_NODE)
        {
          xmlChar *content = xmlNodeGetContent (child);

          if (content != NULL)
            builder_text (b, (const char *) content, strlen ((const char *) content));
          xmlFree (content);
        }
    }

  builder_end (b);
}

static GPtrArray *
parse_tree (const char    *data,
            gsize          len,
            const char    *display_name,
            TalusCatalog  *catalog,
            xmlSchemaPtr   schema,
            int            options,
            GError       **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  ErrorSink sink = { display_name, problems, 0 };
  Builder b;
  GPtrArray *entries;
  xmlParserCtxtPtr ctxt;
  xmlSchemaValidCtxtPtr vctxt;
  xmlDocPtr doc;
  xmlNode *root;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, TALUS_KB_ERROR, TALUS_KB_ERROR_PARSE,
                   _("%s:1: out of memory"), display_name);
      return NULL;
    }

  /* No URL: nothing can be resolved against the file's folder, and libxml2 2.9 walks back over
   * every earlier node of a document that has one, looking for XInclude markers, for each
   * validation error it reports: quadratic, a minute for a few megabytes of invalid entries.
   * Problems are reported with display_name, from the sink. */
  ctxt->sax->startElementNs = start_element_cb;
  xmlSetStructuredErrorFunc (&sink, collect_structured_error);
  doc = xmlCtxtReadMemory (ctxt, data, (int) len, NULL, "UTF-8", options);
  xmlSetStructuredErrorFunc (NULL, NULL);

  if (doc == NULL || !ctxt->wellFormed || problems->len > 0)
    {
      if (problems->len == 0)
        talus_kb_problem (problems, display_name, 1, _("not a well-formed XML document"));
      g_set_error_literal (error, TALUS_KB_ERROR, TALUS_KB_ERROR_PARSE, problems->str);
      xmlFreeDoc (doc);
      xmlFreeParserCtxt (ctxt);
      return NULL;
    }
  xmlFreeParserCtxt (ctxt);

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      talus_kb_problem (problems, display_name, 1,
                        _("a DOCTYPE is not allowed in a knowledge-base file"));
      g_set_error_literal (error, TALUS_KB_ERROR, TALUS_KB_ERROR_PARSE, problems->str);
      xmlFreeDoc (doc);
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is (root, "kb") || root->ns != NULL)
    {
      if (root != NULL && is (root, "kb"))
        talus_kb_problem (problems, display_name, line_of (root),
                          _("the root element must be <kb version=\"1\"> with no namespace, not <kb xmlns=\"%s\">"),
                          root->ns->href != NULL ? (const char *) root->ns->href : "");
      else
        talus_kb_problem (problems, display_name, root != NULL ? line_of (root) : 1,
                          _("the root element must be <kb version=\"1\">, not <%s>"),
                          root != NULL ? (const char *) root->name : "");
      g_set_error_literal (error, TALUS_KB_ERROR, TALUS_KB_ERROR_SCHEMA, problems->str);
      xmlFreeDoc (doc);
      return NULL;
    }

  vctxt = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (vctxt, collect_structured_error, &sink);
  if (xmlSchemaValidateDoc (vctxt, doc) != 0 && problems->len == 0)
    talus_kb_problem (problems, display_name, 1, _("the document does not follow the schema"));
  xmlSchemaFreeValidCtxt (vctxt);

  if (problems->len > 0)
    {
      g_set_error_literal (error, TALUS_KB_ERROR, TALUS_KB_ERROR_SCHEMA, problems->str);
      xmlFreeDoc (doc);
      return NULL;
    }

  /* Valid after all (the fast path is stricter about pieces of text than the schema). */
  builder_init (&b, display_name, catalog);
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      replay (&b, node);
  entries = g_steal_pointer (&b.entries);
  builder_clear (&b);

  xmlFreeDoc (doc);

  return entries;
}

GPtrArray *
talus_kb_parse_document_full (GBytes            *bytes,
                              const char        *display_name,
                              TalusCatalog      *catalog,
                              TalusKbParseFlags  flags,
                              GError           **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *converted = NULL;
  GPtrArray *entries;
  const Schemas *schemas;
  const char *data;
  gsize len;
  int options;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  init_libxml ();

  if (!(schemas = get_schemas (error)))
    return NULL;

  data = g_bytes_get_data (bytes, &len);

  if (len == 0)
    {
      g_set_error (error, TALUS_KB_ERROR, TALUS_KB_ERROR_PARSE,
                   _("%s:1: the file is empty"), display_name);
      return NULL;
    }

  /* UTF-16 with a byte-order mark is accepted; everything is scanned and parsed as UTF-8. */
  if (len >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                   ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      g_autoptr(GError) local_error = NULL;
      gsize written = 0;
      const char *from = (guchar) data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";

      converted = g_convert (data + 2, len - 2, "UTF-8", from, NULL, &written, &local_error);
      if (converted == NULL)
        {
          g_set_error (error, TALUS_KB_ERROR, TALUS_KB_ERROR_PARSE,
                       _("%s:1: invalid UTF-16: %s"), display_name, local_error->message);
          return NULL;
        }
      data = converted;
      len = written;
    }
  else if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  if (len > G_MAXINT)
    {
      g_set_error (error, TALUS_KB_ERROR, TALUS_KB_ERROR_READ,
                   _("%s:1: the file is too large"), display_name);
      return NULL;
    }

  if (!prescan (data, len, display_name, problems))
    {
      g_set_error_literal (error, TALUS_KB_ERROR, TALUS_KB_ERROR_PARSE, problems->str);
      return NULL;
    }

  /* Untrusted input: no network, no entity substitution, no DTD, no XInclude, no HUGE.
   * BIG_LINES keeps line numbers right past 65535. */
  options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;

  /* A good document is parsed, validated and turned into entries in one streaming pass; a
   * document with any problem is parsed again as a tree, validated as a whole and reported. */
  if ((flags & TALUS_KB_PARSE_TREE) == 0 &&
      (entries = parse_streaming (data, len, display_name, catalog, schemas, options)) != NULL)
    return entries;

  if (flags & TALUS_KB_PARSE_STREAM_ONLY)
    {
      g_set_error (error, TALUS_KB_ERROR, TALUS_KB_ERROR_PARSE,
                   "%s:1: not accepted by the streaming path", display_name);
      return NULL;
    }

  return parse_tree (data, len, display_name, catalog, schemas->schema, options, error);
}

GPtrArray *
talus_kb_parse_document (GBytes        *bytes,
                         const char    *display_name,
                         TalusCatalog  *catalog,
                         GError       **error)
{
  return talus_kb_parse_document_full (bytes, display_name, catalog, 0, error);
}
