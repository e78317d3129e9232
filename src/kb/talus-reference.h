/* talus-reference.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "talus-entry.h"

G_BEGIN_DECLS

#define TALUS_TYPE_REFERENCE (talus_reference_get_type ())
G_DECLARE_FINAL_TYPE (TalusReference, talus_reference, TALUS, REFERENCE, TalusEntry)

/* The full citation is the entry name; the DOI may be NULL. */
const char *talus_reference_get_citation (TalusReference *self);
const char *talus_reference_get_doi      (TalusReference *self);

G_END_DECLS
