/* talus-condition-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "talus-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "talus-condition-page.h"
#include "talus-link-row.h"
#include "talus-link.h"
#include "talus-ui-util.h"

/* Diagnostic kinds shown together under one heading. */
typedef enum {
  DIAGNOSIS_EXAMINATION,
  DIAGNOSIS_SPECIAL_TESTS,
  DIAGNOSIS_IMAGING,
  N_DIAGNOSIS_GROUPS
} DiagnosisGroup;

#define N_CARE_STAGES (TALUS_CARE_STAGE_SURGERY + 1)

struct _TalusConditionPage
{
  AdwBin             parent_instance;

  TalusCondition    *condition;
  TalusAudience      audience;

  GtkScrolledWindow *scroller;
  GtkBox            *content_box;
  GtkLabel          *title_label;
  GtkLabel          *category_label;
  GtkLabel          *synonyms_label;
  GtkBox            *red_flags_box;
  GtkListBox        *red_flags_list;
  GtkLabel          *summary_heading;
  GtkLabel          *summary_label;
  GtkLabel          *patient_heading;
  GtkLabel          *patient_summary_label;
  GtkLabel          *structures_label;
  GtkLabel          *symptoms_heading;
  GtkListBox        *symptoms_list;
  GtkLabel          *diagnosis_heading;
  GtkLabel          *diagnosis_labels[N_DIAGNOSIS_GROUPS];
  GtkListBox        *diagnosis_lists[N_DIAGNOSIS_GROUPS];
  GtkLabel          *care_heading;
  GtkLabel          *care_labels[N_CARE_STAGES];
  GtkListBox        *care_lists[N_CARE_STAGES];
  GtkLabel          *references_heading;
  GtkListBox        *references_list;

  const char        *category_class;
};

G_DEFINE_FINAL_TYPE (TalusConditionPage, talus_condition_page, ADW_TYPE_BIN)

static DiagnosisGroup
diagnosis_group (TalusDiagnosticKind kind)
{
  switch (kind)
    {
    case TALUS_DIAGNOSTIC_HISTORY:
    case TALUS_DIAGNOSTIC_EXAMINATION:
      return DIAGNOSIS_EXAMINATION;
    case TALUS_DIAGNOSTIC_SPECIAL_TEST:
    case TALUS_DIAGNOSTIC_DECISION_RULE:
      return DIAGNOSIS_SPECIAL_TESTS;
    case TALUS_DIAGNOSTIC_IMAGING:
    case TALUS_DIAGNOSTIC_LAB:
    case TALUS_DIAGNOSTIC_NERVE_STUDY:
    default:
      return DIAGNOSIS_IMAGING;
    }
}

static gboolean
filter_diagnosis_cb (gpointer item,
                     gpointer user_data)
{
  TalusDiagnostic *diagnostic = TALUS_DIAGNOSTIC (talus_link_get_target (item));

  return (int) diagnosis_group (talus_diagnostic_get_kind (diagnostic)) == GPOINTER_TO_INT (user_data);
}

static gboolean
filter_care_cb (gpointer item,
                gpointer user_data)
{
  TalusCareOption *option = TALUS_CARE_OPTION (talus_link_get_target (item));

  return (int) talus_care_option_get_stage (option) == GPOINTER_TO_INT (user_data);
}

/* Enough to see the pattern; the full list is one click away on the entry's own page. */
#define MAX_OTHER_CONDITIONS 5

