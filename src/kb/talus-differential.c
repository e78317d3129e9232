/* talus-differential.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "talus-kb"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "talus-differential.h"
#include "talus-kb-private.h"

#define OUT_OF_REGION_FACTOR 0.5

struct _TalusDifferentialResult
{
  GObject         parent_instance;
  TalusCondition *condition;
  guint           rank;
  double          score;
  guint           matched_weight;
  gboolean        in_region;
  GPtrArray      *matched;  /* TalusSymptom */
  GPtrArray      *missing;  /* TalusLink */
};

G_DEFINE_FINAL_TYPE (TalusDifferentialResult, talus_differential_result, G_TYPE_OBJECT)

static void
talus_differential_result_finalize (GObject *object)
{
  TalusDifferentialResult *self = TALUS_DIFFERENTIAL_RESULT (object);

  g_clear_object (&self->condition);
  g_clear_pointer (&self->matched, g_ptr_array_unref);
  g_clear_pointer (&self->missing, g_ptr_array_unref);

  G_OBJECT_CLASS (talus_differential_result_parent_class)->finalize (object);
}

static void
talus_differential_result_class_init (TalusDifferentialResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = talus_differential_result_finalize;
}

static void
talus_differential_result_init (TalusDifferentialResult *self)
{
  self->matched = g_ptr_array_new_with_free_func (g_object_unref);
  self->missing = g_ptr_array_new_with_free_func (g_object_unref);
}

TalusCondition *
talus_differential_result_get_condition (TalusDifferentialResult *self)
{
  g_return_val_if_fail (TALUS_IS_DIFFERENTIAL_RESULT (self), NULL);
  return self->condition;
}

guint
talus_differential_result_get_rank (TalusDifferentialResult *self)
{
  g_return_val_if_fail (TALUS_IS_DIFFERENTIAL_RESULT (self), 0);
  return self->rank;
}

double
talus_differential_result_get_score (TalusDifferentialResult *self)
{
  g_return_val_if_fail (TALUS_IS_DIFFERENTIAL_RESULT (self), 0);
  return self->score;
}

gboolean
talus_differential_result_get_in_region (TalusDifferentialResult *self)
{
  g_return_val_if_fail (TALUS_IS_DIFFERENTIAL_RESULT (self), FALSE);
  return self->in_region;
}

GPtrArray *
talus_differential_result_get_matched (TalusDifferentialResult *self)
{
  g_return_val_if_fail (TALUS_IS_DIFFERENTIAL_RESULT (self), NULL);
  return self->matched;
}

GPtrArray *
talus_differential_result_get_missing (TalusDifferentialResult *self)
{
  g_return_val_if_fail (TALUS_IS_DIFFERENTIAL_RESULT (self), NULL);
  return self->missing;
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const TalusDifferentialResult *ra = *(TalusDifferentialResult * const *) a;
  const TalusDifferentialResult *rb = *(TalusDifferentialResult * const *) b;

  /* scores are rounded to 0.01 before comparing, so that float noise cannot reorder ties */
  if (ra->score != rb->score)
    return ra->score > rb->score ? -1 : 1;
  if (ra->matched_weight != rb->matched_weight)
    return ra->matched_weight > rb->matched_weight ? -1 : 1;

  return strcmp (talus_entry_get_id (TALUS_ENTRY (ra->condition)),
                 talus_entry_get_id (TALUS_ENTRY (rb->condition)));
}

static int
compare_red_flags (gconstpointer a,
                   gconstpointer b)
{
  TalusRedFlag *fa = *(TalusRedFlag * const *) a;
  TalusRedFlag *fb = *(TalusRedFlag * const *) b;

  if (fa->urgency != fb->urgency)
    return (int) fa->urgency - (int) fb->urgency;

  return strcmp (talus_entry_get_id (TALUS_ENTRY (fa)), talus_entry_get_id (TALUS_ENTRY (fb)));
}

