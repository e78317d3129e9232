/* test-loader-paths.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader has two paths (src/kb/talus-kb-loader.c): a streaming one that parses, validates
 * (with its own check in place of the schema's "not blank" pattern) and builds entries in one
 * pass, and a tree one that reports problems. Every file here goes through both: they must agree
 * on accepting it and, when they do, build exactly the same entries; the streaming path must
 * accept the good files itself (or the fast path would silently never run) and refuse every file
 * the schema refuses.
 */

#include "config.h"

#include <string.h>

#include "talus-kb-private.h"

/* Everything the loader fills in, one entry a line, references with their lines. */
static void
dump_ref (GString  *out,
          TalusRef *ref)
{
  if (ref == NULL)
    g_string_append (out, " -");
  else
    g_string_append_printf (out, " %s@%u", ref->id, ref->line);
}

static void
dump_refs (GString    *out,
           const char *what,
           GPtrArray  *refs)
{
  g_string_append_printf (out, " %s[", what);
  for (guint i = 0; i < refs->len; i++)
    dump_ref (out, refs->pdata[i]);
  g_string_append (out, " ]");
}

static void
dump_links (GString      *out,
            const char   *what,
            TalusPtrList *links)
{
  guint n = talus_ptr_list_get_length (links);

  g_string_append_printf (out, " %s[", what);
  for (guint i = 0; i < n; i++)
    {
      TalusLink *link = talus_ptr_list_index (links, i);

      g_string_append (out, " (");
      dump_ref (out, link->ref);
      g_string_append_printf (out, " %s w%d e%d:%d “%s”", link->file, link->weight,
                              link->has_evidence, link->evidence,
                              link->text != NULL ? link->text : "(null)");
      dump_ref (out, link->cite);
      g_string_append (out, ")");
    }
  g_string_append (out, " ]");
}

