/* test-content.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checks of the shipped knowledge-base content (issue 5): every condition is complete, labels and
 * citations are honest, patient text is readable, and clinical vignettes rank the intended
 * condition near the top of the differential.
 */

#include "config.h"

#include <string.h>

#include "talus-kb.h"

/* The stable condition ids of the content issue. */
static const char * const condition_ids[] = {
  "ankle-sprain", "chronic-ankle-instability", "ankle-ligament-tear", "syndesmosis-injury",
  "ankle-fracture", "fifth-metatarsal-fracture", "stress-fracture", "achilles-tendinopathy",
  "achilles-rupture", "retrocalcaneal-bursitis", "peroneal-tendon-tear",
  "posterior-tibial-tendon-dysfunction", "ankle-synovitis", "rheumatoid-arthritis", "gout",
  "ankle-osteoarthritis", "hallux-rigidus", "plantar-fasciitis", "tarsal-tunnel-syndrome",
  "peripheral-neuropathy", "flat-foot", "high-arch-foot", "septic-arthritis", "charcot-foot",
};

/* Patient text must not read above this Flesch-Kincaid grade. */
#define MAX_PATIENT_GRADE 8.0
#define MIN_VIGNETTES 20
#define TOP_N 3

/* --- Readability ------------------------------------------------------------------------- */

typedef struct {
  guint words;
  guint sentences;
  guint syllables;
} TextCounts;

static gboolean
is_vowel (char c)
{
  return c != '\0' && strchr ("aeiouy", c) != NULL;
}

static gboolean
is_word_char (char c)
{
  /* bytes of multi-byte UTF-8 characters count as letters (as in "Broström") */
  return g_ascii_isalpha (c) || (guchar) c >= 0x80;
}

/* Vowel groups, less a silent final e ("bone", but not the "-le" of "ankle"), at least one. */
static guint
count_syllables (const char *word,
                 gsize       len)
{
  g_autofree char *lower = g_ascii_strdown (word, len);
  gboolean in_vowel = FALSE;
  guint groups = 0;

  for (gsize i = 0; i < len; i++)
    {
      gboolean vowel = is_vowel (lower[i]);

      if (vowel && !in_vowel)
        groups++;
      in_vowel = vowel;
    }

  if (groups > 1 && len >= 2 && lower[len - 1] == 'e'
      && !(len >= 3 && lower[len - 2] == 'l' && !is_vowel (lower[len - 3])))
    groups--;

  return MAX (groups, 1);
}

/* A word is a run of letters, with inner apostrophes ("body's"); numbers are not words. A
 * sentence ends at . ! or ? followed by a space or the end of the text (so "38.6" does not end
 * one), or at the end of the text after a word. */
static void
count_text (const char *text,
            TextCounts *counts)
{
  gboolean words_since_end = FALSE;
  const char *p = text;

  memset (counts, 0, sizeof *counts);

  while (*p != '\0')
    {
      if (is_word_char (*p))
        {
          const char *start = p;

          while (is_word_char (*p) || (*p == '\'' && is_word_char (p[1])))
            p++;
          counts->words++;
          counts->syllables += count_syllables (start, p - start);
          words_since_end = TRUE;
        }
      else if (*p == '.' || *p == '!' || *p == '?')
        {
          while (*p == '.' || *p == '!' || *p == '?')
            p++;
          if (words_since_end && (*p == '\0' || g_ascii_isspace (*p) || *p == '"' || *p == ')'))
            {
              counts->sentences++;
              words_since_end = FALSE;
            }
        }
      else
        p++;
    }

  if (words_since_end)
    counts->sentences++;
}

static double
flesch_kincaid_grade (const char *text)
{
  TextCounts counts;

  count_text (text, &counts);
  if (counts.words == 0)
    return 0.0;

  return 0.39 * counts.words / counts.sentences
         + 11.8 * counts.syllables / counts.words
         - 15.59;
}