static char *
other_conditions (TalusConditionPage *self,
                  TalusEntry         *entry)
{
  GListModel *conditions = talus_entry_get_conditions (entry);
  g_autoptr(GListStore) shown = g_list_store_new (TALUS_TYPE_CONDITION);
  guint n = g_list_model_get_n_items (conditions);
  guint others = 0;
  g_autofree char *links = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusEntry) condition = g_list_model_get_item (conditions, i);

      if (condition == TALUS_ENTRY (self->condition))
        continue;
      if (others++ < MAX_OTHER_CONDITIONS)
        g_list_store_append (shown, condition);
    }

  links = talus_ui_links_for_model (G_LIST_MODEL (shown), "condition", NULL, self->audience);
  if (links == NULL || others <= MAX_OTHER_CONDITIONS)
    return g_steal_pointer (&links);

  {
    g_autofree char *more_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more", "%u more",
                                                               others - MAX_OTHER_CONDITIONS),
                                                  others - MAX_OTHER_CONDITIONS);
    g_autofree char *more = talus_ui_link_markup ("entry", talus_entry_get_id (entry), more_text);

    return g_strdup_printf ("%s, %s", links, more);
  }
}

static char *
entry_title (TalusConditionPage *self,
             TalusEntry         *entry)
{
  return talus_ui_link_markup ("entry", talus_entry_get_id (entry),
                               talus_entry_get_display_name (entry, self->audience));
}

static char *
reference_markup (TalusReference *reference)
{
  const char *doi;

  if (reference == NULL)
    return NULL;

  doi = talus_reference_get_doi (reference);
  if (doi != NULL)
    return g_markup_printf_escaped ("%s <a href=\"https://doi.org/%s\">doi:%s</a>",
                                    talus_reference_get_citation (reference), doi, doi);
  return g_markup_escape_text (talus_reference_get_citation (reference), -1);
}

static GtkWidget *
create_symptom_row (gpointer item,
                    gpointer user_data)
{
  TalusConditionPage *self = user_data;
  TalusLink *link = item;
  TalusEntry *symptom = talus_link_get_target (link);
  TalusWeight weight = talus_link_get_weight (link);
  TalusLinkRow *row = TALUS_LINK_ROW (talus_link_row_new ());
  g_autofree char *title = entry_title (self, symptom);
  g_autofree char *others = other_conditions (self, symptom);
  g_autofree char *badge_class = g_strdup_printf ("weight-%s", talus_weight_to_nick (weight));

  talus_link_row_set_title (row, title);
  talus_link_row_set_badge (row, talus_weight_to_label (weight), badge_class);
  if (self->audience == TALUS_AUDIENCE_PATIENT)
    talus_link_row_set_text (row, talus_entry_get_patient_summary (symptom));
  talus_link_row_set_links (row, others);
  return GTK_WIDGET (row);
}

