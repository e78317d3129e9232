/* test-handout.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The handout engine against the shipped knowledge base: PDFs are written, then read back with
 * poppler-utils (pdfinfo, pdftotext), and pages are replayed onto cairo recording surfaces.
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cairo-pdf.h>

#include "talus-anatomy-document.h"
#include "talus-handout.h"
#include "talus-link.h"

static TalusKnowledgeBase *kb;

typedef struct {
  const char    *condition_id;
  TalusPaper     paper;
  TalusAudience  audience;
} PdfCase;

static const PdfCase pdf_cases[] = {
  { "ankle-sprain", TALUS_PAPER_A4, TALUS_AUDIENCE_PATIENT },
  { "ankle-sprain", TALUS_PAPER_LETTER, TALUS_AUDIENCE_PATIENT },
  { "ankle-sprain", TALUS_PAPER_A4, TALUS_AUDIENCE_CLINICIAN },
  { "plantar-fasciitis", TALUS_PAPER_A4, TALUS_AUDIENCE_PATIENT },
  { "plantar-fasciitis", TALUS_PAPER_LETTER, TALUS_AUDIENCE_PATIENT },
  { "achilles-tendinopathy", TALUS_PAPER_LETTER, TALUS_AUDIENCE_PATIENT },
  { "achilles-tendinopathy", TALUS_PAPER_A4, TALUS_AUDIENCE_CLINICIAN },
};

/* ------------------------------------------------------------------------------------------ */
/* Helpers */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("talus-handout-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The names in @dir, sorted and joined with spaces. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);

  return out;
}

static guint
pdf_n_pages (const char *path,
             char      **page_size)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Pages:"))
        n = (guint) g_ascii_strtoull (lines[i] + strlen ("Pages:"), NULL, 10);
      else if (g_str_has_prefix (lines[i], "Page size:") && page_size != NULL)
        *page_size = g_strstrip (g_strdup (lines[i] + strlen ("Page size:")));
    }

  return n;
}

/* Text squashed for comparison: letters and digits only, folded to lower case, so that line
 * breaks, a break after a hyphen and spacing do not matter. */
static char *
squash (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, g_unichar_tolower (c));
    }

  return g_string_free (out, FALSE);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run_tool (argv);

  return squash (text);
}

/* The text between the header and the footer of every page, so that a paragraph running over a
 * page break reads as one. */
static char *
pdf_body_text (TalusHandout *handout,
               const char   *path)
{
  double x, y, width, height;
  g_autofree char *arg_y = NULL;
  g_autofree char *arg_w = NULL;
  g_autofree char *arg_h = NULL;
  g_autofree char *text = NULL;

  talus_handout_get_content_box (handout, &x, &y, &width, &height);
  arg_y = g_strdup_printf ("%d", (int) (y + 25));
  arg_w = g_strdup_printf ("%d", (int) (x + width + x));
  arg_h = g_strdup_printf ("%d", (int) (height - 50));
  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-x", "0", "-y", arg_y, "-W", arg_w,
                           "-H", arg_h, path, "-", NULL };

    text = run_tool (argv);
  }

  return squash (text);
}

static void
assert_has_text (const char *haystack,
                 const char *text,
                 const char *what)
{
  g_autofree char *needle = squash (text);

  if (strstr (haystack, needle) == NULL)
    g_error ("the PDF lacks %s: “%s”", what, text);
}

/* A word of pdftotext -bbox-layout. */
typedef struct {
  guint  page;
  double x0, y0, x1, y1;
  char  *text;
} Word;

static void
word_clear (Word *word)
{
  g_free (word->text);
}

