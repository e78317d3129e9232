/* talus-search-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "talus-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "talus-link-row.h"
#include "talus-search-page.h"

struct _TalusSearchPage
{
  AdwBin            parent_instance;

  TalusSearchIndex *index;
  /* With a knowledge base set, the index is built from it on the first query that needs it. */
  TalusKnowledgeBase *kb;
  TalusAudience     audience;
  GListModel       *results;
  char             *query;

  GtkLabel         *status_label;
  GtkListBox       *results_list;
};

G_DEFINE_FINAL_TYPE (TalusSearchPage, talus_search_page, ADW_TYPE_BIN)

static GtkWidget *
create_result_row (gpointer item,
                   gpointer user_data)
{
  TalusSearchResult *result = item;
  TalusLinkRow *row = TALUS_LINK_ROW (talus_link_row_new ());
  g_autofree char *title = g_markup_escape_text (talus_search_result_get_title (result), -1);
  const char *matched = talus_search_result_get_matched (result);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (row), TRUE);
  talus_link_row_set_title (row, title);
  talus_link_row_set_badge (row, talus_search_kind_to_label (talus_search_result_get_kind (result)),
                            "search-kind");
  if (g_strcmp0 (matched, talus_search_result_get_title (result)) != 0)
    {
      g_autofree char *note = g_markup_printf_escaped ("<i>%s</i>", matched);
      talus_link_row_set_note (row, note);
    }
  return GTK_WIDGET (row);
}

static void
update (TalusSearchPage *self)
{
  guint n;

  g_clear_object (&self->results);
  if (self->index == NULL && self->kb != NULL && self->query != NULL && *self->query != '\0')
    self->index = talus_search_index_new_for_knowledge_base (self->kb, self->audience);
  if (self->index != NULL && self->query != NULL)
    self->results = talus_search_index_query (self->index, self->query,
                                              TALUS_SEARCH_PAGE_MAX_RESULTS);
  n = self->results != NULL ? g_list_model_get_n_items (self->results) : 0;

  gtk_list_box_bind_model (self->results_list, self->results, create_result_row, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), n > 0);

  if (self->query == NULL || *self->query == '\0')
    gtk_label_set_label (self->status_label,
                         _("Search conditions, other names such as “runner’s heel”, symptoms, structures and tests."));
  else if (n == 0)
    gtk_label_set_label (self->status_label, _("No results. Try fewer or other words."));
  else
    gtk_label_set_label (self->status_label, _("Press Enter to open the first result, or Down to move through them."));
}

static void
row_activated_cb (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  TalusSearchPage *self)
{
  g_autoptr(TalusSearchResult) result = NULL;

  if (self->results == NULL)
    return;

  result = g_list_model_get_item (self->results, gtk_list_box_row_get_index (row));
  if (result != NULL)
    talus_search_page_open_result (GTK_WIDGET (self), result);
}

static void
talus_search_page_dispose (GObject *object)
{
  TalusSearchPage *self = (TalusSearchPage *) object;

  g_clear_object (&self->index);
  g_clear_object (&self->kb);
  g_clear_object (&self->results);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (talus_search_page_parent_class)->dispose (object);
}

static void
talus_search_page_class_init (TalusSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = talus_search_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/talus-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TalusSearchPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, TalusSearchPage, results_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
talus_search_page_init (TalusSearchPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
talus_search_page_new (void)
{
  return g_object_new (TALUS_TYPE_SEARCH_PAGE, NULL);
}

void
talus_search_page_set_index (TalusSearchPage  *self,
                             TalusSearchIndex *index)
{
  g_return_if_fail (TALUS_IS_SEARCH_PAGE (self));
  g_return_if_fail (index == NULL || TALUS_IS_SEARCH_INDEX (index));

  g_clear_object (&self->kb);
  if (g_set_object (&self->index, index))
    update (self);
}

void
talus_search_page_set_knowledge_base (TalusSearchPage    *self,
                                      TalusKnowledgeBase *kb,
                                      TalusAudience       audience)
{
  g_return_if_fail (TALUS_IS_SEARCH_PAGE (self));
  g_return_if_fail (kb == NULL || TALUS_IS_KNOWLEDGE_BASE (kb));

  /* Any index built so far is stale: the next query that needs one builds it. */
  g_set_object (&self->kb, kb);
  self->audience = audience;
  g_clear_object (&self->index);
  update (self);
}

void
talus_search_page_set_query (TalusSearchPage *self,
                             const char      *query)
{
  g_return_if_fail (TALUS_IS_SEARCH_PAGE (self));

  g_free (self->query);
  self->query = g_strdup (query);
  update (self);
}

GListModel *
talus_search_page_get_results (TalusSearchPage *self)
{
  g_return_val_if_fail (TALUS_IS_SEARCH_PAGE (self), NULL);
  return self->results;
}

gboolean
talus_search_page_activate_first (TalusSearchPage *self)
{
  g_autoptr(TalusSearchResult) first = NULL;

  g_return_val_if_fail (TALUS_IS_SEARCH_PAGE (self), FALSE);

  if (self->results == NULL || g_list_model_get_n_items (self->results) == 0)
    return FALSE;

  first = g_list_model_get_item (self->results, 0);
  talus_search_page_open_result (GTK_WIDGET (self), first);
  return TRUE;
}

void
talus_search_page_focus_results (TalusSearchPage *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (TALUS_IS_SEARCH_PAGE (self));

  row = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

void
talus_search_page_open_result (GtkWidget         *widget,
                               TalusSearchResult *result)
{
  const char *action;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (TALUS_IS_SEARCH_RESULT (result));

  switch (talus_search_result_get_kind (result))
    {
    case TALUS_SEARCH_KIND_CONDITION:
      action = "win.show-condition";
      break;
    case TALUS_SEARCH_KIND_STRUCTURE:
      action = "win.select-structure";
      break;
    case TALUS_SEARCH_KIND_REGION:
      action = "win.select-region";
      break;
    case TALUS_SEARCH_KIND_SYMPTOM:
    case TALUS_SEARCH_KIND_DIAGNOSTIC:
    case TALUS_SEARCH_KIND_CARE_OPTION:
    default:
      action = "win.show-entry";
      break;
    }

  gtk_widget_activate_action (widget, action, "s", talus_search_result_get_id (result));
}
