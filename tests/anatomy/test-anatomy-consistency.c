/* test-anatomy-consistency.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drawings and the knowledge base name the same things, both ways (issue 3): every KB
 * structure and region is clickable in at least one view, every clickable id of every view is a
 * KB structure or region, and a drawing's class agrees with the KB kind.
 */

#include "config.h"

#include "talus-anatomy-document.h"
#include "talus-knowledge-base.h"

typedef struct
{
  TalusKnowledgeBase   *kb;
  TalusAnatomyDocument *docs[TALUS_VIEW_N_KINDS];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->kb = talus_knowledge_base_new ();
  g_assert_true (talus_knowledge_base_load_shipped (fixture->kb, &error));
  g_assert_no_error (error);

  for (guint v = 0; v < TALUS_VIEW_N_KINDS; v++)
    {
      fixture->docs[v] = talus_anatomy_document_new_for_view (v, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  for (guint v = 0; v < TALUS_VIEW_N_KINDS; v++)
    g_assert_finalize_object (fixture->docs[v]);
  g_assert_finalize_object (fixture->kb);
}

/* Drawn and hittable somewhere, with every layer shown. */
static gboolean
clickable_in (TalusAnatomyDocument *doc,
              const char           *id)
{
  gboolean region = talus_anatomy_document_is_region (doc, id);
  double x, y, w, h;

  if (!talus_anatomy_document_get_bounds (doc, id, &x, &y, &w, &h))
    return FALSE;

  for (guint steps = 1; steps <= 32; steps *= 2)
    for (guint i = 0; i < steps; i++)
      for (guint j = 0; j < steps; j++)
        {
          const char *hit = NULL;

          talus_anatomy_document_hit_test (doc, x + w * (i + 0.5) / steps,
                                           y + h * (j + 0.5) / steps, TALUS_LAYER_ALL,
                                           region ? NULL : &hit, region ? &hit : NULL);
          if (g_strcmp0 (hit, id) == 0)
            return TRUE;
        }

  return FALSE;
}

static void
test_kb_structures_drawn (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GListModel *structures = talus_knowledge_base_get_structures (fixture->kb);
  GString *missing = g_string_new (NULL);
  g_autofree char *message = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (structures), >, 30);

  for (guint i = 0; i < g_list_model_get_n_items (structures); i++)
    {
      g_autoptr (TalusStructure) structure = g_list_model_get_item (structures, i);
      const char *id = talus_entry_get_id (TALUS_ENTRY (structure));
      gboolean found = FALSE;

      for (guint v = 0; v < TALUS_VIEW_N_KINDS && !found; v++)
        found = clickable_in (fixture->docs[v], id);
      if (!found)
        g_string_append_printf (missing, " %s", id);
    }

  message = g_string_free (missing, FALSE);
  g_test_message ("KB structures not clickable in any view:%s", message);
  g_assert_cmpstr (message, ==, "");
}

static void
test_kb_regions_drawn (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GListModel *regions = talus_knowledge_base_get_regions (fixture->kb);
  GString *missing = g_string_new (NULL);
  g_autofree char *message = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (regions), >=, 7);

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr (TalusRegion) region = g_list_model_get_item (regions, i);
      const char *id = talus_entry_get_id (TALUS_ENTRY (region));
      gboolean found = FALSE;

      for (guint v = 0; v < TALUS_VIEW_N_KINDS && !found; v++)
        found = talus_anatomy_document_is_region (fixture->docs[v], id) &&
                clickable_in (fixture->docs[v], id);
      if (!found)
        g_string_append_printf (missing, " %s", id);
    }

  message = g_string_free (missing, FALSE);
  g_test_message ("KB regions not clickable in any view:%s", message);
  g_assert_cmpstr (message, ==, "");
}