static GArray *
pdf_words (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *html = run_tool (argv);
  g_autoptr(GRegex) regex = g_regex_new ("<page |<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                         "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  int page = -1;

  g_array_set_clear_func (words, (GDestroyNotify) word_clear);
  g_regex_match (regex, html, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *all = g_match_info_fetch (match, 0);

      if (g_str_has_prefix (all, "<page"))
        page++;
      else
        {
          Word word;
          g_autofree char *x0 = g_match_info_fetch (match, 1);
          g_autofree char *y0 = g_match_info_fetch (match, 2);
          g_autofree char *x1 = g_match_info_fetch (match, 3);
          g_autofree char *y1 = g_match_info_fetch (match, 4);

          g_assert_cmpint (page, >=, 0);
          word.page = page;
          word.x0 = g_ascii_strtod (x0, NULL);
          word.y0 = g_ascii_strtod (y0, NULL);
          word.x1 = g_ascii_strtod (x1, NULL);
          word.y1 = g_ascii_strtod (y1, NULL);
          word.text = g_match_info_fetch (match, 5);
          g_array_append_val (words, word);
        }
      g_match_info_next (match, NULL);
    }

  return words;
}

/* Bézier segments ("x1 y1 x2 y2 x3 y3 c") in every Flate stream of a PDF. Text is drawn with
 * fonts, so these come from drawn shapes: they show that the drawing stayed vector. */
static guint
pdf_count_curves (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GRegex) curve = g_regex_new ("(?:-?[0-9.]+\\s+){6}c\\b", G_REGEX_RAW, 0, NULL);
  gsize length = 0;
  guint count = 0;
  const char *p;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));

  p = data;
  /* memmem, not g_strstr_len: the PDF holds binary data with NUL bytes. */
  while ((p = memmem (p, length - (p - data), "stream", strlen ("stream"))) != NULL)
    {
      const char *start = p + strlen ("stream");
      const char *end;
      g_autoptr(GConverter) zlib = NULL;
      g_autoptr(GInputStream) raw = NULL;
      g_autoptr(GInputStream) in = NULL;
      g_autoptr(GOutputStream) out = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (p > data && p[-1] == 'd') /* "endstream" */
        {
          p = start;
          continue;
        }
      if (*start == '\r')
        start++;
      if (*start != '\n')
        {
          p = start;
          continue;
        }
      start++;
      end = memmem (start, length - (start - data), "endstream", strlen ("endstream"));
      if (end == NULL)
        break;

      zlib = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
      /* The end-of-line before "endstream" is not part of the data. */
      raw = g_memory_input_stream_new_from_data (start, end - start - (end[-1] == '\n' ? 1 : 0),
                                                 NULL);
      in = g_converter_input_stream_new (raw, zlib);
      out = g_memory_output_stream_new_resizable ();
      if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL) > 0)
        {
          GMemoryOutputStream *mem = G_MEMORY_OUTPUT_STREAM (out);
          const char *text = g_memory_output_stream_get_data (mem);
          gsize size = g_memory_output_stream_get_data_size (mem);

          g_regex_match_full (curve, text, size, 0, 0, &match, NULL);
          for (; g_match_info_matches (match); g_match_info_next (match, NULL))
            count++;
        }
      p = end + strlen ("endstream");
    }

  return count;
}

/* The view the handout draws: the one holding the most of @condition's structures, the first
 * of those. */
static TalusAnatomyDocument *
figure_document (TalusCondition *condition)
{
  GListModel *structures = talus_condition_get_structures (condition);
  TalusAnatomyDocument *best = NULL;
  guint best_found = 0;

  for (guint v = 0; v < TALUS_VIEW_N_KINDS; v++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TalusAnatomyDocument) doc = talus_anatomy_document_new_for_view (v, &error);
      guint found = 0;

      g_assert_no_error (error);
      for (guint i = 0; i < g_list_model_get_n_items (structures); i++)
        {
          g_autoptr(TalusEntry) structure = g_list_model_get_item (structures, i);

          if (talus_anatomy_document_has_id (doc, talus_entry_get_id (structure)))
            found++;
        }
      if (found > best_found)
        {
          best_found = found;
          g_set_object (&best, doc);
        }
    }

  return best;
}

/* Every page drawn onto an unbounded recording surface stays inside the content box. */
static void
assert_pages_inside_margins (TalusHandout *handout)
{
  double x, y, width, height;
  guint n = talus_handout_get_n_pages (handout);

  talus_handout_get_content_box (handout, &x, &y, &width, &height);
  g_assert_cmpfloat (x, >=, 17.5 * 72 / 25.4);
  g_assert_cmpfloat (y, >=, 17.5 * 72 / 25.4);

  for (guint i = 0; i < n; i++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      double ix, iy, iw, ih;

      /* Ink extents come in whole device units: measure in quarter points. */
      cairo_scale (cr, 4, 4);
      talus_handout_draw_page (handout, cr, i);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (surface, &ix, &iy, &iw, &ih);
      cairo_surface_destroy (surface);
      ix /= 4;
      iy /= 4;
      iw /= 4;
      ih /= 4;

      if (ix < x - 0.26 || iy < y - 0.26 ||
          ix + iw > x + width + 0.26 || iy + ih > y + height + 0.26)
        g_error ("%s page %u draws at %.2f,%.2f %.2fx%.2f, outside the box %.2f,%.2f %.2fx%.2f",
                 talus_entry_get_id (TALUS_ENTRY (talus_handout_get_condition (handout))), i + 1,
                 ix, iy, iw, ih, x, y, width, height);
      /* The page has its body, not just a header and a footer. */
      g_assert_cmpfloat (ih, >, height * 0.5);
    }
}

