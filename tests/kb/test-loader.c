/* test-loader.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading, validation errors (each with the exact FILE:LINE reported), lookups and overrides.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "test-kb-common.h"

static void
test_load_mini (void)
{
  g_autoptr(TalusKnowledgeBase) kb = test_kb_load_mini ();
  TalusCondition *one;
  TalusStructure *structure;
  TalusRegion *region;
  TalusDiagnostic *exam;
  TalusAccuracy *acc;
  g_autoptr(TalusLink) first = NULL;
  g_autoptr(TalusLink) last = NULL;
  g_autoptr(TalusLink) care0 = NULL;
  g_autoptr(TalusLink) care1 = NULL;
  g_autoptr(TalusRedFlag) flag0 = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (talus_knowledge_base_get_regions (kb)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (talus_knowledge_base_get_symptoms (kb)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (talus_knowledge_base_get_conditions (kb)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (talus_knowledge_base_get_care_options (kb)), ==, 2);

  one = talus_knowledge_base_lookup_condition (kb, "c-one");
  g_assert_nonnull (one);
  g_assert_cmpstr (talus_entry_get_name (TALUS_ENTRY (one)), ==, "Condition one");
  g_assert_cmpstr (talus_entry_get_display_name (TALUS_ENTRY (one), TALUS_AUDIENCE_PATIENT), ==, "One");
  g_assert_cmpint (talus_condition_get_category (one), ==, TALUS_CATEGORY_INJURY);
  g_assert_cmpstr (talus_condition_get_synonyms (one)[0], ==, "first thing");
  g_assert_cmpuint (talus_entry_get_line (TALUS_ENTRY (one)), ==, 75);

  /* symptoms typical first, whatever the document order */
  first = g_list_model_get_item (talus_condition_get_symptoms (one), 0);
  last = g_list_model_get_item (talus_condition_get_symptoms (one), 2);
  g_assert_cmpstr (talus_entry_get_id (talus_link_get_target (first)), ==, "s-a");
  g_assert_cmpint (talus_link_get_weight (first), ==, TALUS_WEIGHT_TYPICAL);
  g_assert_cmpstr (talus_entry_get_id (talus_link_get_target (last)), ==, "s-c");

  /* care in pathway order, with the condition's own evidence label and citation */
  care0 = g_list_model_get_item (talus_condition_get_care (one), 0);
  care1 = g_list_model_get_item (talus_condition_get_care (one), 1);
  g_assert_cmpstr (talus_entry_get_id (talus_link_get_target (care0)), ==, "k-rest");
  g_assert_cmpint (talus_link_get_evidence (care0), ==, TALUS_EVIDENCE_WORKS_WELL);
  g_assert_cmpstr (talus_link_get_text (care0), ==, "Two weeks.");
  g_assert_nonnull (talus_link_get_reference (care0));
  g_assert_cmpstr (talus_entry_get_id (talus_link_get_target (care1)), ==, "k-op");
  g_assert_cmpint (talus_link_get_evidence (care1), ==, TALUS_EVIDENCE_NOT_PROVEN);

  /* red flags most urgent first */
  flag0 = g_list_model_get_item (talus_condition_get_red_flags (one), 0);
  g_assert_cmpstr (talus_entry_get_id (TALUS_ENTRY (flag0)), ==, "f-hot");

  /* structures know their regions, regions their structures */
  structure = talus_knowledge_base_lookup_structure (kb, "st-one");
  region = talus_knowledge_base_lookup_region (kb, "r-out");
  g_assert_cmpstr (talus_structure_get_abbreviation (structure), ==, "TL");
  g_assert_cmpuint (g_list_model_get_n_items (talus_structure_get_regions (structure)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (talus_region_get_structures (region)), ==, 1);

  exam = talus_knowledge_base_lookup_diagnostic (kb, "d-exam");
  g_assert_cmpuint (talus_diagnostic_get_accuracy (exam)->len, ==, 1);
  acc = g_ptr_array_index (talus_diagnostic_get_accuracy (exam), 0);
  g_assert_cmpfloat_with_epsilon (acc->sensitivity, 0.96, 1e-9);
  g_assert_cmpfloat_with_epsilon (acc->specificity, 0.84, 1e-9);
  g_assert_true (acc->reference == talus_knowledge_base_lookup_reference (kb, "ref-one"));

  g_assert_null (talus_knowledge_base_lookup_condition (kb, "no-such-thing"));
  g_assert_null (talus_knowledge_base_lookup_condition (kb, "s-a"));
  g_assert_true (talus_knowledge_base_lookup (kb, "s-a") ==
                 TALUS_ENTRY (talus_knowledge_base_lookup_symptom (kb, "s-a")));
}

