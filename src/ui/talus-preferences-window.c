/* talus-preferences-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "talus-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "talus-kb.h"
#include "talus-preferences-window.h"

struct _TalusPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwEntryRow          *clinic_row;
  AdwComboRow          *language_row;
  GStrv                 languages;  /* "" (the app's language), then the handout languages */
  AdwComboRow          *paper_row;
  AdwComboRow          *audience_row;
  GtkLabel             *unsaved_label;
};

G_DEFINE_FINAL_TYPE (TalusPreferencesWindow, talus_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
choice_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char **choices = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (choices[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
choice_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char **choices = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) choices))
    return NULL;
  return g_variant_new_string (choices[index]);
}

/* The handout languages: the app's own, then each installed translation by its own name. */
static void
fill_languages (TalusPreferencesWindow *self)
{
  g_auto(GStrv) installed = talus_catalog_list_languages ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_strv_builder_add (builder, "");
  gtk_string_list_append (names, _("Same as the app"));
  for (guint i = 0; installed[i] != NULL; i++)
    {
      g_autoptr(TalusCatalog) catalog =
        talus_catalog_new_for_language (talus_catalog_get_localedir (), GETTEXT_PACKAGE,
                                        installed[i], NULL);

      if (catalog == NULL)
        continue;
      g_strv_builder_add (builder, installed[i]);
      gtk_string_list_append (names, talus_catalog_get_native_name (catalog));
    }

  self->languages = g_strv_builder_end (builder);
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
}

static gboolean
language_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  TalusPreferencesWindow *self = user_data;
  const char *language = g_variant_get_string (variant, NULL);

  for (guint i = 0; self->languages[i] != NULL; i++)
    if (g_str_equal (self->languages[i], language))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  /* a language set elsewhere that is not installed: show it as the app's, as handouts will be */
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
language_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  TalusPreferencesWindow *self = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length (self->languages))
    return NULL;
  return g_variant_new_string (self->languages[index]);
}

static void
talus_preferences_window_dispose (GObject *object)
{
  TalusPreferencesWindow *self = (TalusPreferencesWindow *) object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->languages, g_strfreev);

  G_OBJECT_CLASS (talus_preferences_window_parent_class)->dispose (object);
}

static void
talus_preferences_window_class_init (TalusPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = talus_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_PATH "/ui/talus-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TalusPreferencesWindow, clinic_row);
  gtk_widget_class_bind_template_child (widget_class, TalusPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, TalusPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, TalusPreferencesWindow, audience_row);
  gtk_widget_class_bind_template_child (widget_class, TalusPreferencesWindow, unsaved_label);
}

static void
talus_preferences_window_init (TalusPreferencesWindow *self)
{
  static const char *audiences[] = { "clinician", "patient", NULL };
  static const char *papers[] = { "a4", "letter", NULL };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  fill_languages (self);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      /* An uninstalled build without the compiled schema: nothing can be saved. */
      gtk_widget_set_visible (GTK_WIDGET (self->unsaved_label), TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->clinic_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->paper_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->audience_row), FALSE);
      return;
    }

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "clinic-name", self->clinic_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "handout-language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, language_get_mapping, language_set_mapping,
                                self, NULL);
  g_settings_bind_with_mapping (self->settings, "paper-size", self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_get_mapping, choice_set_mapping,
                                (gpointer) papers, NULL);
  g_settings_bind_with_mapping (self->settings, "audience", self->audience_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_get_mapping, choice_set_mapping,
                                (gpointer) audiences, NULL);
}

GtkWidget *
talus_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (TALUS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
