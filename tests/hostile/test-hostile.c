/* test-hostile.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hostile and broken knowledge-base files: the corpus in tests/data/bad (outcomes in
 * tests/data/bad/EXPECTED) and files too big to commit, generated here. Each file is loaded in a
 * child process and must:
 *  - be accepted, or rejected with the expected error whose first line is "FILE:LINE: message";
 *  - finish within 2 s (a safety bound, not a benchmark) and grow memory by a bounded amount
 *    (the child also runs under an address-space limit);
 *  - open no file but itself and connect nowhere: a canary file in the same folder is watched with
 *    inotify and a canary TCP port on 127.0.0.1 listens; corpus files name them as @CANARY_FILE@
 *    and @CANARY_URL@. The same files are also run through the command line under strace.
 */

#include "config.h"

#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <glib/gstdio.h>

#ifdef HAVE_VALGRIND_H
#include <valgrind/valgrind.h>
#endif

#include "talus-kb.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

#define CANARY_NAME "canary-secret.txt"
#define CANARY_TEXT "TALUS-CANARY-SECRET"
#define TIME_LIMIT_USEC (2 * G_USEC_PER_SEC)
#define RSS_GROWTH_LIMIT_KB (384 * 1024)
#define ADDRESS_SPACE_HEADROOM (512 * 1024 * 1024)

typedef enum {
  BASE_ALONE,
  BASE_SHIPPED,
} Base;

/* One expected outcome: a line of tests/data/bad/EXPECTED, or a generated file. */
typedef struct {
  char         *name;
  Base          base;
  gboolean      accept;
  TalusKbError  code;
  guint         line;
  char         *text;      /* rejected: the message after "FILE:LINE: "; accepted: "ID=NAME" or NULL */
  GBytes     *(*generate) (void);
} Case;

/* Under a sanitizer or valgrind everything is many times slower and bigger, and the
 * address-space limit would break the tool itself. */
static guint
slowdown (void)
{
#ifdef UNDER_ASAN
  return 10;
#else
#ifdef HAVE_VALGRIND_H
  if (RUNNING_ON_VALGRIND)
    return 50;
#endif
  return 1;
#endif
}

static void
case_free (Case *c)
{
  g_free (c->name);
  g_free (c->text);
  g_free (c);
}

/* The folder a case runs in, with the canaries it must not touch. */
typedef struct {
  char    *dir;
  char    *canary;
  char    *url;
  int      listener;
  int      inotify;
  GThread *doorman;
  gint     connections;  /* atomic */
  gint     stop;         /* atomic */
} Sandbox;

/* Accepts and closes at once any connection to the canary port, so a loader that connects fails
 * the test at once instead of waiting for an answer. */
static gpointer
doorman_thread (gpointer data)
{
  Sandbox *box = data;

  while (!g_atomic_int_get (&box->stop))
    {
      struct pollfd pfd = { box->listener, POLLIN, 0 };

      if (poll (&pfd, 1, 20) > 0)
        {
          int fd = accept (box->listener, NULL, NULL);

          if (fd >= 0)
            {
              g_atomic_int_inc (&box->connections);
              close (fd);
            }
        }
    }

  return NULL;
}

