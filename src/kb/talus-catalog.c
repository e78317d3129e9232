/* talus-catalog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reader for GNU gettext's compiled catalogues (.mo). The file is mapped read-only and every
 * offset and length in it is checked against its size before use, so a broken or hostile file
 * is an error naming the file, never a crash. Messages are indexed once in a hash table; with a
 * context, the key is "context\004msgid" as msgfmt writes it. Plural entries are looked up by
 * their singular and give their first form (Talus's handouts have no plurals).
 */
#include "config.h"

#include "talus-catalog.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U
#define MO_MAX_SIZE      (64 * 1024 * 1024)
#define LANGUAGE_MAX     64

#define NATIVE_NAME_CONTEXT "native language name"
/* TRANSLATORS: the name of the language you are translating into, in that language ("Español"),
 * shown in the preferences' list of handout languages */
static const char *const native_name_msgid = NC_("native language name", "English");

struct _TalusCatalog
{
  GObject      parent_instance;
  char        *language;
  GMappedFile *file;      /* NULL for the source language */
  GHashTable  *messages;  /* const char* msgid (in the file) -> const char* translation */
};

G_DEFINE_FINAL_TYPE (TalusCatalog, talus_catalog, G_TYPE_OBJECT)

G_DEFINE_QUARK (talus-catalog-error-quark, talus_catalog_error)

static void
talus_catalog_finalize (GObject *object)
{
  TalusCatalog *self = TALUS_CATALOG (object);

  g_clear_pointer (&self->messages, g_hash_table_unref);
  g_clear_pointer (&self->file, g_mapped_file_unref);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (talus_catalog_parent_class)->finalize (object);
}

static void
talus_catalog_class_init (TalusCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = talus_catalog_finalize;
}

static void
talus_catalog_init (TalusCatalog *self)
{
  self->messages = g_hash_table_new (g_str_hash, g_str_equal);
}