static void
test_readability_syllables (void)
{
  const struct { const char *word; guint syllables; } cases[] = {
    { "the", 1 }, { "cat", 1 }, { "more", 1 }, { "bone", 1 }, { "ankle", 2 },
    { "walking", 2 }, { "cartilage", 3 }, { "degenerative", 5 }, { "osteoarthritis", 4 },
    { "rhythm", 1 }, { "a", 1 }, { "shh", 1 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint got = count_syllables (cases[i].word, strlen (cases[i].word));

      if (got != cases[i].syllables)
        g_test_message ("%s: expected %u syllables, counted %u", cases[i].word,
                        cases[i].syllables, got);
      g_assert_cmpuint (got, ==, cases[i].syllables);
    }
}

static void
test_readability_counts (void)
{
  TextCounts counts;

  count_text ("I walk. You run! Do they? Yes", &counts);
  g_assert_cmpuint (counts.words, ==, 7);
  g_assert_cmpuint (counts.sentences, ==, 4);

  /* a decimal point and a number do not end a sentence or count as words */
  count_text ("Her temperature was 38.6 degrees today.", &counts);
  g_assert_cmpuint (counts.sentences, ==, 1);
  g_assert_cmpuint (counts.words, ==, 5);

  count_text ("The body's own defence.", &counts);
  g_assert_cmpuint (counts.words, ==, 4);
}

static void
test_readability_grade (void)
{
  /* 6 words, 6 syllables, 1 sentence: 0.39 * 6 + 11.8 * 1 - 15.59 = -1.45 */
  g_assert_cmpfloat_with_epsilon (flesch_kincaid_grade ("The cat sat on the mat."), -1.45, 0.005);

  /* 8 words, 24 syllables, 1 sentence: 0.39 * 8 + 11.8 * 3 - 15.59 = 22.93 */
  g_assert_cmpfloat_with_epsilon (flesch_kincaid_grade ("Osteoarthritis is a degenerative "
                                                        "condition affecting articular cartilage."),
                                  22.93, 0.005);

  g_assert_cmpfloat (flesch_kincaid_grade ("The cat sat on the mat."), <=, MAX_PATIENT_GRADE);
  g_assert_cmpfloat (flesch_kincaid_grade ("Osteoarthritis is a degenerative condition affecting "
                                           "articular cartilage."), >, MAX_PATIENT_GRADE);
}

/* --- The shipped knowledge base ---------------------------------------------------------- */

static TalusKnowledgeBase *
load_shipped (void)
{
  g_autoptr(TalusKnowledgeBase) kb = talus_knowledge_base_new ();
  g_autoptr(GError) error = NULL;

  talus_knowledge_base_load_shipped (kb, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&kb);
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  return *text != '\0';
}

static void
test_conditions_exist (void)
{
  g_autoptr(TalusKnowledgeBase) kb = load_shipped ();
  guint missing = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (condition_ids); i++)
    if (talus_knowledge_base_lookup_condition (kb, condition_ids[i]) == NULL)
      {
        g_test_message ("condition %s is missing", condition_ids[i]);
        missing++;
      }

  g_assert_cmpuint (missing, ==, 0);
}

/* Appends a problem for @condition_id when @model has fewer than one item. */
static void
check_not_empty (GString    *problems,
                 const char *condition_id,
                 const char *what,
                 GListModel *model)
{
  if (model == NULL || g_list_model_get_n_items (model) == 0)
    g_string_append_printf (problems, "%s: no %s\n", condition_id, what);
}

