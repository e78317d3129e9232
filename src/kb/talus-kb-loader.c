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
 *  - the tree is validated against talus-kb.xsd before a single entry is built.
 */

#define G_LOG_DOMAIN "talus-kb"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
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
  GHashTable *big_lines;  /* xmlNode* -> line, for the elements past line 65535 */
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
  if (error->node != NULL)
    line = GPOINTER_TO_UINT (g_hash_table_lookup (sink->big_lines, error->node));
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
 * line from the element's first child, one line late when the start tag ends its line: so the
 * line of every element past 65535 is recorded here, as libxml2 would for an earlier one. */
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
  ErrorSink *sink = ctxt->_private;
  xmlNodePtr parent = ctxt->node;

  xmlSAX2StartElementNs (ctx, localname, prefix, uri, n_namespaces, namespaces, n_attributes,
                         n_defaulted, attributes);

  if (ctxt->input != NULL && ctxt->input->line >= 65535 && ctxt->node != NULL &&
      ctxt->node != parent)
    g_hash_table_insert (sink->big_lines, ctxt->node, GUINT_TO_POINTER (ctxt->input->line));
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

static xmlSchemaPtr
get_schema (GError **error)
{
  static gsize initialized;
  static xmlSchemaPtr schema;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GBytes) bytes = NULL;

      bytes = g_resources_lookup_data (APP_PATH "/kb/talus-kb.xsd", 0, NULL);
      if (bytes != NULL)
        {
          xmlSchemaParserCtxtPtr pctxt;
          gsize size;
          const char *data = g_bytes_get_data (bytes, &size);

          pctxt = xmlSchemaNewMemParserCtxt (data, (int) size);
          schema = xmlSchemaParse (pctxt);
          xmlSchemaFreeParserCtxt (pctxt);
        }

      g_once_init_leave (&initialized, 1);
    }

  if (schema == NULL)
    g_set_error_literal (error, TALUS_KB_ERROR, TALUS_KB_ERROR_SCHEMA,
                         "the knowledge-base schema (talus-kb.xsd) is missing from the resources");

  return schema;
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

/* Element text with runs of white space folded to one space, trimmed; NULL when empty. */
static char *
node_text (xmlNode *node)
{
  xmlChar *owned = NULL;
  const char *raw;
  char *out, *w;
  gboolean space = FALSE;

  /* the usual case, one text node, needs no copy from libxml2 */
  if (node->children != NULL && node->children->next == NULL && node->children->type == XML_TEXT_NODE)
    raw = (const char *) node->children->content;
  else
    raw = (const char *) (owned = xmlNodeGetContent (node));

  if (raw == NULL)
    return NULL;

  w = out = g_malloc (strlen (raw) + 1);
  for (const char *p = raw; *p; p++)
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
  xmlFree (owned);

  if (w == out)
    {
      g_free (out);
      return NULL;
    }

  return out;
}

/* Translatable KB text (data/kb/talus-kb.its): looked up in the "talus-kb" context of the
 * application's catalogue, so the shipped KB reads in the user's language, string by string,
 * falling back to the text in the file (a user's own files simply find no translation). The
 * message ids are the folded text, as xgettext extracts them. */
static char *
translated_text (xmlNode *node)
{
  char *text = node_text (node);
  const char *translated;

  if (text == NULL)
    return NULL;

  translated = g_dpgettext2 (GETTEXT_PACKAGE, "talus-kb", text);
  if (translated != text)
    {
      g_free (text);
      return g_strdup (translated);
    }

  return text;
}

static char *
attr (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *ret = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return ret;
}

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, (const xmlChar *) name);
}

static guint
line_of (xmlNode *node)
{
  GHashTable *big_lines = node->doc != NULL ? node->doc->_private : NULL;
  guint line = big_lines != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (big_lines, node)) : 0;

  return line != 0 ? line : (guint) MAX (xmlGetLineNo (node), 1);
}

static TalusRef *
ref_of (xmlNode    *node,
        const char *attribute)
{
  g_autofree char *id = attr (node, attribute);

  if (id == NULL)
    return NULL;

  return talus_ref_new (id, line_of (node));
}

