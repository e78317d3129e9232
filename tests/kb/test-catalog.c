/* test-catalog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TalusCatalog: the compiled Spanish catalogue of the build tree gives the same translations
 * gettext would, for the UI and the KB's "talus-kb" context; English needs no file; locale names
 * fall back as gettext's do; names that are paths are refused; and damaged or hostile .mo files
 * (truncated, wrong magic, offsets past the end) are errors naming the file, in either byte
 * order.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "talus-catalog.h"

static const char *
localedir (void)
{
  const char *dir = g_getenv ("TALUS_LOCALEDIR");

  g_assert_nonnull (dir);
  return dir;
}

static void
test_spanish (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TalusCatalog) catalog = talus_catalog_new_for_language (localedir (), GETTEXT_PACKAGE,
                                                                    "es", &error);
  const char *untranslated = "no such message in any catalogue";

  g_assert_no_error (error);
  g_assert_cmpstr (talus_catalog_get_language (catalog), ==, "es");
  g_assert_cmpuint (talus_catalog_get_n_messages (catalog), >, 1000);
  g_assert_cmpstr (talus_catalog_gettext (catalog, "What is it?"), ==, "¿Qué es?");
  g_assert_cmpstr (talus_catalog_pgettext (catalog, "talus-kb", "Lateral ankle sprain"), ==,
                   "Esguince lateral de tobillo");
  g_assert_cmpstr (talus_catalog_pgettext (catalog, "month", "November"), ==, "noviembre");
  g_assert_cmpstr (talus_catalog_get_native_name (catalog), ==, "Español");
  /* a context is part of the key: without it the KB string is not found */
  g_assert_true (talus_catalog_gettext (catalog, "Lateral ankle sprain") != NULL);
  g_assert_true (talus_catalog_gettext (catalog, untranslated) == untranslated);
  g_assert_true (talus_catalog_pgettext (catalog, "talus-kb", untranslated) == untranslated);
}

static void
test_english_and_fallbacks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TalusCatalog) english = talus_catalog_new_for_language (localedir (), GETTEXT_PACKAGE,
                                                                    "en_GB.UTF-8", &error);
  g_autoptr(TalusCatalog) mexican = NULL;
  const char *msgid = "What is it?";

  g_assert_no_error (error);
  g_assert_cmpuint (talus_catalog_get_n_messages (english), ==, 0);
  g_assert_true (talus_catalog_gettext (english, msgid) == msgid);
  g_assert_cmpstr (talus_catalog_get_native_name (english), ==, "English");

  /* es_MX.UTF-8 -> es_MX -> es */
  mexican = talus_catalog_new_for_language (localedir (), GETTEXT_PACKAGE, "es_MX.UTF-8", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (talus_catalog_get_language (mexican), ==, "es");
  g_assert_cmpstr (talus_catalog_gettext (mexican, msgid), ==, "¿Qué es?");
}

static void
test_not_found (void)
{
  static const char *bad[] = { "xx", "../../etc", "es/../es", "", ".es", "es\nx", "/es" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TalusCatalog) catalog = talus_catalog_new_for_language (localedir (), GETTEXT_PACKAGE,
                                                                        bad[i], &error);

      g_assert_null (catalog);
      g_assert_error (error, TALUS_CATALOG_ERROR, TALUS_CATALOG_ERROR_NOT_FOUND);
    }

  {
    g_autoptr(GError) error = NULL;
    g_assert_null (talus_catalog_new_for_language (localedir (), GETTEXT_PACKAGE, "xx", &error));
    g_assert_nonnull (strstr (error->message, "“xx”"));
  }
}

static void
put_u32 (GByteArray *mo,
         guint32     value,
         gboolean    big_endian)
{
  guint32 raw = big_endian ? GUINT32_TO_BE (value) : GUINT32_TO_LE (value);

  g_byte_array_append (mo, (const guint8 *) &raw, 4);
}

