/* talus-handout.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Talus"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "talus-anatomy-document.h"
#include "talus-handout.h"
#include "talus-link.h"

/* The handout's own text is in the handout's language (its catalogue, see
 * talus_handout_set_catalog()), which may differ from the desktop's; error messages stay in the
 * desktop's (_()). xgettext extracts T_ and TC_ through po/meson.build. */
#define T_(self, msgid) talus_catalog_gettext ((self)->catalog, msgid)
#define TC_(self, context, msgid) talus_catalog_pgettext ((self)->catalog, context, msgid)

/* Geometry, in points. */
#define MM (72.0 / 25.4)
#define MARGIN (18.0 * MM)
#define HEADER_HEIGHT 34.0    /* header text, rule and the gap under it */
#define FOOTER_HEIGHT 32.0    /* the gap, rule and footer text */
/* The text column sits this far inside the margins, so that glyphs overhanging their origin
 * (negative side bearings) still end inside the printable area. */
#define COLUMN_INSET 1.0
#define BOX_PAD_X 14.0
#define BOX_PAD_Y 11.0
#define GUTTER_BULLET 16.0    /* text indent of a bulleted item */
#define GUTTER_CHECKBOX 24.0  /* text indent of a care option */
#define FIGURE_PAD 8.0
#define FIGURE_MAX_SHARE 0.38 /* of the body height */

#define HEADING_FAMILY "Cantarell"
#define BODY_FAMILY "DejaVu Sans"

/* Colours, 0xRRGGBB. */
#define COLOR_TEXT 0x241f31
#define COLOR_MUTED 0x5e5c64
#define COLOR_RULE 0xc0bfbc
#define COLOR_ACCENT 0x1a5fb4
#define COLOR_ACCENT_DARK 0x163c6e
#define COLOR_MESSAGE_FILL 0xe8f0fa
#define COLOR_FIGURE_FILL 0xf6f5f4
#define COLOR_RED 0xc01c28
#define COLOR_RED_FILL 0xfdf1f1
#define COLOR_TICK 0x26a269

static const double highlight_rgba[4] = { 0.95, 0.35, 0.0, 0.5 };

/* Shown in the figure, in this order of preference. */
static const TalusViewKind figure_views[] = {
  TALUS_VIEW_LATERAL,
  TALUS_VIEW_MEDIAL,
  TALUS_VIEW_POSTERIOR,
  TALUS_VIEW_PLANTAR,
};

typedef enum {
  STYLE_KICKER,     /* the small line above the title */
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_MESSAGE,    /* the main-message box */
  STYLE_HEADING,
  STYLE_SUBHEADING,
  STYLE_BODY,
  STYLE_CAPTION,
  STYLE_SMALL,
  STYLE_SMALL_HEADING,
  STYLE_PILL,
  STYLE_HEADER,
  STYLE_FOOTER,
  N_STYLES
} TextStyle;

typedef enum {
  DECO_NONE,
  DECO_BULLET,
  DECO_CHECKBOX,
  DECO_CHECKBOX_TICKED,
  DECO_PILL,        /* a label pill in the gutter, on the first line */
  DECO_WARNING,     /* a warning sign in the gutter */
} Decoration;

typedef enum {
  BOX_NONE,
  BOX_MESSAGE,
  BOX_WARNING,
} BoxKind;

typedef struct {
  guint   ref_count;
  PangoLayout *layout;
  guint32 fill;
  guint32 stroke;
  guint32 text;
  double  pad_x;
  double  pad_y;
} Pill;

typedef struct {
  double top;       /* relative to the top of the item's layout */
  double bottom;
  double baseline;
  double x;
  PangoLayoutLine *line;  /* owned by the layout */
} Line;

typedef struct {
  PangoLayout *layout;    /* text; for a figure, its caption (may be NULL) */
  GArray      *lines;     /* Line */
  guint32      color;
  double       indent;    /* of the text, from the left of the column */
  double       space_before;
  double       space_after;
  int          group;     /* index into groups, -1 for none */
  gboolean     keep_with_next;
  gboolean     keep_together;
  Decoration   deco;
  Pill        *pill;      /* DECO_PILL */
  double       column_x;  /* DECO_BULLET: a second column starts here, or 0 */
  gboolean     is_figure;
  double       figure_width;
  double       caption_x; /* of a figure's caption, from the left of the column */
  double       figure_height;
  double       height;    /* of the whole item */
} Item;

typedef struct {
  BoxKind kind;
  guint   first;
  guint   last;
  double  space_before;
} Group;

typedef struct {
  Item  *item;
  guint  first_line;
  guint  end_line;        /* exclusive; for a figure both are 0 */
  double y;               /* top of the fragment on the page */
} Fragment;

typedef struct {
  BoxKind kind;
  double  y0;
  double  y1;
} BoxPiece;

typedef struct {
  GArray *fragments;      /* Fragment */
  GArray *boxes;          /* BoxPiece */
} Page;

struct _TalusHandout
{
  GObject parent_instance;

  TalusKnowledgeBase *knowledge_base;
  TalusCondition *condition;
  TalusRegion *region;
  TalusAudience audience;
  TalusPaper paper;
  char *clinic_name;
  GDateTime *date;
  TalusCatalog *catalog;  /* the handout's language; NULL: the desktop's */
  char **ticked_care;
  char *clinician_notes;
  int figure_view;        /* a TalusViewKind to prefer, or -1 to choose */

  TalusHandoutOverlayFunc overlay_func;
  gpointer overlay_data;
  GDestroyNotify overlay_destroy;

  /* The layout, built by paginate() and dropped by any change. */
  PangoContext *context;
  PangoFontDescription *fonts[N_STYLES];
  GPtrArray *items;       /* Item */
  GArray *groups;         /* Group */
  GPtrArray *pages;       /* Page */
  TalusAnatomyDocument *figure_doc;
  char **figure_ids;      /* highlighted structure ids */
  double crop[4];         /* the part of the drawing shown: x, y, width, height */
  gboolean laid_out;
};

G_DEFINE_FINAL_TYPE (TalusHandout, talus_handout, G_TYPE_OBJECT)

G_DEFINE_QUARK (talus-handout-error-quark, talus_handout_error)

