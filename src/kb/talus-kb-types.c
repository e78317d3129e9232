/* talus-kb-types.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "talus-catalog.h"
#include "talus-kb-types.h"

typedef struct {
  const char *nick;
  const char *label;
} EnumInfo;

static gboolean
lookup_nick (const EnumInfo *infos,
             guint           n_infos,
             const char     *nick,
             int            *out)
{
  g_assert (infos != NULL);
  g_assert (out != NULL);

  if (nick == NULL)
    return FALSE;

  for (guint i = 0; i < n_infos; i++)
    {
      if (g_str_equal (infos[i].nick, nick))
        {
          *out = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

static const EnumInfo structure_kind_infos[] = {
  { "bone", N_("Bone") },
  { "ligament", N_("Ligament") },
  { "tendon", N_("Tendon") },
  { "nerve", N_("Nerve") },
  { "bursa", N_("Bursa") },
  { "fascia", N_("Fascia") },
  { "joint", N_("Joint") },
  { "retinaculum", N_("Retinaculum") },
  { "landmark", N_("Palpation point") },
};

const char *
talus_structure_kind_to_nick (TalusStructureKind value)
{
  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (structure_kind_infos), NULL);
  return structure_kind_infos[value].nick;
}

const char *
talus_structure_kind_to_label (TalusStructureKind value)
{
  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (structure_kind_infos), NULL);
  return g_dgettext (GETTEXT_PACKAGE, structure_kind_infos[value].label);
}

gboolean
talus_structure_kind_from_nick (const char *nick,
                                TalusStructureKind *out)
{
  int value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!lookup_nick (structure_kind_infos, G_N_ELEMENTS (structure_kind_infos), nick, &value))
    return FALSE;
  *out = (TalusStructureKind) value;
  return TRUE;
}

static const EnumInfo symptom_group_infos[] = {
  { "pain", N_("Pain") },
  { "swelling-skin", N_("Swelling and skin") },
  { "movement", N_("Movement and stability") },
  { "nerve", N_("Numbness and tingling") },
  { "general", N_("General") },
};

const char *
talus_symptom_group_to_nick (TalusSymptomGroup value)
{
  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (symptom_group_infos), NULL);
  return symptom_group_infos[value].nick;
}

const char *
talus_symptom_group_to_label (TalusSymptomGroup value)
{
  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (symptom_group_infos), NULL);
  return g_dgettext (GETTEXT_PACKAGE, symptom_group_infos[value].label);
}

gboolean
talus_symptom_group_from_nick (const char *nick,
                               TalusSymptomGroup *out)
{
  int value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!lookup_nick (symptom_group_infos, G_N_ELEMENTS (symptom_group_infos), nick, &value))
    return FALSE;
  *out = (TalusSymptomGroup) value;
  return TRUE;
}

static const EnumInfo diagnostic_kind_infos[] = {
  { "history", N_("History") },
  { "examination", N_("Examination") },
  { "special-test", N_("Special test") },
  { "decision-rule", N_("Decision rule") },
  { "imaging", N_("Imaging") },
  { "lab", N_("Laboratory test") },
  { "nerve-study", N_("Nerve study") },
};

const char *
talus_diagnostic_kind_to_nick (TalusDiagnosticKind value)
{
  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (diagnostic_kind_infos), NULL);
  return diagnostic_kind_infos[value].nick;
}

const char *
talus_diagnostic_kind_to_label (TalusDiagnosticKind value)
{
  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (diagnostic_kind_infos), NULL);
  return g_dgettext (GETTEXT_PACKAGE, diagnostic_kind_infos[value].label);
}

gboolean
talus_diagnostic_kind_from_nick (const char *nick,
                                 TalusDiagnosticKind *out)
{
  int value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!lookup_nick (diagnostic_kind_infos, G_N_ELEMENTS (diagnostic_kind_infos), nick, &value))
    return FALSE;
  *out = (TalusDiagnosticKind) value;
  return TRUE;
}

static const EnumInfo care_stage_infos[] = {
  { "self-care", N_("Self-care") },
  { "conservative", N_("Conservative care") },
  { "injection", N_("Injections") },
  { "surgery", N_("Surgery") },
};

const char *
talus_care_stage_to_nick (TalusCareStage value)
{
  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (care_stage_infos), NULL);
  return care_stage_infos[value].nick;
}

const char *
talus_care_stage_to_label (TalusCareStage value)
{
  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (care_stage_infos), NULL);
  return g_dgettext (GETTEXT_PACKAGE, care_stage_infos[value].label);
}

/* The label in @catalog's language (a handout's), or the desktop's when @catalog is NULL. */
const char *
talus_care_stage_to_label_in (TalusCareStage  value,
                              TalusCatalog   *catalog)
{
  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (care_stage_infos), NULL);
  return talus_catalog_gettext (catalog, care_stage_infos[value].label);
}