static void
test_conditions_complete (void)
{
  g_autoptr(TalusKnowledgeBase) kb = load_shipped ();
  g_autoptr(GString) problems = g_string_new (NULL);
  GListModel *conditions = talus_knowledge_base_get_conditions (kb);
  guint n = g_list_model_get_n_items (conditions);

  g_assert_cmpuint (n, >=, G_N_ELEMENTS (condition_ids));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusCondition) condition = g_list_model_get_item (conditions, i);
      TalusEntry *entry = TALUS_ENTRY (condition);
      const char *id = talus_entry_get_id (entry);
      TextCounts counts;

      if (!has_text (talus_entry_get_name (entry)))
        g_string_append_printf (problems, "%s: no name\n", id);
      if (!has_text (talus_entry_get_patient_name (entry)))
        g_string_append_printf (problems, "%s: no patient name\n", id);
      if (!has_text (talus_entry_get_patient_summary (entry)))
        g_string_append_printf (problems, "%s: no patient summary\n", id);
      if (!has_text (talus_entry_get_summary (entry)))
        g_string_append_printf (problems, "%s: no clinician summary\n", id);
      else
        {
          count_text (talus_entry_get_summary (entry), &counts);
          if (counts.sentences < 3 || counts.sentences > 6)
            g_string_append_printf (problems, "%s: clinician summary has %u sentences, not 3-6\n",
                                    id, counts.sentences);
        }

      check_not_empty (problems, id, "region", talus_condition_get_regions (condition));
      check_not_empty (problems, id, "symptom", talus_condition_get_symptoms (condition));
      check_not_empty (problems, id, "diagnostic", talus_condition_get_diagnostics (condition));
      check_not_empty (problems, id, "care option", talus_condition_get_care (condition));
      check_not_empty (problems, id, "red flag", talus_condition_get_red_flags (condition));
      check_not_empty (problems, id, "reference", talus_condition_get_references (condition));
    }

  if (problems->len > 0)
    g_test_message ("incomplete conditions:\n%s", problems->str);
  g_assert_cmpstr (problems->str, ==, "");
}

static void
test_symptoms_patient_names (void)
{
  g_autoptr(TalusKnowledgeBase) kb = load_shipped ();
  g_autoptr(GString) problems = g_string_new (NULL);
  GListModel *symptoms = talus_knowledge_base_get_symptoms (kb);
  guint n = g_list_model_get_n_items (symptoms);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusEntry) symptom = g_list_model_get_item (symptoms, i);

      if (!has_text (talus_entry_get_patient_name (symptom)))
        g_string_append_printf (problems, "%s ", talus_entry_get_id (symptom));
    }

  if (problems->len > 0)
    g_test_message ("symptoms without a patient name: %s", problems->str);
  g_assert_cmpstr (problems->str, ==, "");
}

/* Every care option has a plain-words evidence label, both its default and as used by each
 * condition; a condition that raises the label must cite why, one that lowers it must say why. */
static void
test_care_evidence (void)
{
  g_autoptr(TalusKnowledgeBase) kb = load_shipped ();
  g_autoptr(GString) problems = g_string_new (NULL);
  GListModel *options = talus_knowledge_base_get_care_options (kb);
  GListModel *conditions = talus_knowledge_base_get_conditions (kb);
  guint n = g_list_model_get_n_items (options);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusCareOption) option = g_list_model_get_item (options, i);
      TalusEvidence evidence = talus_care_option_get_evidence (option);

      if (talus_evidence_to_nick (evidence) == NULL
          || !has_text (talus_evidence_to_label (evidence)))
        g_string_append_printf (problems, "%s: no evidence label\n",
                                talus_entry_get_id (TALUS_ENTRY (option)));
    }

  n = g_list_model_get_n_items (conditions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusCondition) condition = g_list_model_get_item (conditions, i);
      GListModel *care = talus_condition_get_care (condition);
      guint n_care = g_list_model_get_n_items (care);

      for (guint j = 0; j < n_care; j++)
        {
          g_autoptr(TalusLink) link = g_list_model_get_item (care, j);
          TalusCareOption *option = TALUS_CARE_OPTION (talus_link_get_target (link));
          TalusEvidence evidence = talus_link_get_evidence (link);

          if (talus_evidence_to_nick (evidence) == NULL)
            g_string_append_printf (problems, "%s/%s: no evidence label\n",
                                    talus_entry_get_id (TALUS_ENTRY (condition)),
                                    talus_entry_get_id (TALUS_ENTRY (option)));
          /* a stronger claim than the default needs a citation; a more cautious one a note */
          else if (evidence < talus_care_option_get_evidence (option)
                   && talus_link_get_reference (link) == NULL)
            g_string_append_printf (problems, "%s/%s: label raised to %s without a citation\n",
                                    talus_entry_get_id (TALUS_ENTRY (condition)),
                                    talus_entry_get_id (TALUS_ENTRY (option)),
                                    talus_evidence_to_nick (evidence));
          else if (evidence > talus_care_option_get_evidence (option)
                   && talus_link_get_reference (link) == NULL
                   && !has_text (talus_link_get_text (link)))
            g_string_append_printf (problems, "%s/%s: label lowered to %s without a citation or a note\n",
                                    talus_entry_get_id (TALUS_ENTRY (condition)),
                                    talus_entry_get_id (TALUS_ENTRY (option)),
                                    talus_evidence_to_nick (evidence));
        }
    }

  if (problems->len > 0)
    g_test_message ("care evidence problems:\n%s", problems->str);
  g_assert_cmpstr (problems->str, ==, "");
}