static char *
dump_entries (GPtrArray *entries)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      TalusEntry *e = entries->pdata[i];
      const char *texts[] = {
        talus_entry_get_id (e), talus_entry_get_name (e), talus_entry_get_patient_name (e),
        talus_entry_get_summary (e), talus_entry_get_patient_summary (e),
      };

      g_string_append_printf (out, "%s %s:%u", G_OBJECT_TYPE_NAME (e), talus_entry_get_file (e),
                              talus_entry_get_line (e));
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        g_string_append_printf (out, " “%s”", texts[t] != NULL ? texts[t] : "(null)");

      if (TALUS_IS_STRUCTURE (e))
        {
          TalusStructure *s = TALUS_STRUCTURE (e);
          g_string_append_printf (out, " kind %d abbr “%s”", s->kind,
                                  s->abbreviation != NULL ? s->abbreviation : "(null)");
          dump_refs (out, "regions", s->region_refs);
        }
      else if (TALUS_IS_SYMPTOM (e))
        g_string_append_printf (out, " group %d", TALUS_SYMPTOM (e)->group);
      else if (TALUS_IS_DIAGNOSTIC (e))
        {
          TalusDiagnostic *d = TALUS_DIAGNOSTIC (e);
          g_string_append_printf (out, " kind %d", d->kind);
          for (guint a = 0; a < d->accuracy->len; a++)
            {
              TalusAccuracyPrivate *acc = d->accuracy->pdata[a];
              g_string_append_printf (out, " acc(%g %g “%s”", acc->public.sensitivity,
                                      acc->public.specificity,
                                      acc->public.note != NULL ? acc->public.note : "(null)");
              dump_ref (out, acc->cite);
              g_string_append (out, ")");
            }
        }
      else if (TALUS_IS_CARE_OPTION (e))
        {
          TalusCareOption *c = TALUS_CARE_OPTION (e);
          g_string_append_printf (out, " stage %d evidence %d", c->stage, c->evidence);
          dump_refs (out, "cites", c->cite_refs);
        }
      else if (TALUS_IS_RED_FLAG (e))
        {
          TalusRedFlag *r = TALUS_RED_FLAG (e);
          g_string_append_printf (out, " urgency %d", r->urgency);
          for (guint t = 0; t < r->trigger_refs->len; t++)
            dump_refs (out, "trigger", r->trigger_refs->pdata[t]);
        }
      else if (TALUS_IS_REFERENCE (e))
        g_string_append_printf (out, " doi “%s”",
                                TALUS_REFERENCE (e)->doi != NULL ? TALUS_REFERENCE (e)->doi : "(null)");
      else if (TALUS_IS_CONDITION (e))
        {
          TalusCondition *c = TALUS_CONDITION (e);
          g_string_append_printf (out, " category %d synonyms[", c->category);
          for (guint s = 0; c->synonyms != NULL && c->synonyms[s] != NULL; s++)
            g_string_append_printf (out, " “%s”", c->synonyms[s]);
          g_string_append (out, " ]");
          dump_refs (out, "regions", c->region_refs);
          dump_refs (out, "structures", c->structure_refs);
          dump_refs (out, "red-flags", c->red_flag_refs);
          dump_refs (out, "cites", c->cite_refs);
          dump_links (out, "symptoms", c->symptoms);
          dump_links (out, "diagnostics", c->diagnostics);
          dump_links (out, "care", c->care);
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

typedef enum {
  EXPECT_ANY,          /* only that the paths agree */
  EXPECT_FAST,         /* accepted, by the streaming path itself */
  EXPECT_SLOW_ACCEPT,  /* accepted, but only by the tree path (a piece-count or size limit) */
  EXPECT_REJECT,       /* refused by both */
} Expect;

/* Loads @data both ways and checks they agree; returns whether it was accepted. */
static gboolean
check_paths (const char *name,
             const char *data,
             gsize       len,
             Expect      expect)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) full_error = NULL;
  g_autoptr(GError) tree_error = NULL;
  g_autoptr(GError) stream_error = NULL;
  g_autoptr(GPtrArray) full = talus_kb_parse_document_full (bytes, name, NULL, 0, &full_error);
  g_autoptr(GPtrArray) tree = talus_kb_parse_document_full (bytes, name, NULL, TALUS_KB_PARSE_TREE,
                                                            &tree_error);
  g_autoptr(GPtrArray) stream = talus_kb_parse_document_full (bytes, name, NULL,
                                                              TALUS_KB_PARSE_STREAM_ONLY,
                                                              &stream_error);

  if ((full == NULL) != (tree == NULL))
    g_error ("%s: accepted by one path only (%s)", name,
             full_error != NULL ? full_error->message : tree_error->message);

  /* the streaming path never accepts what the schema refuses */
  if (stream != NULL && tree == NULL)
    g_error ("%s: the streaming path accepts what the tree path refuses: %s", name,
             tree_error->message);

  if (full == NULL)
    g_assert_cmpstr (full_error->message, ==, tree_error->message);
  else
    {
      g_autofree char *a = dump_entries (full);
      g_autofree char *b = dump_entries (tree);

      g_assert_cmpstr (a, ==, b);
      if (stream != NULL)
        {
          g_autofree char *c = dump_entries (stream);
          g_assert_cmpstr (c, ==, b);
        }
    }

  switch (expect)
    {
    case EXPECT_FAST:
      if (stream == NULL)
        g_error ("%s: not accepted by the streaming path: %s", name,
                 tree_error != NULL ? tree_error->message : "(valid)");
      g_assert_cmpuint (stream->len, >, 0);
      break;

    case EXPECT_SLOW_ACCEPT:
      g_assert_nonnull (full);
      g_assert_null (stream);
      break;

    case EXPECT_REJECT:
      g_assert_null (full);
      break;

    case EXPECT_ANY:
    default:
      break;
    }

  return full != NULL;
}

static void
check_file (const char *path,
            Expect      expect)
{
  g_autofree char *data = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GError) error = NULL;
  gsize len;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  check_paths (base, data, len, expect);
}

static void
check_directory (const char *dir,
                 const char *suffix,
                 Expect      expect)
{
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n = 0;

  d = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (suffix != NULL && !g_str_has_suffix (name, suffix))
        continue;
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      check_file (path, expect);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_shipped (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "kb", NULL);

  check_directory (dir, ".xml", EXPECT_FAST);
}