static void
sandbox_open (Sandbox *box)
{
  g_autoptr(GError) error = NULL;
  struct sockaddr_in addr = { 0 };
  socklen_t addr_len = sizeof addr;

  box->dir = g_dir_make_tmp ("talus-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  box->canary = g_build_filename (box->dir, CANARY_NAME, NULL);
  g_file_set_contents (box->canary, CANARY_TEXT "\n", -1, &error);
  g_assert_no_error (error);

  box->listener = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  g_assert_cmpint (box->listener, >=, 0);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  g_assert_cmpint (bind (box->listener, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  g_assert_cmpint (listen (box->listener, 8), ==, 0);
  g_assert_cmpint (getsockname (box->listener, (struct sockaddr *) &addr, &addr_len), ==, 0);
  box->url = g_strdup_printf ("http://127.0.0.1:%u/", ntohs (addr.sin_port));
  box->inotify = -1;
}

/* From now on, any open or read in the folder is recorded. */
static void
sandbox_watch (Sandbox *box)
{
  box->inotify = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  g_assert_cmpint (box->inotify, >=, 0);
  g_assert_cmpint (inotify_add_watch (box->inotify, box->dir, IN_OPEN | IN_ACCESS), >=, 0);
  box->doorman = g_thread_new ("canary-port", doorman_thread, box);
}

/* Asserts that nothing in the folder but @allowed was opened and nobody connected. */
static void
sandbox_check (Sandbox    *box,
               const char *allowed)
{
  struct pollfd pfd = { box->listener, POLLIN, 0 };
  char buffer[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  gssize n;

  g_atomic_int_set (&box->stop, 1);
  g_clear_pointer (&box->doorman, g_thread_join);
  if (g_atomic_int_get (&box->connections) > 0)
    g_error ("something connected to the canary port while loading “%s”", allowed);
  g_assert_cmpint (poll (&pfd, 1, 0), ==, 0);  /* and none is waiting */

  while ((n = read (box->inotify, buffer, sizeof buffer)) > 0)
    {
      for (char *p = buffer; p < buffer + n; )
        {
          const struct inotify_event *event = (const struct inotify_event *) p;

          if (event->len == 0 || !g_str_equal (event->name, allowed))
            g_error ("“%s” was opened while loading “%s”",
                     event->len > 0 ? event->name : box->dir, allowed);
          p += sizeof (struct inotify_event) + event->len;
        }
    }
  g_assert_cmpint (errno, ==, EAGAIN);
}

static void
sandbox_close (Sandbox *box)
{
  g_autoptr(GDir) dir = g_dir_open (box->dir, 0, NULL);
  const char *name;

  if (box->inotify >= 0)
    close (box->inotify);
  close (box->listener);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (box->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (box->dir);
  g_free (box->dir);
  g_free (box->canary);
  g_free (box->url);
}

/* Writes the case's bytes into the sandbox, with the canaries filled in. */
static char *
sandbox_write (Sandbox    *box,
               const Case *c)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (box->dir, c->name, NULL);
  const char *data;
  gsize size;

  if (c->generate != NULL)
    bytes = c->generate ();
  else
    {
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "bad", c->name, NULL);
      g_autofree char *contents = NULL;

      g_file_get_contents (source, &contents, &size, &error);
      g_assert_no_error (error);
      bytes = g_bytes_new_take (g_steal_pointer (&contents), size);
    }

  data = g_bytes_get_data (bytes, &size);
  if (memmem (data, size, "@CANARY_", 8) != NULL)
    {
      g_autoptr(GString) text = g_string_new_len (data, (gssize) size);

      g_string_replace (text, "@CANARY_FILE@", box->canary, 0);
      g_string_replace (text, "@CANARY_URL@", box->url, 0);
      g_file_set_contents (path, text->str, (gssize) text->len, &error);
    }
  else
    g_file_set_contents (path, data, (gssize) size, &error);
  g_assert_no_error (error);

  return path;
}

static glong
current_rss_kb (void)
{
  g_autofree char *statm = NULL;
  long pages = 0;
  long resident = 0;

  g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL);
  g_assert_nonnull (statm);
  g_assert_cmpint (sscanf (statm, "%ld %ld", &pages, &resident), ==, 2);
  return resident * (sysconf (_SC_PAGESIZE) / 1024);
}

static void
limit_address_space (void)
{
  g_autofree char *statm = NULL;
  long pages = 0;
  struct rlimit limit;

  if (slowdown () > 1)
    return;

  g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL);
  g_assert_nonnull (statm);
  g_assert_cmpint (sscanf (statm, "%ld", &pages), ==, 1);
  limit.rlim_cur = limit.rlim_max = (rlim_t) pages * sysconf (_SC_PAGESIZE) + ADDRESS_SPACE_HEADROOM;
  g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
}

static void
check_outcome (const Case         *c,
               TalusKnowledgeBase *kb,
               const char         *path,
               gboolean            loaded,
               const GError       *error)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *prefix = NULL;

  if (c->accept)
    {
      g_auto(GStrv) check = NULL;
      TalusEntry *entry;

      if (!loaded)
        g_error ("%s: expected to load, got: %s", c->name, error->message);
      g_assert_no_error (error);
      if (c->text == NULL)
        return;
      check = g_strsplit (c->text, "=", 2);
      entry = talus_knowledge_base_lookup (kb, check[0]);
      g_assert_nonnull (entry);
      g_assert_cmpstr (talus_entry_get_name (entry), ==, check[1]);
      return;
    }

  if (loaded)
    g_error ("%s: expected to be rejected, but it loaded", c->name);
  g_assert_error (error, TALUS_KB_ERROR, (int) c->code);
  g_assert_null (strstr (error->message, CANARY_TEXT));
  g_assert_cmpuint (strlen (error->message), <, 256 * 1024);

  /* every line names the file and a line; the first is the expected one */
  lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p = lines[i];

      if (!g_str_has_prefix (p, path) || p[strlen (path)] != ':' ||
          !g_ascii_isdigit (p[strlen (path) + 1]))
        g_error ("%s: error line without FILE:LINE: “%s”", c->name, p);
      for (p += strlen (path) + 1; g_ascii_isdigit (*p); p++)
        ;
      g_assert_true (g_str_has_prefix (p, ": "));
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      /* a message quoting a huge value is cut short */
      g_assert_cmpuint (g_utf8_strlen (p, -1), <=, 1000);
      for (; *p != '\0'; p = g_utf8_next_char (p))
        g_assert_true (g_unichar_isprint (g_utf8_get_char (p)));
    }

  prefix = g_strdup_printf ("%s:%u: %s", path, c->line, c->text != NULL ? c->text : "");
  if (!g_str_has_prefix (lines[0], prefix))
    g_error ("%s: expected “%s…”, got “%s”", c->name, prefix, lines[0]);
}