/* The labels the reference sheet requires for specific conditions. */
static void
test_care_evidence_required (void)
{
  const struct { const char *condition, *care; TalusEvidence evidence; } cases[] = {
    { "achilles-tendinopathy", "corticosteroid-injection", TALUS_EVIDENCE_NOT_RECOMMENDED },
    { "achilles-tendinopathy", "prp-injection", TALUS_EVIDENCE_NOT_PROVEN },
    { "retrocalcaneal-bursitis", "corticosteroid-injection", TALUS_EVIDENCE_NOT_RECOMMENDED },
    { "ankle-osteoarthritis", "prp-injection", TALUS_EVIDENCE_NOT_PROVEN },
    { "ankle-osteoarthritis", "bone-marrow-concentrate", TALUS_EVIDENCE_NOT_PROVEN },
  };
  g_autoptr(TalusKnowledgeBase) kb = load_shipped ();

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TalusCondition *condition = talus_knowledge_base_lookup_condition (kb, cases[i].condition);
      GListModel *care;
      gboolean found = FALSE;

      g_assert_nonnull (condition);
      if (condition == NULL)
        continue;
      care = talus_condition_get_care (condition);
      for (guint j = 0; j < g_list_model_get_n_items (care); j++)
        {
          g_autoptr(TalusLink) link = g_list_model_get_item (care, j);

          if (g_strcmp0 (talus_entry_get_id (talus_link_get_target (link)), cases[i].care) != 0)
            continue;
          found = TRUE;
          g_test_message ("%s/%s: %s", cases[i].condition, cases[i].care,
                          talus_evidence_to_nick (talus_link_get_evidence (link)));
          g_assert_cmpint (talus_link_get_evidence (link), ==, cases[i].evidence);
        }
      g_assert_true (found);
    }
}

static void
check_readability (GString    *problems,
                   const char *kind,
                   GListModel *entries)
{
  guint n = g_list_model_get_n_items (entries);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusEntry) entry = g_list_model_get_item (entries, i);
      const char *text = talus_entry_get_patient_summary (entry);
      double grade;

      if (text == NULL)
        continue;
      grade = flesch_kincaid_grade (text);
      if (grade > MAX_PATIENT_GRADE)
        g_string_append_printf (problems, "%s %s (%s:%u): grade %.1f\n", kind,
                                talus_entry_get_id (entry), talus_entry_get_file (entry),
                                talus_entry_get_line (entry), grade);
    }
}

static void
test_patient_text_readability (void)
{
  g_autoptr(TalusKnowledgeBase) kb = load_shipped ();
  g_autoptr(GString) problems = g_string_new (NULL);

  check_readability (problems, "condition", talus_knowledge_base_get_conditions (kb));
  check_readability (problems, "region", talus_knowledge_base_get_regions (kb));
  check_readability (problems, "structure", talus_knowledge_base_get_structures (kb));
  check_readability (problems, "symptom", talus_knowledge_base_get_symptoms (kb));
  check_readability (problems, "red flag", talus_knowledge_base_get_red_flags (kb));

  if (problems->len > 0)
    g_test_message ("patient text above grade %.0f:\n%s", MAX_PATIENT_GRADE, problems->str);
  g_assert_cmpstr (problems->str, ==, "");
}

/* --- Vignettes --------------------------------------------------------------------------- */

