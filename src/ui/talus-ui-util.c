/* talus-ui-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "talus-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "talus-ui-util.h"

char *
talus_ui_link_markup (const char *kind,
                      const char *id,
                      const char *text)
{
  g_autofree char *escaped_id = g_uri_escape_string (id, NULL, FALSE);

  return g_markup_printf_escaped ("<a href=\"talus:%s/%s\">%s</a>", kind, escaped_id, text);
}

char *
talus_ui_links_for_model (GListModel    *entries,
                          const char    *kind,
                          TalusEntry    *skip,
                          TalusAudience  audience)
{
  GString *out = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);

  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *link = NULL;

      if (entry == skip)
        continue;

      link = talus_ui_link_markup (kind, talus_entry_get_id (entry),
                                   talus_entry_get_display_name (entry, audience));
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, link);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

gboolean
talus_ui_activate_link_cb (GtkLabel   *label,
                           const char *uri,
                           gpointer    user_data)
{
  static const struct {
    const char *prefix;
    const char *action;
  } kinds[] = {
    { "talus:condition/", "win.show-condition" },
    { "talus:structure/", "win.select-structure" },
    { "talus:region/", "win.select-region" },
    { "talus:entry/", "win.show-entry" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_str_has_prefix (uri, kinds[i].prefix))
        {
          g_autofree char *id = g_uri_unescape_string (uri + strlen (kinds[i].prefix), NULL);

          if (id != NULL)
            gtk_widget_activate_action (GTK_WIDGET (label), kinds[i].action, "s", id);
          return TRUE;
        }
    }

  return FALSE;
}

const char *
talus_ui_category_css_class (TalusCategory category)
{
  switch (category)
    {
    case TALUS_CATEGORY_INFLAMMATORY: return "category-inflammatory";
    case TALUS_CATEGORY_DEGENERATIVE: return "category-degenerative";
    case TALUS_CATEGORY_ALIGNMENT:    return "category-alignment";
    case TALUS_CATEGORY_NERVE:        return "category-nerve";
    case TALUS_CATEGORY_INJURY:       return "category-injury";
    case TALUS_CATEGORY_INFECTION:    return "category-infection";
    default:                          return "category-other";
    }
}

const char *
talus_ui_evidence_css_class (TalusEvidence evidence)
{
  switch (evidence)
    {
    case TALUS_EVIDENCE_WORKS_WELL:      return "evidence-works-well";
    case TALUS_EVIDENCE_MAY_HELP:        return "evidence-may-help";
    case TALUS_EVIDENCE_NOT_PROVEN:      return "evidence-not-proven";
    case TALUS_EVIDENCE_NOT_RECOMMENDED: return "evidence-not-recommended";
    default:                             return "evidence-not-proven";
    }
}

const char *
talus_ui_urgency_css_class (TalusUrgency urgency)
{
  switch (urgency)
    {
    case TALUS_URGENCY_EMERGENCY:  return "urgency-emergency";
    case TALUS_URGENCY_SAME_DAY:   return "urgency-same-day";
    case TALUS_URGENCY_BOOK_VISIT: return "urgency-book-visit";
    default:                       return "urgency-book-visit";
    }
}

const char *
talus_ui_urgency_advice (TalusUrgency  urgency,
                         TalusAudience audience)
{
  if (audience == TALUS_AUDIENCE_PATIENT)
    {
      switch (urgency)
        {
        case TALUS_URGENCY_EMERGENCY:
          return _("Go to an emergency department or call emergency services now.");
        case TALUS_URGENCY_SAME_DAY:
          return _("See a doctor today.");
        case TALUS_URGENCY_BOOK_VISIT:
        default:
          return _("Book a visit with your doctor or physiotherapist.");
        }
    }

  switch (urgency)
    {
    case TALUS_URGENCY_EMERGENCY:
      return _("Emergency: arrange immediate assessment.");
    case TALUS_URGENCY_SAME_DAY:
      return _("Urgent: assess the same day.");
    case TALUS_URGENCY_BOOK_VISIT:
    default:
      return _("Routine: book a review.");
    }
}

void
talus_ui_box_clear (GtkBox *box)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BOX (box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}
