/* talus-fault.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See talus-fault.h. The test program's own definition of write() comes first in the symbol
 * lookup of every library the program loads, so GLib's g_file_set_contents_full() and cairo's
 * output streams reach it too; it passes everything to the C library's write() unless the file
 * descriptor names a file under the armed folder (read back from /proc/self/fd).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "talus-fault.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

typedef ssize_t (*WriteFunc) (int fd, const void *buffer, size_t count);

static GMutex fault_lock;
static char *fault_dir;   /* with a trailing '/' */
static gsize fault_budget;
static guint fault_refused;

void
talus_fault_fill_disk (const char *dir,
                       gsize       budget)
{
  char resolved[PATH_MAX];

  g_mutex_lock (&fault_lock);
  g_free (fault_dir);
  /* /proc/self/fd shows resolved paths */
  fault_dir = g_strconcat (realpath (dir, resolved) != NULL ? resolved : dir, "/", NULL);
  fault_budget = budget;
  fault_refused = 0;
  g_mutex_unlock (&fault_lock);
}

void
talus_fault_reset (void)
{
  g_mutex_lock (&fault_lock);
  g_clear_pointer (&fault_dir, g_free);
  g_mutex_unlock (&fault_lock);
}

guint
talus_fault_get_n_refused (void)
{
  guint n;

  g_mutex_lock (&fault_lock);
  n = fault_refused;
  g_mutex_unlock (&fault_lock);
  return n;
}

static gboolean
fd_is_under (int         fd,
             const char *dir)
{
  char link[64];
  char target[PATH_MAX];
  ssize_t length;

  g_snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  length = readlink (link, target, sizeof target - 1);
  if (length <= 0)
    return FALSE;
  target[length] = '\0';
  return g_str_has_prefix (target, dir);
}

ssize_t
write (int         fd,
       const void *buffer,
       size_t      count)
{
  static WriteFunc real_write;
  size_t allowed = count;
  gboolean refuse = FALSE;

  if (real_write == NULL)
    real_write = (WriteFunc) dlsym (RTLD_NEXT, "write");

  /* the lock is never held around a write, so a write from another thread cannot deadlock */
  if (fd > 2 && g_atomic_pointer_get (&fault_dir) != NULL)
    {
      g_mutex_lock (&fault_lock);
      if (fault_dir != NULL && fd_is_under (fd, fault_dir))
        {
          allowed = MIN (count, fault_budget);
          fault_budget -= allowed;
          if (allowed == 0)
            {
              refuse = TRUE;
              fault_refused++;
            }
        }
      g_mutex_unlock (&fault_lock);
    }

  if (refuse)
    {
      errno = ENOSPC;
      return -1;
    }
  return real_write (fd, buffer, allowed);
}
