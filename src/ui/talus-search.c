/* talus-search.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "talus-search"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "talus-search.h"

/* Scores of one query token against one document token. */
#define MATCH_EXACT        1.0
#define MATCH_PLURAL       0.95
#define MATCH_PREFIX       0.9
#define MATCH_TYPO         0.7
#define MATCH_PREFIX_TYPO  0.6
/* Added when the whole normalised query appears in a field, so phrases beat scattered words. */
#define PHRASE_BONUS       0.1
#define SPECIFICITY_BONUS  0.05
/* Results scoring under this fraction of the best are dropped. */
#define RELATIVE_CUTOFF    0.5

typedef struct
{
  char   *text;
  char   *norm;
  char  **tokens;
  double  weight;
} Field;

typedef struct
{
  char            *id;
  char            *title;
  TalusSearchKind  kind;
  GPtrArray       *fields; /* Field* */
} Document;

struct _TalusSearchResult
{
  GObject          parent_instance;
  char            *id;
  char            *title;
  char            *matched;
  TalusSearchKind  kind;
  double           score;
};

struct _TalusSearchIndex
{
  GObject    parent_instance;
  GPtrArray *documents; /* Document* */
};

G_DEFINE_FINAL_TYPE (TalusSearchResult, talus_search_result, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (TalusSearchIndex, talus_search_index, G_TYPE_OBJECT)

static void
field_free (Field *field)
{
  g_free (field->text);
  g_free (field->norm);
  g_strfreev (field->tokens);
  g_free (field);
}

static void
document_free (Document *doc)
{
  g_free (doc->id);
  g_free (doc->title);
  g_ptr_array_unref (doc->fields);
  g_free (doc);
}

static double
kind_weight (TalusSearchKind kind)
{
  switch (kind)
    {
    case TALUS_SEARCH_KIND_CONDITION:   return 1.0;
    case TALUS_SEARCH_KIND_SYMPTOM:     return 0.92;
    case TALUS_SEARCH_KIND_STRUCTURE:   return 0.9;
    case TALUS_SEARCH_KIND_REGION:      return 0.9;
    case TALUS_SEARCH_KIND_DIAGNOSTIC:  return 0.85;
    case TALUS_SEARCH_KIND_CARE_OPTION: return 0.8;
    default:                            return 0.5;
    }
}

static char **
tokenize (const char *norm)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;

  if (norm == NULL || *norm == '\0')
    return g_new0 (char *, 1);

  words = g_strsplit (norm, " ", -1);
  builder = g_strv_builder_new ();
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_strv_builder_add (builder, words[i]);
      /* "X-ray" is also found as "xray", "T1" as "t 1". */
      if (words[i + 1] != NULL && (strlen (words[i]) <= 2 || strlen (words[i + 1]) <= 2))
        {
          g_autofree char *joined = g_strconcat (words[i], words[i + 1], NULL);
          g_strv_builder_add (builder, joined);
        }
    }
  return g_strv_builder_end (builder);
}

static double
match_token (const char *q,
             const char *t)
{
  gsize ql = strlen (q);
  gsize tl = strlen (t);

  if (strcmp (q, t) == 0)
    return MATCH_EXACT;
  if (ql == tl + 1 && q[ql - 1] == 's' && strncmp (q, t, tl) == 0)
    return MATCH_PLURAL;
  if (tl > ql && strncmp (q, t, ql) == 0)
    return ql >= 3 ? MATCH_PREFIX : (ql == 2 ? 0.6 : 0.4);
  if (ql >= 4)
    {
      if ((tl + 1 >= ql && tl <= ql + 1) && talus_search_distance (q, t) <= 1)
        return MATCH_TYPO;
      if (ql >= 5 && tl > ql + 1)
        {
          g_autofree char *head = g_strndup (t, ql);
          if (talus_search_distance (q, head) <= 1)
            return MATCH_PREFIX_TYPO;
        }
    }
  return 0.0;
}

static int
compare_results (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  /* g_ptr_array_sort_with_data() passes pointers to the elements. */
  TalusSearchResult *ra = *(TalusSearchResult **) a;
  TalusSearchResult *rb = *(TalusSearchResult **) b;

  if (ra->score > rb->score + 1e-9)
    return -1;
  if (rb->score > ra->score + 1e-9)
    return 1;
  if (ra->kind != rb->kind)
    return ra->kind < rb->kind ? -1 : 1;
  return g_utf8_collate (ra->title, rb->title);
}

