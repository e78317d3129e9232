/* talus-link-row.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "talus-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "talus-link-row.h"
#include "talus-ui-util.h"

struct _TalusLinkRow
{
  GtkListBoxRow  parent_instance;

  GtkLabel      *title_label;
  GtkLabel      *badge_label;
  GtkLabel      *text_label;
  GtkLabel      *note_label;
  GtkLabel      *links_label;
  char          *badge_class;
};

G_DEFINE_FINAL_TYPE (TalusLinkRow, talus_link_row, GTK_TYPE_LIST_BOX_ROW)

static void
set_optional (GtkLabel   *label,
              const char *text,
              gboolean    markup)
{
  gboolean visible = text != NULL && *text != '\0';

  if (markup)
    gtk_label_set_markup (label, visible ? text : "");
  else
    gtk_label_set_text (label, visible ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), visible);
}

static void
talus_link_row_finalize (GObject *object)
{
  TalusLinkRow *self = (TalusLinkRow *) object;

  g_free (self->badge_class);

  G_OBJECT_CLASS (talus_link_row_parent_class)->finalize (object);
}

static void
talus_link_row_class_init (TalusLinkRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = talus_link_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/talus-link-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TalusLinkRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, TalusLinkRow, badge_label);
  gtk_widget_class_bind_template_child (widget_class, TalusLinkRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, TalusLinkRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, TalusLinkRow, links_label);
  gtk_widget_class_bind_template_callback (widget_class, talus_ui_activate_link_cb);
}

static void
talus_link_row_init (TalusLinkRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
talus_link_row_new (void)
{
  return g_object_new (TALUS_TYPE_LINK_ROW, NULL);
}

void
talus_link_row_set_title (TalusLinkRow *self,
                          const char   *markup)
{
  g_return_if_fail (TALUS_IS_LINK_ROW (self));
  gtk_label_set_markup (self->title_label, markup != NULL ? markup : "");
}

void
talus_link_row_set_badge (TalusLinkRow *self,
                          const char   *text,
                          const char   *css_class)
{
  g_return_if_fail (TALUS_IS_LINK_ROW (self));

  if (self->badge_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->badge_label), self->badge_class);
  g_free (self->badge_class);
  self->badge_class = g_strdup (css_class);
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->badge_label), css_class);
  set_optional (self->badge_label, text, FALSE);
}

void
talus_link_row_set_text (TalusLinkRow *self,
                         const char   *text)
{
  g_return_if_fail (TALUS_IS_LINK_ROW (self));
  set_optional (self->text_label, text, FALSE);
}

void
talus_link_row_set_note (TalusLinkRow *self,
                         const char   *markup)
{
  g_return_if_fail (TALUS_IS_LINK_ROW (self));
  set_optional (self->note_label, markup, TRUE);
}

void
talus_link_row_set_links (TalusLinkRow *self,
                          const char   *markup)
{
  g_autofree char *full = NULL;

  g_return_if_fail (TALUS_IS_LINK_ROW (self));

  if (markup != NULL)
    /* Translators: followed by a list of other conditions */
    full = g_strdup_printf ("%s %s", _("Also in:"), markup);
  set_optional (self->links_label, full, TRUE);
}