/* The body of every case, run in a child process. */
static void
run_case (const Case *c)
{
  g_autoptr(TalusKnowledgeBase) kb = talus_knowledge_base_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  Sandbox box = { 0 };
  struct rusage usage;
  gint64 start, elapsed;
  glong rss_before;
  gboolean loaded;

  sandbox_open (&box);
  path = sandbox_write (&box, c);
  file = g_file_new_for_path (path);

  if (c->base == BASE_SHIPPED)
    {
      g_assert_true (talus_knowledge_base_load_shipped (kb, &error));
      g_assert_no_error (error);
    }

  limit_address_space ();
  sandbox_watch (&box);
  rss_before = current_rss_kb ();
  start = g_get_monotonic_time ();

  loaded = talus_knowledge_base_add_file (kb, file, &error);

  elapsed = g_get_monotonic_time () - start;
  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  sandbox_check (&box, c->name);

  /* on stderr: the child's stdout is not part of the parent's TAP stream */
  g_printerr ("# %s: %.3f s, peak RSS %ld KiB (%ld KiB before)\n", c->name,
              elapsed / (double) G_USEC_PER_SEC, usage.ru_maxrss, rss_before);
  check_outcome (c, kb, g_file_peek_path (file), loaded, error);
  if (elapsed > TIME_LIMIT_USEC * (gint64) slowdown ())
    g_error ("%s took %.2f s", c->name, elapsed / (double) G_USEC_PER_SEC);
  g_assert_cmpint (usage.ru_maxrss - rss_before, <, RSS_GROWTH_LIMIT_KB * (glong) MIN (slowdown (), 4));

  sandbox_close (&box);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;

  if (g_test_subprocess ())
    {
      run_case (c);
      return;
    }

  /* the child's own limit is 2 s; this one stops a child that hangs, say on a connection */
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC * slowdown (),
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The command line under strace: no connect(), no socket(), and no file opened that a benign
 * file does not open too, except the file itself. */
static GHashTable *
traced_opens (const char  *strace,
              const char  *path,
              char       **log_text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *log = g_build_filename (g_get_tmp_dir (), "talus-strace-XXXXXX", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  const char *talus = g_getenv ("TALUS_BINARY");
  GHashTable *opened = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int fd = g_mkstemp (log);
  int status = 0;
  const char *argv[] = {
    strace, "-f", "-qq", "-e", "trace=open,openat,openat2,connect,socket", "-o", log,
    talus, "--validate-kb", path, NULL,
  };

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_nonnull (talus);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_file_get_contents (log, &contents, NULL, &error);
  g_assert_no_error (error);
  g_unlink (log);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *call = strstr (lines[i], "open");
      const char *quote;
      const char *end;

      if (call == NULL || strstr (lines[i], "= -1 ") != NULL || (quote = strchr (call, '"')) == NULL)
        continue;
      if ((end = strchr (quote + 1, '"')) != NULL)
        g_hash_table_add (opened, g_strndup (quote + 1, end - quote - 1));
    }

  *log_text = g_steal_pointer (&contents);
  return opened;
}

static void
test_strace (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *strace = g_find_program_in_path ("strace");
  g_autofree char *benign_log = NULL;
  g_autofree char *hostile_log = NULL;
  g_autofree char *benign_path = NULL;
  g_autofree char *hostile_path = NULL;
  g_autoptr(GHashTable) benign = NULL;
  g_autoptr(GHashTable) hostile = NULL;
  g_autoptr(GError) error = NULL;
  Sandbox box = { 0 };
  GHashTableIter iter;
  gpointer opened;

  if (strace == NULL)
    {
      g_test_skip ("strace is not installed (build-aux/dev test installs it); "
                   "the in-process canary checks still ran");
      return;
    }

  sandbox_open (&box);
  hostile_path = sandbox_write (&box, c);
  benign_path = g_build_filename (box.dir, "benign.xml", NULL);
  g_file_set_contents (benign_path, "<kb version=\"1\"/>\n", -1, &error);
  g_assert_no_error (error);

  benign = traced_opens (strace, benign_path, &benign_log);
  if (!g_hash_table_contains (benign, benign_path))
    {
      /* strace could not trace (no ptrace here): it says why in its log */
      g_autofree char *why = g_strdup_printf ("strace cannot trace here: %.200s", benign_log);

      g_test_skip (why);
      sandbox_close (&box);
      return;
    }
  hostile = traced_opens (strace, hostile_path, &hostile_log);

  g_assert_true (g_hash_table_contains (hostile, hostile_path));
  g_assert_null (strstr (hostile_log, "connect("));
  g_assert_null (strstr (hostile_log, "socket("));
  g_assert_null (strstr (hostile_log, CANARY_NAME));

  g_hash_table_iter_init (&iter, hostile);
  while (g_hash_table_iter_next (&iter, &opened, NULL))
    if (!g_str_equal (opened, hostile_path) && !g_hash_table_contains (benign, opened))
      g_error ("the command line opened “%s” while validating %s", (char *) opened, c->name);

  /* nobody came to the canary port either */
  {
    struct pollfd pfd = { box.listener, POLLIN, 0 };
    g_assert_cmpint (poll (&pfd, 1, 0), ==, 0);
  }

  sandbox_close (&box);
}

/* Generated files, too big to commit. */

static GBytes *
generate_deep_nesting (void)
{
  g_autoptr(GString) s = g_string_new ("<?xml version=\"1.0\"?>\n<kb version=\"1\">\n");

  for (guint i = 0; i < 100000; i++)
    g_string_append (s, "<symptom>\n");
  for (guint i = 0; i < 100000; i++)
    g_string_append (s, "</symptom>\n");
  g_string_append (s, "</kb>\n");
  return g_string_free_to_bytes (g_steal_pointer (&s));
}

/* 50 MB of text in one element (or more, if the cap ever grows): never read whole */
static GBytes *
generate_huge_text (void)
{
  gsize size = MAX (50 * 1000 * 1000, TALUS_KB_MAX_FILE_SIZE + 1024 * 1024);
  char *data = g_malloc (size);
  const char *head = "<?xml version=\"1.0\"?>\n<kb version=\"1\">\n<symptom id=\"big\" group=\"pain\"><name>";

  memset (data, 'A', size);
  memcpy (data, head, strlen (head));
  return g_bytes_new_take (data, size);
}

static GString *
start_kb (void)
{
  return g_string_new ("<?xml version=\"1.0\"?>\n<kb version=\"1\">\n");
}

static GBytes *
end_kb (GString *s)
{
  g_string_append (s, "</kb>\n");
  return g_string_free_to_bytes (s);
}

static void
append_attributes (GString *s,
                   guint    n,
                   char     quote)
{
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, " a%u=%cx%c", i, quote, quote);
}