/* No two words on a page overlap, and every word is inside the content box. */
static void
assert_words_apart (TalusHandout *handout,
                    GArray       *words)
{
  double x, y, width, height;

  talus_handout_get_content_box (handout, &x, &y, &width, &height);

  for (guint i = 0; i < words->len; i++)
    {
      Word *a = &g_array_index (words, Word, i);

      g_assert_cmpfloat (a->x0, >=, x - 0.5);
      g_assert_cmpfloat (a->y0, >=, y - 0.5);
      g_assert_cmpfloat (a->x1, <=, x + width + 0.5);
      g_assert_cmpfloat (a->y1, <=, y + height + 0.5);

      for (guint j = i + 1; j < words->len; j++)
        {
          Word *b = &g_array_index (words, Word, j);

          if (b->page != a->page)
            break;
          /* Boxes are the font's ascent to descent; lines 1 pt apart in a tight caption may
           * touch, but no two words may share space. */
          if (MIN (a->x1, b->x1) - MAX (a->x0, b->x0) > 0.5 &&
              MIN (a->y1, b->y1) - MAX (a->y0, b->y0) > 1.0)
            g_error ("words overlap on page %u: “%s” (%.1f,%.1f) and “%s” (%.1f,%.1f)",
                     a->page + 1, a->text, a->x0, a->y0, b->text, b->x0, b->y0);
        }
    }
}

/* Each section heading is followed on its page by at least two lines of its section. */
static void
assert_heading_kept_with_text (TalusHandout *handout,
                               GArray       *words,
                               const char   *heading)
{
  g_auto(GStrv) parts = g_strsplit (heading, " ", -1);
  guint n_parts = g_strv_length (parts);
  double x, y, width, height;
  gboolean found = FALSE;

  talus_handout_get_content_box (handout, &x, &y, &width, &height);

  for (guint i = 0; i + n_parts <= words->len && !found; i++)
    {
      Word *first = &g_array_index (words, Word, i);
      g_autoptr(GHashTable) lines = NULL;
      double bottom = first->y1;

      for (guint k = 0; k < n_parts; k++)
        {
          Word *word = &g_array_index (words, Word, i + k);

          if (g_strcmp0 (word->text, parts[k]) != 0 || word->page != first->page ||
              fabs (word->y0 - first->y0) > 0.5)
            break;
          if (k + 1 == n_parts)
            found = TRUE;
        }
      if (!found)
        continue;

      /* Lines below the heading on its page, above the footer. */
      lines = g_hash_table_new (g_direct_hash, g_direct_equal);
      for (guint j = 0; j < words->len; j++)
        {
          Word *word = &g_array_index (words, Word, j);

          if (word->page == first->page && word->y0 > bottom - 0.5 &&
              word->y1 < y + height - 20.0)
            g_hash_table_add (lines, GINT_TO_POINTER ((int) lround (word->y0 * 2)));
        }
      if (g_hash_table_size (lines) < 2)
        g_error ("heading “%s” ends page %u with %u line(s) after it", heading,
                 first->page + 1, g_hash_table_size (lines));
    }

  if (!found)
    g_error ("heading “%s” not found on one line", heading);
}

static gboolean
has_checked_tests (TalusCondition *condition)
{
  GListModel *links = talus_condition_get_diagnostics (condition);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(TalusLink) link = g_list_model_get_item (links, i);

      if (talus_diagnostic_get_kind (TALUS_DIAGNOSTIC (talus_link_get_target (link))) !=
          TALUS_DIAGNOSTIC_HISTORY)
        return TRUE;
    }

  return FALSE;
}

/* ------------------------------------------------------------------------------------------ */
/* Tests */