static guint32
read_u32 (const guint8 *p,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, p, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The string of table entry @index, NUL-terminated inside the file, or NULL (and @error set). */
static const char *
table_string (const guint8  *data,
              gsize          size,
              guint32        table,
              guint32        index,
              gboolean       swapped,
              guint32       *length_out,
              const char    *path,
              GError       **error)
{
  guint64 entry = (guint64) table + (guint64) index * 8;
  guint32 length, offset;

  if (entry + 8 > size)
    goto invalid;
  length = read_u32 (data + entry, swapped);
  offset = read_u32 (data + entry + 4, swapped);
  /* the string and its terminating NUL lie inside the file */
  if ((guint64) offset + length >= size || data[(gsize) offset + length] != '\0')
    goto invalid;
  *length_out = length;
  return (const char *) data + offset;

invalid:
  g_set_error (error, TALUS_CATALOG_ERROR, TALUS_CATALOG_ERROR_INVALID,
               _("%s: message %u points outside the file; the catalogue is damaged"),
               path, index);
  return NULL;
}

static gboolean
index_messages (TalusCatalog  *self,
                const char    *path,
                GError       **error)
{
  const guint8 *data = (const guint8 *) g_mapped_file_get_contents (self->file);
  gsize size = g_mapped_file_get_length (self->file);
  guint32 magic, revision, n, originals, translations;
  gboolean swapped;

  if (size < 28)
    goto not_mo;
  memcpy (&magic, data, sizeof magic);
  if (magic == MO_MAGIC)
    swapped = FALSE;
  else if (magic == MO_MAGIC_SWAPPED)
    swapped = TRUE;
  else
    goto not_mo;

  revision = read_u32 (data + 4, swapped);
  if ((revision >> 16) > 1)
    {
      g_set_error (error, TALUS_CATALOG_ERROR, TALUS_CATALOG_ERROR_INVALID,
                   _("%s: unsupported catalogue revision %u"), path, revision >> 16);
      return FALSE;
    }
  n = read_u32 (data + 8, swapped);
  originals = read_u32 (data + 12, swapped);
  translations = read_u32 (data + 16, swapped);
  if ((guint64) originals + (guint64) n * 8 > size || (guint64) translations + (guint64) n * 8 > size)
    {
      g_set_error (error, TALUS_CATALOG_ERROR, TALUS_CATALOG_ERROR_INVALID,
                   _("%s: the message tables run past the end of the file; the catalogue is damaged"),
                   path);
      return FALSE;
    }

  for (guint32 i = 0; i < n; i++)
    {
      guint32 msgid_length, msgstr_length;
      const char *msgid = table_string (data, size, originals, i, swapped, &msgid_length, path, error);
      const char *msgstr;

      if (msgid == NULL)
        return FALSE;
      msgstr = table_string (data, size, translations, i, swapped, &msgstr_length, path, error);
      if (msgstr == NULL)
        return FALSE;
      /* the header (empty msgid) and untranslated messages are not translations */
      if (*msgid == '\0' || *msgstr == '\0')
        continue;
      if (!g_utf8_validate (msgstr, -1, NULL))
        {
          g_set_error (error, TALUS_CATALOG_ERROR, TALUS_CATALOG_ERROR_INVALID,
                       _("%s: message %u is not valid UTF-8"), path, i);
          return FALSE;
        }
      g_hash_table_insert (self->messages, (gpointer) msgid, (gpointer) msgstr);
    }

  return TRUE;

not_mo:
  g_set_error (error, TALUS_CATALOG_ERROR, TALUS_CATALOG_ERROR_INVALID,
               _("%s: not a compiled message catalogue (.mo file)"), path);
  return FALSE;
}

/**
 * talus_catalog_new_from_file:
 * @path: a compiled catalogue
 * @language: the language it holds, for talus_catalog_get_language()
 *
 * Returns: (transfer full) (nullable): the catalogue, or %NULL with @error naming @path.
 */
TalusCatalog *
talus_catalog_new_from_file (const char  *path,
                             const char  *language,
                             GError     **error)
{
  g_autoptr(TalusCatalog) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  self = g_object_new (TALUS_TYPE_CATALOG, NULL);
  self->language = g_strdup (language);
  self->file = g_mapped_file_new (path, FALSE, &local_error);
  if (self->file == NULL)
    {
      g_set_error (error, TALUS_CATALOG_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                   ? TALUS_CATALOG_ERROR_NOT_FOUND : TALUS_CATALOG_ERROR_INVALID,
                   "%s", local_error->message);
      return NULL;
    }
  if (g_mapped_file_get_length (self->file) > MO_MAX_SIZE)
    {
      g_set_error (error, TALUS_CATALOG_ERROR, TALUS_CATALOG_ERROR_INVALID,
                   _("%s: the file is too large for a message catalogue"), path);
      return NULL;
    }
  if (!index_messages (self, path, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * talus_catalog_is_source_language:
 *
 * Whether @language is the one the sources are written in (English), which needs no catalogue.
 */
gboolean
talus_catalog_is_source_language (const char *language)
{
  g_return_val_if_fail (language != NULL, FALSE);

  return g_str_equal (language, "C") || g_str_equal (language, "POSIX")
         || g_str_equal (language, "en") || g_str_has_prefix (language, "en_")
         || g_str_has_prefix (language, "en.") || g_str_has_prefix (language, "en@")
         || g_str_has_prefix (language, "C.");
}

static gboolean
language_is_safe (const char *language)
{
  gsize length = strlen (language);

  if (length == 0 || length > LANGUAGE_MAX || !g_ascii_isalpha (language[0]))
    return FALSE;
  for (const char *p = language; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '@' && *p != '.' && *p != '-')
      return FALSE;
  return strstr (language, "..") == NULL;
}

/**
 * talus_catalog_new_for_language:
 * @localedir: where the catalogues are installed (LOCALEDIR)
 * @domain: the gettext domain
 * @language: a locale name such as "es", "es_MX" or "es_MX.UTF-8"
 *
 * Finds @localedir/LANG/LC_MESSAGES/@domain.mo, trying @language as given, without its codeset,
 * then without its territory, as gettext does. English (the source language) needs no file and
 * gives an empty catalogue, so every message comes back as written.
 *
 * Returns: (transfer full) (nullable): the catalogue, or %NULL with
 * %TALUS_CATALOG_ERROR_NOT_FOUND when no catalogue is installed for @language.
 */
TalusCatalog *
talus_catalog_new_for_language (const char  *localedir,
                                const char  *domain,
                                const char  *language,
                                GError     **error)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *mo = NULL;
  char *cut;

  g_return_val_if_fail (localedir != NULL, NULL);
  g_return_val_if_fail (domain != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  if (!language_is_safe (language))
    {
      g_set_error (error, TALUS_CATALOG_ERROR, TALUS_CATALOG_ERROR_NOT_FOUND,
                   _("“%s” is not a language name"), language);
      return NULL;
    }

  if (talus_catalog_is_source_language (language))
    {
      TalusCatalog *self = g_object_new (TALUS_TYPE_CATALOG, NULL);

      self->language = g_strdup (language);
      return self;
    }

  g_ptr_array_add (candidates, g_strdup (language));
  if ((cut = strchr (candidates->pdata[0], '.')) != NULL)
    g_ptr_array_add (candidates, g_strndup (candidates->pdata[0], cut - (char *) candidates->pdata[0]));
  if ((cut = strpbrk (candidates->pdata[0], "_.@")) != NULL)
    g_ptr_array_add (candidates, g_strndup (candidates->pdata[0], cut - (char *) candidates->pdata[0]));

  mo = g_strconcat (domain, ".mo", NULL);
  for (guint i = 0; i < candidates->len; i++)
    {
      g_autofree char *path = g_build_filename (localedir, candidates->pdata[i], "LC_MESSAGES", mo, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return talus_catalog_new_from_file (path, candidates->pdata[i], error);
    }

  g_set_error (error, TALUS_CATALOG_ERROR, TALUS_CATALOG_ERROR_NOT_FOUND,
               _("No translation into “%s” is installed (looked for %s in %s)"),
               language, mo, localedir);
  return NULL;
}

const char *
talus_catalog_get_language (TalusCatalog *self)
{
  g_return_val_if_fail (TALUS_IS_CATALOG (self), NULL);

  return self->language;
}

guint
talus_catalog_get_n_messages (TalusCatalog *self)
{
  g_return_val_if_fail (TALUS_IS_CATALOG (self), 0);

  return g_hash_table_size (self->messages);
}

const char *
talus_catalog_gettext (TalusCatalog *self,
                       const char   *msgid)
{
  const char *translation;

  g_return_val_if_fail (self == NULL || TALUS_IS_CATALOG (self), msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (self == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  translation = g_hash_table_lookup (self->messages, msgid);
  return translation != NULL ? translation : msgid;
}

const char *
talus_catalog_pgettext (TalusCatalog *self,
                        const char   *context,
                        const char   *msgid)
{
  g_autofree char *key = NULL;
  const char *translation;

  g_return_val_if_fail (self == NULL || TALUS_IS_CATALOG (self), msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (context == NULL)
    return talus_catalog_gettext (self, msgid);
  if (self == NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
  if (g_hash_table_size (self->messages) == 0)
    return msgid;

  key = g_strconcat (context, "\004", msgid, NULL);
  translation = g_hash_table_lookup (self->messages, key);
  return translation != NULL ? translation : msgid;
}

/**
 * talus_catalog_get_native_name:
 *
 * The language's name in itself ("Español"), as its translators wrote it in the catalogue.
 */
const char *
talus_catalog_get_native_name (TalusCatalog *self)
{
  g_return_val_if_fail (TALUS_IS_CATALOG (self), NULL);

  return talus_catalog_pgettext (self, NATIVE_NAME_CONTEXT, native_name_msgid);
}

/**
 * talus_catalog_get_localedir:
 *
 * Where this process reads its own translations (bound by main(); the build tree's during
 * tests), so that catalogues opened by language come from the same place.
 */
const char *
talus_catalog_get_localedir (void)
{
  const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);

  return dir != NULL ? dir : LOCALEDIR;
}

/**
 * talus_catalog_list_languages:
 *
 * Returns: (transfer full): English, then every shipped translation (po/LINGUAS) whose catalogue
 * is installed in talus_catalog_get_localedir().
 */
GStrv
talus_catalog_list_languages (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) linguas = g_strsplit (TALUS_LINGUAS, " ", -1);

  g_strv_builder_add (builder, "en");
  for (guint i = 0; linguas[i] != NULL; i++)
    {
      g_autofree char *path = NULL;

      if (*linguas[i] == '\0')
        continue;
      path = g_build_filename (talus_catalog_get_localedir (), linguas[i], "LC_MESSAGES",
                               GETTEXT_PACKAGE ".mo", NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_strv_builder_add (builder, linguas[i]);
    }

  return g_strv_builder_end (builder);
}