/* A .mo file with the header and one message, in either byte order. */
static GBytes *
build_mo (gboolean big_endian)
{
  static const char *originals[] = { "", "ctx\004Hello" };
  static const char *translations[] = { "Content-Type: text/plain; charset=UTF-8\n", "Hola" };
  GByteArray *mo = g_byte_array_new ();
  guint32 offset = 28 + 2 * 16;

  put_u32 (mo, 0x950412de, big_endian);
  put_u32 (mo, 0, big_endian);
  put_u32 (mo, 2, big_endian);
  put_u32 (mo, 28, big_endian);       /* originals table */
  put_u32 (mo, 28 + 16, big_endian);  /* translations table */
  put_u32 (mo, 0, big_endian);        /* no hash table */
  put_u32 (mo, 0, big_endian);
  for (guint t = 0; t < 2; t++)
    {
      const char **strings = t == 0 ? originals : translations;

      for (guint i = 0; i < 2; i++)
        {
          put_u32 (mo, strlen (strings[i]), big_endian);
          put_u32 (mo, offset, big_endian);
          offset += strlen (strings[i]) + 1;
        }
    }
  for (guint t = 0; t < 2; t++)
    for (guint i = 0; i < 2; i++)
      {
        const char *string = (t == 0 ? originals : translations)[i];
        g_byte_array_append (mo, (const guint8 *) string, strlen (string) + 1);
      }
  return g_byte_array_free_to_bytes (mo);
}

static char *
write_temp (const char *dir,
            const char *name,
            const void *data,
            gsize       length)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  return path;
}

static void
test_byte_orders (void)
{
  g_autofree char *dir = g_dir_make_tmp ("talus-catalog-XXXXXX", NULL);

  for (int big = 0; big <= 1; big++)
    {
      g_autoptr(GBytes) mo = build_mo (big);
      g_autofree char *path = write_temp (dir, "talus.mo", g_bytes_get_data (mo, NULL),
                                          g_bytes_get_size (mo));
      g_autoptr(GError) error = NULL;
      g_autoptr(TalusCatalog) catalog = talus_catalog_new_from_file (path, "xx", &error);

      g_assert_no_error (error);
      g_assert_cmpuint (talus_catalog_get_n_messages (catalog), ==, 1);
      g_assert_cmpstr (talus_catalog_pgettext (catalog, "ctx", "Hello"), ==, "Hola");
      g_assert_cmpstr (talus_catalog_gettext (catalog, "Hello"), ==, "Hello");
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_damaged (void)
{
  g_autofree char *dir = g_dir_make_tmp ("talus-catalog-XXXXXX", NULL);
  g_autoptr(GBytes) good = build_mo (FALSE);
  gsize size = g_bytes_get_size (good);
  struct {
    const char *name;
    gsize       offset;   /* where to damage: a little-endian u32 set to @value */
    guint32     value;
    gsize       length;   /* keep only this much; 0: all */
  } cases[] = {
    { "empty", 0, 0, 1 },
    { "truncated-header", 0, 0x950412de, 20 },
    { "bad-magic", 0, 0x12345678, 0 },
    { "revision-2", 4, 0x00020000, 0 },
    { "too-many-messages", 8, 0x10000000, 0 },
    { "table-past-end", 12, 0xfffffff0, 0 },
    { "string-past-end", 28 + 12, 0x7fffffff, 0 },
    { "length-past-end", 28 + 16 + 8, 0xffffffff, 0 },
    { "truncated-strings", 0, 0x950412de, 0 },
  };

  cases[G_N_ELEMENTS (cases) - 1].length = size - 3;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (good, NULL), size);
      guint32 raw = GUINT32_TO_LE (cases[i].value);
      g_autofree char *name = g_strconcat (cases[i].name, ".mo", NULL);
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(TalusCatalog) catalog = NULL;

      memcpy (data + cases[i].offset, &raw, 4);
      path = write_temp (dir, name, data, cases[i].length != 0 ? cases[i].length : size);
      catalog = talus_catalog_new_from_file (path, "xx", &error);
      g_test_message ("%s: %s", cases[i].name, error ? error->message : "(loaded)");
      g_assert_null (catalog);
      g_assert_error (error, TALUS_CATALOG_ERROR, TALUS_CATALOG_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, path));
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/talus/catalog/spanish", test_spanish);
  g_test_add_func ("/talus/catalog/english-and-fallbacks", test_english_and_fallbacks);
  g_test_add_func ("/talus/catalog/not-found", test_not_found);
  g_test_add_func ("/talus/catalog/byte-orders", test_byte_orders);
  g_test_add_func ("/talus/catalog/damaged", test_damaged);

  return g_test_run ();
}