static TalusSearchResult *
score_document (Document    *doc,
                const char  *qnorm,
                char       **qtokens,
                guint        n_qtokens)
{
  g_autofree double *field_sums = g_new0 (double, doc->fields->len);
  double total = 0.0;
  double bonus = 0.0;
  guint best_field = 0;
  TalusSearchResult *result;

  for (guint i = 0; i < n_qtokens; i++)
    {
      double best = 0.0;
      guint best_f = 0;

      for (guint f = 0; f < doc->fields->len; f++)
        {
          Field *field = g_ptr_array_index (doc->fields, f);

          for (guint t = 0; field->tokens[t] != NULL; t++)
            {
              double s = match_token (qtokens[i], field->tokens[t]) * field->weight;
              if (s > best)
                {
                  best = s;
                  best_f = f;
                }
            }
        }

      if (best <= 0.0)
        return NULL;
      total += best;
      field_sums[best_f] += best;
    }

  for (guint f = 0; f < doc->fields->len; f++)
    {
      Field *field = g_ptr_array_index (doc->fields, f);

      if (field_sums[f] > field_sums[best_field])
        best_field = f;
      if (n_qtokens > 1 && strstr (field->norm, qnorm) != NULL)
        bonus = MAX (bonus, PHRASE_BONUS * field->weight);
    }

  result = g_object_new (TALUS_TYPE_SEARCH_RESULT, NULL);
  result->id = g_strdup (doc->id);
  result->title = g_strdup (doc->title);
  result->kind = doc->kind;
  /* A hit in a long summary is no use as a label; name the document instead. */
  if (((Field *) g_ptr_array_index (doc->fields, best_field))->weight > TALUS_SEARCH_FIELD_SUMMARY)
    result->matched = g_strdup (((Field *) g_ptr_array_index (doc->fields, best_field))->text);
  else
    result->matched = g_strdup (doc->title);
  /* Among equal matches, the one whose best field says least besides the query is the more
   * specific ("Lateral ankle sprain" before "Ankle ligament tear (grade II-III sprain)"). */
  bonus += SPECIFICITY_BONUS * MIN (1.0, (double) n_qtokens
                                          / g_strv_length (((Field *) g_ptr_array_index (doc->fields, best_field))->tokens));
  result->score = (total / n_qtokens) * kind_weight (doc->kind) + bonus;
  return result;
}

static void
add_entry_texts (TalusSearchIndex *self,
                 TalusEntry       *entry)
{
  talus_search_index_add_field (self, talus_entry_get_name (entry), TALUS_SEARCH_FIELD_NAME);
  talus_search_index_add_field (self, talus_entry_get_patient_name (entry), TALUS_SEARCH_FIELD_NAME);
  talus_search_index_add_field (self, talus_entry_get_summary (entry), TALUS_SEARCH_FIELD_SUMMARY);
  talus_search_index_add_field (self, talus_entry_get_patient_summary (entry),
                                TALUS_SEARCH_FIELD_SUMMARY);
}

static void
add_entries (TalusSearchIndex *self,
             GListModel       *model,
             TalusSearchKind   kind,
             TalusAudience     audience)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusEntry) entry = g_list_model_get_item (model, i);

      talus_search_index_add (self, talus_entry_get_id (entry), kind,
                              talus_entry_get_display_name (entry, audience));
      add_entry_texts (self, entry);

      if (kind == TALUS_SEARCH_KIND_STRUCTURE)
        talus_search_index_add_field (self,
                                      talus_structure_get_abbreviation (TALUS_STRUCTURE (entry)),
                                      TALUS_SEARCH_FIELD_NAME);

      if (kind == TALUS_SEARCH_KIND_CONDITION)
        {
          TalusCondition *condition = TALUS_CONDITION (entry);
          const char * const *synonyms = talus_condition_get_synonyms (condition);
          GListModel *symptoms = talus_condition_get_symptoms (condition);
          guint n_symptoms = g_list_model_get_n_items (symptoms);

          for (guint s = 0; synonyms != NULL && synonyms[s] != NULL; s++)
            talus_search_index_add_field (self, synonyms[s], TALUS_SEARCH_FIELD_SYNONYM);

          /* A condition is found by its characteristic symptoms ("heel pain"), weaker than by
           * its own names. */
          for (guint s = 0; s < n_symptoms; s++)
            {
              g_autoptr(TalusLink) link = g_list_model_get_item (symptoms, s);
              TalusEntry *symptom = talus_link_get_target (link);
              double weight;

              if (talus_link_get_weight (link) == TALUS_WEIGHT_TYPICAL)
                weight = TALUS_SEARCH_FIELD_RELATED;
              else if (talus_link_get_weight (link) == TALUS_WEIGHT_COMMON)
                weight = TALUS_SEARCH_FIELD_RELATED * 0.85;
              else
                continue;

              talus_search_index_add_field (self, talus_entry_get_name (symptom), weight);
              talus_search_index_add_field (self, talus_entry_get_patient_name (symptom), weight);
            }
        }
    }
}