static void
test_paper (void)
{
  double width, height;
  TalusPaper paper;

  talus_paper_get_size (TALUS_PAPER_A4, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.001);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.001);
  talus_paper_get_size (TALUS_PAPER_LETTER, &width, &height);
  g_assert_cmpfloat (width, ==, 612.0);
  g_assert_cmpfloat (height, ==, 792.0);

  g_assert_true (talus_paper_from_nick ("Letter", &paper));
  g_assert_cmpint (paper, ==, TALUS_PAPER_LETTER);
  g_assert_true (talus_paper_from_nick (talus_paper_to_nick (TALUS_PAPER_A4), &paper));
  g_assert_cmpint (paper, ==, TALUS_PAPER_A4);
  g_assert_false (talus_paper_from_nick ("a5", &paper));
  g_assert_cmpint (talus_paper_for_size (792, 612), ==, TALUS_PAPER_LETTER);
  g_assert_cmpint (talus_paper_for_size (595, 842), ==, TALUS_PAPER_A4);
}

static void
test_pdf (gconstpointer data)
{
  const PdfCase *test = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TalusHandout) handout = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 4, 10, 0, 0);
  g_autoptr(GArray) words = NULL;
  g_autoptr(TalusAnatomyDocument) doc = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *page_size = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *clinician_summary = NULL;
  TalusCondition *condition;
  GListModel *flags;
  double width, height;
  guint n_pages;

  handout = talus_handout_new_for_id (kb, test->condition_id, &error);
  g_assert_no_error (error);
  condition = talus_handout_get_condition (handout);
  talus_handout_set_paper (handout, test->paper);
  talus_handout_set_audience (handout, test->audience);
  talus_handout_set_date (handout, date);
  talus_handout_set_clinic_name (handout, "Riverside Foot Clinic");

  n_pages = talus_handout_paginate (handout, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 1);
  g_assert_cmpuint (n_pages, <=, 8);

  g_assert_true (talus_handout_export_pdf (handout, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* Only the PDF: the temporary file was renamed. */
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "handout.pdf");

  /* Page count and size. */
  g_assert_cmpuint (pdf_n_pages (path, &page_size), ==, n_pages);
  talus_paper_get_size (test->paper, &width, &height);
  g_assert_cmpstr (page_size, ==, test->paper == TALUS_PAPER_A4 ? "595.276 x 841.89 pts (A4)"
                                                                : "612 x 792 pts (letter)");

  /* Header and footer on every page. */
  text = pdf_text (path);
  assert_has_text (text, "Riverside Foot Clinic", "the clinic name");
  assert_has_text (text, "4 March 2026", "the date");
  for (guint i = 1; i <= n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i, n_pages);

      assert_has_text (text, number, "a page number");
    }
  g_clear_pointer (&text, g_free);

  /* The body: title, headings, the summary, red flags. */
  text = pdf_body_text (handout, path);
  assert_has_text (text, talus_entry_get_patient_name (TALUS_ENTRY (condition)), "the plain name");
  assert_has_text (text, talus_entry_get_name (TALUS_ENTRY (condition)), "the medical name");
  if (g_list_model_get_n_items (talus_condition_get_symptoms (condition)) > 0)
    assert_has_text (text, "What you may notice", "a heading");
  if (has_checked_tests (condition))
    assert_has_text (text, "How it is checked", "a heading");
  assert_has_text (text, "Your care plan", "a heading");
  assert_has_text (text, "This leaflet is for education. It is not a diagnosis.", "the disclaimer");
  flags = talus_condition_get_red_flags (condition);
  if (g_list_model_get_n_items (flags) > 0)
    assert_has_text (text, "Get help urgently if", "a heading");
  for (guint i = 0; i < g_list_model_get_n_items (flags); i++)
    {
      g_autoptr(TalusEntry) flag = g_list_model_get_item (flags, i);

      assert_has_text (text, talus_entry_get_display_summary (flag, test->audience), "a red flag");
      assert_has_text (text,
                       talus_urgency_to_label (talus_red_flag_get_urgency (TALUS_RED_FLAG (flag))),
                       "an urgency label");
    }

  /* A patient's red-flag box is never split: its heading and every flag share one page. */
  if (test->audience == TALUS_AUDIENCE_PATIENT && g_list_model_get_n_items (flags) > 0)
    {
      guint box_page = 0;

      for (guint page = 1; page <= n_pages && box_page == 0; page++)
        {
          g_autofree char *first = g_strdup_printf ("%u", page);
          const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, path, "-",
                                 NULL };
          g_autofree char *raw = run_tool (argv);
          g_autofree char *page_text = squash (raw);
          g_autofree char *heading = squash ("Get help urgently if");

          if (strstr (page_text, heading) == NULL)
            continue;
          box_page = page;
          for (guint i = 0; i < g_list_model_get_n_items (flags); i++)
            {
              g_autoptr(TalusEntry) flag = g_list_model_get_item (flags, i);

              assert_has_text (page_text, talus_entry_get_display_summary (flag, test->audience),
                               "a red flag on the page of the red-flag box");
            }
        }
      g_assert_cmpuint (box_page, >=, 1);
    }

  /* The audience decides the text: the clinician summary only on a clinician's handout. */
  summary = squash (talus_entry_get_patient_summary (TALUS_ENTRY (condition)));
  clinician_summary = squash (talus_entry_get_summary (TALUS_ENTRY (condition)));
  {
    const char *display = talus_entry_get_display_summary (TALUS_ENTRY (condition),
                                                           test->audience);
    g_auto(GStrv) sentences = g_regex_split_simple ("(?<=[.!?])\\s+", display, 0, 0);

    for (guint i = 0; sentences[i] != NULL; i++)
      assert_has_text (text, sentences[i], "a sentence of the summary");
  }
  if (test->audience == TALUS_AUDIENCE_PATIENT)
    g_assert_null (strstr (text, clinician_summary));
  else
    g_assert_null (strstr (text, summary));

  /* Layout: nothing outside the margins, no overlapping words, no orphaned heading. */
  assert_pages_inside_margins (handout);
  words = pdf_words (path);
  g_assert_cmpuint (words->len, >, 100);
  assert_words_apart (handout, words);
  assert_heading_kept_with_text (handout, words, "Your care plan");
  if (g_list_model_get_n_items (talus_condition_get_symptoms (condition)) > 0)
    assert_heading_kept_with_text (handout, words, "What you may notice");
  if (has_checked_tests (condition))
    assert_heading_kept_with_text (handout, words, "How it is checked");

  /* The figure is vector: the handout holds at least half the Bézier segments of the drawing
   * rendered alone (half, because the handout crops the drawing to the affected part). A
   * rasterized or missing figure leaves only the few curves of boxes and bullets. */
  doc = figure_document (condition);
  if (doc != NULL)
    {
      g_autofree char *alone = g_build_filename (dir, "figure.pdf", NULL);
      cairo_surface_t *surface = cairo_pdf_surface_create (alone, 600, 400);
      cairo_t *cr = cairo_create (surface);
      guint figure_curves, handout_curves;

      g_assert_true (talus_anatomy_document_render (doc, cr, 600, 400, TALUS_LAYER_DEFAULT,
                                                    NULL, NULL, &error));
      g_assert_no_error (error);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);

      figure_curves = pdf_count_curves (alone);
      handout_curves = pdf_count_curves (path);
      g_test_message ("%s: %u curves in the drawing, %u in the handout", test->condition_id,
                      figure_curves, handout_curves);
      g_assert_cmpuint (figure_curves, >=, 100);
      g_assert_cmpuint (handout_curves, >=, figure_curves / 2);
    }

  /* Nothing on a handout is raster: a printed page must stay sharp. (librsvg rasterizes
   * filters and masks at the target's 72 dpi, so a drawing with them fails here.) */
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    if (memmem (contents, length, "/Subtype /Image", strlen ("/Subtype /Image")) != NULL)
      g_error ("%s holds a raster image", test->condition_id);
  }

  remove_dir (dir);
}