static GBytes *
generate_many_attributes (void)
{
  GString *s = start_kb ();

  g_string_append (s, "<symptom");
  append_attributes (s, 200000, '"');
  g_string_append (s, "/>\n");
  return end_kb (s);
}

/* libxml2 2.9 keeps tokenizing after an error; an older pre-scan lost track of tags there */
static GBytes *
generate_attributes_after_bad_pi (void)
{
  GString *s = start_kb ();

  g_string_append (s, "<?pi \x01<symptom");
  append_attributes (s, 200000, '"');
  g_string_append (s, "/>?>\n");
  return end_kb (s);
}

static GBytes *
generate_attributes_after_stray_quote (void)
{
  GString *s = start_kb ();

  g_string_append (s, "<a \"><symptom");
  append_attributes (s, 200000, '\'');
  g_string_append (s, "/>\n");
  return end_kb (s);
}

static GBytes *
generate_attributes_in_lt_value (void)
{
  GString *s = start_kb ();

  g_string_append (s, "<a b=\"<symptom");
  append_attributes (s, 200000, '\'');
  g_string_append (s, "/>\"/>\n");
  return end_kb (s);
}

/* 250 levels of 60 namespace declarations, then 2 MB of prefixed elements: 20 s in
 * libxml2 2.9 (every prefix is looked up linearly) */