static void
talus_search_result_finalize (GObject *object)
{
  TalusSearchResult *self = (TalusSearchResult *) object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->matched);

  G_OBJECT_CLASS (talus_search_result_parent_class)->finalize (object);
}

static void
talus_search_result_class_init (TalusSearchResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = talus_search_result_finalize;
}

static void
talus_search_result_init (TalusSearchResult *self)
{
}

static void
talus_search_index_finalize (GObject *object)
{
  TalusSearchIndex *self = (TalusSearchIndex *) object;

  g_clear_pointer (&self->documents, g_ptr_array_unref);

  G_OBJECT_CLASS (talus_search_index_parent_class)->finalize (object);
}

static void
talus_search_index_class_init (TalusSearchIndexClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = talus_search_index_finalize;
}

static void
talus_search_index_init (TalusSearchIndex *self)
{
  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
}

const char *
talus_search_kind_to_label (TalusSearchKind kind)
{
  switch (kind)
    {
    case TALUS_SEARCH_KIND_CONDITION:   return _("Condition");
    case TALUS_SEARCH_KIND_SYMPTOM:     return _("Symptom");
    case TALUS_SEARCH_KIND_STRUCTURE:   return _("Structure");
    case TALUS_SEARCH_KIND_REGION:      return _("Region");
    case TALUS_SEARCH_KIND_DIAGNOSTIC:  return _("Test");
    case TALUS_SEARCH_KIND_CARE_OPTION: return _("Treatment");
    default:                            return "";
    }
}

char *
talus_search_normalize (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *ascii = NULL;
  GString *out;
  gboolean space = TRUE;

  if (text == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (text, -1);
  ascii = g_str_to_ascii (folded, "C");
  out = g_string_sized_new (strlen (ascii));

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          g_string_append_c (out, g_ascii_tolower (*p));
          space = FALSE;
        }
      else if (*p == '\'' || *p == '`')
        {
          /* runner's -> runners */
        }
      else if (!space)
        {
          g_string_append_c (out, ' ');
          space = TRUE;
        }
    }

  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

guint
talus_search_distance (const char *a,
                       const char *b)
{
  gsize la, lb;
  g_autofree guint *d = NULL;
  guint result;

  g_return_val_if_fail (a != NULL && b != NULL, G_MAXUINT);

  la = strlen (a);
  lb = strlen (b);
  d = g_new (guint, (la + 1) * (lb + 1));

#define D(i, j) d[(i) * (lb + 1) + (j)]
  for (gsize i = 0; i <= la; i++)
    D (i, 0) = i;
  for (gsize j = 0; j <= lb; j++)
    D (0, j) = j;

  for (gsize i = 1; i <= la; i++)
    for (gsize j = 1; j <= lb; j++)
      {
        guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
        guint v = MIN (D (i - 1, j) + 1, D (i, j - 1) + 1);

        v = MIN (v, D (i - 1, j - 1) + cost);
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          v = MIN (v, D (i - 2, j - 2) + 1);
        D (i, j) = v;
      }

  result = D (la, lb);
#undef D
  return result;
}

const char *
talus_search_result_get_id (TalusSearchResult *self)
{
  g_return_val_if_fail (TALUS_IS_SEARCH_RESULT (self), NULL);
  return self->id;
}

TalusSearchKind
talus_search_result_get_kind (TalusSearchResult *self)
{
  g_return_val_if_fail (TALUS_IS_SEARCH_RESULT (self), 0);
  return self->kind;
}

const char *
talus_search_result_get_title (TalusSearchResult *self)
{
  g_return_val_if_fail (TALUS_IS_SEARCH_RESULT (self), NULL);
  return self->title;
}

const char *
talus_search_result_get_matched (TalusSearchResult *self)
{
  g_return_val_if_fail (TALUS_IS_SEARCH_RESULT (self), NULL);
  return self->matched;
}