static void
test_ticked_and_notes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TalusHandout) handout = talus_handout_new_for_id (kb, "ankle-sprain", &error);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "ticked.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(TalusLink) link = NULL;
  GListModel *care;
  const char *ticked[2] = { NULL, NULL };

  g_assert_no_error (error);
  care = talus_condition_get_care (talus_handout_get_condition (handout));
  link = g_list_model_get_item (care, 0);
  ticked[0] = talus_entry_get_id (talus_link_get_target (link));
  talus_handout_set_ticked_care (handout, ticked);
  talus_handout_set_clinician_notes (handout, "Walk for ten minutes twice a day.\n\n"
                                              "Come back in two weeks.");
  g_assert_cmpstr (talus_handout_get_ticked_care (handout)[0], ==, ticked[0]);

  g_assert_true (talus_handout_export_pdf (handout, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  assert_has_text (text, "Notes from your clinician", "the notes heading");
  assert_has_text (text, "Walk for ten minutes twice a day.", "the notes");
  assert_has_text (text, "Come back in two weeks.", "the notes");
  assert_has_text (text, "The ticked boxes show what your clinician suggests for you",
                   "the legend");
  assert_pages_inside_margins (handout);

  remove_dir (dir);
}

/* Paragraphs split over pages keep at least two lines on each side (no orphan, no widow). */
static void
test_widows_orphans (gconstpointer data)
{
  TalusPaper paper = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(TalusHandout) handout = talus_handout_new_for_id (kb, "plantar-fasciitis", &error);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GArray) words = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.pdf", NULL);
  guint splits = 0;
  const guint n_paragraphs = 26;

  g_assert_no_error (error);

  /* Paragraph k repeats the word "notek" (k as a letter) over 3 to 9 lines. */
  for (guint k = 0; k < n_paragraphs; k++)
    {
      guint n_words = 8 * (3 + (k * 5) % 7) + 3;

      for (guint w = 0; w < n_words; w++)
        g_string_append_printf (notes, "note%c ", 'a' + k);
      g_string_append (notes, "\n\n");
    }
  talus_handout_set_paper (handout, paper);
  talus_handout_set_clinician_notes (handout, notes->str);
  g_assert_true (talus_handout_export_pdf (handout, path, &error));
  g_assert_no_error (error);
  assert_pages_inside_margins (handout);

  words = pdf_words (path);
  for (guint k = 0; k < n_paragraphs; k++)
    {
      g_autofree char *token = g_strdup_printf ("note%c", 'a' + k);
      g_autoptr(GHashTable) pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                           (GDestroyNotify) g_hash_table_unref);
      GHashTableIter iter;
      gpointer key, value;

      for (guint i = 0; i < words->len; i++)
        {
          Word *word = &g_array_index (words, Word, i);
          GHashTable *lines;

          if (g_strcmp0 (word->text, token) != 0)
            continue;
          lines = g_hash_table_lookup (pages, GUINT_TO_POINTER (word->page + 1));
          if (lines == NULL)
            {
              lines = g_hash_table_new (g_direct_hash, g_direct_equal);
              g_hash_table_insert (pages, GUINT_TO_POINTER (word->page + 1), lines);
            }
          g_hash_table_add (lines, GINT_TO_POINTER ((int) lround (word->y0 * 2)));
        }

      g_assert_cmpuint (g_hash_table_size (pages), >=, 1);
      g_assert_cmpuint (g_hash_table_size (pages), <=, 2);
      if (g_hash_table_size (pages) == 2)
        splits++;

      g_hash_table_iter_init (&iter, pages);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (g_hash_table_size (value) < 2)
          g_error ("paragraph %s has a single line on page %u", token, GPOINTER_TO_UINT (key));
    }

  /* The notes run over pages, so the rule was exercised. */
  g_test_message ("%u paragraphs split over pages", splits);
  g_assert_cmpuint (splits, >=, 1);

  remove_dir (dir);
}