static char *
accuracy_markup (TalusDiagnostic *diagnostic)
{
  GPtrArray *accuracy = talus_diagnostic_get_accuracy (diagnostic);
  GString *out = g_string_new (NULL);

  for (guint i = 0; accuracy != NULL && i < accuracy->len; i++)
    {
      TalusAccuracy *a = g_ptr_array_index (accuracy, i);
      g_autofree char *figures = NULL;
      g_autofree char *escaped_note = NULL;

      if (a->sensitivity >= 0 && a->specificity >= 0)
        /* Translators: diagnostic accuracy, e.g. "Sensitivity 84%, specificity 90%" */
        figures = g_strdup_printf (_("Sensitivity %.0f%%, specificity %.0f%%"),
                                   100 * a->sensitivity, 100 * a->specificity);
      else if (a->sensitivity >= 0)
        figures = g_strdup_printf (_("Sensitivity %.0f%%"), 100 * a->sensitivity);
      else if (a->specificity >= 0)
        figures = g_strdup_printf (_("Specificity %.0f%%"), 100 * a->specificity);

      if (out->len > 0)
        g_string_append (out, "\n");
      if (figures != NULL)
        g_string_append (out, figures);
      if (a->note != NULL)
        {
          escaped_note = g_markup_escape_text (a->note, -1);
          g_string_append_printf (out, "%s%s", figures != NULL ? " — " : "", escaped_note);
        }
      if (a->reference != NULL)
        {
          g_autofree char *citation = g_markup_escape_text (
            talus_entry_get_name (TALUS_ENTRY (a->reference)), -1);
          g_string_append_printf (out, " (%s)", citation);
        }
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static GtkWidget *
create_diagnostic_row (gpointer item,
                       gpointer user_data)
{
  TalusConditionPage *self = user_data;
  TalusLink *link = item;
  TalusEntry *entry = talus_link_get_target (link);
  TalusDiagnostic *diagnostic = TALUS_DIAGNOSTIC (entry);
  TalusLinkRow *row = TALUS_LINK_ROW (talus_link_row_new ());
  g_autofree char *title = entry_title (self, entry);
  g_autofree char *others = other_conditions (self, entry);
  g_autofree char *accuracy = NULL;
  const char *shows = talus_link_get_text (link);

  talus_link_row_set_title (row, title);
  talus_link_row_set_badge (row, talus_diagnostic_kind_to_label (talus_diagnostic_get_kind (diagnostic)),
                            "diagnostic-kind");
  talus_link_row_set_text (row, shows != NULL ? shows
                                              : talus_entry_get_display_summary (entry, self->audience));
  if (self->audience == TALUS_AUDIENCE_CLINICIAN)
    {
      accuracy = accuracy_markup (diagnostic);
      talus_link_row_set_note (row, accuracy);
    }
  talus_link_row_set_links (row, others);
  return GTK_WIDGET (row);
}

static GtkWidget *
create_care_row (gpointer item,
                 gpointer user_data)
{
  TalusConditionPage *self = user_data;
  TalusLink *link = item;
  TalusEntry *entry = talus_link_get_target (link);
  TalusEvidence evidence = talus_link_get_evidence (link);
  TalusLinkRow *row = TALUS_LINK_ROW (talus_link_row_new ());
  g_autofree char *title = entry_title (self, entry);
  g_autofree char *others = other_conditions (self, entry);
  g_autofree char *reference = NULL;
  g_autofree char *text = NULL;
  const char *note = talus_link_get_text (link);
  const char *summary = talus_entry_get_display_summary (entry, self->audience);

  if (note != NULL && summary != NULL && *summary != '\0')
    text = g_strdup_printf ("%s %s", summary, note);
  else
    text = g_strdup (note != NULL ? note : summary);

  talus_link_row_set_title (row, title);
  talus_link_row_set_badge (row, talus_evidence_to_label (evidence),
                            talus_ui_evidence_css_class (evidence));
  talus_link_row_set_text (row, text);

  if (talus_link_get_reference (link) != NULL)
    reference = reference_markup (talus_link_get_reference (link));
  else
    {
      GListModel *references = talus_care_option_get_references (TALUS_CARE_OPTION (entry));
      g_autoptr(TalusReference) first = NULL;

      if (references != NULL && g_list_model_get_n_items (references) > 0)
        first = g_list_model_get_item (references, 0);
      reference = reference_markup (first);
    }
  if (reference != NULL)
    {
      g_autofree char *labelled = g_strdup_printf ("%s %s", _("Evidence:"), reference);
      talus_link_row_set_note (row, labelled);
    }

  talus_link_row_set_links (row, others);
  return GTK_WIDGET (row);
}

static GtkWidget *
create_red_flag_row (gpointer item,
                     gpointer user_data)
{
  TalusConditionPage *self = user_data;
  TalusRedFlag *flag = item;
  TalusUrgency urgency = talus_red_flag_get_urgency (flag);
  TalusLinkRow *row = TALUS_LINK_ROW (talus_link_row_new ());
  g_autofree char *title = g_markup_escape_text (
    talus_entry_get_display_name (TALUS_ENTRY (flag), self->audience), -1);
  const char *summary = talus_entry_get_display_summary (TALUS_ENTRY (flag), self->audience);
  g_autofree char *advice = g_markup_printf_escaped ("<b>%s</b>",
                                                     talus_ui_urgency_advice (urgency, self->audience));

  talus_link_row_set_title (row, title);
  talus_link_row_set_badge (row, talus_urgency_to_label (urgency),
                            talus_ui_urgency_css_class (urgency));
  talus_link_row_set_text (row, summary);
  talus_link_row_set_note (row, advice);
  return GTK_WIDGET (row);
}

static GtkWidget *
create_reference_row (gpointer item,
                      gpointer user_data)
{
  TalusLinkRow *row = TALUS_LINK_ROW (talus_link_row_new ());
  g_autofree char *markup = reference_markup (item);

  talus_link_row_set_title (row, markup);
  return GTK_WIDGET (row);
}

static void
bind_list (GtkListBox                  *list,
           GtkLabel                    *heading,
           GListModel                  *model,
           GtkListBoxCreateWidgetFunc   create,
           TalusConditionPage          *self)
{
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  gtk_list_box_bind_model (list, model, create, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (list), n > 0);
  if (heading != NULL)
    gtk_widget_set_visible (GTK_WIDGET (heading), n > 0);
}

static void
refresh (TalusConditionPage *self)
{
  TalusEntry *entry = TALUS_ENTRY (self->condition);
  const char * const *synonyms;
  g_autofree char *synonyms_text = NULL;
  g_autofree char *structures = NULL;
  GListModel *red_flags;
  gboolean patient = self->audience == TALUS_AUDIENCE_PATIENT;

  if (self->condition == NULL)
    {
      bind_list (self->symptoms_list, NULL, NULL, NULL, self);
      bind_list (self->red_flags_list, NULL, NULL, NULL, self);
      bind_list (self->references_list, NULL, NULL, NULL, self);
      for (guint i = 0; i < N_DIAGNOSIS_GROUPS; i++)
        bind_list (self->diagnosis_lists[i], NULL, NULL, NULL, self);
      for (guint i = 0; i < N_CARE_STAGES; i++)
        bind_list (self->care_lists[i], NULL, NULL, NULL, self);
      return;
    }

  gtk_label_set_label (self->title_label, talus_entry_get_display_name (entry, self->audience));

  if (self->category_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->category_label), self->category_class);
  self->category_class = talus_ui_category_css_class (talus_condition_get_category (self->condition));
  gtk_widget_add_css_class (GTK_WIDGET (self->category_label), self->category_class);
  gtk_label_set_label (self->category_label,
                       talus_category_to_label (talus_condition_get_category (self->condition)));

  synonyms = talus_condition_get_synonyms (self->condition);
  if (synonyms != NULL && synonyms[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) synonyms);
      synonyms_text = g_strdup_printf (_("Also called: %s"), joined);
    }
  gtk_label_set_label (self->synonyms_label, synonyms_text != NULL ? synonyms_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->synonyms_label), synonyms_text != NULL);

  red_flags = talus_condition_get_red_flags (self->condition);
  bind_list (self->red_flags_list, NULL, red_flags, create_red_flag_row, self);
  gtk_widget_set_visible (GTK_WIDGET (self->red_flags_box),
                          g_list_model_get_n_items (red_flags) > 0);

  /* Clinicians get both texts, to explain in plain words; patients only their own. */
  gtk_label_set_label (self->summary_heading, patient ? _("What it is") : _("Clinical summary"));
  gtk_label_set_label (self->summary_label,
                       patient ? talus_entry_get_patient_summary (entry)
                               : talus_entry_get_summary (entry));
  gtk_widget_set_visible (GTK_WIDGET (self->patient_heading), !patient);
  gtk_widget_set_visible (GTK_WIDGET (self->patient_summary_label), !patient);
  gtk_label_set_label (self->patient_summary_label, talus_entry_get_patient_summary (entry));

  structures = talus_ui_links_for_model (talus_condition_get_structures (self->condition),
                                         "structure", NULL, self->audience);
  gtk_label_set_markup (self->structures_label, structures != NULL ? structures : "");

  gtk_label_set_label (self->symptoms_heading, patient ? _("What you may notice") : _("Symptoms"));
  bind_list (self->symptoms_list, NULL, talus_condition_get_symptoms (self->condition),
             create_symptom_row, self);

  for (guint i = 0; i < N_DIAGNOSIS_GROUPS; i++)
    {
      GtkCustomFilter *filter = gtk_custom_filter_new (filter_diagnosis_cb, GINT_TO_POINTER (i), NULL);
      g_autoptr(GtkFilterListModel) model = NULL;

      model = gtk_filter_list_model_new (g_object_ref (talus_condition_get_diagnostics (self->condition)),
                                         GTK_FILTER (filter));
      bind_list (self->diagnosis_lists[i], self->diagnosis_labels[i], G_LIST_MODEL (model),
                 create_diagnostic_row, self);
    }

  for (guint i = 0; i < N_CARE_STAGES; i++)
    {
      GtkCustomFilter *filter = gtk_custom_filter_new (filter_care_cb, GINT_TO_POINTER (i), NULL);
      g_autoptr(GtkFilterListModel) model = NULL;
      g_autofree char *label = NULL;

      model = gtk_filter_list_model_new (g_object_ref (talus_condition_get_care (self->condition)),
                                         GTK_FILTER (filter));
      /* Translators: a numbered stage of a care pathway, e.g. "1. Self-care" */
      label = g_strdup_printf (_("%u. %s"), i + 1, talus_care_stage_to_label (i));
      gtk_label_set_label (self->care_labels[i], label);
      bind_list (self->care_lists[i], self->care_labels[i], G_LIST_MODEL (model), create_care_row,
                 self);
    }

  bind_list (self->references_list, self->references_heading,
             talus_condition_get_references (self->condition), create_reference_row, self);
}