gboolean
talus_care_stage_from_nick (const char *nick,
                            TalusCareStage *out)
{
  int value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!lookup_nick (care_stage_infos, G_N_ELEMENTS (care_stage_infos), nick, &value))
    return FALSE;
  *out = (TalusCareStage) value;
  return TRUE;
}

static const EnumInfo evidence_infos[] = {
  { "works-well", N_("Works well") },
  { "may-help", N_("May help") },
  { "not-proven", N_("Not proven") },
  { "not-recommended", N_("Not recommended") },
};

const char *
talus_evidence_to_nick (TalusEvidence value)
{
  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (evidence_infos), NULL);
  return evidence_infos[value].nick;
}

const char *
talus_evidence_to_label (TalusEvidence value)
{
  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (evidence_infos), NULL);
  return g_dgettext (GETTEXT_PACKAGE, evidence_infos[value].label);
}

/* The label in @catalog's language (a handout's), or the desktop's when @catalog is NULL. */
const char *
talus_evidence_to_label_in (TalusEvidence  value,
                            TalusCatalog  *catalog)
{
  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (evidence_infos), NULL);
  return talus_catalog_gettext (catalog, evidence_infos[value].label);
}

gboolean
talus_evidence_from_nick (const char *nick,
                          TalusEvidence *out)
{
  int value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!lookup_nick (evidence_infos, G_N_ELEMENTS (evidence_infos), nick, &value))
    return FALSE;
  *out = (TalusEvidence) value;
  return TRUE;
}

static const EnumInfo urgency_infos[] = {
  { "emergency", N_("Emergency now") },
  { "same-day", N_("Same day") },
  { "book-visit", N_("Book a visit") },
};

const char *
talus_urgency_to_nick (TalusUrgency value)
{
  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (urgency_infos), NULL);
  return urgency_infos[value].nick;
}

const char *
talus_urgency_to_label (TalusUrgency value)
{
  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (urgency_infos), NULL);
  return g_dgettext (GETTEXT_PACKAGE, urgency_infos[value].label);
}

gboolean
talus_urgency_from_nick (const char *nick,
                         TalusUrgency *out)
{
  int value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!lookup_nick (urgency_infos, G_N_ELEMENTS (urgency_infos), nick, &value))
    return FALSE;
  *out = (TalusUrgency) value;
  return TRUE;
}

static const EnumInfo category_infos[] = {
  { "inflammatory", N_("Inflammatory") },
  { "degenerative", N_("Degenerative or arthritic") },
  { "alignment", N_("Alignment") },
  { "nerve", N_("Nerve") },
  { "injury", N_("Injury or structural") },
  { "infection", N_("Infection") },
};

const char *
talus_category_to_nick (TalusCategory value)
{
  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (category_infos), NULL);
  return category_infos[value].nick;
}

const char *
talus_category_to_label (TalusCategory value)
{
  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (category_infos), NULL);
  return g_dgettext (GETTEXT_PACKAGE, category_infos[value].label);
}

gboolean
talus_category_from_nick (const char *nick,
                          TalusCategory *out)
{
  int value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!lookup_nick (category_infos, G_N_ELEMENTS (category_infos), nick, &value))
    return FALSE;
  *out = (TalusCategory) value;
  return TRUE;
}

static const EnumInfo weight_infos[] = {
  { "none", N_("Not listed") },
  { "occasional", N_("Occasional") },
  { "common", N_("Common") },
  { "typical", N_("Typical") },
};

const char *
talus_weight_to_nick (TalusWeight weight)
{
  g_return_val_if_fail ((guint) weight < G_N_ELEMENTS (weight_infos), NULL);
  return weight_infos[weight].nick;
}

const char *
talus_weight_to_label (TalusWeight weight)
{
  g_return_val_if_fail ((guint) weight < G_N_ELEMENTS (weight_infos), NULL);
  return g_dgettext (GETTEXT_PACKAGE, weight_infos[weight].label);
}

gboolean
talus_weight_from_nick (const char  *nick,
                        TalusWeight *out)
{
  int value;

  g_return_val_if_fail (out != NULL, FALSE);

  /* "none" is not a spelling the format accepts */
  if (!lookup_nick (weight_infos + 1, G_N_ELEMENTS (weight_infos) - 1, nick, &value))
    return FALSE;
  *out = (TalusWeight) (value + 1);
  return TRUE;
}