static GBytes *
generate_namespace_flood (void)
{
  GString *s = start_kb ();

  for (guint d = 0; d < 250; d++)
    {
      g_string_append_printf (s, "<e%u", d);
      for (guint i = 0; i < 60; i++)
        g_string_append_printf (s, " xmlns:p%u_%u=\"u\"", d, i);
      g_string_append (s, ">\n");
    }
  while (s->len < 2 * 1024 * 1024)
    g_string_append (s, "<p0_0:x/><p0_0:x/><p0_0:x/><p0_0:x/><p0_0:x/><p0_0:x/><p0_0:x/>\n");
  return g_string_free_to_bytes (s);
}

/* 30,000 entries with one error each (3 MB): libxml2 2.9 walked
 * back over the whole document for each error it reported, a minute in all */
static GBytes *
generate_invalid_entries (void)
{
  GString *s = start_kb ();

  for (guint i = 0; i < 30000; i++)
    g_string_append (s, "<symptom id=\"a\" group=\"pain\"><name>a</name><patient-name>b</patient-name>"
                        "<x/></symptom>\n");
  return end_kb (s);
}

/* @n empty elements, 16 a line from line 3 */
static GBytes *
generate_elements (guint n)
{
  GString *s = start_kb ();

  for (guint i = 0; i < n; i++)
    g_string_append (s, i % 16 == 15 ? "<a/>\n" : "<a/>");
  return end_kb (s);
}

/* half the most nodes a file may make (the markup cap); at the cap it is twice the time and
 * memory, 1.7 s and 150 MB here (docs/SECURITY.md) */
static GBytes *
generate_element_flood (void)
{
  return generate_elements (500000);
}

/* one more tag than the cap allows: the 1,000,001st "<" is on line 62502 */
static GBytes *
generate_markup_over_cap (void)
{
  return generate_elements (1100000);
}

/* half the most attribute nodes a file may make: 3,750 tags of 64 attributes */
static GBytes *
generate_attribute_flood (void)
{
  GString *s = start_kb ();

  for (guint i = 0; i < 3750; i++)
    {
      g_string_append (s, "<a");
      append_attributes (s, 64, '"');
      g_string_append (s, "/>\n");
    }
  return end_kb (s);
}

/* 70,000 lines of valid symptoms, five lines each, then @tail. */
static GString *
start_long_kb (void)
{
  GString *s = start_kb ();

  for (guint i = 0; i < 14000; i++)
    g_string_append_printf (s, "  <symptom id=\"s-%u\" group=\"pain\">\n"
                               "    <name>Symptom %u</name>\n"
                               "    <patient-name>Symptom %u</patient-name>\n"
                               "  </symptom>\n"
                               "  <!-- %u -->\n", i, i, i, i);
  return s;  /* 70,002 lines so far */
}