enum {
  PROP_0,
  PROP_KNOWLEDGE_BASE,
  PROP_CONDITION,
  PROP_REGION,
  PROP_AUDIENCE,
  PROP_PAPER,
  PROP_CLINIC_NAME,
  PROP_DATE,
  PROP_TICKED_CARE,
  PROP_CLINICIAN_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------ */
/* Small helpers */

static void
set_color (cairo_t *cr,
           guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   w,
                   double   h,
                   double   r)
{
  r = MIN (r, MIN (w, h) / 2.0);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Collapses runs of white space (the KB text is indented XML content) and trims. */
static char *
normalize_text (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static char *
escape (const char *text)
{
  g_autofree char *normalized = normalize_text (text);

  return g_markup_escape_text (normalized, -1);
}

/* Splits normalized text after the first @n sentences: a sentence ends at '.', '!' or '?'
 * followed by a space and an upper-case letter or a digit. */
static void
split_sentences (const char  *text,
                 guint        n,
                 char       **head,
                 char       **tail)
{
  const char *p = text;
  guint found = 0;

  while (*p != '\0')
    {
      if ((*p == '.' || *p == '!' || *p == '?') && p[1] == ' ' &&
          (g_unichar_isupper (g_utf8_get_char (p + 2)) || g_ascii_isdigit (p[2])))
        {
          found++;
          if (found == n)
            {
              *head = g_strndup (text, p + 1 - text);
              *tail = g_strdup (p + 2);
              return;
            }
        }
      p++;
    }

  *head = g_strdup (text);
  *tail = g_strdup ("");
}

/* ------------------------------------------------------------------------------------------ */
/* Pills: small rounded labels, drawn inline through a Pango shape attribute or in a gutter */

static Pill *
pill_ref (Pill *pill)
{
  pill->ref_count++;
  return pill;
}

static void
pill_unref (Pill *pill)
{
  if (pill == NULL || --pill->ref_count > 0)
    return;
  g_clear_object (&pill->layout);
  g_free (pill);
}

static gpointer
pill_copy_cb (gconstpointer data)
{
  return pill_ref ((Pill *) data);
}

static void
pill_get_size (Pill   *pill,
               double *width,
               double *height,
               double *ascent)
{
  PangoRectangle logical;

  pango_layout_get_extents (pill->layout, NULL, &logical);
  *width = logical.width / (double) PANGO_SCALE + 2 * pill->pad_x;
  *height = logical.height / (double) PANGO_SCALE + 2 * pill->pad_y;
  *ascent = pango_layout_get_baseline (pill->layout) / (double) PANGO_SCALE + pill->pad_y;
}

/* Draws @pill with its text baseline at (@x, @baseline). */
static void
pill_draw (Pill    *pill,
           cairo_t *cr,
           double   x,
           double   baseline)
{
  double width, height, ascent;

  pill_get_size (pill, &width, &height, &ascent);

  cairo_save (cr);
  rounded_rectangle (cr, x, baseline - ascent, width, height, height / 2);
  set_color (cr, pill->fill);
  if (pill->stroke != pill->fill)
    {
      cairo_fill_preserve (cr);
      set_color (cr, pill->stroke);
      cairo_set_line_width (cr, 0.75);
      cairo_stroke (cr);
    }
  else
    {
      cairo_fill (cr);
    }
  set_color (cr, pill->text);
  cairo_move_to (cr, x + pill->pad_x, baseline - ascent + pill->pad_y);
  pango_cairo_show_layout (cr, pill->layout);
  cairo_restore (cr);
}

static void
shape_renderer_cb (cairo_t        *cr,
                   PangoAttrShape *attr,
                   gboolean        do_path,
                   gpointer        data)
{
  double x, y;

  if (do_path || attr->data == NULL)
    return;

  cairo_get_current_point (cr, &x, &y);
  /* The shape's logical rectangle starts with a small gap before the pill. */
  pill_draw (attr->data, cr, x + attr->logical_rect.x / (double) PANGO_SCALE, y);
}

/* ------------------------------------------------------------------------------------------ */
/* Text styles and layouts */

static void
setup_fonts (TalusHandout *self)
{
  gboolean patient = self->audience == TALUS_AUDIENCE_PATIENT;
  /* Patients get 12 pt body text, clinicians 11 pt. */
  double body = patient ? 12.0 : 11.0;
  static const struct {
    const char *family;
    double      size;   /* 0: the body size */
    PangoWeight weight;
    PangoStyle  style;
  } defs[N_STYLES] = {
    [STYLE_KICKER] = { HEADING_FAMILY, 10.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [STYLE_TITLE] = { HEADING_FAMILY, 25.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [STYLE_SUBTITLE] = { HEADING_FAMILY, 13.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [STYLE_MESSAGE] = { BODY_FAMILY, 1.1, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [STYLE_HEADING] = { HEADING_FAMILY, 17.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [STYLE_SUBHEADING] = { HEADING_FAMILY, 13.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [STYLE_BODY] = { BODY_FAMILY, 0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [STYLE_CAPTION] = { BODY_FAMILY, -1.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [STYLE_SMALL] = { BODY_FAMILY, 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [STYLE_SMALL_HEADING] = { HEADING_FAMILY, 10.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [STYLE_PILL] = { HEADING_FAMILY, 9.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [STYLE_HEADER] = { HEADING_FAMILY, 10.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [STYLE_FOOTER] = { HEADING_FAMILY, 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  };

  for (guint i = 0; i < N_STYLES; i++)
    {
      PangoFontDescription *desc = pango_font_description_new ();
      double size = defs[i].size;

      if (size == 0)
        size = body;
      else if (size == -1.0)
        size = body - 1.0;
      else if (size < 2.0)
        size = body * size;

      pango_font_description_set_family (desc, defs[i].family);
      pango_font_description_set_weight (desc, defs[i].weight);
      pango_font_description_set_style (desc, defs[i].style);
      /* The context runs at 72 dpi, so a Pango point is a cairo unit is a PostScript point. */
      pango_font_description_set_size (desc, (int) (size * PANGO_SCALE));
      g_clear_pointer (&self->fonts[i], pango_font_description_free);
      self->fonts[i] = desc;
    }
}

static PangoLayout *
make_layout (TalusHandout *self,
             TextStyle     style,
             const char   *markup,
             double        width)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[style]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  switch (style)
    {
    case STYLE_BODY:
    case STYLE_MESSAGE:
      pango_layout_set_line_spacing (layout, 1.3);
      break;
    case STYLE_CAPTION:
    case STYLE_SMALL:
      pango_layout_set_line_spacing (layout, 1.2);
      break;
    case STYLE_TITLE:
      pango_layout_set_line_spacing (layout, 1.05);
      break;
    case STYLE_KICKER:
    case STYLE_SUBTITLE:
    case STYLE_HEADING:
    case STYLE_SUBHEADING:
    case STYLE_SMALL_HEADING:
    case STYLE_PILL:
    case STYLE_HEADER:
    case STYLE_FOOTER:
    case N_STYLES:
    default:
      break;
    }
  pango_layout_set_markup (layout, markup, -1);

  return layout;
}

static Pill *
pill_new (TalusHandout *self,
          const char   *text,
          guint32       fill,
          guint32       stroke,
          guint32       fg)
{
  Pill *pill = g_new0 (Pill, 1);
  g_autofree char *markup = g_markup_escape_text (text, -1);

  pill->ref_count = 1;
  pill->layout = make_layout (self, STYLE_PILL, markup, -1);
  pill->fill = fill;
  pill->stroke = stroke;
  pill->text = fg;
  pill->pad_x = 6.0;
  pill->pad_y = 1.5;

  return pill;
}

static Pill *
evidence_pill_new (TalusHandout  *self,
                   TalusEvidence  evidence)
{
  const char *label = talus_evidence_to_label_in (evidence, self->catalog);

  switch (evidence)
    {
    case TALUS_EVIDENCE_WORKS_WELL:
      return pill_new (self, label, 0xdff3e6, 0x2ec27e, 0x1c6b3f);
    case TALUS_EVIDENCE_MAY_HELP:
      return pill_new (self, label, 0xe3edf9, 0x62a0ea, 0x1a4f8f);
    case TALUS_EVIDENCE_NOT_PROVEN:
      return pill_new (self, label, 0xf0efed, 0x9a9996, 0x4d4b52);
    case TALUS_EVIDENCE_NOT_RECOMMENDED:
    default:
      return pill_new (self, label, 0xfbe9e0, 0xe66100, 0x9c3b00);
    }
}

static Pill *
urgency_pill_new (TalusHandout *self,
                  TalusUrgency  urgency)
{
  const char *label = talus_urgency_to_label (urgency);

  switch (urgency)
    {
    case TALUS_URGENCY_EMERGENCY:
      return pill_new (self, label, COLOR_RED, COLOR_RED, 0xffffff);
    case TALUS_URGENCY_SAME_DAY:
      return pill_new (self, label, 0xc64600, 0xc64600, 0xffffff);
    case TALUS_URGENCY_BOOK_VISIT:
    default:
      return pill_new (self, label, 0xffffff, COLOR_RED, COLOR_RED);
    }
}

/* Adds @pill as an inline object at the end of @layout's text (after a thin gap). */
static void
append_inline_pill (PangoLayout *layout,
                    Pill        *pill)
{
  static const char object[] = "\xef\xbf\xbc"; /* U+FFFC OBJECT REPLACEMENT CHARACTER */
  g_autofree char *text = g_strconcat (pango_layout_get_text (layout), "\302\240", object, NULL);
  PangoAttrList *attrs = pango_layout_get_attributes (layout);
  g_autoptr(PangoAttrList) new_attrs = NULL;
  PangoRectangle ink, logical;
  PangoAttribute *attr;
  double width, height, ascent;
  guint start = strlen (text) - strlen (object);

  new_attrs = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
  pill_get_size (pill, &width, &height, &ascent);
  /* The logical box is no taller than the pill's text, so the line spacing stays even. */
  logical.x = 0;
  logical.y = (int) (-(ascent - pill->pad_y) * PANGO_SCALE);
  logical.width = (int) ((width + 2.0) * PANGO_SCALE);
  logical.height = (int) ((height - 2 * pill->pad_y) * PANGO_SCALE);
  ink.x = 0;
  ink.y = (int) (-ascent * PANGO_SCALE);
  ink.width = (int) (width * PANGO_SCALE);
  ink.height = (int) (height * PANGO_SCALE);

  attr = pango_attr_shape_new_with_data (&ink, &logical, pill_ref (pill),
                                         pill_copy_cb, (GDestroyNotify) pill_unref);
  attr->start_index = start;
  attr->end_index = start + strlen (object);
  pango_attr_list_insert (new_attrs, attr);

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_attributes (layout, new_attrs);
}

/* ------------------------------------------------------------------------------------------ */
/* Items */

static void
item_free (Item *item)
{
  g_clear_object (&item->layout);
  g_clear_pointer (&item->lines, g_array_unref);
  g_clear_pointer (&item->pill, pill_unref);
  g_free (item);
}

static void
measure_lines (Item *item)
{
  PangoLayoutIter *iter;

  item->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  if (item->layout == NULL)
    return;

  iter = pango_layout_get_iter (item->layout);
  do
    {
      Line line;
      PangoRectangle logical;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.top = y0 / (double) PANGO_SCALE;
      line.bottom = y1 / (double) PANGO_SCALE;
      line.baseline = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
      line.x = logical.x / (double) PANGO_SCALE;
      line.line = pango_layout_iter_get_line_readonly (iter);
      g_array_append_val (item->lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static double
lines_height (Item  *item,
              guint  first,
              guint  end)
{
  if (end <= first)
    return 0;
  return g_array_index (item->lines, Line, end - 1).bottom -
         g_array_index (item->lines, Line, first).top;
}

static double
content_width (TalusHandout *self)
{
  double width, height;

  talus_paper_get_size (self->paper, &width, &height);
  return width - 2 * MARGIN - 2 * COLUMN_INSET;
}

static double
group_inset (TalusHandout *self)
{
  return self->groups->len > 0 &&
         g_array_index (self->groups, Group, self->groups->len - 1).last == G_MAXUINT
         ? BOX_PAD_X : 0;
}

static Item *
add_text (TalusHandout *self,
          TextStyle     style,
          const char   *markup,
          double        indent,
          double        space_before,
          double        space_after)
{
  Item *item = g_new0 (Item, 1);
  double inset = group_inset (self);

  item->indent = indent + inset;
  item->layout = make_layout (self, style, markup,
                              content_width (self) - item->indent - inset);
  item->space_before = space_before;
  item->space_after = space_after;
  item->color = COLOR_TEXT;
  item->group = -1;
  g_ptr_array_add (self->items, item);

  return item;
}

static void
finish_item (Item *item)
{
  measure_lines (item);
  if (item->is_figure)
    {
      item->height = MAX (item->figure_height + 2 * FIGURE_PAD,
                          lines_height (item, 0, item->lines->len) + 4.0);
    }
  else
    {
      item->height = lines_height (item, 0, item->lines->len);
    }
}

static Item *
add_heading (TalusHandout *self,
             const char   *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  Item *item = add_text (self, STYLE_HEADING, markup, 0, 22.0, 6.0);

  item->color = COLOR_ACCENT_DARK;
  item->keep_with_next = TRUE;
  return item;
}

static Item *
add_subheading (TalusHandout *self,
                const char   *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  Item *item = add_text (self, STYLE_SUBHEADING, markup, 0, 14.0, 4.0);

  item->color = COLOR_ACCENT;
  item->keep_with_next = TRUE;
  return item;
}

static Item *
add_paragraph (TalusHandout *self,
               const char   *markup)
{
  return add_text (self, STYLE_BODY, markup, 0, 8.0, 0);
}

static Item *
add_bullet (TalusHandout *self,
            const char   *markup)
{
  Item *item = add_text (self, STYLE_BODY, markup, GUTTER_BULLET, 5.0, 0);

  item->deco = DECO_BULLET;
  return item;
}

static void
begin_group (TalusHandout *self,
             BoxKind       kind,
             double        space_before)
{
  Group group = { kind, self->items->len, G_MAXUINT, space_before };

  g_array_append_val (self->groups, group);
}

static void
end_group (TalusHandout *self)
{
  Group *group = &g_array_index (self->groups, Group, self->groups->len - 1);

  g_assert (self->items->len > group->first);
  group->last = self->items->len - 1;
  for (guint i = group->first; i <= group->last; i++)
    ((Item *) g_ptr_array_index (self->items, i))->group = self->groups->len - 1;
}

/* ------------------------------------------------------------------------------------------ */
/* Content */

static const char *
display_name (TalusHandout *self,
              gpointer      entry)
{
  return talus_entry_get_display_name (TALUS_ENTRY (entry), self->audience);
}

static const char *
display_summary (TalusHandout *self,
                 gpointer      entry)
{
  return talus_entry_get_display_summary (TALUS_ENTRY (entry), self->audience);
}

static gboolean
is_ticked (TalusHandout *self,
           const char   *id)
{
  return self->ticked_care != NULL &&
         g_strv_contains ((const char * const *) self->ticked_care, id);
}

static const char *
care_stage_heading (TalusHandout   *self,
                    TalusCareStage  stage)
{
  if (self->audience != TALUS_AUDIENCE_PATIENT)
    return talus_care_stage_to_label_in (stage, self->catalog);

  switch (stage)
    {
    case TALUS_CARE_STAGE_SELF_CARE:
      return T_ (self, "Things you can do yourself");
    case TALUS_CARE_STAGE_CONSERVATIVE:
      return T_ (self, "Treatment with your clinician");
    case TALUS_CARE_STAGE_INJECTION:
      return T_ (self, "Injections");
    case TALUS_CARE_STAGE_SURGERY:
    default:
      return T_ (self, "An operation (surgery)");
    }
}

static const char *
view_caption (TalusHandout  *self,
              TalusViewKind  view)
{
  switch (view)
    {
    case TALUS_VIEW_LATERAL:
      return T_ (self, "The right foot and ankle, seen from the outside.");
    case TALUS_VIEW_MEDIAL:
      return T_ (self, "The right foot and ankle, seen from the inside.");
    case TALUS_VIEW_POSTERIOR:
      return T_ (self, "The right ankle, seen from behind.");
    case TALUS_VIEW_PLANTAR:
    default:
      return T_ (self, "The sole of the right foot.");
    }
}

/* The figure is prepared by a FigureJob: choose the view, load its drawing, measure the crop and
 * render it once as a check. None of it needs the text, so talus_handout_paginate() runs it on a
 * worker thread while the main thread lays out the text (a librsvg handle is owned by one thread
 * at a time: the worker's until the join, the handout's after). The job reads nothing of the
 * handout or the knowledge base: its inputs are copied before the thread starts. */
typedef struct {
  /* in */
  char   **structure_ids;   /* the condition's structures, in order */
  char    *region_id;       /* the handout's region, or NULL */
  int      figure_view;     /* a TalusViewKind to prefer, or -1 */
  /* out */
  TalusAnatomyDocument *doc;  /* NULL: no figure (or an error) */
  char   **figure_ids;        /* highlighted structure ids */
  double   crop[4];
  GError  *error;
  gboolean render_failed;     /* the error is from the check render, not the load */
} FigureJob;

static FigureJob *
figure_job_new (TalusHandout *self)
{
  FigureJob *job = g_new0 (FigureJob, 1);
  GListModel *structures = talus_condition_get_structures (self->condition);
  guint n = g_list_model_get_n_items (structures);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusEntry) structure = g_list_model_get_item (structures, i);

      g_strv_builder_add (ids, talus_entry_get_id (structure));
    }
  job->structure_ids = g_strv_builder_end (ids);
  job->region_id = self->region != NULL
                   ? g_strdup (talus_entry_get_id (TALUS_ENTRY (self->region))) : NULL;
  job->figure_view = self->figure_view;

  return job;
}

static void
figure_job_free (FigureJob *job)
{
  g_strfreev (job->structure_ids);
  g_free (job->region_id);
  g_clear_object (&job->doc);
  g_strfreev (job->figure_ids);
  g_clear_error (&job->error);
  g_free (job);
}

/* Picks the first view that shows all of the condition's structures, or else the one that shows
 * the most (the first of those), preferring views that show the handout's region, and loads
 * it. A drawing that fails to load is an error: a handout must not lose its figure silently. */
static gboolean
choose_figure (FigureJob *job)
{
  const char * const *structures = (const char * const *) job->structure_ids;
  guint n = g_strv_length (job->structure_ids);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  guint best_score = 0;
  int best_view = -1;

  if (n == 0)
    return TRUE;

  /* Only the chosen drawing is loaded: the others are judged by their ids. */
  for (guint v = 0; v < G_N_ELEMENTS (figure_views); v++)
    {
      guint found = 0, score;

      for (guint i = 0; i < n; i++)
        if (talus_view_kind_has_id (figure_views[v], structures[i]))
          found++;
      if (found == 0)
        continue;

      /* A view asked for (the one a sketch was drawn on) counts most, then the region, then
       * the number of structures shown. */
      score = found;
      if ((int) figure_views[v] == job->figure_view)
        score += 100000;
      if (job->region_id != NULL && talus_view_kind_has_id (figure_views[v], job->region_id))
        score += 1000;

      if (score > best_score)
        {
          best_score = score;
          best_view = (int) figure_views[v];
        }
    }

  if (best_view < 0)
    return TRUE;

  job->doc = talus_anatomy_document_new_for_view ((TalusViewKind) best_view, &job->error);
  if (job->doc == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (talus_anatomy_document_has_id (job->doc, structures[i]))
      g_strv_builder_add (ids, structures[i]);
  job->figure_ids = g_strv_builder_end (ids);

  return TRUE;
}

/* The drawing's labels are small anatomical type, unreadable at handout size: the caption names
 * the highlighted parts instead. */
#define FIGURE_LAYERS (TALUS_LAYER_DEFAULT & ~TALUS_LAYER_LABELS)

/* Grows the box @b (x, y, w, h) to at least @w x @h about its centre, keeping it inside @limit. */
static void
grow_box (double       b[4],
          double       w,
          double       h,
          const double limit[4])
{
  double cx = b[0] + b[2] / 2, cy = b[1] + b[3] / 2;

  w = MIN (MAX (b[2], w), limit[2]);
  h = MIN (MAX (b[3], h), limit[3]);
  b[0] = CLAMP (cx - w / 2, limit[0], limit[0] + limit[2] - w);
  b[1] = CLAMP (cy - h / 2, limit[1], limit[1] + limit[3] - h);
  b[2] = w;
  b[3] = h;
}

/* The figure shows the part of the drawing around the highlighted structures, with enough of
 * the foot around them to be recognisable, rather than the drawing's whole canvas. */
static void
compute_crop (FigureJob *job)
{
  const char * const *all = talus_anatomy_document_get_structure_ids (job->doc);
  double doc_width, doc_height, anatomy[4], box[4], margin;
  double doc[4];

  talus_anatomy_document_get_size (job->doc, &doc_width, &doc_height);
  doc[0] = doc[1] = 0;
  doc[2] = doc_width;
  doc[3] = doc_height;
  memcpy (job->crop, doc, sizeof doc);

  /* The anatomy: every structure, with a small margin. */
  if (!talus_anatomy_document_get_union_bounds (job->doc, all, anatomy))
    return;
  margin = 0.03 * MAX (anatomy[2], anatomy[3]);
  anatomy[0] -= margin;
  anatomy[1] -= margin;
  anatomy[2] += 2 * margin;
  anatomy[3] += 2 * margin;
  grow_box (anatomy, 0, 0, doc);

  if (!talus_anatomy_document_get_union_bounds (job->doc,
                                                (const char * const *) job->figure_ids, box))
    {
      memcpy (job->crop, anatomy, sizeof anatomy);
      return;
    }

  /* The highlighted parts with room around them: at least 85% of the anatomy's width and 60%
   * of its height. */
  grow_box (box, MAX (box[2] * 1.5, anatomy[2] * 0.85), MAX (box[3] * 1.3, anatomy[3] * 0.6),
            anatomy);
  /* Landscape, beside its caption, but not a letterbox: between 5:4 and 16:9. */
  if (box[2] / box[3] < 1.25)
    grow_box (box, box[3] * 1.25, 0, doc);
  else if (box[2] / box[3] > 16.0 / 9.0)
    grow_box (box, 0, box[2] * 9.0 / 16.0, doc);

  memcpy (job->crop, box, sizeof box);
}

/* Runs on the worker thread (or inline). */
static gpointer
figure_job_run (gpointer data)
{
  FigureJob *job = data;
  cairo_surface_t *surface;
  cairo_t *test;

  if (!choose_figure (job) || job->doc == NULL)
    return job;

  compute_crop (job);

  /* Render the figure once off-screen, with the layers it is drawn with, so a broken drawing
   * is an error here rather than a warning in the middle of printing. */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  test = cairo_create (surface);
  if (!talus_anatomy_document_render (job->doc, test, 120, 80, FIGURE_LAYERS,
                                      (const char * const *) job->figure_ids, highlight_rgba,
                                      &job->error))
    job->render_failed = TRUE;
  cairo_destroy (test);
  cairo_surface_destroy (surface);

  return job;
}

static Item *
new_figure_item (TalusHandout *self)
{
  g_autoptr(GString) caption = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GListModel *structures = talus_condition_get_structures (self->condition);
  double doc_width, doc_height, page_width, page_height, max_height;
  Item *item;

  talus_paper_get_size (self->paper, &page_width, &page_height);
  doc_width = self->crop[2];
  doc_height = self->crop[3];

  for (guint i = 0; i < g_list_model_get_n_items (structures) && names->len < 5; i++)
    {
      g_autoptr(TalusEntry) structure = g_list_model_get_item (structures, i);

      if (g_strv_contains ((const char * const *) self->figure_ids, talus_entry_get_id (structure)))
        g_ptr_array_add (names, (gpointer) display_name (self, structure));
    }
  g_ptr_array_add (names, NULL);

  /* The caption sits beside the drawing: the view, then the highlighted parts one a line. */
  {
    g_autofree char *view = g_markup_escape_text (
      view_caption (self, talus_anatomy_document_get_view (self->figure_doc)), -1);

    g_string_append (caption, view);
  }
  if (names->len > 1)
    {
      g_autofree char *label = g_markup_escape_text (T_ (self, "Highlighted"), -1);

      /* A square in the highlight colour, as a legend. */
      g_string_append_printf (caption,
                              "\n\n<span foreground=\"#d95f00\">\342\226\240</span> <b>%s</b>",
                              label);
      for (guint i = 0; i + 1 < names->len; i++)
        {
          g_autofree char *name = escape (g_ptr_array_index (names, i));

          g_string_append_printf (caption, "\n%s", name);
        }
    }

  item = g_new0 (Item, 1);
  item->is_figure = TRUE;
  item->keep_together = TRUE;
  item->group = -1;
  item->space_before = 16.0;
  item->space_after = 4.0;
  item->color = COLOR_MUTED;

  /* Large enough to see, never more than a share of the page, never split. */
  max_height = (page_height - 2 * MARGIN - HEADER_HEIGHT - FOOTER_HEIGHT) * FIGURE_MAX_SHARE;
  item->figure_width = content_width (self) * 0.62 - 2 * FIGURE_PAD;
  item->figure_height = item->figure_width * doc_height / doc_width;
  if (item->figure_height > max_height)
    {
      item->figure_height = max_height;
      item->figure_width = max_height * doc_width / doc_height;
    }
  item->indent = 0;
  item->caption_x = item->figure_width + 2 * FIGURE_PAD + 16.0;
  item->layout = make_layout (self, STYLE_CAPTION, caption->str,
                              content_width (self) - item->caption_x);
  return item;
}

static gboolean
contains_casefold (const char *haystack,
                   const char *needle)
{
  g_autofree char *a = g_utf8_casefold (haystack, -1);
  g_autofree char *b = g_utf8_casefold (needle, -1);

  return strstr (a, b) != NULL;
}

static void
add_title_block (TalusHandout *self)
{
  TalusEntry *condition = TALUS_ENTRY (self->condition);
  const char *name = talus_entry_get_name (condition);
  const char *patient_name = talus_entry_get_patient_name (condition);
  const char *first = name, *second = patient_name;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *markup = NULL;
  Item *item;

  if (self->audience == TALUS_AUDIENCE_PATIENT && !is_blank (patient_name))
    {
      first = patient_name;
      second = name;
    }

  if (is_blank (second) || contains_casefold (first, second))
    title = normalize_text (first);
  else if (strchr (first, '(') != NULL)
    {
      g_autofree char *b = normalize_text (second);

      /* Brackets in brackets read badly: the other name goes on a line of its own. */
      title = normalize_text (first);
      if (self->audience == TALUS_AUDIENCE_PATIENT)
        subtitle = g_strdup_printf (T_ (self, "Medical name: %s"), b);
      else
        subtitle = g_strdup_printf (T_ (self, "Plain name: %s"), b);
    }
  else
    {
      g_autofree char *a = normalize_text (first);
      g_autofree char *b = normalize_text (second);

      /* TRANSLATORS: a handout title: the plain name, then the medical name in brackets */
      title = g_strdup_printf (T_ (self, "%s (%s)"), a, b);
    }

  markup = g_markup_escape_text (self->audience == TALUS_AUDIENCE_PATIENT
                                 ? T_ (self, "Information for patients")
                                 : T_ (self, "Clinical summary"), -1);
  item = add_text (self, STYLE_KICKER, markup, 0, 0, 2.0);
  item->color = COLOR_ACCENT;
  g_clear_pointer (&markup, g_free);

  markup = g_markup_escape_text (title, -1);
  item = add_text (self, STYLE_TITLE, markup, 0, 2.0, 4.0);
  item->color = COLOR_TEXT;
  item->keep_with_next = TRUE;

  if (subtitle != NULL)
    {
      g_clear_pointer (&markup, g_free);
      markup = g_markup_escape_text (subtitle, -1);
      item = add_text (self, STYLE_SUBTITLE, markup, 0, 2.0, 0);
      item->color = COLOR_MUTED;
      item->keep_with_next = TRUE;
    }

  if (self->region != NULL)
    {
      g_autofree char *region = escape (display_name (self, self->region));
      g_autofree char *line = g_strdup_printf (T_ (self, "Area: %s"), region);

      item = add_text (self, STYLE_SUBTITLE, line, 0, 2.0, 0);
      item->color = COLOR_MUTED;
      item->keep_with_next = TRUE;
    }
}

static void
add_summary (TalusHandout *self)
{
  g_autofree char *summary = normalize_text (display_summary (self, self->condition));
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  g_autofree char *markup = NULL;

  /* The main message is the first sentence, or two when the first is short. */
  split_sentences (summary, 1, &head, &tail);
  if (g_utf8_strlen (head, -1) < 90 && *tail != '\0')
    {
      g_clear_pointer (&head, g_free);
      g_clear_pointer (&tail, g_free);
      split_sentences (summary, 2, &head, &tail);
    }

  begin_group (self, BOX_MESSAGE, 14.0);
  markup = g_markup_escape_text (head, -1);
  add_text (self, STYLE_MESSAGE, markup, 0, 0, 0);
  end_group (self);

  if (*tail != '\0')
    {
      g_autofree char *rest = g_markup_escape_text (tail, -1);

      add_heading (self, T_ (self, "What is it?"));
      add_paragraph (self, rest);
    }
}

static char *
symptom_markup (TalusHandout *self,
                TalusLink    *link)
{
  TalusEntry *symptom = talus_link_get_target (link);
  g_autofree char *name = escape (display_name (self, symptom));

  if (self->audience == TALUS_AUDIENCE_CLINICIAN)
    return g_strdup_printf ("%s <span foreground=\"#5e5c64\">(%s)</span>", name,
                            talus_weight_to_label (talus_link_get_weight (link)));
  if (talus_link_get_weight (link) == TALUS_WEIGHT_TYPICAL)
    return g_strdup_printf ("<b>%s</b>", name);
  return g_steal_pointer (&name);
}

static void
add_symptoms (TalusHandout *self)
{
  GListModel *links = talus_condition_get_symptoms (self->condition);
  guint n = g_list_model_get_n_items (links);
  g_autoptr(GPtrArray) markups = g_ptr_array_new_with_free_func (g_free);
  double width = content_width (self) - GUTTER_BULLET;
  double column = content_width (self) / 2;
  gboolean columns = n >= 4;

  if (n == 0)
    return;

  add_heading (self, T_ (self, "What you may notice"));

  /* Short symptom names go in two columns, read across, when every one fits on a line. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusLink) link = g_list_model_get_item (links, i);
      char *markup = symptom_markup (self, link);
      g_autoptr(PangoLayout) layout = make_layout (self, STYLE_BODY, markup, -1);
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      if (logical.width / (double) PANGO_SCALE >
          MIN (column - GUTTER_BULLET - 10.0, width - column))
        columns = FALSE;
      g_ptr_array_add (markups, markup);
    }

  if (!columns)
    {
      for (guint i = 0; i < n; i++)
        add_bullet (self, g_ptr_array_index (markups, i));
      return;
    }

  for (guint i = 0; i < n; i += 2)
    {
      const char *right = i + 1 < n ? g_ptr_array_index (markups, i + 1) : "";
      g_autofree char *row = g_strdup_printf ("%s\t%s", (char *) g_ptr_array_index (markups, i),
                                              right);
      PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT,
                                                                (int) column);
      Item *item = add_bullet (self, row);

      if (i + 1 < n)
        item->column_x = column;
      pango_layout_set_tabs (item->layout, tabs);
      pango_tab_array_free (tabs);
    }
}

static void
add_diagnostics (TalusHandout *self)
{
  GListModel *links = talus_condition_get_diagnostics (self->condition);
  gboolean any = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(TalusLink) link = g_list_model_get_item (links, i);
      TalusEntry *diagnostic = talus_link_get_target (link);
      g_autofree char *name = NULL;
      g_autofree char *summary = NULL;
      g_autoptr(GString) markup = g_string_new (NULL);
      Item *item;

      /* Taking the history is what every visit starts with; it is not a test. */
      if (talus_diagnostic_get_kind (TALUS_DIAGNOSTIC (diagnostic)) == TALUS_DIAGNOSTIC_HISTORY)
        continue;

      if (!any)
        add_heading (self, T_ (self, "How it is checked"));
      any = TRUE;

      name = escape (display_name (self, diagnostic));
      summary = escape (display_summary (self, diagnostic));
      g_string_append_printf (markup, "<b>%s</b>", name);
      if (*summary != '\0')
        g_string_append_printf (markup, "\n%s", summary);
      if (self->audience == TALUS_AUDIENCE_CLINICIAN && !is_blank (talus_link_get_text (link)))
        {
          g_autofree char *text = escape (talus_link_get_text (link));

          g_string_append_printf (markup, "\n<i>%s</i>", text);
        }
      item = add_bullet (self, markup->str);
      item->space_before = 9.0;
    }
}

static void
add_care (TalusHandout *self)
{
  GListModel *links = talus_condition_get_care (self->condition);
  guint n = g_list_model_get_n_items (links);
  gboolean any_ticked = FALSE;
  int stage = -1;

  if (n == 0 && is_blank (self->clinician_notes))
    return;

  add_heading (self, T_ (self, "Your care plan"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusLink) link = g_list_model_get_item (links, i);

      if (is_ticked (self, talus_entry_get_id (talus_link_get_target (link))))
        any_ticked = TRUE;
    }

  if (n > 0)
    {
      Item *item;
      g_autofree char *intro = g_markup_escape_text (
        any_ticked ? T_ (self, "The ticked boxes show what your clinician suggests for you. "
                       "The labels show how well each option is known to work.")
                   : T_ (self, "Your clinician can tick the options that suit you. "
                       "The labels show how well each option is known to work."), -1);

      item = add_paragraph (self, intro);
      item->color = COLOR_MUTED;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusLink) link = g_list_model_get_item (links, i);
      TalusEntry *option = talus_link_get_target (link);
      TalusCareStage option_stage = talus_care_option_get_stage (TALUS_CARE_OPTION (option));
      g_autofree char *name = escape (display_name (self, option));
      g_autofree char *summary = escape (display_summary (self, option));
      g_autoptr(GString) markup = g_string_new (NULL);
      Pill *pill;
      Item *item;

      if ((int) option_stage != stage)
        {
          stage = option_stage;
          add_subheading (self, care_stage_heading (self, option_stage));
        }

      g_string_append_printf (markup, "<b>%s</b>", name);
      item = add_text (self, STYLE_BODY, markup->str, GUTTER_CHECKBOX, 9.0, 0);
      pill = evidence_pill_new (self, talus_link_get_evidence (link));
      append_inline_pill (item->layout, pill);
      pill_unref (pill);
      item->deco = is_ticked (self, talus_entry_get_id (option)) ? DECO_CHECKBOX_TICKED
                                                                 : DECO_CHECKBOX;
      item->keep_with_next = *summary != '\0';

      g_string_truncate (markup, 0);
      g_string_append (markup, summary);
      if (self->audience == TALUS_AUDIENCE_CLINICIAN && !is_blank (talus_link_get_text (link)))
        {
          g_autofree char *text = escape (talus_link_get_text (link));

          g_string_append_printf (markup, "\n<i>%s</i>", text);
        }
      if (markup->len > 0)
        add_text (self, STYLE_BODY, markup->str, GUTTER_CHECKBOX, 2.0, 0);
    }

  if (!is_blank (self->clinician_notes))
    {
      g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n\\s*\\n", self->clinician_notes, 0, 0);

      add_subheading (self, T_ (self, "Notes from your clinician"));
      for (guint i = 0; paragraphs[i] != NULL; i++)
        {
          g_autofree char *markup = NULL;

          if (is_blank (paragraphs[i]))
            continue;
          markup = escape (paragraphs[i]);
          add_paragraph (self, markup);
        }
    }
}

static void
add_red_flags (TalusHandout *self)
{
  GListModel *flags = talus_condition_get_red_flags (self->condition);
  guint n = g_list_model_get_n_items (flags);
  double column = 0;
  Item *item;

  if (n == 0)
    return;

  /* The gutter is as wide as the widest urgency label. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusRedFlag) flag = g_list_model_get_item (flags, i);
      Pill *pill = urgency_pill_new (self, talus_red_flag_get_urgency (flag));
      double width, height, ascent;

      pill_get_size (pill, &width, &height, &ascent);
      column = MAX (column, width);
      pill_unref (pill);
    }
  column += 10.0;

  begin_group (self, BOX_WARNING, 24.0);
  {
    g_autofree char *markup = g_markup_escape_text (T_ (self, "Get help urgently if"), -1);

    item = add_text (self, STYLE_HEADING, markup, 26.0, 0, 4.0);
    item->color = COLOR_RED;
    item->deco = DECO_WARNING;
    item->keep_with_next = TRUE;
  }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TalusRedFlag) flag = g_list_model_get_item (flags, i);
      g_autofree char *markup = NULL;

      if (self->audience == TALUS_AUDIENCE_PATIENT)
        markup = escape (display_summary (self, flag));
      else
        {
          g_autofree char *name = escape (talus_entry_get_name (TALUS_ENTRY (flag)));
          g_autofree char *summary = escape (talus_entry_get_summary (TALUS_ENTRY (flag)));

          markup = g_strdup_printf ("<b>%s</b>\n%s", name, summary);
        }
      item = add_text (self, STYLE_BODY, markup, column, 7.0, 0);
      item->deco = DECO_PILL;
      item->pill = urgency_pill_new (self, talus_red_flag_get_urgency (flag));
    }
  end_group (self);
}

static void
add_disclaimer (TalusHandout *self)
{
  g_autofree char *markup = g_markup_escape_text (
    T_ (self, "This leaflet is for education. It is not a diagnosis. Everyone is different: "
      "talk to your clinician about your own care, and ask if anything is unclear."), -1);
  g_autofree char *italic = g_strdup_printf ("<i>%s</i>", markup);
  Item *item = add_text (self, STYLE_CAPTION, italic, 0, 18.0, 0);

  item->color = COLOR_MUTED;
}

static void
collect_reference (GPtrArray      *refs,
                   TalusReference *ref)
{
  if (ref != NULL && !g_ptr_array_find (refs, ref, NULL))
    g_ptr_array_add (refs, ref);
}

/* A citation without its bracketed description of the source ("Stiell et al. JAMA 1993;..."). */
static char *
short_citation (const char *citation)
{
  g_autofree char *text = normalize_text (citation);
  g_autoptr(GString) out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '[')
        depth++;
      else if (*p == ']' && depth > 0)
        depth--;
      else if (depth == 0 && !(*p == ' ' && out->len > 0 && out->str[out->len - 1] == ' '))
        g_string_append_c (out, *p);
    }

  g_strstrip (out->str);
  if (out->str[0] == '\0')
    return g_steal_pointer (&text);
  return g_strdup (out->str);
}

static void
add_references (TalusHandout *self)
{
  g_autoptr(GPtrArray) refs = g_ptr_array_new ();
  GListModel *model = talus_condition_get_references (self->condition);
  Item *item;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TalusReference) ref = g_list_model_get_item (model, i);

      collect_reference (refs, ref);
    }

  /* Clinicians also get the sources behind each care label. */
  if (self->audience == TALUS_AUDIENCE_CLINICIAN)
    {
      GListModel *links = talus_condition_get_care (self->condition);

      for (guint i = 0; i < g_list_model_get_n_items (links); i++)
        {
          g_autoptr(TalusLink) link = g_list_model_get_item (links, i);
          GListModel *option_refs;

          collect_reference (refs, talus_link_get_reference (link));
          option_refs = talus_care_option_get_references (
            TALUS_CARE_OPTION (talus_link_get_target (link)));
          for (guint j = 0; j < g_list_model_get_n_items (option_refs); j++)
            {
              g_autoptr(TalusReference) ref = g_list_model_get_item (option_refs, j);

              collect_reference (refs, ref);
            }
        }
    }

  if (refs->len == 0)
    return;

  {
    g_autofree char *markup = g_markup_escape_text (
      self->audience == TALUS_AUDIENCE_PATIENT ? T_ (self, "Sources") : T_ (self, "References"), -1);

    item = add_text (self, STYLE_SMALL_HEADING, markup, 0, 12.0, 3.0);
    item->color = COLOR_MUTED;
    item->keep_with_next = TRUE;
  }

  /* Patients get one compact paragraph of short citations, clinicians the numbered list. */
  if (self->audience == TALUS_AUDIENCE_PATIENT)
    {
      g_autoptr(GString) markup = g_string_new (NULL);

      for (guint i = 0; i < refs->len; i++)
        {
          TalusReference *ref = g_ptr_array_index (refs, i);
          g_autofree char *citation = short_citation (talus_reference_get_citation (ref));
          g_autofree char *escaped = g_markup_escape_text (citation, -1);

          if (i > 0)
            g_string_append (markup, "  \302\267  ");
          g_string_append (markup, escaped);
        }
      item = add_text (self, STYLE_SMALL, markup->str, 0, 1.5, 0);
      item->color = COLOR_MUTED;
      /* A few lines of small print read badly when split. */
      item->keep_together = TRUE;
      return;
    }

  for (guint i = 0; i < refs->len; i++)
    {
      TalusReference *ref = g_ptr_array_index (refs, i);
      g_autofree char *citation = escape (talus_reference_get_citation (ref));
      g_autofree char *markup = NULL;

      if (talus_reference_get_doi (ref) != NULL)
        {
          g_autofree char *doi = escape (talus_reference_get_doi (ref));

          markup = g_strdup_printf ("%u. %s doi:%s", i + 1, citation, doi);
        }
      else
        markup = g_strdup_printf ("%u. %s", i + 1, citation);
      item = add_text (self, STYLE_SMALL, markup, 0, 1.5, 0);
      item->color = COLOR_MUTED;
    }
}

/* Builds and measures the text items. The figure goes between the summary and the symptoms:
 * its place in items and in groups is returned, to be filled by insert_figure(). */
static void
build_items (TalusHandout *self,
             guint        *figure_at,
             guint        *groups_at)
{
  add_title_block (self);
  add_summary (self);
  *figure_at = self->items->len;
  *groups_at = self->groups->len;
  add_symptoms (self);
  add_diagnostics (self);
  add_care (self);
  add_red_flags (self);
  add_disclaimer (self);
  add_references (self);

  for (guint i = 0; i < self->items->len; i++)
    finish_item (g_ptr_array_index (self->items, i));
}

static void
insert_figure (TalusHandout *self,
               guint         figure_at,
               guint         groups_at)
{
  Item *item = new_figure_item (self);

  finish_item (item);
  g_ptr_array_insert (self->items, (int) figure_at, item);
  /* No group is open at the figure's place: the groups after it move down by one item. */
  for (guint i = groups_at; i < self->groups->len; i++)
    {
      Group *group = &g_array_index (self->groups, Group, i);

      group->first++;
      group->last++;
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Pagination */

typedef struct {
  TalusHandout *self;
  Page *page;
  double top;             /* of the body */
  double bottom;
  double y;
  gboolean at_top;        /* nothing placed on this page yet */
  Item *previous;         /* the item placed last, for the spacing */
  int open_group;         /* the box being filled, or -1 */
  double box_y0;
  gboolean box_fresh;     /* nothing placed in the open box piece yet */
} Flow;

static void
page_free (Page *page)
{
  g_array_unref (page->fragments);
  g_array_unref (page->boxes);
  g_free (page);
}

static void
flow_new_page (Flow *flow)
{
  Page *page = g_new0 (Page, 1);

  if (flow->page != NULL && flow->open_group >= 0)
    {
      /* A box too tall for a page: close this piece, go on in a new piece. */
      Group *group = &g_array_index (flow->self->groups, Group, flow->open_group);
      BoxPiece piece = { group->kind, flow->box_y0, flow->y + BOX_PAD_Y };

      g_array_append_val (flow->page->boxes, piece);
    }

  page->fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
  page->boxes = g_array_new (FALSE, FALSE, sizeof (BoxPiece));
  g_ptr_array_add (flow->self->pages, page);
  flow->page = page;
  flow->y = flow->top;
  flow->at_top = TRUE;
  flow->previous = NULL;

  if (flow->open_group >= 0)
    {
      flow->box_y0 = flow->y;
      flow->y += BOX_PAD_Y;
      flow->box_fresh = TRUE;
    }
}

static double
flow_limit (Flow *flow)
{
  return flow->bottom - (flow->open_group >= 0 ? BOX_PAD_Y : 0);
}

static double
spacing (Flow *flow,
         Item *item)
{
  if (flow->at_top || flow->box_fresh || flow->previous == NULL)
    return 0;
  return MAX (flow->previous->space_after, item->space_before);
}

static double
group_height (TalusHandout *self,
              Group        *group)
{
  double height = 2 * BOX_PAD_Y;

  for (guint i = group->first; i <= group->last; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (i > group->first)
        {
          Item *previous = g_ptr_array_index (self->items, i - 1);

          height += MAX (previous->space_after, item->space_before);
        }
      height += item->height;
    }

  return height;
}

/* The least that must follow a heading (item @index - 1) on the same page: two lines of text,
 * over several items when they are one line each, or all of something that cannot be split. */
static double
min_following (Flow  *flow,
               guint  index,
               Item  *previous)
{
  TalusHandout *self = flow->self;
  double body = flow->bottom - flow->top;
  double total = 0;
  guint needed = 2;

  for (guint j = index; j < self->items->len && needed > 0; j++)
    {
      Item *item = g_ptr_array_index (self->items, j);
      double space = MAX (previous->space_after, item->space_before);
      guint k;

      if (item->group >= 0 && item->group != previous->group)
        {
          Group *group = &g_array_index (self->groups, Group, item->group);
          double height = group_height (self, group);

          if (height <= body)
            return total + MAX (previous->space_after, group->space_before) + height;
          return total + group->space_before + BOX_PAD_Y + item->height;
        }

      if (item->keep_together || item->is_figure)
        return total + space + item->height;

      if (item->keep_with_next && item->lines->len <= 2)
        {
          /* Another heading, or a care option's name: it does not count as the text. */
          total += space + item->height;
          previous = item;
          continue;
        }

      k = MIN (needed, item->lines->len);
      total += space + lines_height (item, 0, k);
      needed -= k;
      previous = item;
    }

  return total;
}

static void
flow_place (Flow  *flow,
            Item  *item,
            guint  first_line,
            guint  end_line,
            double space,
            double height)
{
  Fragment fragment = { item, first_line, end_line, flow->y + space };

  g_array_append_val (flow->page->fragments, fragment);
  flow->y += space + height;
  flow->at_top = FALSE;
  flow->box_fresh = FALSE;
  flow->previous = item;
}

static void
paginate_items (TalusHandout *self)
{
  double page_width, page_height;
  Flow flow = { 0 };

  talus_paper_get_size (self->paper, &page_width, &page_height);
  flow.self = self;
  flow.top = MARGIN + HEADER_HEIGHT;
  flow.bottom = page_height - MARGIN - FOOTER_HEIGHT;
  flow.open_group = -1;
  flow_new_page (&flow);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      double space, limit;

      /* Opening a box: keep it whole when it fits on a page. */
      if (item->group >= 0 && flow.open_group != item->group)
        {
          Group *group = &g_array_index (self->groups, Group, item->group);
          double height = group_height (self, group);
          double before = flow.at_top ? 0 : MAX (flow.previous ? flow.previous->space_after : 0,
                                                 group->space_before);

          if (!flow.at_top && flow.y + before + height > flow.bottom &&
              height <= flow.bottom - flow.top)
            {
              flow_new_page (&flow);
              before = 0;
            }
          flow.y += before;
          flow.open_group = item->group;
          flow.box_y0 = flow.y;
          flow.y += BOX_PAD_Y;
          flow.box_fresh = TRUE;
        }

      space = spacing (&flow, item);
      limit = flow_limit (&flow);

      if (item->keep_with_next && !flow.at_top && !flow.box_fresh)
        {
          double needed = space + item->height + min_following (&flow, i + 1, item);

          if (flow.y + needed > limit)
            {
              flow_new_page (&flow);
              space = 0;
              limit = flow_limit (&flow);
            }
        }

      if (item->is_figure || item->keep_together || item->lines->len <= 1)
        {
          if (flow.y + space + item->height > limit && !flow.at_top)
            {
              flow_new_page (&flow);
              space = 0;
              limit = flow_limit (&flow);
            }
          flow_place (&flow, item, 0, item->is_figure ? 0 : item->lines->len, space, item->height);
        }
      else
        {
          guint n = item->lines->len;
          guint start = 0;

          while (start < n)
            {
              double available = limit - flow.y - space;
              guint k = 0;

              while (start + k < n && lines_height (item, start, start + k + 1) <= available)
                k++;

              if (start + k == n)
                {
                  flow_place (&flow, item, start, n, space, lines_height (item, start, n));
                  break;
                }

              if (!flow.at_top)
                {
                  /* No orphan: at least two lines at the foot of the page. No widow: at
                   * least two lines go over. */
                  if (n - start - k < 2)
                    k = (n - start >= 2) ? n - start - 2 : 0;
                  if (k < 2)
                    {
                      flow_new_page (&flow);
                      space = 0;
                      limit = flow_limit (&flow);
                      continue;
                    }
                }
              else
                {
                  if (n - start - k < 2 && k >= 3)
                    k--;
                  k = MAX (k, 1);
                }

              flow_place (&flow, item, start, start + k, space,
                          lines_height (item, start, start + k));
              start += k;
              flow_new_page (&flow);
              space = 0;
              limit = flow_limit (&flow);
            }
        }

      /* Closing a box. */
      if (item->group >= 0)
        {
          Group *group = &g_array_index (self->groups, Group, item->group);

          if (group->last == i)
            {
              BoxPiece piece = { group->kind, flow.box_y0, flow.y + BOX_PAD_Y };

              g_array_append_val (flow.page->boxes, piece);
              flow.y += BOX_PAD_Y;
              flow.open_group = -1;
            }
        }
    }
}

static void
clear_layout (TalusHandout *self)
{
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->figure_doc);
  g_clear_pointer (&self->figure_ids, g_strfreev);
  self->laid_out = FALSE;
}

static void
invalidate (TalusHandout *self)
{
  clear_layout (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Drawing */

static void
draw_lines (cairo_t *cr,
            Item    *item,
            double   x,
            double   y,
            guint    first,
            guint    end)
{
  double top = g_array_index (item->lines, Line, first).top;

  cairo_new_path (cr);
  set_color (cr, item->color);
  for (guint i = first; i < end; i++)
    {
      Line *line = &g_array_index (item->lines, Line, i);

      cairo_move_to (cr, x + line->x, y + line->baseline - top);
      pango_cairo_show_layout_line (cr, line->line);
    }
}

static void
draw_checkbox (cairo_t  *cr,
               double    x,
               double    center_y,
               gboolean  ticked)
{
  const double size = 11.0;
  double y = center_y - size / 2;

  cairo_save (cr);
  rounded_rectangle (cr, x, y, size, size, 1.5);
  cairo_set_line_width (cr, 1.1);
  set_color (cr, ticked ? COLOR_TICK : COLOR_TEXT);
  cairo_stroke (cr);
  if (ticked)
    {
      cairo_move_to (cr, x + 2.2, y + size * 0.55);
      cairo_line_to (cr, x + size * 0.42, y + size - 2.4);
      cairo_line_to (cr, x + size + 1.2, y - 1.8);
      cairo_set_line_width (cr, 2.2);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_warning_sign (cairo_t *cr,
                   double   x,
                   double   baseline,
                   double   size)
{
  double top = baseline - size * 0.95;

  cairo_save (cr);
  cairo_move_to (cr, x + size / 2, top);
  cairo_line_to (cr, x + size, top + size * 0.9);
  cairo_line_to (cr, x, top + size * 0.9);
  cairo_close_path (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 2.0);
  set_color (cr, COLOR_RED);
  cairo_fill_preserve (cr);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x + size / 2 - 1.0, top + size * 0.28, 2.0, size * 0.33);
  cairo_rectangle (cr, x + size / 2 - 1.0, top + size * 0.68, 2.0, 2.0);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_decoration (TalusHandout *self,
                 cairo_t      *cr,
                 Item         *item,
                 double        x,
                 double        y)
{
  Line *line = &g_array_index (item->lines, Line, 0);
  double baseline = y + line->baseline - line->top;
  double size = pango_font_description_get_size (pango_layout_get_font_description (item->layout))
                / (double) PANGO_SCALE;
  /* The middle of a lower-case letter. */
  double middle = baseline - size * 0.36;

  /* show_layout_line() leaves a current point that an arc would join. */
  cairo_new_path (cr);
  switch (item->deco)
    {
    case DECO_BULLET:
      cairo_save (cr);
      set_color (cr, COLOR_ACCENT);
      cairo_arc (cr, x - GUTTER_BULLET + 4.5, middle, 2.6, 0, 2 * G_PI);
      cairo_fill (cr);
      if (item->column_x > 0)
        {
          cairo_arc (cr, x + item->column_x - GUTTER_BULLET + 4.5, middle, 2.6, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      cairo_restore (cr);
      break;

    case DECO_CHECKBOX:
    case DECO_CHECKBOX_TICKED:
      draw_checkbox (cr, x - GUTTER_CHECKBOX + 2.0, middle, item->deco == DECO_CHECKBOX_TICKED);
      break;

    case DECO_PILL:
      {
        double column = x - item->indent + BOX_PAD_X;

        pill_draw (item->pill, cr, column, baseline);
      }
      break;

    case DECO_WARNING:
      draw_warning_sign (cr, x - item->indent + BOX_PAD_X, baseline, size * 1.05);
      break;

    case DECO_NONE:
    default:
      break;
    }
}

static void
draw_figure (TalusHandout *self,
             cairo_t      *cr,
             Item         *item,
             double        x,
             double        y)
{
  double frame_width = item->figure_width + 2 * FIGURE_PAD;
  double frame_height = item->figure_height + 2 * FIGURE_PAD;
  double doc_width, doc_height, scale;
  g_autoptr(GError) error = NULL;

  cairo_save (cr);
  /* The frame's stroke stays inside the frame. */
  rounded_rectangle (cr, x + 0.5, y + 0.5, frame_width - 1.0, frame_height - 1.0, 6.0);
  set_color (cr, COLOR_FIGURE_FILL);
  cairo_fill_preserve (cr);
  set_color (cr, 0xdeddda);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);

  cairo_translate (cr, x + FIGURE_PAD, y + FIGURE_PAD);
  cairo_rectangle (cr, 0, 0, item->figure_width, item->figure_height);
  cairo_clip (cr);

  /* Draw the whole document at the scale that maps the crop box onto the figure. */
  scale = item->figure_width / self->crop[2];
  talus_anatomy_document_get_size (self->figure_doc, &doc_width, &doc_height);
  cairo_translate (cr, -self->crop[0] * scale, -self->crop[1] * scale);
  if (!talus_anatomy_document_render (self->figure_doc, cr, doc_width * scale, doc_height * scale,
                                      FIGURE_LAYERS,
                                      (const char * const *) self->figure_ids, highlight_rgba,
                                      &error))
    g_warning ("Could not draw the handout figure: %s", error->message);

  if (self->overlay_func != NULL)
    {
      double fit_scale, offset_x, offset_y;

      talus_anatomy_document_get_fit (self->figure_doc, doc_width * scale, doc_height * scale,
                                      &fit_scale, &offset_x, &offset_y);
      cairo_translate (cr, offset_x, offset_y);
      cairo_scale (cr, fit_scale, fit_scale);
      self->overlay_func (cr, doc_width, doc_height, self->overlay_data);
    }
  cairo_restore (cr);

  if (item->lines->len > 0)
    {
      cairo_save (cr);
      draw_lines (cr, item, x + item->caption_x, y + 4.0, 0, item->lines->len);
      cairo_restore (cr);
    }
}

static void
draw_box (cairo_t  *cr,
          BoxPiece *box,
          double    x,
          double    width)
{
  double height = box->y1 - box->y0;

  cairo_save (cr);
  switch (box->kind)
    {
    case BOX_MESSAGE:
      rounded_rectangle (cr, x, box->y0, width, height, 6.0);
      set_color (cr, COLOR_MESSAGE_FILL);
      cairo_fill (cr);
      cairo_rectangle (cr, x, box->y0, 5.0, height);
      rounded_rectangle (cr, x, box->y0, width, height, 6.0);
      cairo_clip (cr);
      cairo_rectangle (cr, x, box->y0, 5.0, height);
      set_color (cr, COLOR_ACCENT);
      cairo_fill (cr);
      break;

    case BOX_WARNING:
      /* The stroke stays inside the box. */
      rounded_rectangle (cr, x + 1.25, box->y0 + 1.25, width - 2.5, height - 2.5, 6.0);
      set_color (cr, COLOR_RED_FILL);
      cairo_fill_preserve (cr);
      set_color (cr, COLOR_RED);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);
      break;

    case BOX_NONE:
    default:
      break;
    }
  cairo_restore (cr);
}

/* The date in the handout's language: the month's name comes from the handout's catalogue, not
 * from the process's LC_TIME, so a Spanish handout printed on an English desktop says "noviembre". */
static char *
format_date (TalusHandout *self)
{
  static const char *const months[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
    NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
    NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };
  g_autoptr(GString) format = NULL;
  g_autofree char *month = NULL;

  /* TRANSLATORS: the date on a handout, a g_date_time_format() format: "4 March 2026"; %B is
   * replaced by the month's name, translated in the "month" context */
  /* xgettext:no-c-format */
  format = g_string_new (T_ (self, "%-d %B %Y"));
  month = g_strdup (TC_ (self, "month", months[g_date_time_get_month (self->date) - 1]));
  if (strchr (month, '%') == NULL)
    g_string_replace (format, "%B", month, 0);
  return g_date_time_format (self->date, format->str);
}

static void
draw_header_footer (TalusHandout *self,
                    cairo_t      *cr,
                    guint         page_nr)
{
  double page_width, page_height, width;
  g_autofree char *clinic = NULL;
  g_autofree char *date = NULL;
  g_autofree char *page = NULL;
  g_autofree char *title = NULL;
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  PangoRectangle logical;
  double baseline;

  talus_paper_get_size (self->paper, &page_width, &page_height);
  width = page_width - 2 * MARGIN;

  cairo_save (cr);

  /* Header: the clinic (or the app) on the left, the date on the right, a rule under. */
  clinic = is_blank (self->clinic_name) ? g_markup_escape_text ("Talus", -1)
                                        : escape (self->clinic_name);
  {
    g_autofree char *bold = g_strdup_printf ("<b>%s</b>", clinic);

    left = make_layout (self, STYLE_HEADER, bold, width * 0.65);
  }
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (left, 0);
  date = format_date (self);
  right = make_layout (self, STYLE_HEADER, date, width * 0.33);
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);

  baseline = MARGIN + pango_layout_get_baseline (left) / (double) PANGO_SCALE;
  set_color (cr, COLOR_TEXT);
  cairo_move_to (cr, MARGIN, baseline - pango_layout_get_baseline (left) / (double) PANGO_SCALE);
  pango_cairo_show_layout (cr, left);
  set_color (cr, COLOR_MUTED);
  cairo_move_to (cr, MARGIN + width * 0.67,
                 baseline - pango_layout_get_baseline (right) / (double) PANGO_SCALE);
  pango_cairo_show_layout (cr, right);
  pango_layout_get_extents (left, NULL, &logical);

  /* Rules are thin filled rectangles, so their ink ends exactly at the margins. */
  set_color (cr, COLOR_RULE);
  cairo_rectangle (cr, MARGIN, MARGIN + logical.height / (double) PANGO_SCALE + 6.0, width, 0.75);
  cairo_fill (cr);

  /* Footer: a rule, the handout's name on the left, the page number on the right. */
  g_clear_object (&left);
  g_clear_object (&right);
  title = escape (talus_entry_get_display_name (TALUS_ENTRY (self->condition), self->audience));
  left = make_layout (self, STYLE_FOOTER, title, width * 0.65);
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (left, 0);
  page = g_strdup_printf (T_ (self, "Page %u of %u"), page_nr + 1, self->pages->len);
  right = make_layout (self, STYLE_FOOTER, page, width * 0.33);
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  pango_layout_get_extents (right, NULL, &logical);

  {
    /* A little above the margin: some descenders reach below the font's descent. */
    double text_top = page_height - MARGIN - logical.height / (double) PANGO_SCALE - 1.5;

    set_color (cr, COLOR_RULE);
    cairo_rectangle (cr, MARGIN, text_top - 6.75, width, 0.75);
    cairo_fill (cr);

    set_color (cr, COLOR_MUTED);
    cairo_move_to (cr, MARGIN, text_top);
    pango_cairo_show_layout (cr, left);
    cairo_move_to (cr, MARGIN + width * 0.67, text_top);
    pango_cairo_show_layout (cr, right);
  }

  cairo_restore (cr);
}

/* ------------------------------------------------------------------------------------------ */
/* PDF output */

typedef struct {
  int fd;
  int error;  /* errno of the first failed write, or 0 */
} WriteClosure;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  WriteClosure *out = closure;

  if (out->error != 0)
    return CAIRO_STATUS_WRITE_ERROR;

  while (length > 0)
    {
      ssize_t written = write (out->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          out->error = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_set_error (error, TALUS_HANDOUT_ERROR, TALUS_HANDOUT_ERROR_WRITE,
               _("Could not write %s: %s"), path, reason);
  return FALSE;
}

/* ------------------------------------------------------------------------------------------ */
/* GObject */

static void
talus_handout_dispose (GObject *object)
{
  TalusHandout *self = TALUS_HANDOUT (object);

  clear_layout (self);
  if (self->overlay_destroy != NULL)
    self->overlay_destroy (self->overlay_data);
  self->overlay_func = NULL;
  self->overlay_data = NULL;
  self->overlay_destroy = NULL;
  g_clear_object (&self->context);
  g_clear_object (&self->knowledge_base);
  g_clear_object (&self->condition);
  g_clear_object (&self->region);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (talus_handout_parent_class)->dispose (object);
}

static void
talus_handout_finalize (GObject *object)
{
  TalusHandout *self = TALUS_HANDOUT (object);

  for (guint i = 0; i < N_STYLES; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->clinic_name, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->ticked_care, g_strfreev);
  g_clear_pointer (&self->clinician_notes, g_free);

  G_OBJECT_CLASS (talus_handout_parent_class)->finalize (object);
}

static void
talus_handout_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TalusHandout *self = TALUS_HANDOUT (object);

  switch (prop_id)
    {
    case PROP_KNOWLEDGE_BASE:
      g_value_set_object (value, self->knowledge_base);
      break;
    case PROP_CONDITION:
      g_value_set_object (value, self->condition);
      break;
    case PROP_REGION:
      g_value_set_object (value, self->region);
      break;
    case PROP_AUDIENCE:
      g_value_set_int (value, self->audience);
      break;
    case PROP_PAPER:
      g_value_set_enum (value, self->paper);
      break;
    case PROP_CLINIC_NAME:
      g_value_set_string (value, self->clinic_name);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    case PROP_TICKED_CARE:
      g_value_set_boxed (value, self->ticked_care);
      break;
    case PROP_CLINICIAN_NOTES:
      g_value_set_string (value, self->clinician_notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
talus_handout_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TalusHandout *self = TALUS_HANDOUT (object);

  switch (prop_id)
    {
    case PROP_KNOWLEDGE_BASE:
      self->knowledge_base = g_value_dup_object (value);
      /* a handout is written in its knowledge base's language */
      if (self->knowledge_base != NULL)
        g_set_object (&self->catalog, talus_knowledge_base_get_catalog (self->knowledge_base));
      break;
    case PROP_CONDITION:
      self->condition = g_value_dup_object (value);
      break;
    case PROP_REGION:
      talus_handout_set_region (self, g_value_get_object (value));
      break;
    case PROP_AUDIENCE:
      talus_handout_set_audience (self, g_value_get_int (value));
      break;
    case PROP_PAPER:
      talus_handout_set_paper (self, g_value_get_enum (value));
      break;
    case PROP_CLINIC_NAME:
      talus_handout_set_clinic_name (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      talus_handout_set_date (self, g_value_get_boxed (value));
      break;
    case PROP_TICKED_CARE:
      talus_handout_set_ticked_care (self, g_value_get_boxed (value));
      break;
    case PROP_CLINICIAN_NOTES:
      talus_handout_set_clinician_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
talus_handout_class_init (TalusHandoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = talus_handout_dispose;
  object_class->finalize = talus_handout_finalize;
  object_class->get_property = talus_handout_get_property;
  object_class->set_property = talus_handout_set_property;

  properties[PROP_KNOWLEDGE_BASE] =
    g_param_spec_object ("knowledge-base", NULL, NULL, TALUS_TYPE_KNOWLEDGE_BASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONDITION] =
    g_param_spec_object ("condition", NULL, NULL, TALUS_TYPE_CONDITION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_object ("region", NULL, NULL, TALUS_TYPE_REGION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A TalusAudience; the KB enums have no GType. */
  properties[PROP_AUDIENCE] =
    g_param_spec_int ("audience", NULL, NULL,
                      TALUS_AUDIENCE_CLINICIAN, TALUS_AUDIENCE_PATIENT, TALUS_AUDIENCE_PATIENT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAPER] =
    g_param_spec_enum ("paper", NULL, NULL, TALUS_TYPE_PAPER, TALUS_PAPER_A4,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLINIC_NAME] =
    g_param_spec_string ("clinic-name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TICKED_CARE] =
    g_param_spec_boxed ("ticked-care", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLINICIAN_NOTES] =
    g_param_spec_string ("clinician-notes", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

void
talus_handout_start_font_setup (void)
{
  /* Creating the thread's default font map is all it takes: Pango 1.50 initialises fontconfig
   * on a thread of its own, and the first layout waits for it only if it has not finished. */
  (void) pango_cairo_font_map_get_default ();
}

static void
talus_handout_init (TalusHandout *self)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();

  self->audience = TALUS_AUDIENCE_PATIENT;
  self->paper = TALUS_PAPER_A4;
  self->clinic_name = g_strdup ("");
  self->clinician_notes = g_strdup ("");
  self->figure_view = -1;
  self->date = g_date_time_new_now_local ();

  /* Unhinted metrics at 72 dpi: the same line breaks on every target. */
  self->context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_cairo_context_set_shape_renderer (self->context, shape_renderer_cb, NULL, NULL);
  cairo_font_options_destroy (options);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API */

TalusHandout *
talus_handout_new (TalusKnowledgeBase *knowledge_base,
                   TalusCondition     *condition)
{
  g_return_val_if_fail (TALUS_IS_KNOWLEDGE_BASE (knowledge_base), NULL);
  g_return_val_if_fail (TALUS_IS_CONDITION (condition), NULL);

  return g_object_new (TALUS_TYPE_HANDOUT,
                       "knowledge-base", knowledge_base,
                       "condition", condition,
                       NULL);
}

TalusHandout *
talus_handout_new_for_id (TalusKnowledgeBase  *knowledge_base,
                          const char          *condition_id,
                          GError             **error)
{
  TalusCondition *condition;

  g_return_val_if_fail (TALUS_IS_KNOWLEDGE_BASE (knowledge_base), NULL);
  g_return_val_if_fail (condition_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  condition = talus_knowledge_base_lookup_condition (knowledge_base, condition_id);
  if (condition == NULL)
    {
      g_set_error (error, TALUS_KB_ERROR, TALUS_KB_ERROR_UNKNOWN_ID,
                   _("Unknown condition “%s”"), condition_id);
      return NULL;
    }

  return talus_handout_new (knowledge_base, condition);
}

TalusKnowledgeBase *
talus_handout_get_knowledge_base (TalusHandout *self)
{
  g_return_val_if_fail (TALUS_IS_HANDOUT (self), NULL);
  return self->knowledge_base;
}

TalusCondition *
talus_handout_get_condition (TalusHandout *self)
{
  g_return_val_if_fail (TALUS_IS_HANDOUT (self), NULL);
  return self->condition;
}

TalusRegion *
talus_handout_get_region (TalusHandout *self)
{
  g_return_val_if_fail (TALUS_IS_HANDOUT (self), NULL);
  return self->region;
}

void
talus_handout_set_figure_view (TalusHandout  *self,
                               TalusViewKind  view)
{
  g_return_if_fail (TALUS_IS_HANDOUT (self));

  if (self->figure_view != (int) view)
    {
      self->figure_view = (int) view;
      invalidate (self);
    }
}

int
talus_handout_get_figure_view (TalusHandout *self)
{
  g_return_val_if_fail (TALUS_IS_HANDOUT (self), -1);

  return self->figure_doc != NULL ? (int) talus_anatomy_document_get_view (self->figure_doc)
                                  : self->figure_view;
}

void
talus_handout_set_region (TalusHandout *self,
                          TalusRegion  *region)
{
  g_return_if_fail (TALUS_IS_HANDOUT (self));
  g_return_if_fail (region == NULL || TALUS_IS_REGION (region));

  if (g_set_object (&self->region, region))
    {
      invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
    }
}

TalusAudience
talus_handout_get_audience (TalusHandout *self)
{
  g_return_val_if_fail (TALUS_IS_HANDOUT (self), TALUS_AUDIENCE_PATIENT);
  return self->audience;
}

void
talus_handout_set_audience (TalusHandout  *self,
                            TalusAudience  audience)
{
  g_return_if_fail (TALUS_IS_HANDOUT (self));
  g_return_if_fail (audience == TALUS_AUDIENCE_PATIENT || audience == TALUS_AUDIENCE_CLINICIAN);

  if (self->audience != audience)
    {
      self->audience = audience;
      invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIENCE]);
    }
}

TalusPaper
talus_handout_get_paper (TalusHandout *self)
{
  g_return_val_if_fail (TALUS_IS_HANDOUT (self), TALUS_PAPER_A4);
  return self->paper;
}

void
talus_handout_set_paper (TalusHandout *self,
                         TalusPaper    paper)
{
  g_return_if_fail (TALUS_IS_HANDOUT (self));
  g_return_if_fail (paper == TALUS_PAPER_A4 || paper == TALUS_PAPER_LETTER);

  if (self->paper != paper)
    {
      self->paper = paper;
      invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER]);
    }
}

const char *
talus_handout_get_clinic_name (TalusHandout *self)
{
  g_return_val_if_fail (TALUS_IS_HANDOUT (self), NULL);
  return self->clinic_name;
}

/**
 * talus_handout_set_catalog:
 * @catalog: (nullable): the language of the handout's own text (headings, captions, the
 *   disclaimer, the date); %NULL for the desktop's language
 *
 * By default a handout takes its knowledge base's catalogue
 * (talus_knowledge_base_set_catalog()), so the condition's text and the handout's own text are
 * in one language.
 */
void
talus_handout_set_catalog (TalusHandout *self,
                           TalusCatalog *catalog)
{
  g_return_if_fail (TALUS_IS_HANDOUT (self));
  g_return_if_fail (catalog == NULL || TALUS_IS_CATALOG (catalog));

  if (g_set_object (&self->catalog, catalog))
    invalidate (self);
}

TalusCatalog *
talus_handout_get_catalog (TalusHandout *self)
{
  g_return_val_if_fail (TALUS_IS_HANDOUT (self), NULL);

  return self->catalog;
}

void
talus_handout_set_clinic_name (TalusHandout *self,
                               const char   *clinic_name)
{
  g_return_if_fail (TALUS_IS_HANDOUT (self));

  if (clinic_name == NULL)
    clinic_name = "";
  if (g_strcmp0 (self->clinic_name, clinic_name) != 0)
    {
      g_free (self->clinic_name);
      self->clinic_name = g_strdup (clinic_name);
      invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLINIC_NAME]);
    }
}

GDateTime *
talus_handout_get_date (TalusHandout *self)
{
  g_return_val_if_fail (TALUS_IS_HANDOUT (self), NULL);
  return self->date;
}

/* NULL means now. */
void
talus_handout_set_date (TalusHandout *self,
                        GDateTime    *date)
{
  g_autoptr(GDateTime) value = NULL;

  g_return_if_fail (TALUS_IS_HANDOUT (self));

  value = date != NULL ? g_date_time_ref (date) : g_date_time_new_now_local ();
  if (self->date == NULL || !g_date_time_equal (self->date, value))
    {
      g_clear_pointer (&self->date, g_date_time_unref);
      self->date = g_steal_pointer (&value);
      invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
    }
}

const char * const *
talus_handout_get_ticked_care (TalusHandout *self)
{
  g_return_val_if_fail (TALUS_IS_HANDOUT (self), NULL);
  return (const char * const *) self->ticked_care;
}

void
talus_handout_set_ticked_care (TalusHandout       *self,
                               const char * const *care_ids)
{
  g_return_if_fail (TALUS_IS_HANDOUT (self));

  if (care_ids != NULL && care_ids[0] == NULL)
    care_ids = NULL;
  if (self->ticked_care == NULL && care_ids == NULL)
    return;
  if (self->ticked_care != NULL && care_ids != NULL &&
      g_strv_equal ((const char * const *) self->ticked_care, care_ids))
    return;

  g_strfreev (self->ticked_care);
  self->ticked_care = g_strdupv ((char **) care_ids);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TICKED_CARE]);
}

const char *
talus_handout_get_clinician_notes (TalusHandout *self)
{
  g_return_val_if_fail (TALUS_IS_HANDOUT (self), NULL);
  return self->clinician_notes;
}

void
talus_handout_set_clinician_notes (TalusHandout *self,
                                   const char   *notes)
{
  g_return_if_fail (TALUS_IS_HANDOUT (self));

  if (notes == NULL)
    notes = "";
  if (g_strcmp0 (self->clinician_notes, notes) != 0)
    {
      g_free (self->clinician_notes);
      self->clinician_notes = g_strdup (notes);
      invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLINICIAN_NOTES]);
    }
}

void
talus_handout_set_overlay_func (TalusHandout            *self,
                                TalusHandoutOverlayFunc  func,
                                gpointer                 user_data,
                                GDestroyNotify           destroy)
{
  g_return_if_fail (TALUS_IS_HANDOUT (self));

  if (self->overlay_destroy != NULL)
    self->overlay_destroy (self->overlay_data);
  self->overlay_func = func;
  self->overlay_data = user_data;
  self->overlay_destroy = destroy;
}

void
talus_handout_get_page_size (TalusHandout *self,
                             double       *width,
                             double       *height)
{
  g_return_if_fail (TALUS_IS_HANDOUT (self));
  talus_paper_get_size (self->paper, width, height);
}

void
talus_handout_get_content_box (TalusHandout *self,
                               double       *x,
                               double       *y,
                               double       *width,
                               double       *height)
{
  double page_width, page_height;

  g_return_if_fail (TALUS_IS_HANDOUT (self));

  talus_paper_get_size (self->paper, &page_width, &page_height);
  if (x != NULL)
    *x = MARGIN;
  if (y != NULL)
    *y = MARGIN;
  if (width != NULL)
    *width = page_width - 2 * MARGIN;
  if (height != NULL)
    *height = page_height - 2 * MARGIN;
}

guint
talus_handout_paginate (TalusHandout  *self,
                        cairo_t       *cr,
                        GError       **error)
{
  FigureJob *job;
  GThread *worker;
  guint figure_at, groups_at;

  g_return_val_if_fail (TALUS_IS_HANDOUT (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (cr != NULL && cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TALUS_HANDOUT_ERROR, TALUS_HANDOUT_ERROR_FAILED,
                   _("Could not lay out the handout: %s"),
                   cairo_status_to_string (cairo_status (cr)));
      return 0;
    }

  if (self->laid_out)
    return self->pages->len;

  clear_layout (self);
  setup_fonts (self);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->groups = g_array_new (FALSE, FALSE, sizeof (Group));
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);

  /* The figure (librsvg, no text) is prepared on a worker thread while this one lays out the
   * text (Pango); the first layout also initialises fontconfig. */
  job = figure_job_new (self);
  worker = g_thread_try_new ("talus-handout-figure", figure_job_run, job, NULL);
  build_items (self, &figure_at, &groups_at);
  if (worker != NULL)
    g_thread_join (worker);
  else
    figure_job_run (job);

  if (job->error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&job->error), "%s",
                                  job->render_failed
                                  ? _("Could not draw the handout figure: ")
                                  : _("Could not load the handout figure: "));
      figure_job_free (job);
      clear_layout (self);
      return 0;
    }

  if (job->doc != NULL)
    {
      self->figure_doc = g_steal_pointer (&job->doc);
      self->figure_ids = g_steal_pointer (&job->figure_ids);
      memcpy (self->crop, job->crop, sizeof self->crop);
      insert_figure (self, figure_at, groups_at);
    }
  figure_job_free (job);

  paginate_items (self);
  self->laid_out = TRUE;

  return self->pages->len;
}

guint
talus_handout_get_n_pages (TalusHandout *self)
{
  g_return_val_if_fail (TALUS_IS_HANDOUT (self), 0);

  if (!self->laid_out)
    {
      g_autoptr(GError) error = NULL;

      if (talus_handout_paginate (self, NULL, &error) == 0)
        g_warning ("%s", error->message);
    }

  return self->laid_out ? self->pages->len : 0;
}

void
talus_handout_draw_page (TalusHandout *self,
                         cairo_t      *cr,
                         guint         page_nr)
{
  double left, width;
  Page *page;

  g_return_if_fail (TALUS_IS_HANDOUT (self));
  g_return_if_fail (cr != NULL);

  if (page_nr >= talus_handout_get_n_pages (self))
    {
      g_critical ("%s: page %u of a %u-page handout", G_STRFUNC, page_nr,
                  talus_handout_get_n_pages (self));
      return;
    }

  page = g_ptr_array_index (self->pages, page_nr);
  talus_handout_get_content_box (self, &left, NULL, &width, NULL);
  left += COLUMN_INSET;
  width -= 2 * COLUMN_INSET;

  cairo_save (cr);
  draw_header_footer (self, cr, page_nr);

  for (guint i = 0; i < page->boxes->len; i++)
    draw_box (cr, &g_array_index (page->boxes, BoxPiece, i), left, width);

  for (guint i = 0; i < page->fragments->len; i++)
    {
      Fragment *fragment = &g_array_index (page->fragments, Fragment, i);
      Item *item = fragment->item;
      double x = left + item->indent;

      if (item->is_figure)
        {
          draw_figure (self, cr, item, x, fragment->y);
          continue;
        }

      if (fragment->first_line == 0 && item->deco != DECO_NONE)
        draw_decoration (self, cr, item, x, fragment->y);
      draw_lines (cr, item, x, fragment->y, fragment->first_line, fragment->end_line);
    }

  cairo_restore (cr);
}

gboolean
talus_handout_export_pdf (TalusHandout  *self,
                          const char    *path,
                          GError       **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  WriteClosure out = { -1, 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  struct stat st;
  guint n_pages;

  g_return_val_if_fail (TALUS_IS_HANDOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Lay out first, so a layout error creates no file at all. */
  n_pages = talus_handout_paginate (self, NULL, error);
  if (n_pages == 0)
    return FALSE;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return set_write_error (error, path, g_strerror (EISDIR));

  /* The temporary file must be in the same directory, so the rename is atomic. */
  tmp_path = g_strdup_printf ("%s.XXXXXX", path);
  out.fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0644);
  if (out.fd < 0)
    return set_write_error (error, path, g_strerror (errno));

  /* Keep the permissions of a file being replaced; g_mkstemp makes it private. */
  if (fchmod (out.fd, (stat (path, &st) == 0 ? st.st_mode : 0644) & 07777) != 0)
    {
      int saved = errno;

      close (out.fd);
      g_unlink (tmp_path);
      return set_write_error (error, path, g_strerror (saved));
    }

  talus_handout_get_page_size (self, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_cb, &out, width, height);
  title = g_strdup (talus_entry_get_display_name (TALUS_ENTRY (self->condition), self->audience));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Talus " PACKAGE_VERSION);
  if (!is_blank (self->clinic_name))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->clinic_name);
  date = g_date_time_format (self->date, "%Y-%m-%dT%H:%M:%S%:z");
  if (date != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);

  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    {
      cairo_t *cr = cairo_create (surface);

      for (guint i = 0; i < n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
        {
          talus_handout_draw_page (self, cr, i);
          cairo_show_page (cr);
        }
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
    }
  else
    {
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (out.error != 0 || status != CAIRO_STATUS_SUCCESS)
    {
      const char *reason = out.error != 0 ? g_strerror (out.error)
                                          : cairo_status_to_string (status);

      close (out.fd);
      g_unlink (tmp_path);
      return set_write_error (error, path, reason);
    }

  if (fsync (out.fd) != 0)
    {
      int saved = errno;

      close (out.fd);
      g_unlink (tmp_path);
      return set_write_error (error, path, g_strerror (saved));
    }

  if (close (out.fd) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      return set_write_error (error, path, g_strerror (saved));
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      return set_write_error (error, path, g_strerror (saved));
    }

  return TRUE;
}

gboolean
talus_handout_export_all (TalusKnowledgeBase  *knowledge_base,
                          const char          *dir,
                          TalusPaper           paper,
                          TalusAudience        audience,
                          guint               *n_written,
                          GError             **error)
{
  GListModel *conditions;
  guint written = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (TALUS_IS_KNOWLEDGE_BASE (knowledge_base), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, TALUS_HANDOUT_ERROR, TALUS_HANDOUT_ERROR_WRITE,
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved));
      ok = FALSE;
    }

  conditions = talus_knowledge_base_get_conditions (knowledge_base);
  for (guint i = 0; ok && i < g_list_model_get_n_items (conditions); i++)
    {
      g_autoptr(TalusCondition) condition = g_list_model_get_item (conditions, i);
      g_autoptr(TalusHandout) handout = talus_handout_new (knowledge_base, condition);
      const char *id = talus_entry_get_id (TALUS_ENTRY (condition));
      g_autofree char *name = g_strconcat (id, ".pdf", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      talus_handout_set_paper (handout, paper);
      talus_handout_set_audience (handout, audience);
      ok = talus_handout_export_pdf (handout, path, error);
      if (ok)
        written++;
    }

  if (n_written != NULL)
    *n_written = written;

  return ok;
}