static void
add_ref_list (GPtrArray  *refs,
              xmlNode    *node,
              const char *attribute)
{
  g_autofree char *value = attr (node, attribute);
  g_auto(GStrv) ids = NULL;

  if (value == NULL)
    return;

  ids = g_strsplit_set (value, " \t\r\n", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    if (ids[i][0] != '\0')
      g_ptr_array_add (refs, talus_ref_new (ids[i], line_of (node)));
}

/* Reads the common children: name, patient-name, summary, patient-summary. */
static void
read_texts (TalusEntry *entry,
            xmlNode    *node,
            const char *file)
{
  g_autofree char *name = NULL;
  g_autofree char *patient_name = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *patient_summary = NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is (child, "name"))
        { g_free (name); name = translated_text (child); }
      else if (is (child, "citation"))
        { g_free (name); name = node_text (child); }
      else if (is (child, "patient-name"))
        { g_free (patient_name); patient_name = translated_text (child); }
      else if (is (child, "summary"))
        { g_free (summary); summary = translated_text (child); }
      else if (is (child, "patient-summary"))
        { g_free (patient_summary); patient_summary = translated_text (child); }
    }

  talus_entry_set_texts (entry, name, patient_name, summary, patient_summary);
  talus_entry_set_source (entry, file, line_of (node));
}

static TalusEntry *
build_entry (xmlNode    *node,
             const char *file)
{
  g_autofree char *id = attr (node, "id");
  TalusEntry *entry = NULL;

  if (is (node, "region"))
    {
      entry = g_object_new (TALUS_TYPE_REGION, "id", id, NULL);
    }
  else if (is (node, "structure"))
    {
      TalusStructure *s = g_object_new (TALUS_TYPE_STRUCTURE, "id", id, NULL);
      g_autofree char *kind = attr (node, "kind");

      talus_structure_kind_from_nick (kind, &s->kind);
      add_ref_list (s->region_refs, node, "regions");
      for (xmlNode *child = node->children; child != NULL; child = child->next)
        if (is (child, "abbreviation"))
          s->abbreviation = node_text (child);
      entry = TALUS_ENTRY (s);
    }
  else if (is (node, "symptom"))
    {
      TalusSymptom *s = g_object_new (TALUS_TYPE_SYMPTOM, "id", id, NULL);
      g_autofree char *group = attr (node, "group");

      talus_symptom_group_from_nick (group, &s->group);
      entry = TALUS_ENTRY (s);
    }
  else if (is (node, "diagnostic"))
    {
      TalusDiagnostic *d = g_object_new (TALUS_TYPE_DIAGNOSTIC, "id", id, NULL);
      g_autofree char *kind = attr (node, "kind");

      talus_diagnostic_kind_from_nick (kind, &d->kind);
      for (xmlNode *child = node->children; child != NULL; child = child->next)
        {
          TalusAccuracyPrivate *acc;
          g_autofree char *sens = NULL;
          g_autofree char *spec = NULL;

          if (!is (child, "accuracy"))
            continue;

          acc = g_new0 (TalusAccuracyPrivate, 1);
          sens = attr (child, "sensitivity");
          spec = attr (child, "specificity");
          acc->public.sensitivity = sens != NULL ? g_ascii_strtod (sens, NULL) : -1;
          acc->public.specificity = spec != NULL ? g_ascii_strtod (spec, NULL) : -1;
          acc->public.note = translated_text (child);
          acc->cite = ref_of (child, "cite");
          g_ptr_array_add (d->accuracy, acc);
        }
      entry = TALUS_ENTRY (d);
    }
  else if (is (node, "care"))
    {
      TalusCareOption *c = g_object_new (TALUS_TYPE_CARE_OPTION, "id", id, NULL);
      g_autofree char *stage = attr (node, "stage");
      g_autofree char *evidence = attr (node, "evidence");

      talus_care_stage_from_nick (stage, &c->stage);
      talus_evidence_from_nick (evidence, &c->evidence);
      for (xmlNode *child = node->children; child != NULL; child = child->next)
        if (is (child, "cite"))
          g_ptr_array_add (c->cite_refs, ref_of (child, "ref"));
      entry = TALUS_ENTRY (c);
    }
  else if (is (node, "red-flag"))
    {
      TalusRedFlag *r = g_object_new (TALUS_TYPE_RED_FLAG, "id", id, NULL);
      g_autofree char *urgency = attr (node, "urgency");

      talus_urgency_from_nick (urgency, &r->urgency);
      for (xmlNode *child = node->children; child != NULL; child = child->next)
        {
          GPtrArray *refs;

          if (!is (child, "trigger"))
            continue;

          refs = g_ptr_array_new_with_free_func ((GDestroyNotify) talus_ref_free);
          add_ref_list (refs, child, "symptoms");
          g_ptr_array_add (r->trigger_refs, refs);
        }
      entry = TALUS_ENTRY (r);
    }
  else if (is (node, "reference"))
    {
      TalusReference *r = g_object_new (TALUS_TYPE_REFERENCE, "id", id, NULL);

      for (xmlNode *child = node->children; child != NULL; child = child->next)
        if (is (child, "doi"))
          r->doi = node_text (child);
      entry = TALUS_ENTRY (r);
    }
  else if (is (node, "condition"))
    {
      TalusCondition *c = g_object_new (TALUS_TYPE_CONDITION, "id", id, NULL);
      g_autofree char *category = attr (node, "category");
      g_autoptr(GStrvBuilder) synonyms = g_strv_builder_new ();

      talus_category_from_nick (category, &c->category);
      for (xmlNode *child = node->children; child != NULL; child = child->next)
        {
          if (is (child, "synonym"))
            {
              g_autofree char *text = translated_text (child);
              if (text != NULL)
                g_strv_builder_add (synonyms, text);
            }
          else if (is (child, "region"))
            g_ptr_array_add (c->region_refs, ref_of (child, "ref"));
          else if (is (child, "structure"))
            g_ptr_array_add (c->structure_refs, ref_of (child, "ref"));
          else if (is (child, "red-flag"))
            g_ptr_array_add (c->red_flag_refs, ref_of (child, "ref"));
          else if (is (child, "cite"))
            g_ptr_array_add (c->cite_refs, ref_of (child, "ref"));
          else if (is (child, "symptom") || is (child, "diagnostic") || is (child, "care"))
            {
              g_autoptr(TalusLink) link = talus_link_new (file, ref_of (child, "ref"));
              g_autofree char *weight = attr (child, "weight");
              g_autofree char *evidence = attr (child, "evidence");

              link->text = translated_text (child);
              if (weight != NULL)
                talus_weight_from_nick (weight, &link->weight);
              if (evidence != NULL)
                link->has_evidence = talus_evidence_from_nick (evidence, &link->evidence);
              link->cite = ref_of (child, "cite");

              if (is (child, "symptom"))
                talus_ptr_list_append (c->symptoms, link);
              else if (is (child, "diagnostic"))
                talus_ptr_list_append (c->diagnostics, link);
              else
                talus_ptr_list_append (c->care, link);
            }
        }
      c->synonyms = g_strv_builder_end (synonyms);
      entry = TALUS_ENTRY (c);
    }

  if (entry != NULL)
    read_texts (entry, node, file);

  return entry;
}