/* A vignette file: '#' comment lines (the story), then "symptoms: id,id,...", an optional
 * "region: id" and "expect: condition-id". */
typedef struct {
  char *symptoms;
  char *region;
  char *expect;
} Vignette;

static void
vignette_clear (Vignette *v)
{
  g_clear_pointer (&v->symptoms, g_free);
  g_clear_pointer (&v->region, g_free);
  g_clear_pointer (&v->expect, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Vignette, vignette_clear)

static gboolean
vignette_parse (const char  *contents,
                Vignette    *v,
                char       **error_message)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      const char *colon;
      g_autofree char *key = NULL;
      char **slot;

      if (line[0] == '\0' || line[0] == '#')
        continue;

      colon = strchr (line, ':');
      if (colon == NULL)
        {
          *error_message = g_strdup_printf ("line %u: expected KEY: VALUE", i + 1);
          return FALSE;
        }
      key = g_strstrip (g_strndup (line, colon - line));
      if (g_str_equal (key, "symptoms"))
        slot = &v->symptoms;
      else if (g_str_equal (key, "region"))
        slot = &v->region;
      else if (g_str_equal (key, "expect"))
        slot = &v->expect;
      else
        {
          *error_message = g_strdup_printf ("line %u: unknown key '%s'", i + 1, key);
          return FALSE;
        }
      g_free (*slot);
      *slot = g_strstrip (g_strdup (colon + 1));
    }

  if (v->symptoms == NULL || v->expect == NULL)
    {
      *error_message = g_strdup ("needs both 'symptoms:' and 'expect:'");
      return FALSE;
    }
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
test_vignettes (void)
{
  g_autoptr(TalusKnowledgeBase) kb = load_shipped ();
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "vignettes", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) covered = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) failures = g_string_new (NULL);
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  g_test_message ("%u vignettes in %s", names->len, dir_path);
  g_assert_cmpuint (names->len, >=, MIN_VIGNETTES);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, names->pdata[i], NULL);
      g_autofree char *contents = NULL;
      g_autofree char *parse_error = NULL;
      g_auto(Vignette) v = { NULL, };
      g_autoptr(GPtrArray) symptoms = NULL;
      g_autoptr(GListModel) ranking = NULL;
      g_autoptr(GString) listing = g_string_new (NULL);
      TalusCondition *expected;
      TalusRegion *region = NULL;
      guint rank = 0;

      if (!g_file_get_contents (path, &contents, NULL, &error))
        {
          g_string_append_printf (failures, "%s: %s\n", (char *) names->pdata[i], error->message);
          g_clear_error (&error);
          continue;
        }

      if (!vignette_parse (contents, &v, &parse_error))
        {
          g_string_append_printf (failures, "%s: %s\n", (char *) names->pdata[i], parse_error);
          continue;
        }

      expected = talus_knowledge_base_lookup_condition (kb, v.expect);
      if (expected == NULL)
        {
          g_string_append_printf (failures, "%s: unknown condition '%s'\n",
                                  (char *) names->pdata[i], v.expect);
          continue;
        }
      g_hash_table_add (covered, (gpointer) talus_entry_get_id (TALUS_ENTRY (expected)));

      if (v.region != NULL && v.region[0] != '\0')
        {
          region = talus_knowledge_base_lookup_region (kb, v.region);
          if (region == NULL)
            {
              g_string_append_printf (failures, "%s: unknown region '%s'\n",
                                      (char *) names->pdata[i], v.region);
              continue;
            }
        }

      symptoms = talus_differential_parse_symptoms (kb, v.symptoms, &error);
      if (symptoms == NULL)
        {
          g_string_append_printf (failures, "%s: %s\n", (char *) names->pdata[i], error->message);
          g_clear_error (&error);
          continue;
        }

      ranking = talus_differential_compute (kb, symptoms, region, NULL);
      for (guint j = 0; j < g_list_model_get_n_items (ranking); j++)
        {
          g_autoptr(TalusDifferentialResult) result = g_list_model_get_item (ranking, j);
          TalusCondition *condition = talus_differential_result_get_condition (result);

          if (condition == expected)
            rank = talus_differential_result_get_rank (result);
          if (j < 6)
            g_string_append_printf (listing, "  %u. %s %.2f\n",
                                    talus_differential_result_get_rank (result),
                                    talus_entry_get_id (TALUS_ENTRY (condition)),
                                    talus_differential_result_get_score (result));
        }

      g_test_message ("%s: %s ranked %u", (char *) names->pdata[i], v.expect, rank);
      if (rank == 0)
        g_string_append_printf (failures, "%s: expected %s in the top %d, not ranked; ranking:\n%s",
                                (char *) names->pdata[i], v.expect, TOP_N, listing->str);
      else if (rank > TOP_N)
        g_string_append_printf (failures,
                                "%s: expected %s in the top %d, got rank %u; ranking:\n%s",
                                (char *) names->pdata[i], v.expect, TOP_N, rank, listing->str);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (condition_ids); i++)
    if (!g_hash_table_contains (covered, condition_ids[i]))
      g_string_append_printf (failures, "no vignette expects %s\n", condition_ids[i]);

  if (failures->len > 0)
    g_test_message ("vignette failures:\n%s", failures->str);
  g_assert_cmpstr (failures->str, ==, "");
}

