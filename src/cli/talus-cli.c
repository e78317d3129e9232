/* talus-cli.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "talus-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "talus-cli.h"
#include "talus-handout.h"
#include "talus-kb.h"

static const GOptionEntry cli_entries[] = {
  { "validate-kb", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check knowledge-base files and print a summary of each"), NULL },
  { "list", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("List the ids and names of one kind: regions, structures, conditions, symptoms, diagnostics, care, red-flags or references"),
    N_("KIND") },
  { "differential", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Rank the conditions that fit a comma-separated list of symptom ids"), N_("SYMPTOM,…") },
  { "region", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --differential: the region where it hurts"), N_("REGION") },
  { "export-handout", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the patient handout of a condition as PDF (with --output)"), N_("CONDITION") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --export-handout: the PDF file to write"), N_("FILE") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Paper size of handouts: a4 or letter"), N_("SIZE") },
  { "audience", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Handout audience: patient or clinician"), N_("AUDIENCE") },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Language of handouts, such as es or en (default: the desktop’s)"), N_("LANGUAGE") },
  { "export-all-handouts", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write one PDF handout per condition into a folder"), N_("DIR") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

void
talus_cli_add_options (GApplication *app)
{
  g_return_if_fail (G_IS_APPLICATION (app));

  g_application_add_main_option_entries (app, cli_entries);
}

/* @catalog: the language to read the KB in; NULL for the desktop's */
static TalusKnowledgeBase *
load_kb_in (TalusCatalog  *catalog,
            GError       **error)
{
  g_autoptr(TalusKnowledgeBase) kb = talus_knowledge_base_new ();
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  talus_knowledge_base_set_catalog (kb, catalog);
  /* User files override the shipped ones; a broken one is skipped, never fatal. */
  if (!talus_knowledge_base_load_default (kb, errors, error))
    return NULL;

  for (guint i = 0; i < errors->len; i++)
    {
      GError *e = errors->pdata[i];
      g_autofree char *first = g_strndup (e->message, strcspn (e->message, "\n"));

      g_printerr (_("%s (file skipped)\n"), first);
    }

  return g_steal_pointer (&kb);
}

static TalusKnowledgeBase *
load_kb (GError **error)
{
  return load_kb_in (NULL, error);
}

/* The knowledge base in the language of --language (handouts), or the desktop's. */
static TalusKnowledgeBase *
load_kb_for_handouts (GVariantDict  *options,
                      GError       **error)
{
  g_autoptr(TalusCatalog) catalog = NULL;
  const char *language = NULL;

  if (g_variant_dict_lookup (options, "language", "&s", &language) && *language != '\0')
    {
      catalog = talus_catalog_new_for_language (talus_catalog_get_localedir (), GETTEXT_PACKAGE,
                                                language, error);
      if (catalog == NULL)
        return NULL;
    }

  return load_kb_in (catalog, error);
}

static int
print_error (GError *error)
{
  g_printerr ("%s\n", error->message);
  return 1;
}

static int
validate_files (const char * const *files)
{
  int status = 0;

  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("--validate-kb needs at least one FILE\n"));
      return 2;
    }

  /* Each file is checked against the shipped KB only: a user's override directory must not
   * change what a file means. */
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(TalusKnowledgeBase) kb = talus_knowledge_base_new ();
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(GError) file_error = NULL;
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *summary = NULL;

      /* References may point at shipped entries; entries with a shipped id override the
       * shipped ones, exactly as in the app. */
      if (!talus_knowledge_base_load_shipped (kb, &file_error) ||
          !talus_knowledge_base_add_file_full (kb, file, &summary, &file_error))
        {
          g_printerr ("%s\n", file_error->message);
          status = 1;
          continue;
        }

      g_print (_("%s: valid: %s\n"), name, summary);
    }

  return status;
}

static GListModel *
list_for_kind (TalusKnowledgeBase *kb,
               const char         *kind)
{
  if (g_str_equal (kind, "regions"))
    return talus_knowledge_base_get_regions (kb);
  if (g_str_equal (kind, "structures"))
    return talus_knowledge_base_get_structures (kb);
  if (g_str_equal (kind, "conditions"))
    return talus_knowledge_base_get_conditions (kb);
  if (g_str_equal (kind, "symptoms"))
    return talus_knowledge_base_get_symptoms (kb);
  if (g_str_equal (kind, "diagnostics"))
    return talus_knowledge_base_get_diagnostics (kb);
  if (g_str_equal (kind, "care"))
    return talus_knowledge_base_get_care_options (kb);
  if (g_str_equal (kind, "red-flags"))
    return talus_knowledge_base_get_red_flags (kb);
  if (g_str_equal (kind, "references"))
    return talus_knowledge_base_get_references (kb);
  return NULL;
}

static int
list_kind (const char *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TalusKnowledgeBase) kb = NULL;
  GListModel *model;
  guint n;

  if (!(kb = load_kb (&error)))
    return print_error (error);

  if (!(model = list_for_kind (kb, kind)))
    {
      g_printerr (_("unknown kind “%s”; known kinds: regions, structures, conditions, symptoms, diagnostics, care, red-flags, references\n"),
                  kind);
      return 2;
    }

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusEntry) entry = g_list_model_get_item (model, i);

      g_print ("%s\t%s\n", talus_entry_get_id (entry), talus_entry_get_name (entry));
    }

  return 0;
}

