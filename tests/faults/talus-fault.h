/* talus-fault.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fault injection for tests: a full disk. Linked into a test program, talus-fault.c interposes
 * write(2) for the whole process (GLib, cairo and Talus's own writes), so that once armed, writes
 * to files under one folder fail with ENOSPC after a given number of bytes, as on a nearly full
 * file system: the first writes succeed (partly), then the disk is full.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes to files under @dir fail with ENOSPC once @budget bytes have been written there. */
void  talus_fault_fill_disk      (const char *dir,
                                  gsize       budget);
/* Writes succeed again. */
void  talus_fault_reset          (void);
/* How many writes the fault refused since it was armed (so a test can tell it was reached). */
guint talus_fault_get_n_refused  (void);

G_END_DECLS