static void
test_conditions_by (void)
{
  g_autoptr(TalusKnowledgeBase) kb = test_kb_load_mini ();
  GListModel *by_region = talus_entry_get_conditions (TALUS_ENTRY (talus_knowledge_base_lookup_region (kb, "r-out")));
  GListModel *by_symptom = talus_entry_get_conditions (TALUS_ENTRY (talus_knowledge_base_lookup_symptom (kb, "s-a")));
  GListModel *by_structure = talus_entry_get_conditions (TALUS_ENTRY (talus_knowledge_base_lookup_structure (kb, "st-one")));
  GListModel *by_care = talus_entry_get_conditions (TALUS_ENTRY (talus_knowledge_base_lookup_care_option (kb, "k-rest")));
  g_autoptr(TalusEntry) first = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (by_region), ==, 2);   /* c-one, c-three */
  g_assert_cmpuint (g_list_model_get_n_items (by_symptom), ==, 2);  /* c-one, c-two */
  g_assert_cmpuint (g_list_model_get_n_items (by_structure), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (by_care), ==, 3);
  first = g_list_model_get_item (by_region, 0);
  g_assert_cmpstr (talus_entry_get_id (first), ==, "c-one");
}

/* Each broken fixture is loaded on top of mini.xml and must fail with exactly these lines. */
typedef struct {
  const char   *fixture;
  TalusKbError  code;
  const char   *expected[4];
} BadCase;

static const BadCase bad_cases[] = {
  { "bad-dangling-ref.xml", TALUS_KB_ERROR_REFERENCE, {
      "bad-dangling-ref.xml:10: condition “c-four” refers to unknown symptom “s-missing”",
      "bad-dangling-ref.xml:12: condition “c-four” refers to unknown care option “k-nowhere”",
  } },
  { "bad-duplicate-id.xml", TALUS_KB_ERROR_REFERENCE, {
      "bad-duplicate-id.xml:7: duplicate symptom id “s-new” (first defined at ",
  } },
  { "bad-schema.xml", TALUS_KB_ERROR_SCHEMA, {
      "bad-schema.xml:7: Element 'symptom', attribute 'group': [facet 'enumeration'] The value 'itchiness' is not an element of the set",
  } },
  { "bad-missing-part.xml", TALUS_KB_ERROR_REFERENCE, {
      "bad-missing-part.xml:3: condition “c-five” has no care option (each condition needs at least one region, symptom, diagnostic and care option)",
  } },
  { "bad-truncated.xml", TALUS_KB_ERROR_PARSE, {
      "bad-truncated.xml:6: ",
  } },
  { "bad-doctype.xml", TALUS_KB_ERROR_PARSE, {
      "bad-doctype.xml:2: a DOCTYPE or other declaration is not allowed in a knowledge-base file",
  } },
  { "bad-wrong-root.xml", TALUS_KB_ERROR_SCHEMA, {
      "bad-wrong-root.xml:2: the root element must be <kb version=\"1\">, not <html>",
  } },
  { "bad-empty.xml", TALUS_KB_ERROR_PARSE, {
      "bad-empty.xml:1: the file is empty",
  } },
};

static void
test_bad_file (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(TalusKnowledgeBase) kb = test_kb_load_mini ();
  g_autoptr(GFile) file = test_kb_fixture (bad->fixture);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_expected = 0;

  g_assert_false (talus_knowledge_base_add_file (kb, file, &error));
  g_assert_error (error, TALUS_KB_ERROR, (int) bad->code);

  lines = g_strsplit (error->message, "\n", -1);
  while (n_expected < G_N_ELEMENTS (bad->expected) && bad->expected[n_expected] != NULL)
    n_expected++;
  g_assert_cmpuint (g_strv_length (lines), ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      /* messages start with the full path; compare from the file name on */
      const char *from = strstr (lines[i], bad->fixture);

      g_assert_nonnull (from);
      if (!g_str_has_prefix (from, bad->expected[i]))
        g_error ("expected “%s”, got “%s”", bad->expected[i], from);
    }

  /* nothing of the broken file was added */
  g_assert_cmpuint (g_list_model_get_n_items (talus_knowledge_base_get_conditions (kb)), ==, 3);
  g_assert_null (talus_knowledge_base_lookup_symptom (kb, "s-new"));
}

