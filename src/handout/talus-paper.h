/* talus-paper.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The paper sizes a handout is laid out for, in PostScript points (1/72 inch).
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  TALUS_PAPER_A4,
  TALUS_PAPER_LETTER,
} TalusPaper;

#define TALUS_TYPE_PAPER (talus_paper_get_type ())
GType       talus_paper_get_type      (void) G_GNUC_CONST;

/* Width and height in points: A4 595.276 x 841.89, US Letter 612 x 792. */
void        talus_paper_get_size      (TalusPaper   paper,
                                       double      *width,
                                       double      *height);
/* "a4" or "letter", as on the command line. */
const char *talus_paper_to_nick       (TalusPaper   paper);
/* Case-insensitive; FALSE for an unknown spelling. */
gboolean    talus_paper_from_nick     (const char  *nick,
                                       TalusPaper  *out);
/* The paper closest to @width x @height points (either orientation), e.g. for a GtkPageSetup. */
TalusPaper  talus_paper_for_size      (double       width,
                                       double       height);

G_END_DECLS