double
talus_search_result_get_score (TalusSearchResult *self)
{
  g_return_val_if_fail (TALUS_IS_SEARCH_RESULT (self), 0.0);
  return self->score;
}

TalusSearchIndex *
talus_search_index_new (void)
{
  return g_object_new (TALUS_TYPE_SEARCH_INDEX, NULL);
}

TalusSearchIndex *
talus_search_index_new_for_knowledge_base (TalusKnowledgeBase *kb,
                                           TalusAudience       audience)
{
  TalusSearchIndex *self;

  g_return_val_if_fail (TALUS_IS_KNOWLEDGE_BASE (kb), NULL);

  self = talus_search_index_new ();
  add_entries (self, talus_knowledge_base_get_conditions (kb), TALUS_SEARCH_KIND_CONDITION, audience);
  add_entries (self, talus_knowledge_base_get_symptoms (kb), TALUS_SEARCH_KIND_SYMPTOM, audience);
  add_entries (self, talus_knowledge_base_get_structures (kb), TALUS_SEARCH_KIND_STRUCTURE, audience);
  add_entries (self, talus_knowledge_base_get_regions (kb), TALUS_SEARCH_KIND_REGION, audience);
  add_entries (self, talus_knowledge_base_get_diagnostics (kb), TALUS_SEARCH_KIND_DIAGNOSTIC,
               audience);
  return self;
}

void
talus_search_index_add (TalusSearchIndex *self,
                        const char       *id,
                        TalusSearchKind   kind,
                        const char       *title)
{
  Document *doc;

  g_return_if_fail (TALUS_IS_SEARCH_INDEX (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (title != NULL);

  doc = g_new0 (Document, 1);
  doc->id = g_strdup (id);
  doc->title = g_strdup (title);
  doc->kind = kind;
  doc->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  g_ptr_array_add (self->documents, doc);

  talus_search_index_add_field (self, title, TALUS_SEARCH_FIELD_NAME);
}

void
talus_search_index_add_field (TalusSearchIndex *self,
                              const char       *text,
                              double            weight)
{
  Document *doc;
  Field *field;

  g_return_if_fail (TALUS_IS_SEARCH_INDEX (self));
  g_return_if_fail (self->documents->len > 0);

  if (text == NULL || *text == '\0')
    return;

  doc = g_ptr_array_index (self->documents, self->documents->len - 1);
  field = g_new0 (Field, 1);
  field->text = g_strdup (text);
  field->norm = talus_search_normalize (text);
  field->tokens = tokenize (field->norm);
  field->weight = weight;
  g_ptr_array_add (doc->fields, field);
}

guint
talus_search_index_get_n_documents (TalusSearchIndex *self)
{
  g_return_val_if_fail (TALUS_IS_SEARCH_INDEX (self), 0);
  return self->documents->len;
}

GListModel *
talus_search_index_query (TalusSearchIndex *self,
                          const char       *query,
                          guint             max_results)
{
  g_autofree char *qnorm = NULL;
  g_auto(GStrv) qtokens = NULL;
  g_autoptr(GPtrArray) results = NULL;
  GListStore *store;
  guint n_qtokens;

  g_return_val_if_fail (TALUS_IS_SEARCH_INDEX (self), NULL);

  store = g_list_store_new (TALUS_TYPE_SEARCH_RESULT);
  qnorm = talus_search_normalize (query);
  qtokens = tokenize (qnorm);
  n_qtokens = g_strv_length (qtokens);
  if (n_qtokens == 0)
    return G_LIST_MODEL (store);

  results = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->documents->len; i++)
    {
      TalusSearchResult *result = score_document (g_ptr_array_index (self->documents, i),
                                                  qnorm, qtokens, n_qtokens);
      if (result != NULL)
        g_ptr_array_add (results, result);
    }

  g_ptr_array_sort_with_data (results, compare_results, NULL);

  /* Far weaker matches than the best one (a single common word) are noise. */
  if (results->len > 0)
    {
      double cutoff = RELATIVE_CUTOFF * ((TalusSearchResult *) g_ptr_array_index (results, 0))->score;
      guint keep = 0;

      while (keep < results->len
             && ((TalusSearchResult *) g_ptr_array_index (results, keep))->score >= cutoff)
        keep++;
      g_ptr_array_set_size (results, keep);
    }
  if (max_results > 0 && results->len > max_results)
    g_ptr_array_set_size (results, max_results);

  g_list_store_splice (store, 0, 0, results->pdata, results->len);
  return G_LIST_MODEL (store);
}
