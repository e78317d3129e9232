/* anatomy-demo.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window with TalusAnatomyView alone, for looking at the drawings (not installed):
 *   anatomy-demo [VIEW] [--dark] [--select ID] [--highlight ID,ID] [--zoom Z] [--layers all|none]
 */

#include "config.h"

#include <adwaita.h>

#include "talus-anatomy-view.h"

static char *opt_select;
static char *opt_highlight;
static char *opt_layers;
static double opt_zoom = 1.0;
static gboolean opt_dark;
static gboolean opt_focus;

static const GOptionEntry entries[] = {
  { "select", 0, 0, G_OPTION_ARG_STRING, &opt_select, "Select a structure or region", "ID" },
  { "highlight", 0, 0, G_OPTION_ARG_STRING, &opt_highlight, "Highlight ids", "ID,ID" },
  { "layers", 0, 0, G_OPTION_ARG_STRING, &opt_layers, "all, none or default", "LAYERS" },
  { "zoom", 0, 0, G_OPTION_ARG_DOUBLE, &opt_zoom, "Zoom", "Z" },
  { "dark", 0, 0, G_OPTION_ARG_NONE, &opt_dark, "Dark style", NULL },
  { "focus", 0, 0, G_OPTION_ARG_NONE, &opt_focus, "Tab into the drawing", NULL },
  { NULL },
};

static void
update_status (TalusAnatomyView *view,
               GtkLabel         *label)
{
  const char *structure = talus_anatomy_view_get_selected_structure (view);
  const char *region = talus_anatomy_view_get_selected_region (view);
  g_autofree char *text = g_strdup_printf ("structure: %s   region: %s   zoom: %.2f",
                                           structure != NULL ? structure : "–",
                                           region != NULL ? region : "–",
                                           talus_anatomy_view_get_zoom (view));

  gtk_label_set_text (label, text);
}

static void
zoom_changed_cb (TalusAnatomyView *view,
                 GParamSpec       *pspec,
                 GtkLabel         *label)
{
  update_status (view, label);
}

static void
view_toggled_cb (GtkToggleButton  *button,
                 TalusAnatomyView *view)
{
  if (gtk_toggle_button_get_active (button))
    talus_anatomy_view_set_view (view,
                                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "view")));
}

static void
layer_toggled_cb (GtkToggleButton  *button,
                  TalusAnatomyView *view)
{
  TalusLayers flag = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "flag"));
  TalusLayers layers = talus_anatomy_view_get_layers (view);

  talus_anatomy_view_set_layers (view, gtk_toggle_button_get_active (button) ? layers | flag
                                                                             : layers & ~flag);
}

static void
activate_cb (GtkApplication *app,
             const char     *nick)
{
  static const struct { const char *label; TalusLayers flag; } layer_buttons[] = {
    { "Labels", TALUS_LAYER_LABELS }, { "Ligaments", TALUS_LAYER_LIGAMENTS },
    { "Tendons", TALUS_LAYER_TENDONS }, { "Nerves", TALUS_LAYER_NERVES },
    { "Soft tissue", TALUS_LAYER_SOFT }, { "Ottawa points", TALUS_LAYER_LANDMARKS },
    { "Regions", TALUS_LAYER_REGIONS_VISIBLE },
  };
  g_autoptr (TalusKnowledgeBase) kb = talus_knowledge_base_new ();
  g_autoptr (GError) error = NULL;
  GtkWidget *window, *box, *bar, *view, *status, *group = NULL;
  TalusViewKind kind = TALUS_VIEW_LATERAL;

  if (!talus_knowledge_base_load_shipped (kb, &error))
    g_printerr ("knowledge base: %s\n", error->message);
  talus_view_kind_from_nick (nick, &kind);

  if (opt_dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  window = gtk_application_window_new (app);
  gtk_window_set_title (GTK_WINDOW (window), "Anatomy demo");
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (bar, 6);
  gtk_widget_set_margin_end (bar, 6);
  gtk_widget_set_margin_top (bar, 6);
  gtk_box_append (GTK_BOX (box), bar);

  view = talus_anatomy_view_new ();
  gtk_widget_set_vexpand (view, TRUE);
  talus_anatomy_view_set_knowledge_base (TALUS_ANATOMY_VIEW (view), kb);
  talus_anatomy_view_set_view (TALUS_ANATOMY_VIEW (view), kind);
  if (g_strcmp0 (opt_layers, "all") == 0)
    talus_anatomy_view_set_layers (TALUS_ANATOMY_VIEW (view), TALUS_LAYER_ALL);
  else if (g_strcmp0 (opt_layers, "none") == 0)
    talus_anatomy_view_set_layers (TALUS_ANATOMY_VIEW (view), 0);

  for (guint v = 0; v < TALUS_VIEW_N_KINDS; v++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (talus_view_kind_to_label (v));

      g_object_set_data (G_OBJECT (button), "view", GINT_TO_POINTER (v));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
      else
        group = button;
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), v == kind);
      g_signal_connect (button, "toggled", G_CALLBACK (view_toggled_cb), view);
      gtk_box_append (GTK_BOX (bar), button);
    }
  gtk_box_append (GTK_BOX (bar), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  for (guint i = 0; i < G_N_ELEMENTS (layer_buttons); i++)
    {
      GtkWidget *button = gtk_check_button_new_with_label (layer_buttons[i].label);

      g_object_set_data (G_OBJECT (button), "flag", GINT_TO_POINTER (layer_buttons[i].flag));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button),
                                   (talus_anatomy_view_get_layers (TALUS_ANATOMY_VIEW (view)) &
                                    layer_buttons[i].flag) != 0);
      g_signal_connect (button, "toggled", G_CALLBACK (layer_toggled_cb), view);
      gtk_box_append (GTK_BOX (bar), button);
    }

  gtk_box_append (GTK_BOX (box), view);
  status = gtk_label_new (NULL);
  gtk_widget_set_halign (status, GTK_ALIGN_START);
  gtk_widget_set_margin_start (status, 12);
  gtk_widget_set_margin_bottom (status, 6);
  gtk_box_append (GTK_BOX (box), status);
  g_signal_connect (view, "selection-changed", G_CALLBACK (update_status), status);
  g_signal_connect (view, "notify::zoom", G_CALLBACK (zoom_changed_cb), status);
  update_status (TALUS_ANATOMY_VIEW (view), GTK_LABEL (status));

  if (opt_select != NULL)
    talus_anatomy_view_select (TALUS_ANATOMY_VIEW (view), opt_select);
  if (opt_highlight != NULL)
    {
      g_auto (GStrv) ids = g_strsplit (opt_highlight, ",", -1);

      talus_anatomy_view_set_highlight (TALUS_ANATOMY_VIEW (view), (const char * const *) ids);
    }

  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  talus_anatomy_view_set_zoom (TALUS_ANATOMY_VIEW (view), opt_zoom);
  gtk_widget_grab_focus (view);
  if (opt_focus)
    gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (AdwApplication) app = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new ("[VIEW]");
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  app = adw_application_new ("io.github.talusanatomy.Talus.AnatomyDemo",
                             G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), argc > 1 ? argv[1] : "lateral");

  return g_application_run (G_APPLICATION (app), 1, argv);
}