static void
test_drawn_ids_known (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GString *unknown = g_string_new (NULL);
  g_autofree char *message = NULL;

  for (guint v = 0; v < TALUS_VIEW_N_KINDS; v++)
    {
      TalusAnatomyDocument *doc = fixture->docs[v];
      const char * const *ids = talus_anatomy_document_get_structure_ids (doc);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          TalusStructure *structure = talus_knowledge_base_lookup_structure (fixture->kb, ids[i]);
          const char *klass = talus_anatomy_document_get_structure_class (doc, ids[i]);

          if (structure == NULL)
            g_string_append_printf (unknown, " %s:%s", talus_view_kind_to_nick (v), ids[i]);
          else if (g_strcmp0 (klass, talus_structure_kind_to_nick (
                                       talus_structure_get_kind (structure))) != 0)
            g_string_append_printf (unknown, " %s:%s(class %s, KB kind %s)",
                                    talus_view_kind_to_nick (v), ids[i], klass,
                                    talus_structure_kind_to_nick (
                                      talus_structure_get_kind (structure)));
        }

      ids = talus_anatomy_document_get_region_ids (doc);
      for (guint i = 0; ids[i] != NULL; i++)
        if (talus_knowledge_base_lookup_region (fixture->kb, ids[i]) == NULL)
          g_string_append_printf (unknown, " %s:region-%s", talus_view_kind_to_nick (v), ids[i]);
    }

  message = g_string_free (unknown, FALSE);
  g_test_message ("drawn ids the KB does not know (or of another kind):%s", message);
  g_assert_cmpstr (message, ==, "");
}

/* Each drawn structure lies (by the centre of its bounds) in one of its KB regions in that view,
 * when the view draws any of them: catches a structure drawn in the wrong place or a region
 * shape that misses it. */
static void
test_structures_in_their_regions (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  GString *wrong = g_string_new (NULL);
  g_autofree char *message = NULL;

  for (guint v = 0; v < TALUS_VIEW_N_KINDS; v++)
    {
      TalusAnatomyDocument *doc = fixture->docs[v];
      const char * const *ids = talus_anatomy_document_get_structure_ids (doc);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          TalusStructure *structure = talus_knowledge_base_lookup_structure (fixture->kb, ids[i]);
          GListModel *regions;
          gboolean any_drawn = FALSE, inside = FALSE;
          double x, y, w, h;

          if (structure == NULL || !talus_anatomy_document_get_bounds (doc, ids[i], &x, &y, &w, &h))
            continue;

          regions = talus_structure_get_regions (structure);
          for (guint r = 0; r < g_list_model_get_n_items (regions); r++)
            {
              g_autoptr (TalusEntry) region = g_list_model_get_item (regions, r);
              const char *region_id = talus_entry_get_id (region);
              double rx, ry, rw, rh;

              if (!talus_anatomy_document_get_bounds (doc, region_id, &rx, &ry, &rw, &rh))
                continue;
              any_drawn = TRUE;
              /* overlapping boxes: lenient, since bones span regions */
              if (x < rx + rw && rx < x + w && y < ry + rh && ry < y + h)
                inside = TRUE;
            }

          if (any_drawn && !inside)
            g_string_append_printf (wrong, " %s:%s", talus_view_kind_to_nick (v), ids[i]);
        }
    }

  message = g_string_free (wrong, FALSE);
  g_test_message ("structures drawn away from all their KB regions:%s", message);
  g_assert_cmpstr (message, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/talus/anatomy/consistency/kb-structures-drawn", Fixture, NULL, fixture_set_up,
              test_kb_structures_drawn, fixture_tear_down);
  g_test_add ("/talus/anatomy/consistency/kb-regions-drawn", Fixture, NULL, fixture_set_up,
              test_kb_regions_drawn, fixture_tear_down);
  g_test_add ("/talus/anatomy/consistency/drawn-ids-known", Fixture, NULL, fixture_set_up,
              test_drawn_ids_known, fixture_tear_down);
  g_test_add ("/talus/anatomy/consistency/structures-in-their-regions", Fixture, NULL,
              fixture_set_up, test_structures_in_their_regions, fixture_tear_down);

  return g_test_run ();
}