static void
test_fixtures (void)
{
  g_autofree char *mini = g_test_build_filename (G_TEST_DIST, "data", "kb", "mini.xml", NULL);
  g_autofree char *override = g_test_build_filename (G_TEST_DIST, "data", "kb", "override.xml", NULL);
  g_autofree char *kb = g_test_build_filename (G_TEST_DIST, "data", "kb", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", NULL);

  check_file (mini, EXPECT_FAST);
  check_file (override, EXPECT_FAST);
  check_directory (kb, ".xml", EXPECT_ANY);
  check_directory (bad, ".xml", EXPECT_ANY);
  check_directory (corpus, NULL, EXPECT_ANY);
}

/* mini.xml with the first @from replaced by @to */
static void
check_variant (const char *from,
               const char *to,
               Expect      expect)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "kb", "mini.xml", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GString) variant = NULL;
  g_autoptr(GError) error = NULL;
  const char *at;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  at = strstr (data, from);
  g_assert_nonnull (at);
  variant = g_string_new_len (data, at - data);
  g_string_append (variant, to);
  g_string_append (variant, at + strlen (from));

  if (g_test_verbose ())
    g_printerr ("variant: %s -> %.60s\n", from, to);
  check_paths ("variant.xml", variant->str, variant->len, expect);
}

static void
test_variants (void)
{
  g_autoptr(GString) amps = g_string_new ("<summary>");
  g_autoptr(GString) wide = g_string_new ("<summary>");
  g_autoptr(GString) long_text = g_string_new ("<summary>");
  g_autoptr(GString) lines = g_string_new ("");

  /* blank texts, where the schema's pattern refuses them: the fast path must refuse them too */
  check_variant ("<name>Outside</name>", "<name> \n\t </name>", EXPECT_REJECT);
  check_variant ("<name>Symptom A</name>", "<name/>", EXPECT_REJECT);
  check_variant ("<abbreviation>TL</abbreviation>", "<abbreviation>  </abbreviation>", EXPECT_REJECT);
  check_variant ("<synonym>first thing</synonym>", "<synonym>\n</synonym>", EXPECT_REJECT);
  check_variant ("<doi>10.0000/test</doi>", "<doi> </doi>", EXPECT_REJECT);
  check_variant ("<citation>Author A. A test citation. J Test 2020;1:1-2.</citation>",
                 "<citation> </citation>", EXPECT_REJECT);
  check_variant (">Delayed examination.<", ">  <", EXPECT_REJECT);
  check_variant ("<diagnostic ref=\"d-exam\">Tender.</diagnostic>",
                 "<diagnostic ref=\"d-exam\"> </diagnostic>", EXPECT_REJECT);
  check_variant ("<patient-summary>Patient one.</patient-summary>",
                 "<patient-summary><!-- x --> <![CDATA[ ]]></patient-summary>", EXPECT_REJECT);
  /* ... and accept them where it does not (conditionCare is optText) */
  check_variant ("<care ref=\"k-op\"/>", "<care ref=\"k-op\">  </care>", EXPECT_FAST);
  check_variant ("<care ref=\"k-op\"/>", "<care ref=\"k-op\"></care>", EXPECT_FAST);

  /* text the same both ways: references, CDATA, comments, white space, non-ASCII */
  check_variant ("<name>Outside</name>", "<name>A &amp; B &#233; &lt;x&gt; &#x1F600;</name>", EXPECT_FAST);
  check_variant ("<summary>Lateral test region.</summary>",
                 "<summary><![CDATA[a < b]]> and <!-- c --> more<?pi x?>text</summary>", EXPECT_FAST);
  check_variant ("<summary>Lateral test region.</summary>",
                 "<summary>\n   Multi\n\tline \r\n  text   </summary>", EXPECT_FAST);
  check_variant ("<name>Outside</name>", "<name> <![CDATA[x]]> </name>", EXPECT_FAST);
  check_variant ("<diagnostic ref=\"d-exam\">Tender.</diagnostic>",
                 "<diagnostic ref=\"d-exam\"> Tender &amp; <![CDATA[warm]]> </diagnostic>", EXPECT_FAST);
  check_variant ("regions=\"r-out\"", "regions=\" r-out\n\tr-heel  \"", EXPECT_FAST);
  check_variant ("sensitivity=\"0.96\"", "sensitivity=\" 0.96 \"", EXPECT_ANY);
  check_variant ("<kb version=\"1\">",
                 "<kb version=\"1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                 "xsi:noNamespaceSchemaLocation=\"talus-kb.xsd\">", EXPECT_FAST);

  /* the longest valid text, in four-byte characters: still the fast path */
  for (guint i = 0; i < 4000; i++)
    g_string_append (wide, "\xF0\x9F\x98\x80");
  g_string_append (wide, "</summary>");
  check_variant ("<summary>Lateral test region.</summary>", wide->str, EXPECT_FAST);
  g_string_insert (wide, strlen ("<summary>"), "x");
  check_variant ("<summary>Lateral test region.</summary>", wide->str, EXPECT_REJECT);

  /* a text in many pieces: the tree path's, with the same result */
  for (guint i = 0; i < 300; i++)
    g_string_append (amps, "a&amp;");
  g_string_append (amps, "</summary>");
  check_variant ("<summary>Lateral test region.</summary>", amps->str, EXPECT_SLOW_ACCEPT);

  /* too long for the schema */
  for (guint i = 0; i < 5000; i++)
    g_string_append (long_text, "ab ");
  g_string_append (long_text, "</summary>");
  check_variant ("<summary>Lateral test region.</summary>", long_text->str, EXPECT_REJECT);

  /* lines past 65535, on both paths */
  for (guint i = 0; i < 70000; i++)
    g_string_append_c (lines, '\n');
  g_string_append (lines, "<symptom id=\"s-late\" group=\"pain\">\n<name>Late</name>\n"
                          "<patient-name>Late</patient-name>\n</symptom>\n</kb>");
  check_variant ("</kb>", lines->str, EXPECT_FAST);
  g_string_replace (lines, "<name>Late</name>", "<name> </name>", 1);
  check_variant ("</kb>", lines->str, EXPECT_REJECT);

  /* things the fast path leaves to the tree path */
  check_variant ("<symptom id=\"s-a\" group=\"pain\">",
                 "<symptom id=\"s-a\" group=\"pain\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"symptom\">",
                 EXPECT_ANY);
  check_variant ("<symptom id=\"s-a\" group=\"pain\">",
                 "<symptom id=\"s-a\" group=\"pain\" xml:id=\"1x\">", EXPECT_REJECT);
  check_variant ("<name>Outside</name>", "<name>Outside<b>bold</b></name>", EXPECT_REJECT);
  check_variant ("<kb version=\"1\">", "<kb version=\"1\" xmlns=\"http://example.org/x\">", EXPECT_REJECT);
  check_variant ("<region id=\"r-out\">", "<x:region xmlns:x=\"urn:x\" id=\"r-out\">", EXPECT_REJECT);
  check_variant ("</kb>", "</kb><kb version=\"1\"/>", EXPECT_REJECT);
  check_variant ("</kb>", "", EXPECT_REJECT);
  check_variant ("<condition id=\"c-two\" category=\"infection\">",
                 "<condition id=\"c-two\" category=\"infection\" extra=\"1\">", EXPECT_REJECT);
}