static void
test_doctype_reads_nothing (void)
{
  g_autoptr(TalusKnowledgeBase) kb = talus_knowledge_base_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("talus-test-XXXXXX", &error);
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *xml = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  g_file_set_contents (secret, "TOP-SECRET", -1, &error);
  g_assert_no_error (error);

  /* an external entity would pull the file in if entities were substituted */
  xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE kb [<!ENTITY s SYSTEM \"file://%s\">]>\n"
                         "<kb version=\"1\"><symptom id=\"x\" group=\"pain\"><name>&s;</name>"
                         "<patient-name>x</patient-name></symptom></kb>\n", secret);
  bytes = g_bytes_new (xml, strlen (xml));

  g_assert_false (talus_knowledge_base_add_bytes (kb, bytes, "entity.xml", &error));
  g_assert_error (error, TALUS_KB_ERROR, TALUS_KB_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "entity.xml:2: "));
  g_assert_null (strstr (error->message, "TOP-SECRET"));
  g_assert_null (talus_knowledge_base_lookup_symptom (kb, "x"));

  g_unlink (secret);
  g_rmdir (dir);
}

static void
test_many_attributes (void)
{
  g_autoptr(TalusKnowledgeBase) kb = talus_knowledge_base_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n<kb version=\"1\">\n<symptom");
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (xml, " a%u=\"x\"", i);
  g_string_append (xml, "/>\n</kb>\n");
  bytes = g_bytes_new (xml->str, xml->len);

  g_assert_false (talus_knowledge_base_add_bytes (kb, bytes, "attrs.xml", &error));
  g_assert_error (error, TALUS_KB_ERROR, TALUS_KB_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "attrs.xml:3: an element has more than 64 attributes");
}

static void
test_utf16_with_bom (void)
{
  g_autoptr(TalusKnowledgeBase) kb = talus_knowledge_base_new ();
  g_autoptr(GError) error = NULL;
  const char *xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<kb version=\"1\">\n"
                    "<symptom id=\"s-utf\" group=\"pain\"><name>Douleur é</name>"
                    "<patient-name>Ça fait mal</patient-name></symptom>\n</kb>\n";
  g_autofree char *utf16 = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  gsize len = 0;
  const guint8 bom[] = { 0xFF, 0xFE };

  utf16 = g_convert (xml, -1, "UTF-16LE", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  g_byte_array_append (data, bom, 2);
  g_byte_array_append (data, (const guint8 *) utf16, (guint) len);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));

  g_assert_true (talus_knowledge_base_add_bytes (kb, bytes, "utf16.xml", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (talus_entry_get_name (TALUS_ENTRY (talus_knowledge_base_lookup_symptom (kb, "s-utf"))),
                   ==, "Douleur é");
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(TalusKnowledgeBase) kb = talus_knowledge_base_new ();
  g_autoptr(GError) error = NULL;
  const char xml[] = "<?xml version=\"1.0\"?>\n<kb version=\"1\">\n<symptom id=\"s\" group=\"pain\">"
                     "<name>bad \xC3\x28 byte</name><patient-name>x</patient-name></symptom></kb>\n";
  g_autoptr(GBytes) bytes = g_bytes_new (xml, sizeof xml - 1);

  g_assert_false (talus_knowledge_base_add_bytes (kb, bytes, "utf8.xml", &error));
  g_assert_error (error, TALUS_KB_ERROR, TALUS_KB_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "utf8.xml:3: "));
}

static void
test_override (void)
{
  g_autoptr(TalusKnowledgeBase) kb = test_kb_load_mini ();
  g_autoptr(GFile) file = test_kb_fixture ("override.xml");
  g_autoptr(GError) error = NULL;
  TalusCondition *two;
  TalusCondition *one;
  g_autoptr(TalusLink) link = NULL;

  g_assert_true (talus_knowledge_base_add_file (kb, file, &error));
  g_assert_no_error (error);

  /* replaced in place, a new one appended */
  g_assert_cmpuint (g_list_model_get_n_items (talus_knowledge_base_get_conditions (kb)), ==, 4);
  two = talus_knowledge_base_lookup_condition (kb, "c-two");
  g_assert_cmpstr (talus_entry_get_name (TALUS_ENTRY (two)), ==, "Condition two, revised");
  g_assert_true (g_list_model_get_item (talus_knowledge_base_get_conditions (kb), 1) == (gpointer) two);
  g_object_unref (two);
  g_assert_true (strstr (talus_entry_get_file (TALUS_ENTRY (two)), "override.xml") != NULL);

  /* a shipped condition that used the overridden symptom now points at the new one */
  one = talus_knowledge_base_lookup_condition (kb, "c-one");
  link = g_list_model_get_item (talus_condition_get_symptoms (one), 0);
  g_assert_cmpstr (talus_entry_get_name (talus_link_get_target (link)), ==, "Symptom A (local wording)");

  /* back-links follow: s-a is no longer used by c-two */
  g_assert_cmpuint (g_list_model_get_n_items (talus_entry_get_conditions (talus_link_get_target (link))), ==, 1);
  g_assert_nonnull (talus_knowledge_base_lookup_condition (kb, "c-local"));
}