static void
scroll_to_widget (TalusConditionPage *self,
                  GtkWidget          *target)
{
  graphene_point_t point;

  if (!gtk_widget_compute_point (target, GTK_WIDGET (self->content_box),
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    return;

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller),
                            MAX (0, point.y - 12));
}

static void
jump_cb (GtkButton          *button,
         TalusConditionPage *self)
{
  talus_condition_page_scroll_to (self, gtk_widget_get_name (GTK_WIDGET (button)));
}

static void
talus_condition_page_dispose (GObject *object)
{
  TalusConditionPage *self = (TalusConditionPage *) object;

  g_clear_object (&self->condition);

  G_OBJECT_CLASS (talus_condition_page_parent_class)->dispose (object);
}

static void
talus_condition_page_class_init (TalusConditionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = talus_condition_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_PATH "/ui/talus-condition-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TalusConditionPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionPage, category_label);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionPage, synonyms_label);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionPage, red_flags_box);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionPage, red_flags_list);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionPage, summary_heading);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionPage, patient_heading);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionPage, patient_summary_label);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionPage, structures_label);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionPage, symptoms_heading);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionPage, symptoms_list);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionPage, diagnosis_heading);
  gtk_widget_class_bind_template_child_full (widget_class, "exam_label", FALSE,
    G_STRUCT_OFFSET (TalusConditionPage, diagnosis_labels[DIAGNOSIS_EXAMINATION]));
  gtk_widget_class_bind_template_child_full (widget_class, "exam_list", FALSE,
    G_STRUCT_OFFSET (TalusConditionPage, diagnosis_lists[DIAGNOSIS_EXAMINATION]));
  gtk_widget_class_bind_template_child_full (widget_class, "tests_label", FALSE,
    G_STRUCT_OFFSET (TalusConditionPage, diagnosis_labels[DIAGNOSIS_SPECIAL_TESTS]));
  gtk_widget_class_bind_template_child_full (widget_class, "tests_list", FALSE,
    G_STRUCT_OFFSET (TalusConditionPage, diagnosis_lists[DIAGNOSIS_SPECIAL_TESTS]));
  gtk_widget_class_bind_template_child_full (widget_class, "imaging_label", FALSE,
    G_STRUCT_OFFSET (TalusConditionPage, diagnosis_labels[DIAGNOSIS_IMAGING]));
  gtk_widget_class_bind_template_child_full (widget_class, "imaging_list", FALSE,
    G_STRUCT_OFFSET (TalusConditionPage, diagnosis_lists[DIAGNOSIS_IMAGING]));
  gtk_widget_class_bind_template_child (widget_class, TalusConditionPage, care_heading);
  gtk_widget_class_bind_template_child_full (widget_class, "care_self_label", FALSE,
    G_STRUCT_OFFSET (TalusConditionPage, care_labels[TALUS_CARE_STAGE_SELF_CARE]));
  gtk_widget_class_bind_template_child_full (widget_class, "care_self_list", FALSE,
    G_STRUCT_OFFSET (TalusConditionPage, care_lists[TALUS_CARE_STAGE_SELF_CARE]));
  gtk_widget_class_bind_template_child_full (widget_class, "care_conservative_label", FALSE,
    G_STRUCT_OFFSET (TalusConditionPage, care_labels[TALUS_CARE_STAGE_CONSERVATIVE]));
  gtk_widget_class_bind_template_child_full (widget_class, "care_conservative_list", FALSE,
    G_STRUCT_OFFSET (TalusConditionPage, care_lists[TALUS_CARE_STAGE_CONSERVATIVE]));
  gtk_widget_class_bind_template_child_full (widget_class, "care_injection_label", FALSE,
    G_STRUCT_OFFSET (TalusConditionPage, care_labels[TALUS_CARE_STAGE_INJECTION]));
  gtk_widget_class_bind_template_child_full (widget_class, "care_injection_list", FALSE,
    G_STRUCT_OFFSET (TalusConditionPage, care_lists[TALUS_CARE_STAGE_INJECTION]));
  gtk_widget_class_bind_template_child_full (widget_class, "care_surgery_label", FALSE,
    G_STRUCT_OFFSET (TalusConditionPage, care_labels[TALUS_CARE_STAGE_SURGERY]));
  gtk_widget_class_bind_template_child_full (widget_class, "care_surgery_list", FALSE,
    G_STRUCT_OFFSET (TalusConditionPage, care_lists[TALUS_CARE_STAGE_SURGERY]));
  gtk_widget_class_bind_template_child (widget_class, TalusConditionPage, references_heading);
  gtk_widget_class_bind_template_child (widget_class, TalusConditionPage, references_list);
  gtk_widget_class_bind_template_callback (widget_class, talus_ui_activate_link_cb);
  gtk_widget_class_bind_template_callback (widget_class, jump_cb);
}