static TalusDifferentialResult *
score_condition (TalusCondition *condition,
                 GPtrArray      *symptoms,
                 TalusRegion    *region)
{
  TalusDifferentialResult *result;
  GListModel *links = talus_condition_get_symptoms (condition);
  guint n_links = g_list_model_get_n_items (links);
  guint total_weight = 0;
  guint matched_weight = 0;
  double fit, coverage;

  result = g_object_new (TALUS_TYPE_DIFFERENTIAL_RESULT, NULL);
  result->condition = g_object_ref (condition);

  for (guint i = 0; i < n_links; i++)
    {
      g_autoptr(TalusLink) link = g_list_model_get_item (links, i);

      total_weight += link->weight;
      if (g_ptr_array_find (symptoms, link->target, NULL))
        matched_weight += link->weight;
      else
        g_ptr_array_add (result->missing, g_object_ref (link));
    }

  /* matched in the order given */
  for (guint i = 0; i < symptoms->len; i++)
    if (talus_condition_get_symptom_weight (condition, symptoms->pdata[i]) != TALUS_WEIGHT_NONE)
      g_ptr_array_add (result->matched, g_object_ref (symptoms->pdata[i]));

  result->matched_weight = matched_weight;
  result->in_region = region == NULL || talus_condition_in_region (condition, region);

  if (result->matched->len == 0 || total_weight == 0)
    return result;

  fit = (double) matched_weight / total_weight;
  coverage = (double) result->matched->len / symptoms->len;
  result->score = 100.0 * (0.5 * fit + 0.5 * coverage);
  if (!result->in_region)
    result->score *= OUT_OF_REGION_FACTOR;
  result->score = round (result->score * 100.0) / 100.0;

  return result;
}

GListModel *
talus_differential_compute (TalusKnowledgeBase  *kb,
                            GPtrArray           *symptoms,
                            TalusRegion         *region,
                            GPtrArray          **red_flags)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) unique = g_ptr_array_new ();
  GListStore *store;
  GListModel *conditions;
  guint n;

  g_return_val_if_fail (TALUS_IS_KNOWLEDGE_BASE (kb), NULL);
  g_return_val_if_fail (symptoms != NULL, NULL);
  g_return_val_if_fail (region == NULL || TALUS_IS_REGION (region), NULL);

  /* a symptom given twice counts once */
  for (guint i = 0; i < symptoms->len; i++)
    {
      g_return_val_if_fail (TALUS_IS_SYMPTOM (symptoms->pdata[i]), NULL);
      if (!g_ptr_array_find (unique, symptoms->pdata[i], NULL))
        g_ptr_array_add (unique, symptoms->pdata[i]);
    }

  store = g_list_store_new (TALUS_TYPE_DIFFERENTIAL_RESULT);

  if (unique->len > 0)
    {
      conditions = talus_knowledge_base_get_conditions (kb);
      n = g_list_model_get_n_items (conditions);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TalusCondition) condition = g_list_model_get_item (conditions, i);
          TalusDifferentialResult *result = score_condition (condition, unique, region);

          if (result->matched->len > 0)
            g_ptr_array_add (results, result);
          else
            g_object_unref (result);
        }

      g_ptr_array_sort (results, compare_results);
      for (guint i = 0; i < results->len; i++)
        TALUS_DIFFERENTIAL_RESULT (results->pdata[i])->rank = i + 1;
      g_list_store_splice (store, 0, 0, results->pdata, results->len);
    }

  if (red_flags != NULL)
    {
      GListModel *flags = talus_knowledge_base_get_red_flags (kb);
      GPtrArray *fired = g_ptr_array_new_with_free_func (g_object_unref);

      n = g_list_model_get_n_items (flags);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TalusRedFlag) flag = g_list_model_get_item (flags, i);

          if (talus_red_flag_is_triggered (flag, unique))
            g_ptr_array_add (fired, g_object_ref (flag));
        }
      g_ptr_array_sort (fired, compare_red_flags);
      *red_flags = fired;
    }

  return G_LIST_MODEL (store);
}

GPtrArray *
talus_differential_parse_symptoms (TalusKnowledgeBase  *kb,
                                   const char          *ids,
                                   GError             **error)
{
  g_autoptr(GPtrArray) symptoms = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (TALUS_IS_KNOWLEDGE_BASE (kb), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  parts = g_strsplit (ids, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *id = g_strstrip (parts[i]);
      TalusSymptom *symptom;

      if (*id == '\0')
        continue;

      if (!(symptom = talus_knowledge_base_lookup_symptom (kb, id)))
        {
          GListModel *all = talus_knowledge_base_get_symptoms (kb);
          g_autoptr(GString) known = g_string_new (NULL);
          guint n = g_list_model_get_n_items (all);

          for (guint j = 0; j < n; j++)
            {
              g_autoptr(TalusEntry) entry = g_list_model_get_item (all, j);
              g_string_append_printf (known, "%s%s", j ? ", " : "", talus_entry_get_id (entry));
            }

          g_set_error (error, TALUS_KB_ERROR, TALUS_KB_ERROR_UNKNOWN_ID,
                       _("unknown symptom “%s”; known symptoms: %s"), id, known->str);
          return NULL;
        }

      g_ptr_array_add (symptoms, g_object_ref (symptom));
    }

  if (symptoms->len == 0)
    {
      g_set_error_literal (error, TALUS_KB_ERROR, TALUS_KB_ERROR_UNKNOWN_ID,
                           _("no symptom ids given"));
      return NULL;
    }

  return g_steal_pointer (&symptoms);
}
