/* test-kb-common.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small helpers shared by the knowledge-base tests.
 */
#pragma once

#include "talus-kb.h"

/* tests/data/kb/NAME */
static inline GFile *
test_kb_fixture (const char *name)
{
  return g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "kb", name, NULL));
}

/* A knowledge base holding only tests/data/kb/mini.xml. */
static inline TalusKnowledgeBase *
test_kb_load_mini (void)
{
  g_autoptr(TalusKnowledgeBase) kb = talus_knowledge_base_new ();
  g_autoptr(GFile) file = test_kb_fixture ("mini.xml");
  g_autoptr(GError) error = NULL;

  talus_knowledge_base_add_file (kb, file, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&kb);
}