static void
talus_condition_page_init (TalusConditionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
talus_condition_page_new (void)
{
  return g_object_new (TALUS_TYPE_CONDITION_PAGE, NULL);
}

void
talus_condition_page_set_condition (TalusConditionPage *self,
                                    TalusCondition     *condition)
{
  g_return_if_fail (TALUS_IS_CONDITION_PAGE (self));
  g_return_if_fail (condition == NULL || TALUS_IS_CONDITION (condition));

  g_set_object (&self->condition, condition);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  refresh (self);
}

TalusCondition *
talus_condition_page_get_condition (TalusConditionPage *self)
{
  g_return_val_if_fail (TALUS_IS_CONDITION_PAGE (self), NULL);
  return self->condition;
}

void
talus_condition_page_set_audience (TalusConditionPage *self,
                                   TalusAudience       audience)
{
  g_return_if_fail (TALUS_IS_CONDITION_PAGE (self));

  if (self->audience == audience)
    return;
  self->audience = audience;
  refresh (self);
}

void
talus_condition_page_scroll_to (TalusConditionPage *self,
                                const char         *section)
{
  GtkWidget *target = NULL;

  g_return_if_fail (TALUS_IS_CONDITION_PAGE (self));
  g_return_if_fail (section != NULL);

  if (g_str_equal (section, "symptoms"))
    target = GTK_WIDGET (self->symptoms_heading);
  else if (g_str_equal (section, "diagnosis"))
    target = GTK_WIDGET (self->diagnosis_heading);
  else if (g_str_equal (section, "care"))
    target = GTK_WIDGET (self->care_heading);
  else if (g_str_equal (section, "references"))
    target = GTK_WIDGET (self->references_heading);

  if (target != NULL)
    scroll_to_widget (self, target);
}