static GBytes *
generate_schema_error_past_70000 (void)
{
  GString *s = start_long_kb ();

  g_string_append (s, "\n<symptom id=\"late\" group=\"itchiness\">\n"
                      "<name>x</name><patient-name>x</patient-name></symptom>\n");
  return end_kb (s);
}

static GBytes *
generate_parse_error_past_70000 (void)
{
  GString *s = start_long_kb ();

  g_string_append (s, "\n\n<symptom id=\"late\" group=\"pain\">\n<name>x</nome>\n");
  return end_kb (s);
}

static GBytes *
generate_reference_error_past_70000 (void)
{
  GString *s = start_long_kb ();

  g_string_append (s, "<condition id=\"late\" category=\"injury\">\n"
                      "<name>Late</name><patient-name>Late</patient-name>\n"
                      "<region ref=\"lateral-ankle\"/>\n"
                      "<summary>S.</summary><patient-summary>P.</patient-summary>\n"
                      "<symptom ref=\"s-1\" weight=\"typical\"/>\n"
                      "<symptom ref=\"no-such-symptom\" weight=\"common\"/>\n"
                      "<diagnostic ref=\"anterior-drawer\">x</diagnostic>\n"
                      "<care ref=\"peace-love\"/>\n"
                      "</condition>\n");
  return end_kb (s);
}

static GBytes *
generate_valid_past_70000 (void)
{
  return end_kb (start_long_kb ());
}

static const struct {
  const char    *name;
  Base           base;
  gboolean       accept;
  TalusKbError   code;
  guint          line;
  const char    *text;
  GBytes      *(*generate) (void);
} generated[] = {
  { "deep-nesting-100k.xml", BASE_ALONE, FALSE, TALUS_KB_ERROR_PARSE, 259,
    "Excessive depth in document: 256", generate_deep_nesting },
  { "text-node-50mb.xml", BASE_ALONE, FALSE, TALUS_KB_ERROR_READ, 1,
    NULL /* the cap, filled in by main () */, generate_huge_text },
  { "attributes-200k.xml", BASE_ALONE, FALSE, TALUS_KB_ERROR_PARSE, 3,
    "an element has more than 64 attributes", generate_many_attributes },
  { "attributes-200k-after-bad-pi.xml", BASE_ALONE, FALSE, TALUS_KB_ERROR_PARSE, 3,
    "an element has more than 64 attributes", generate_attributes_after_bad_pi },
  { "attributes-200k-after-stray-quote.xml", BASE_ALONE, FALSE, TALUS_KB_ERROR_PARSE, 3,
    "an element has more than 64 attributes", generate_attributes_after_stray_quote },
  { "attributes-200k-in-lt-value.xml", BASE_ALONE, FALSE, TALUS_KB_ERROR_PARSE, 3,
    "an element has more than 64 attributes", generate_attributes_in_lt_value },
  { "namespace-flood-2mb.xml", BASE_ALONE, FALSE, TALUS_KB_ERROR_PARSE, 3,
    "more than 16 namespace declarations", generate_namespace_flood },
  { "invalid-entries-30k.xml", BASE_ALONE, FALSE, TALUS_KB_ERROR_SCHEMA, 3,
    "Element 'x': This element is not expected.", generate_invalid_entries },
  { "element-flood-500k.xml", BASE_ALONE, FALSE, TALUS_KB_ERROR_SCHEMA, 3,
    "Element 'a': This element is not expected.", generate_element_flood },
  { "attribute-flood-240k.xml", BASE_ALONE, FALSE, TALUS_KB_ERROR_SCHEMA, 3,
    "Element 'a': This element is not expected.", generate_attribute_flood },
  { "markup-over-cap.xml", BASE_ALONE, FALSE, TALUS_KB_ERROR_PARSE, 62502,
    "the file has more than a million tags and attributes", generate_markup_over_cap },
  { "schema-error-line-70004.xml", BASE_ALONE, FALSE, TALUS_KB_ERROR_SCHEMA, 70004,
    "Element 'symptom', attribute 'group': [facet 'enumeration'] The value 'itchiness'",
    generate_schema_error_past_70000 },
  { "parse-error-line-70006.xml", BASE_ALONE, FALSE, TALUS_KB_ERROR_PARSE, 70006,
    "Opening and ending tag mismatch: name", generate_parse_error_past_70000 },
  { "reference-error-line-70008.xml", BASE_SHIPPED, FALSE, TALUS_KB_ERROR_REFERENCE, 70008,
    "condition “late” refers to unknown symptom “no-such-symptom”",
    generate_reference_error_past_70000 },
  { "valid-70000-lines.xml", BASE_ALONE, TRUE, 0, 0, "s-13999=Symptom 13999",
    generate_valid_past_70000 },
};

