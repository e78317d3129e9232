/* talus-symptom-checker.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "talus-ui"

#include "config.h"

#include "talus-symptom-checker.h"

struct _TalusSymptomChecker
{
  GObject             parent_instance;

  TalusKnowledgeBase *kb;
  GPtrArray          *symptoms; /* TalusSymptom*, in the order ticked */
  TalusRegion        *region;
  GListStore         *results;
  GListStore         *red_flags;
};

enum {
  PROP_0,
  PROP_KNOWLEDGE_BASE,
  PROP_REGION,
  PROP_N_SYMPTOMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TalusSymptomChecker, talus_symptom_checker, G_TYPE_OBJECT)

static void
store_replace (GListStore *store,
               GListModel *model)
{
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

static void
update (TalusSymptomChecker *self)
{
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(GListStore) flag_store = NULL;

  if (self->symptoms->len == 0)
    {
      g_list_store_remove_all (self->results);
      g_list_store_remove_all (self->red_flags);
      return;
    }

  results = talus_differential_compute (self->kb, self->symptoms, self->region, &flags);
  store_replace (self->results, results);

  flag_store = g_list_store_new (TALUS_TYPE_RED_FLAG);
  for (guint i = 0; flags != NULL && i < flags->len; i++)
    g_list_store_append (flag_store, g_ptr_array_index (flags, i));
  store_replace (self->red_flags, G_LIST_MODEL (flag_store));
}

static void
talus_symptom_checker_dispose (GObject *object)
{
  TalusSymptomChecker *self = (TalusSymptomChecker *) object;

  g_clear_object (&self->kb);
  g_clear_object (&self->region);
  g_clear_object (&self->results);
  g_clear_object (&self->red_flags);
  g_clear_pointer (&self->symptoms, g_ptr_array_unref);

  G_OBJECT_CLASS (talus_symptom_checker_parent_class)->dispose (object);
}

static void
talus_symptom_checker_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TalusSymptomChecker *self = TALUS_SYMPTOM_CHECKER (object);

  switch (prop_id)
    {
    case PROP_KNOWLEDGE_BASE:
      g_value_set_object (value, self->kb);
      break;
    case PROP_REGION:
      g_value_set_object (value, self->region);
      break;
    case PROP_N_SYMPTOMS:
      g_value_set_uint (value, self->symptoms->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
talus_symptom_checker_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TalusSymptomChecker *self = TALUS_SYMPTOM_CHECKER (object);

  switch (prop_id)
    {
    case PROP_KNOWLEDGE_BASE:
      self->kb = g_value_dup_object (value);
      break;
    case PROP_REGION:
      talus_symptom_checker_set_region (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
talus_symptom_checker_class_init (TalusSymptomCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = talus_symptom_checker_dispose;
  object_class->get_property = talus_symptom_checker_get_property;
  object_class->set_property = talus_symptom_checker_set_property;

  properties[PROP_KNOWLEDGE_BASE] =
    g_param_spec_object ("knowledge-base", NULL, NULL, TALUS_TYPE_KNOWLEDGE_BASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_object ("region", NULL, NULL, TALUS_TYPE_REGION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SYMPTOMS] =
    g_param_spec_uint ("n-symptoms", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
talus_symptom_checker_init (TalusSymptomChecker *self)
{
  self->symptoms = g_ptr_array_new_with_free_func (g_object_unref);
  self->results = g_list_store_new (TALUS_TYPE_DIFFERENTIAL_RESULT);
  self->red_flags = g_list_store_new (TALUS_TYPE_RED_FLAG);
}

TalusSymptomChecker *
talus_symptom_checker_new (TalusKnowledgeBase *kb)
{
  g_return_val_if_fail (TALUS_IS_KNOWLEDGE_BASE (kb), NULL);

  return g_object_new (TALUS_TYPE_SYMPTOM_CHECKER, "knowledge-base", kb, NULL);
}

TalusKnowledgeBase *
talus_symptom_checker_get_knowledge_base (TalusSymptomChecker *self)
{
  g_return_val_if_fail (TALUS_IS_SYMPTOM_CHECKER (self), NULL);
  return self->kb;
}

gboolean
talus_symptom_checker_set_symptom (TalusSymptomChecker *self,
                                   const char          *symptom_id,
                                   gboolean             present)
{
  TalusSymptom *symptom;
  guint index;
  gboolean found;

  g_return_val_if_fail (TALUS_IS_SYMPTOM_CHECKER (self), FALSE);
  g_return_val_if_fail (symptom_id != NULL, FALSE);

  symptom = talus_knowledge_base_lookup_symptom (self->kb, symptom_id);
  if (symptom == NULL)
    return FALSE;

  found = g_ptr_array_find (self->symptoms, symptom, &index);
  if (found == !!present)
    return TRUE;

  if (present)
    g_ptr_array_add (self->symptoms, g_object_ref (symptom));
  else
    g_ptr_array_remove_index (self->symptoms, index);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SYMPTOMS]);
  return TRUE;
}

gboolean
talus_symptom_checker_has_symptom (TalusSymptomChecker *self,
                                   const char          *symptom_id)
{
  g_return_val_if_fail (TALUS_IS_SYMPTOM_CHECKER (self), FALSE);

  for (guint i = 0; i < self->symptoms->len; i++)
    if (g_strcmp0 (talus_entry_get_id (g_ptr_array_index (self->symptoms, i)), symptom_id) == 0)
      return TRUE;
  return FALSE;
}

guint
talus_symptom_checker_get_n_symptoms (TalusSymptomChecker *self)
{
  g_return_val_if_fail (TALUS_IS_SYMPTOM_CHECKER (self), 0);
  return self->symptoms->len;
}

void
talus_symptom_checker_clear (TalusSymptomChecker *self)
{
  g_return_if_fail (TALUS_IS_SYMPTOM_CHECKER (self));

  if (self->symptoms->len == 0)
    return;
  g_ptr_array_set_size (self->symptoms, 0);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SYMPTOMS]);
}

void
talus_symptom_checker_set_region (TalusSymptomChecker *self,
                                  TalusRegion         *region)
{
  g_return_if_fail (TALUS_IS_SYMPTOM_CHECKER (self));
  g_return_if_fail (region == NULL || TALUS_IS_REGION (region));

  if (!g_set_object (&self->region, region))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

TalusRegion *
talus_symptom_checker_get_region (TalusSymptomChecker *self)
{
  g_return_val_if_fail (TALUS_IS_SYMPTOM_CHECKER (self), NULL);
  return self->region;
}

GListModel *
talus_symptom_checker_get_results (TalusSymptomChecker *self)
{
  g_return_val_if_fail (TALUS_IS_SYMPTOM_CHECKER (self), NULL);
  return G_LIST_MODEL (self->results);
}

GListModel *
talus_symptom_checker_get_red_flags (TalusSymptomChecker *self)
{
  g_return_val_if_fail (TALUS_IS_SYMPTOM_CHECKER (self), NULL);
  return G_LIST_MODEL (self->red_flags);
}
