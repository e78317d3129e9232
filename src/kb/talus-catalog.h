/* talus-catalog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One language's message catalogue, read from the same compiled .mo file gettext uses, so that a
 * handout can be written in a language other than the desktop's (a Spanish handout from an
 * English desktop) without touching the process's locale or environment.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TALUS_CATALOG_ERROR (talus_catalog_error_quark ())

typedef enum {
  TALUS_CATALOG_ERROR_NOT_FOUND,  /* no catalogue is installed for the language */
  TALUS_CATALOG_ERROR_INVALID,    /* the file is not a valid .mo catalogue */
} TalusCatalogError;

#define TALUS_TYPE_CATALOG (talus_catalog_get_type ())
G_DECLARE_FINAL_TYPE (TalusCatalog, talus_catalog, TALUS, CATALOG, GObject)

GQuark        talus_catalog_error_quark     (void);

TalusCatalog *talus_catalog_new_for_language (const char   *localedir,
                                              const char   *domain,
                                              const char   *language,
                                              GError      **error);
TalusCatalog *talus_catalog_new_from_file    (const char   *path,
                                              const char   *language,
                                              GError      **error);
const char   *talus_catalog_get_language     (TalusCatalog *self);
guint         talus_catalog_get_n_messages   (TalusCatalog *self);
gboolean      talus_catalog_is_source_language (const char *language);
const char   *talus_catalog_get_native_name  (TalusCatalog *self);
const char   *talus_catalog_get_localedir    (void);
GStrv         talus_catalog_list_languages   (void);

/* Translations; @self may be NULL, meaning the desktop's language through gettext. A message
 * without a translation comes back as @msgid. */
const char   *talus_catalog_gettext          (TalusCatalog *self,
                                              const char   *msgid);
const char   *talus_catalog_pgettext         (TalusCatalog *self,
                                              const char   *context,
                                              const char   *msgid);

G_END_DECLS