static int
differential (const char *symptom_ids,
              const char *region_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TalusKnowledgeBase) kb = NULL;
  g_autoptr(GPtrArray) symptoms = NULL;
  g_autoptr(GPtrArray) red_flags = NULL;
  g_autoptr(GListModel) results = NULL;
  TalusRegion *region = NULL;
  guint n;

  if (!(kb = load_kb (&error)))
    return print_error (error);

  if (!(symptoms = talus_differential_parse_symptoms (kb, symptom_ids, &error)))
    return print_error (error);

  if (region_id != NULL && !(region = talus_knowledge_base_lookup_region (kb, region_id)))
    {
      GListModel *regions = talus_knowledge_base_get_regions (kb);
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
        {
          g_autoptr(TalusEntry) entry = g_list_model_get_item (regions, i);
          g_string_append_printf (known, "%s%s", i ? ", " : "", talus_entry_get_id (entry));
        }
      g_printerr (_("unknown region “%s”; known regions: %s\n"), region_id, known->str);
      return 1;
    }

  results = talus_differential_compute (kb, symptoms, region, &red_flags);

  for (guint i = 0; i < red_flags->len; i++)
    {
      TalusRedFlag *flag = red_flags->pdata[i];

      g_printerr (_("red flag (%s): %s\n"),
                  talus_urgency_to_label (talus_red_flag_get_urgency (flag)),
                  talus_entry_get_name (TALUS_ENTRY (flag)));
    }

  n = g_list_model_get_n_items (results);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusDifferentialResult) result = g_list_model_get_item (results, i);
      GPtrArray *matched = talus_differential_result_get_matched (result);
      g_autoptr(GString) ids = g_string_new (NULL);
      char score[G_ASCII_DTOSTR_BUF_SIZE];

      for (guint j = 0; j < matched->len; j++)
        g_string_append_printf (ids, "%s%s", j ? "," : "",
                                talus_entry_get_id (TALUS_ENTRY (matched->pdata[j])));

      g_ascii_formatd (score, sizeof score, "%.1f", talus_differential_result_get_score (result));
      g_print ("%u\t%s\t%s\t%s\n",
               talus_differential_result_get_rank (result),
               talus_entry_get_id (TALUS_ENTRY (talus_differential_result_get_condition (result))),
               score, ids->str);
    }

  return 0;
}

static gboolean
parse_handout_options (GVariantDict  *options,
                       TalusPaper    *paper,
                       TalusAudience *audience)
{
  const char *value = NULL;

  *paper = TALUS_PAPER_A4;
  *audience = TALUS_AUDIENCE_PATIENT;

  if (g_variant_dict_lookup (options, "paper", "&s", &value))
    {
      if (!talus_paper_from_nick (value, paper))
        {
          g_printerr (_("unknown paper size “%s”; use a4 or letter\n"), value);
          return FALSE;
        }
    }

  if (g_variant_dict_lookup (options, "audience", "&s", &value))
    {
      if (g_str_equal (value, "patient"))
        *audience = TALUS_AUDIENCE_PATIENT;
      else if (g_str_equal (value, "clinician"))
        *audience = TALUS_AUDIENCE_CLINICIAN;
      else
        {
          g_printerr (_("unknown audience “%s”; use patient or clinician\n"), value);
          return FALSE;
        }
    }

  return TRUE;
}

static int
export_handout (GVariantDict *options,
                const char   *condition_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TalusKnowledgeBase) kb = NULL;
  g_autoptr(TalusHandout) handout = NULL;
  g_autofree char *output = NULL;
  TalusCondition *condition;
  TalusPaper paper;
  TalusAudience audience;

  if (!g_variant_dict_lookup (options, "output", "^ay", &output))
    {
      g_printerr (_("--export-handout needs --output=FILE.pdf\n"));
      return 2;
    }

  if (!parse_handout_options (options, &paper, &audience))
    return 2;

  /* fontconfig starts in the background while the knowledge base loads */
  talus_handout_start_font_setup ();
  if (!(kb = load_kb_for_handouts (options, &error)))
    return print_error (error);

  if (!(condition = talus_knowledge_base_lookup_condition (kb, condition_id)))
    {
      g_printerr (_("unknown condition “%s”; see talus --list conditions\n"), condition_id);
      return 1;
    }

  handout = talus_handout_new (kb, condition);
  talus_handout_set_paper (handout, paper);
  talus_handout_set_audience (handout, audience);

  if (!talus_handout_export_pdf (handout, output, &error))
    return print_error (error);

  return 0;
}

static int
export_all_handouts (GVariantDict *options,
                     const char   *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TalusKnowledgeBase) kb = NULL;
  TalusPaper paper;
  TalusAudience audience;
  guint n_written = 0;

  if (!parse_handout_options (options, &paper, &audience))
    return 2;

  /* fontconfig starts in the background while the knowledge base loads */
  talus_handout_start_font_setup ();
  if (!(kb = load_kb_for_handouts (options, &error)))
    return print_error (error);

  if (!talus_handout_export_all (kb, dir, paper, audience, &n_written, &error))
    return print_error (error);

  g_print (_("%u handouts written to %s\n"), n_written, dir);
  return 0;
}

int
talus_cli_handle_options (GApplication *app,
                          GVariantDict *options)
{
  g_autofree const char **files = NULL;
  const char *value = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (options != NULL, 1);

  if (g_variant_dict_contains (options, "validate-kb"))
    {
      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
      return validate_files (files);
    }

  if (g_variant_dict_lookup (options, "list", "&s", &value))
    return list_kind (value);

  if (g_variant_dict_lookup (options, "differential", "&s", &value))
    {
      const char *region = NULL;

      g_variant_dict_lookup (options, "region", "&s", &region);
      return differential (value, region);
    }

  if (g_variant_dict_lookup (options, "export-handout", "&s", &value))
    return export_handout (options, value);

  if (g_variant_dict_lookup (options, "export-all-handouts", "^ay", &path))
    return export_all_handouts (options, path);

  return -1;
}