static gboolean
parse_code (const char   *word,
            TalusKbError *code)
{
  static const char *names[] = { "read", "parse", "schema", "reference" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (word, names[i]))
      {
        *code = (TalusKbError) i;
        return TRUE;
      }
  return FALSE;
}

/* tests/data/bad/EXPECTED: FILE BASE RESULT CODE LINE TEXT, separated by tabs; see its header. */
static GPtrArray *
read_manifest (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "EXPECTED", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      Case *c;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], "\t", 6);
      if (g_strv_length (fields) != 6)
        g_error ("EXPECTED:%u: needs six tab-separated fields", i + 1);

      c = g_new0 (Case, 1);
      c->name = g_strdup (fields[0]);
      c->base = g_str_equal (fields[1], "shipped") ? BASE_SHIPPED : BASE_ALONE;
      c->accept = g_str_equal (fields[2], "accept");
      if (!c->accept && (!g_str_equal (fields[2], "reject") || !parse_code (fields[3], &c->code)))
        g_error ("EXPECTED:%u: unknown result or error code", i + 1);
      c->line = (guint) g_ascii_strtoull (fields[4], NULL, 10);
      c->text = g_str_equal (fields[5], "-") ? NULL : g_strdup (fields[5]);
      g_ptr_array_add (cases, c);
    }

  return cases;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *bad_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  g_test_init (&argc, &argv, NULL);

  cases = read_manifest ();

  /* every corpus file has an expected outcome, and there are enough of them */
  bad_dir = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  dir = g_dir_open (bad_dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;

      if (g_str_equal (name, "EXPECTED"))
        continue;
      for (guint i = 0; i < cases->len && !listed; i++)
        listed = g_str_equal (((Case *) cases->pdata[i])->name, name);
      if (!listed)
        g_error ("tests/data/bad/%s has no line in tests/data/bad/EXPECTED", name);
      n_files++;
    }
  if (n_files < 25 || n_files != cases->len)
    g_error ("tests/data/bad has %u files for %u expected outcomes (at least 25)", n_files,
             cases->len);

  for (guint i = 0; i < G_N_ELEMENTS (generated); i++)
    {
      Case *c = g_new0 (Case, 1);

      c->name = g_strdup (generated[i].name);
      c->base = generated[i].base;
      c->accept = generated[i].accept;
      c->code = generated[i].code;
      c->line = generated[i].line;
      c->text = generated[i].text != NULL
                ? g_strdup (generated[i].text)
                : g_strdup_printf ("the file is larger than %d MiB",
                                   TALUS_KB_MAX_FILE_SIZE / (1024 * 1024));
      c->generate = generated[i].generate;
      g_ptr_array_add (cases, c);
    }

  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = cases->pdata[i];
      g_autofree char *stem = g_strndup (c->name, strlen (c->name) - (g_str_has_suffix (c->name, ".xml") ? 4 : 0));
      g_autofree char *path = g_strdup_printf ("/talus/hostile/load/%s", stem);

      g_test_add_data_func (path, c, test_case);

      /* the command line too, for every file that names a canary */
      if (c->generate == NULL)
        {
          g_autofree char *source = g_build_filename (bad_dir, c->name, NULL);
          g_autofree char *contents = NULL;

          if (g_file_get_contents (source, &contents, NULL, NULL) && strstr (contents, "@CANARY_"))
            {
              g_autofree char *strace_path = g_strdup_printf ("/talus/hostile/strace/%s", stem);
              g_test_add_data_func (strace_path, c, test_strace);
            }
        }
    }

  return g_test_run ();
}