static void
test_unknown_id (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TalusHandout) handout = talus_handout_new_for_id (kb, "no-such-condition", &error);

  g_assert_null (handout);
  g_assert_error (error, TALUS_KB_ERROR, TALUS_KB_ERROR_UNKNOWN_ID);
  g_assert_nonnull (strstr (error->message, "no-such-condition"));
}

static void
assert_export_fails (TalusHandout *handout,
                     const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("Could not write %s: ", path);

  g_assert_false (talus_handout_export_pdf (handout, path, &error));
  g_assert_error (error, TALUS_HANDOUT_ERROR, TALUS_HANDOUT_ERROR_WRITE);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_cmpuint (strlen (error->message), >, strlen (prefix));
}

static void
test_unwritable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TalusHandout) handout = talus_handout_new_for_id (kb, "ankle-sprain", &error);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *file = g_build_filename (dir, "file", NULL);
  g_autofree char *under_file = g_build_filename (file, "out.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "out.pdf", NULL);
  g_autofree char *listing = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (file, "x", 1, NULL));

  assert_export_fails (handout, "/proc/foo.pdf");
  g_assert_false (g_file_test ("/proc/foo.pdf", G_FILE_TEST_EXISTS));
  assert_export_fails (handout, under_file);
  assert_export_fails (handout, missing);
  assert_export_fails (handout, dir);  /* a directory */

  /* A read-only folder; root writes anyway, so only for other users. */
  if (geteuid () != 0)
    {
      g_autofree char *ro = g_build_filename (dir, "ro", NULL);
      g_autofree char *target = g_build_filename (ro, "out.pdf", NULL);

      g_assert_cmpint (g_mkdir (ro, 0555), ==, 0);
      assert_export_fails (handout, target);
      listing = list_dir (ro);
      g_assert_cmpstr (listing, ==, "");
      g_chmod (ro, 0755);
      g_clear_pointer (&listing, g_free);
    }

  /* Nothing was left behind. */
  listing = list_dir (dir);
  g_assert_true (g_str_equal (listing, "file") || g_str_equal (listing, "file ro"));

  remove_dir (dir);
}

