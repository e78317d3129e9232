/* talus-kb-types.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Enumerations of the knowledge-base format (data/kb/talus-kb.xsd). Each has a stable nick equal
 * to its XML spelling, and a translated label for display.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _TalusCatalog TalusCatalog;  /* talus-catalog.h */

typedef enum {
  TALUS_AUDIENCE_CLINICIAN,
  TALUS_AUDIENCE_PATIENT,
} TalusAudience;

typedef enum {
  TALUS_STRUCTURE_BONE,
  TALUS_STRUCTURE_LIGAMENT,
  TALUS_STRUCTURE_TENDON,
  TALUS_STRUCTURE_NERVE,
  TALUS_STRUCTURE_BURSA,
  TALUS_STRUCTURE_FASCIA,
  TALUS_STRUCTURE_JOINT,
  TALUS_STRUCTURE_RETINACULUM,
  TALUS_STRUCTURE_LANDMARK,
} TalusStructureKind;

typedef enum {
  TALUS_SYMPTOM_GROUP_PAIN,
  TALUS_SYMPTOM_GROUP_SWELLING_SKIN,
  TALUS_SYMPTOM_GROUP_MOVEMENT,
  TALUS_SYMPTOM_GROUP_NERVE,
  TALUS_SYMPTOM_GROUP_GENERAL,
} TalusSymptomGroup;

typedef enum {
  TALUS_DIAGNOSTIC_HISTORY,
  TALUS_DIAGNOSTIC_EXAMINATION,
  TALUS_DIAGNOSTIC_SPECIAL_TEST,
  TALUS_DIAGNOSTIC_DECISION_RULE,
  TALUS_DIAGNOSTIC_IMAGING,
  TALUS_DIAGNOSTIC_LAB,
  TALUS_DIAGNOSTIC_NERVE_STUDY,
} TalusDiagnosticKind;

/* Ordered: a care pathway runs from self-care to surgery. */
typedef enum {
  TALUS_CARE_STAGE_SELF_CARE,
  TALUS_CARE_STAGE_CONSERVATIVE,
  TALUS_CARE_STAGE_INJECTION,
  TALUS_CARE_STAGE_SURGERY,
} TalusCareStage;

typedef enum {
  TALUS_EVIDENCE_WORKS_WELL,
  TALUS_EVIDENCE_MAY_HELP,
  TALUS_EVIDENCE_NOT_PROVEN,
  TALUS_EVIDENCE_NOT_RECOMMENDED,
} TalusEvidence;

/* Ordered from most to least urgent. */
typedef enum {
  TALUS_URGENCY_EMERGENCY,
  TALUS_URGENCY_SAME_DAY,
  TALUS_URGENCY_BOOK_VISIT,
} TalusUrgency;

typedef enum {
  TALUS_CATEGORY_INFLAMMATORY,
  TALUS_CATEGORY_DEGENERATIVE,
  TALUS_CATEGORY_ALIGNMENT,
  TALUS_CATEGORY_NERVE,
  TALUS_CATEGORY_INJURY,
  TALUS_CATEGORY_INFECTION,
} TalusCategory;

/* How characteristic a symptom is of a condition; the value is its weight in the differential. */
typedef enum {
  TALUS_WEIGHT_NONE = 0,
  TALUS_WEIGHT_OCCASIONAL = 1,
  TALUS_WEIGHT_COMMON = 2,
  TALUS_WEIGHT_TYPICAL = 3,
} TalusWeight;

/* XML spelling <-> value. from_nick returns FALSE for an unknown spelling. */
const char *talus_structure_kind_to_nick   (TalusStructureKind kind);
gboolean    talus_structure_kind_from_nick (const char *nick, TalusStructureKind *out);
const char *talus_structure_kind_to_label  (TalusStructureKind kind);
const char *talus_symptom_group_to_nick    (TalusSymptomGroup group);
gboolean    talus_symptom_group_from_nick  (const char *nick, TalusSymptomGroup *out);
const char *talus_symptom_group_to_label   (TalusSymptomGroup group);
const char *talus_diagnostic_kind_to_nick  (TalusDiagnosticKind kind);
gboolean    talus_diagnostic_kind_from_nick (const char *nick, TalusDiagnosticKind *out);
const char *talus_diagnostic_kind_to_label (TalusDiagnosticKind kind);
const char *talus_care_stage_to_nick       (TalusCareStage stage);
gboolean    talus_care_stage_from_nick     (const char *nick, TalusCareStage *out);
const char *talus_care_stage_to_label      (TalusCareStage stage);
const char *talus_care_stage_to_label_in   (TalusCareStage stage, TalusCatalog *catalog);
const char *talus_evidence_to_nick         (TalusEvidence evidence);
gboolean    talus_evidence_from_nick       (const char *nick, TalusEvidence *out);
const char *talus_evidence_to_label        (TalusEvidence evidence);
const char *talus_evidence_to_label_in     (TalusEvidence evidence, TalusCatalog *catalog);
const char *talus_urgency_to_nick          (TalusUrgency urgency);
gboolean    talus_urgency_from_nick        (const char *nick, TalusUrgency *out);
const char *talus_urgency_to_label         (TalusUrgency urgency);
const char *talus_category_to_nick         (TalusCategory category);
gboolean    talus_category_from_nick       (const char *nick, TalusCategory *out);
const char *talus_category_to_label        (TalusCategory category);
const char *talus_weight_to_nick           (TalusWeight weight);
gboolean    talus_weight_from_nick         (const char *nick, TalusWeight *out);
const char *talus_weight_to_label          (TalusWeight weight);

G_END_DECLS
