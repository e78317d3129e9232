/* bench-minimal-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The start-up and memory baseline of issue 10: the smallest libadwaita window there is (an
 * AdwApplicationWindow holding a header bar and a label), at Talus's default size. It prints the
 * time from the application's construction to the end of the first painted frame in the same
 * words and from the same point as `talus --benchmark-startup` (TalusApplication's init, the
 * frame clock's "after-paint"), then quits.
 *
 *   --rss  after the first frame, wait 500 ms, then also print "VmHWM N kB" (peak resident
 *          memory of this process, from /proc/self/status).
 */

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

typedef struct
{
  AdwApplication *app;
  gint64          start_time;
  gulong          after_paint_id;
  gboolean        rss;
} Bench;

static long
read_vm_hwm_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + strlen ("VmHWM:"), NULL, 10) : -1;
}

static gboolean
print_rss_and_quit_cb (gpointer user_data)
{
  Bench *bench = user_data;

  g_print ("VmHWM %ld kB\n", read_vm_hwm_kb ());
  fflush (stdout);
  g_application_quit (G_APPLICATION (bench->app));
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  g_signal_handler_disconnect (clock, bench->after_paint_id);
  bench->after_paint_id = 0;

  g_print ("%.1f ms to first frame\n", (g_get_monotonic_time () - bench->start_time) / 1000.0);
  fflush (stdout);

  if (bench->rss)
    g_timeout_add (500, print_rss_and_quit_cb, bench);
  else
    g_application_quit (G_APPLICATION (bench->app));
}

static void
map_cb (GtkWidget *window,
        Bench     *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  if (clock != NULL && bench->after_paint_id == 0)
    bench->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb),
                                              bench);
}

static void
activate_cb (GApplication *app,
             Bench        *bench)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Minimal window");

  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Minimal window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);

  g_signal_connect (window, "map", G_CALLBACK (map_cb), bench);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0 };
  int status;

  for (int i = 1; i < argc; i++)
    if (g_strcmp0 (argv[i], "--rss") == 0)
      bench.rss = TRUE;

  bench.start_time = g_get_monotonic_time ();
  bench.app = adw_application_new ("io.github.talusanatomy.Talus.BenchMinimal",
                                   G_APPLICATION_NON_UNIQUE);
  g_signal_connect (bench.app, "activate", G_CALLBACK (activate_cb), &bench);
  status = g_application_run (G_APPLICATION (bench.app), 1, argv);
  g_object_unref (bench.app);

  return status;
}