/* The two rankings the issue names explicitly. */
static void
test_vignette_issue_examples (void)
{
  g_autoptr(TalusKnowledgeBase) kb = load_shipped ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) symptoms = NULL;
  g_autoptr(GListModel) ranking = NULL;
  g_autoptr(TalusDifferentialResult) first = NULL;
  const char *first_id;

  symptoms = talus_differential_parse_symptoms (kb, "heel-underside-pain,first-step-pain", &error);
  g_assert_no_error (error);
  if (symptoms == NULL)
    return;
  ranking = talus_differential_compute (kb, symptoms, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (ranking), >, 0);
  if (g_list_model_get_n_items (ranking) == 0)
    return;
  first = g_list_model_get_item (ranking, 0);
  first_id = talus_entry_get_id (TALUS_ENTRY (talus_differential_result_get_condition (first)));
  g_assert_cmpstr (first_id, ==, "plantar-fasciitis");

  g_clear_pointer (&symptoms, g_ptr_array_unref);
  g_clear_object (&ranking);
  g_clear_object (&first);

  symptoms = talus_differential_parse_symptoms (kb,
                                                "outside-ankle-pain,giving-way,popping-clicking",
                                                &error);
  g_assert_no_error (error);
  if (symptoms == NULL)
    return;
  ranking = talus_differential_compute (kb, symptoms, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (ranking), >, 0);
  if (g_list_model_get_n_items (ranking) == 0)
    return;
  first = g_list_model_get_item (ranking, 0);
  first_id = talus_entry_get_id (TALUS_ENTRY (talus_differential_result_get_condition (first)));
  g_test_message ("outside-ankle-pain,giving-way,popping-clicking: first is %s", first_id);
  g_assert_true (g_str_equal (first_id, "chronic-ankle-instability")
                 || g_str_equal (first_id, "ankle-sprain"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* report every content problem in one run rather than stopping at the first */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/talus/content/readability/syllables", test_readability_syllables);
  g_test_add_func ("/talus/content/readability/counts", test_readability_counts);
  g_test_add_func ("/talus/content/readability/grade", test_readability_grade);
  g_test_add_func ("/talus/content/conditions/exist", test_conditions_exist);
  g_test_add_func ("/talus/content/conditions/complete", test_conditions_complete);
  g_test_add_func ("/talus/content/symptoms/patient-names", test_symptoms_patient_names);
  g_test_add_func ("/talus/content/care/evidence", test_care_evidence);
  g_test_add_func ("/talus/content/care/evidence-required", test_care_evidence_required);
  g_test_add_func ("/talus/content/patient-text/readability", test_patient_text_readability);
  g_test_add_func ("/talus/content/vignettes/top-3", test_vignettes);
  g_test_add_func ("/talus/content/vignettes/issue-examples", test_vignette_issue_examples);

  return g_test_run ();
}