/* A failed write (here: the file size limit) leaves the previous file byte for byte. */
static void
test_existing_file_intact (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TalusHandout) handout = talus_handout_new_for_id (kb, "ankle-sprain", &error);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;
  const char *previous = "%PDF-1.5 a previous handout\n";
  struct rlimit saved, limit;
  void (*old_handler) (int);
  gsize length;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, previous, -1, NULL));

  /* Writes past 8 KiB fail with EFBIG instead of raising SIGXFSZ. */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 8192;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  assert_export_fails (handout, path);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpstr (contents, ==, previous);
  g_assert_cmpuint (length, ==, strlen (previous));
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "handout.pdf");

  /* With the limit lifted the same export replaces the file. */
  g_assert_true (talus_handout_export_pdf (handout, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, >, 8192);

  remove_dir (dir);
}

/* Every condition of the knowledge base exports, on both papers, inside the margins. */
static void
test_export_all (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *out = g_build_filename (dir, "new", "handouts", NULL);
  GListModel *conditions = talus_knowledge_base_get_conditions (kb);
  guint n = g_list_model_get_n_items (conditions);
  guint n_written = 0;

  g_assert_cmpuint (n, >=, 2);
  g_assert_true (talus_handout_export_all (kb, out, TALUS_PAPER_LETTER, TALUS_AUDIENCE_PATIENT,
                                           &n_written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusCondition) condition = g_list_model_get_item (conditions, i);
      const char *id = talus_entry_get_id (TALUS_ENTRY (condition));
      g_autofree char *name = g_strconcat (id, ".pdf", NULL);
      g_autofree char *path = g_build_filename (out, name, NULL);
      g_autoptr(TalusHandout) handout = talus_handout_new (kb, condition);
      guint n_pages;

      talus_handout_set_paper (handout, TALUS_PAPER_LETTER);
      n_pages = talus_handout_paginate (handout, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (pdf_n_pages (path, NULL), ==, n_pages);
      assert_pages_inside_margins (handout);

      talus_handout_set_paper (handout, TALUS_PAPER_A4);
      assert_pages_inside_margins (handout);
    }

  /* A folder that cannot be created. */
  g_assert_false (talus_handout_export_all (kb, "/proc/talus-handouts", TALUS_PAPER_A4,
                                            TALUS_AUDIENCE_PATIENT, &n_written, &error));
  g_assert_error (error, TALUS_HANDOUT_ERROR, TALUS_HANDOUT_ERROR_WRITE);
  g_assert_cmpuint (n_written, ==, 0);

  remove_dir (dir);
}

/* The layout does not depend on the cairo target: a printer context at 600 dpi gives the same
 * pages as the PDF. */
static void
test_target_independent (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TalusHandout) handout = talus_handout_new_for_id (kb, "plantar-fasciitis", &error);
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pdf, n_print;

  g_assert_no_error (error);
  n_pdf = talus_handout_paginate (handout, NULL, &error);
  g_assert_no_error (error);

  /* Dropping the layout and paginating for a scaled image target. */
  talus_handout_set_clinic_name (handout, "Clinic");
  talus_handout_set_clinic_name (handout, "");
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
  cr = cairo_create (surface);
  cairo_scale (cr, 600.0 / 72, 600.0 / 72);
  n_print = talus_handout_paginate (handout, cr, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_print, ==, n_pdf);
  talus_handout_draw_page (handout, cr, n_print - 1);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A region names the area under the title. */
static void
test_region (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TalusHandout) handout = talus_handout_new_for_id (kb, "ankle-sprain", &error);
  g_autoptr(TalusRegion) region = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "region.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *area = NULL;
  GListModel *regions;

  g_assert_no_error (error);
  regions = talus_condition_get_regions (talus_handout_get_condition (handout));
  region = g_list_model_get_item (regions, 0);
  g_assert_nonnull (region);
  talus_handout_set_region (handout, region);
  g_assert_true (talus_handout_get_region (handout) == region);

  g_assert_true (talus_handout_export_pdf (handout, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  area = g_strdup_printf ("Area: %s", talus_entry_get_display_name (TALUS_ENTRY (region),
                                                                     TALUS_AUDIENCE_PATIENT));
  assert_has_text (text, area, "the region");
  assert_pages_inside_margins (handout);

  remove_dir (dir);
}

/* A sketch is drawn on one view: the handout must print that view when it shows the
 * condition, and choose by itself otherwise. */
static void
test_figure_view (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TalusHandout) handout = talus_handout_new_for_id (kb, "ankle-sprain", &error);
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  g_assert_no_error (error);
  g_assert_cmpint (talus_handout_get_figure_view (handout), ==, -1);
  g_assert_cmpuint (talus_handout_paginate (handout, cr, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (talus_handout_get_figure_view (handout), ==, TALUS_VIEW_LATERAL);

  talus_handout_set_figure_view (handout, TALUS_VIEW_POSTERIOR);
  g_assert_cmpuint (talus_handout_paginate (handout, cr, &error), >, 0);
  g_assert_cmpint (talus_handout_get_figure_view (handout), ==, TALUS_VIEW_POSTERIOR);

  /* the sole shows none of a sprain's ligaments: the handout keeps a view that does */
  talus_handout_set_figure_view (handout, TALUS_VIEW_PLANTAR);
  g_assert_cmpuint (talus_handout_paginate (handout, cr, &error), >, 0);
  g_assert_cmpint (talus_handout_get_figure_view (handout), !=, TALUS_VIEW_PLANTAR);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
overlay_cb (cairo_t *cr,
            double   width,
            double   height,
            gpointer data)
{
  double *calls = data;

  calls[0]++;
  calls[1] = width;
  calls[2] = height;
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_stroke (cr);
}

static void
test_overlay (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TalusHandout) handout = talus_handout_new_for_id (kb, "ankle-sprain", &error);
  cairo_surface_t *surface;
  cairo_t *cr;
  double calls[3] = { 0, 0, 0 };

  g_assert_no_error (error);
  talus_handout_set_overlay_func (handout, (TalusHandoutOverlayFunc) NULL, NULL, NULL);
  talus_handout_set_overlay_func (handout, overlay_cb, calls, NULL);
  g_assert_cmpuint (talus_handout_paginate (handout, NULL, &error), >=, 1);
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  for (guint i = 0; i < talus_handout_get_n_pages (handout); i++)
    talus_handout_draw_page (handout, cr, i);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* Called once, for the one figure, with the drawing's document size. */
  g_assert_cmpfloat (calls[0], ==, 1);
  g_assert_cmpfloat (calls[1], >, 0);
  g_assert_cmpfloat (calls[2], >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  kb = talus_knowledge_base_new ();
  talus_knowledge_base_load_shipped (kb, &error);
  g_assert_no_error (error);

  g_test_add_func ("/talus/handout/paper", test_paper);
  for (guint i = 0; i < G_N_ELEMENTS (pdf_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/talus/handout/pdf/%s/%s/%s",
                                               pdf_cases[i].condition_id,
                                               talus_paper_to_nick (pdf_cases[i].paper),
                                               pdf_cases[i].audience == TALUS_AUDIENCE_PATIENT
                                               ? "patient" : "clinician");

      g_test_add_data_func (path, &pdf_cases[i], test_pdf);
    }
  g_test_add_func ("/talus/handout/ticked-and-notes", test_ticked_and_notes);
  g_test_add_data_func ("/talus/handout/widows-orphans/a4", GINT_TO_POINTER (TALUS_PAPER_A4),
                        test_widows_orphans);
  g_test_add_data_func ("/talus/handout/widows-orphans/letter",
                        GINT_TO_POINTER (TALUS_PAPER_LETTER), test_widows_orphans);
  g_test_add_func ("/talus/handout/unknown-id", test_unknown_id);
  g_test_add_func ("/talus/handout/unwritable", test_unwritable);
  g_test_add_func ("/talus/handout/existing-file-intact", test_existing_file_intact);
  g_test_add_func ("/talus/handout/export-all", test_export_all);
  g_test_add_func ("/talus/handout/target-independent", test_target_independent);
  g_test_add_func ("/talus/handout/overlay", test_overlay);
  g_test_add_func ("/talus/handout/region", test_region);
  g_test_add_func ("/talus/handout/figure-view", test_figure_view);

  status = g_test_run ();
  g_clear_object (&kb);

  return status;
}