static void
test_directory (void)
{
  g_autoptr(TalusKnowledgeBase) kb = test_kb_load_mini ();
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("talus-kb-XXXXXX", &error);
  g_autofree char *good = g_build_filename (dir, "20-good.xml", NULL);
  g_autofree char *bad = g_build_filename (dir, "10-bad.xml", NULL);
  g_autofree char *other = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *override_xml = NULL;
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/talus/kb");
  GError *first;

  g_assert_no_error (error);
  g_file_get_contents (g_test_get_filename (G_TEST_DIST, "data", "kb", "override.xml", NULL),
                       &override_xml, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (good, override_xml, -1, &error);
  g_file_set_contents (bad, "<kb version=\"1\"><symptom", -1, &error);
  g_file_set_contents (other, "not xml", -1, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (talus_knowledge_base_add_directory (kb, dir_file, errors), ==, 1);
  g_assert_cmpuint (errors->len, ==, 1);
  first = errors->pdata[0];
  g_assert_true (g_str_has_prefix (first->message, bad));
  g_assert_true (g_str_has_prefix (first->message + strlen (bad), ":1: "));
  g_assert_nonnull (talus_knowledge_base_lookup_condition (kb, "c-local"));

  /* a missing directory is not an error */
  g_assert_cmpuint (talus_knowledge_base_add_directory (kb, missing, errors), ==, 0);
  g_assert_cmpuint (errors->len, ==, 1);

  g_unlink (good);
  g_unlink (bad);
  g_unlink (other);
  g_rmdir (dir);
}

static void
test_size_cap (void)
{
  g_autoptr(TalusKnowledgeBase) kb = talus_knowledge_base_new ();
  g_autoptr(GError) error = NULL;
  gsize size = TALUS_KB_MAX_FILE_SIZE + 1;
  g_autofree char *data = g_malloc0 (size);
  g_autoptr(GBytes) bytes = NULL;

  memset (data, ' ', size);
  bytes = g_bytes_new_take (g_steal_pointer (&data), size);
  g_assert_false (talus_knowledge_base_add_bytes (kb, bytes, "big.xml", &error));
  g_assert_error (error, TALUS_KB_ERROR, TALUS_KB_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, "big.xml:1: "));
}

static void
test_shipped (void)
{
  g_autoptr(TalusKnowledgeBase) kb = talus_knowledge_base_new ();
  g_autoptr(GError) error = NULL;
  static const char *regions[] = {
    "lateral-ankle", "medial-ankle", "anterior-ankle", "posterior-heel", "plantar-heel",
    "midfoot", "big-toe",
  };
  static const char *symptoms[] = {
    "popping-clicking", "stiffness", "swelling", "difficulty-bearing-weight",
    "back-of-heel-pain", "outside-ankle-pain", "inside-ankle-pain", "big-toe-numbness",
    "first-step-pain", "giving-way", "warmth-redness", "sudden-onset", "tingling-burning",
    "bruising", "heel-underside-pain", "pain-after-activity", "night-pain",
    "multiple-joint-pain", "deformity", "calf-swelling", "fever",
  };

  g_assert_true (talus_knowledge_base_load_shipped (kb, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    g_assert_nonnull (talus_knowledge_base_lookup_region (kb, regions[i]));
  for (guint i = 0; i < G_N_ELEMENTS (symptoms); i++)
    g_assert_nonnull (talus_knowledge_base_lookup_symptom (kb, symptoms[i]));
  g_assert_cmpuint (g_list_model_get_n_items (talus_knowledge_base_get_conditions (kb)), >=, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/talus/kb/load/mini", test_load_mini);
  g_test_add_func ("/talus/kb/load/conditions-by", test_conditions_by);
  g_test_add_func ("/talus/kb/load/shipped", test_shipped);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/talus/kb/load/bad/%s", bad_cases[i].fixture);
      g_test_add_data_func (path, &bad_cases[i], test_bad_file);
    }
  g_test_add_func ("/talus/kb/load/doctype-reads-nothing", test_doctype_reads_nothing);
  g_test_add_func ("/talus/kb/load/many-attributes", test_many_attributes);
  g_test_add_func ("/talus/kb/load/utf16-bom", test_utf16_with_bom);
  g_test_add_func ("/talus/kb/load/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/talus/kb/load/size-cap", test_size_cap);
  g_test_add_func ("/talus/kb/override/file", test_override);
  g_test_add_func ("/talus/kb/override/directory", test_directory);

  return g_test_run ();
}