GPtrArray *
talus_kb_parse_document (GBytes      *bytes,
                         const char  *display_name,
                         GError     **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *converted = NULL;
  g_autoptr(GHashTable) big_lines = g_hash_table_new (NULL, NULL);
  ErrorSink sink = { display_name, problems, 0, big_lines };
  xmlParserCtxtPtr ctxt;
  xmlSchemaValidCtxtPtr vctxt;
  xmlSchemaPtr schema;
  xmlDocPtr doc;
  xmlNode *root;
  const char *data;
  gsize len;
  int options;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  init_libxml ();

  if (!(schema = get_schema (error)))
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
  ctxt->_private = &sink;
  ctxt->sax->startElementNs = start_element_cb;
  xmlSetStructuredErrorFunc (&sink, collect_structured_error);
  doc = xmlCtxtReadMemory (ctxt, data, (int) len, NULL, "UTF-8", options);
  xmlSetStructuredErrorFunc (NULL, NULL);
  if (doc != NULL)
    doc->_private = big_lines;  /* for line_of (), while the document lives */

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

  entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      TalusEntry *entry;

      if (node->type != XML_ELEMENT_NODE)
        continue;

      if ((entry = build_entry (node, display_name)))
        g_ptr_array_add (entries, entry);
    }

  xmlFreeDoc (doc);

  return g_steal_pointer (&entries);
}