/* The analysis of talus-kb.xsd that the fast path relies on. */
static void
test_not_blank_elements (void)
{
  static const struct { const char *child, *parent; gboolean checked; } cases[] = {
    { "name", "region", TRUE }, { "name", "condition", TRUE }, { "patient-name", "symptom", TRUE },
    { "summary", "care", TRUE }, { "patient-summary", "red-flag", TRUE },
    { "abbreviation", "structure", TRUE }, { "citation", "reference", TRUE },
    { "doi", "reference", TRUE }, { "synonym", "condition", TRUE },
    { "accuracy", "diagnostic", TRUE }, { "diagnostic", "condition", TRUE },
    { "care", "condition", FALSE }, { "symptom", "condition", FALSE },
    { "region", "kb", FALSE }, { "diagnostic", "kb", FALSE },
  };
  GHashTable *not_blank = NULL;

  if (!talus_kb_schema_has_fast_path (&not_blank))
    g_error ("talus-kb.xsd uses something relax_schema () (src/kb/talus-kb-loader.c) does not "
             "follow, so the fast path validates with the schema's pattern: several times slower");
  g_assert_nonnull (not_blank);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GPtrArray *parents = g_hash_table_lookup (not_blank, cases[i].child);
      gboolean found = FALSE;

      for (guint p = 0; parents != NULL && p < parents->len; p++)
        found |= g_str_equal (parents->pdata[p], cases[i].parent);
      if (found != cases[i].checked)
        g_error ("<%s> in <%s>: %s", cases[i].child, cases[i].parent,
                 found ? "checked but may be blank" : "must not be blank but is not checked");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/talus/kb/paths/not-blank-elements", test_not_blank_elements);
  g_test_add_func ("/talus/kb/paths/shipped", test_shipped);
  g_test_add_func ("/talus/kb/paths/fixtures", test_fixtures);
  g_test_add_func ("/talus/kb/paths/variants", test_variants);

  return g_test_run ();
}
