/* talus-knowledge-base.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "talus-kb"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "talus-data-resources.h"
#include "talus-kb-private.h"

enum {
  KIND_REGION,
  KIND_STRUCTURE,
  KIND_SYMPTOM,
  KIND_DIAGNOSTIC,
  KIND_CARE,
  KIND_RED_FLAG,
  KIND_REFERENCE,
  KIND_CONDITION,
  N_KINDS
};

typedef struct {
  GHashTable *by_id;  /* id -> TalusEntry (owned) */
  GListStore *list;
} Index;

struct _TalusKnowledgeBase
{
  GObject       parent_instance;
  Index         index[N_KINDS];
  TalusCatalog *catalog;  /* the language text is translated into at load; NULL: the desktop's */
};

G_DEFINE_FINAL_TYPE (TalusKnowledgeBase, talus_knowledge_base, G_TYPE_OBJECT)

G_DEFINE_QUARK (talus-kb-error-quark, talus_kb_error)

static const char *kind_names[N_KINDS] = {
  "region", "structure", "symptom", "diagnostic", "care option", "red flag", "reference",
  "condition",
};

static guint
kind_of (gpointer entry)
{
  if (TALUS_IS_REGION (entry))
    return KIND_REGION;
  if (TALUS_IS_STRUCTURE (entry))
    return KIND_STRUCTURE;
  if (TALUS_IS_SYMPTOM (entry))
    return KIND_SYMPTOM;
  if (TALUS_IS_DIAGNOSTIC (entry))
    return KIND_DIAGNOSTIC;
  if (TALUS_IS_CARE_OPTION (entry))
    return KIND_CARE;
  if (TALUS_IS_RED_FLAG (entry))
    return KIND_RED_FLAG;
  if (TALUS_IS_REFERENCE (entry))
    return KIND_REFERENCE;
  if (TALUS_IS_CONDITION (entry))
    return KIND_CONDITION;
  g_assert_not_reached ();
}

/* Resolution looks first in the entries being added, then in what is loaded. */
typedef struct {
  TalusKnowledgeBase *self;
  GHashTable         *pending[N_KINDS];  /* id -> TalusEntry (unowned), may be NULL */
  GString            *problems;
  gboolean            commit;  /* fill pointers, not just check */
} Resolver;

static gpointer
resolve (Resolver   *r,
         guint       kind,
         TalusRef   *ref,
         TalusEntry *owner)
{
  gpointer found = NULL;

  if (ref == NULL)
    return NULL;

  if (r->pending[kind] != NULL)
    found = g_hash_table_lookup (r->pending[kind], ref->id);
  if (found == NULL)
    found = g_hash_table_lookup (r->self->index[kind].by_id, ref->id);

  if (found == NULL && r->problems != NULL)
    talus_kb_problem (r->problems, talus_entry_get_file (owner), ref->line,
                      _("%s “%s” refers to unknown %s “%s”"),
                      kind_names[kind_of (owner)], talus_entry_get_id (owner),
                      kind_names[kind], ref->id);

  return found;
}

static int
compare_symptom_links (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  const TalusLink *la = *(TalusLink * const *) a;
  const TalusLink *lb = *(TalusLink * const *) b;

  return (int) lb->weight - (int) la->weight;
}

static int
compare_care_links (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const TalusLink *la = *(TalusLink * const *) a;
  const TalusLink *lb = *(TalusLink * const *) b;

  return (int) talus_care_option_get_stage (TALUS_CARE_OPTION (la->target)) -
         (int) talus_care_option_get_stage (TALUS_CARE_OPTION (lb->target));
}

static int
compare_red_flags (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const TalusRedFlag *fa = *(TalusRedFlag * const *) a;
  const TalusRedFlag *fb = *(TalusRedFlag * const *) b;

  return (int) fa->urgency - (int) fb->urgency;
}

static void
add_backlink (gpointer        entry,
              TalusCondition *condition,
              gboolean        commit)
{
  if (commit && entry != NULL)
    talus_entry_add_condition (TALUS_ENTRY (entry), condition);
}

static void
store_add (TalusPtrList *list,
           gpointer      item,
           gboolean      commit)
{
  if (commit && item != NULL)
    talus_ptr_list_append (list, item);
}

/* Lists are short (the schema caps them at 32): a scan beats a hash table per list. */
static gboolean
listed_before (GPtrArray  *refs,
               guint       position,
               const char *id)
{
  for (guint i = 0; i < position; i++)
    if (g_str_equal (((TalusRef *) refs->pdata[i])->id, id))
      return TRUE;

  return FALSE;
}

static gboolean
link_listed_before (TalusPtrList *links,
                    guint         position,
                    const char   *id)
{
  for (guint i = 0; i < position; i++)
    if (g_str_equal (((TalusLink *) talus_ptr_list_index (links, i))->ref->id, id))
      return TRUE;

  return FALSE;
}

static void
resolve_entry (Resolver   *r,
               TalusEntry *entry)
{
  gboolean commit = r->commit;

  if (TALUS_IS_STRUCTURE (entry))
    {
      TalusStructure *s = TALUS_STRUCTURE (entry);

      if (commit)
        talus_ptr_list_clear (s->regions);
      for (guint i = 0; i < s->region_refs->len; i++)
        {
          TalusRegion *region = resolve (r, KIND_REGION, s->region_refs->pdata[i], entry);

          store_add (s->regions, region, commit);
          if (region != NULL)
            store_add (region->structures, s, commit);
        }
    }
  else if (TALUS_IS_DIAGNOSTIC (entry))
    {
      TalusDiagnostic *d = TALUS_DIAGNOSTIC (entry);

      for (guint i = 0; i < d->accuracy->len; i++)
        {
          TalusAccuracyPrivate *acc = d->accuracy->pdata[i];
          TalusReference *ref = resolve (r, KIND_REFERENCE, acc->cite, entry);

          if (commit)
            acc->public.reference = ref;
        }
    }
  else if (TALUS_IS_CARE_OPTION (entry))
    {
      TalusCareOption *c = TALUS_CARE_OPTION (entry);

      if (commit)
        talus_ptr_list_clear (c->references);
      for (guint i = 0; i < c->cite_refs->len; i++)
        store_add (c->references, resolve (r, KIND_REFERENCE, c->cite_refs->pdata[i], entry), commit);
    }
  else if (TALUS_IS_RED_FLAG (entry))
    {
      TalusRedFlag *f = TALUS_RED_FLAG (entry);

      if (commit)
        g_ptr_array_set_size (f->triggers, 0);
      for (guint i = 0; i < f->trigger_refs->len; i++)
        {
          GPtrArray *refs = f->trigger_refs->pdata[i];
          GPtrArray *symptoms = g_ptr_array_new ();

          for (guint j = 0; j < refs->len; j++)
            {
              TalusSymptom *symptom = resolve (r, KIND_SYMPTOM, refs->pdata[j], entry);
              if (symptom != NULL)
                g_ptr_array_add (symptoms, symptom);
            }

          if (commit)
            g_ptr_array_add (f->triggers, symptoms);
          else
            g_ptr_array_unref (symptoms);
        }
    }
  else if (TALUS_IS_CONDITION (entry))
    {
      TalusCondition *c = TALUS_CONDITION (entry);
      struct { TalusPtrList *store; guint kind; } links[] = {
        { c->symptoms, KIND_SYMPTOM },
        { c->diagnostics, KIND_DIAGNOSTIC },
        { c->care, KIND_CARE },
      };
      struct { GPtrArray *refs; TalusPtrList *store; guint kind; } lists[] = {
        { c->region_refs, c->regions, KIND_REGION },
        { c->structure_refs, c->structures, KIND_STRUCTURE },
        { c->red_flag_refs, c->red_flags, KIND_RED_FLAG },
        { c->cite_refs, c->references, KIND_REFERENCE },
      };

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        {
          if (commit)
            talus_ptr_list_clear (lists[l].store);
          for (guint i = 0; i < lists[l].refs->len; i++)
            {
              TalusRef *ref = lists[l].refs->pdata[i];
              gpointer target = resolve (r, lists[l].kind, ref, entry);

              if (r->problems != NULL && listed_before (lists[l].refs, i, ref->id))
                talus_kb_problem (r->problems, talus_entry_get_file (entry), ref->line,
                                  _("condition “%s” lists %s “%s” twice"),
                                  talus_entry_get_id (entry), kind_names[lists[l].kind], ref->id);
              store_add (lists[l].store, target, commit);
              add_backlink (target, c, commit);
            }
        }

      for (guint l = 0; l < G_N_ELEMENTS (links); l++)
        {
          guint n = talus_ptr_list_get_length (links[l].store);

          for (guint i = 0; i < n; i++)
            {
              TalusLink *link = talus_ptr_list_index (links[l].store, i);
              TalusEntry *target = resolve (r, links[l].kind, link->ref, entry);
              TalusReference *cite = resolve (r, KIND_REFERENCE, link->cite, entry);

              if (r->problems != NULL && link_listed_before (links[l].store, i, link->ref->id))
                talus_kb_problem (r->problems, link->file, link->ref->line,
                                  _("condition “%s” lists %s “%s” twice"),
                                  talus_entry_get_id (entry), kind_names[links[l].kind],
                                  link->ref->id);
              if (commit)
                {
                  link->target = target;
                  link->reference = cite;
                }
              add_backlink (target, c, commit);
            }
        }

      if (r->problems != NULL)
        {
          struct { guint n; const char *what; } parts[] = {
            { c->region_refs->len, N_("region") },
            { talus_ptr_list_get_length (c->symptoms), N_("symptom") },
            { talus_ptr_list_get_length (c->diagnostics), N_("diagnostic") },
            { talus_ptr_list_get_length (c->care), N_("care option") },
          };

          for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
            if (parts[i].n == 0)
              talus_kb_problem (r->problems, talus_entry_get_file (entry),
                                talus_entry_get_line (entry),
                                _("condition “%s” has no %s (each condition needs at least one region, symptom, diagnostic and care option)"),
                                talus_entry_get_id (entry), _(parts[i].what));
        }

      if (commit)
        {
          talus_ptr_list_sort (c->symptoms, compare_symptom_links);
          talus_ptr_list_sort (c->care, compare_care_links);
          talus_ptr_list_sort (c->red_flags, compare_red_flags);
        }
    }
}

/* Entries and conditions hold references to each other (a condition lists its regions, a region
 * its conditions): an entry must drop them when it leaves the knowledge base, or the two keep
 * each other alive. */
static void
clear_entry_links (TalusEntry *entry)
{
  talus_entry_clear_conditions (entry);
  if (TALUS_IS_REGION (entry))
    talus_ptr_list_clear (TALUS_REGION (entry)->structures);
  else if (TALUS_IS_CONDITION (entry))
    {
      TalusCondition *c = TALUS_CONDITION (entry);
      talus_ptr_list_clear (c->regions);
      talus_ptr_list_clear (c->structures);
      talus_ptr_list_clear (c->red_flags);
      talus_ptr_list_clear (c->references);
    }
  else if (TALUS_IS_STRUCTURE (entry))
    talus_ptr_list_clear (TALUS_STRUCTURE (entry)->regions);
}

static void
clear_links (TalusKnowledgeBase *self)
{
  for (guint k = 0; k < N_KINDS; k++)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->index[k].by_id);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        clear_entry_links (value);
    }
}

/* Re-links every entry: needed after any change because an override replaces objects that
 * other entries pointed to. */
static void
relink (TalusKnowledgeBase *self)
{
  Resolver r = { self, { NULL }, NULL, TRUE };

  clear_links (self);

  for (guint k = 0; k < N_KINDS; k++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->index[k].list));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TalusEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->index[k].list), i);
          resolve_entry (&r, entry);
        }
    }
}

/* Checks and, when everything resolves, adds @documents (each a GPtrArray of TalusEntry). */
static gboolean
add_documents (TalusKnowledgeBase  *self,
               GPtrArray           *documents,
               GError             **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  Resolver r = { self, { NULL }, problems, FALSE };

  for (guint k = 0; k < N_KINDS; k++)
    r.pending[k] = g_hash_table_new (g_str_hash, g_str_equal);

  /* ids are unique per kind within the set being added (a later set may override) */
  for (guint d = 0; d < documents->len; d++)
    {
      GPtrArray *entries = documents->pdata[d];

      for (guint i = 0; i < entries->len; i++)
        {
          TalusEntry *entry = entries->pdata[i];
          guint kind = kind_of (entry);
          TalusEntry *previous = g_hash_table_lookup (r.pending[kind], talus_entry_get_id (entry));

          if (previous != NULL)
            talus_kb_problem (problems, talus_entry_get_file (entry), talus_entry_get_line (entry),
                              _("duplicate %s id “%s” (first defined at %s:%u)"),
                              kind_names[kind], talus_entry_get_id (entry),
                              talus_entry_get_file (previous), talus_entry_get_line (previous));
          else
            g_hash_table_insert (r.pending[kind], (gpointer) talus_entry_get_id (entry), entry);
        }
    }

  for (guint d = 0; d < documents->len; d++)
    {
      GPtrArray *entries = documents->pdata[d];

      for (guint i = 0; i < entries->len; i++)
        resolve_entry (&r, entries->pdata[i]);
    }

  for (guint k = 0; k < N_KINDS; k++)
    g_hash_table_unref (r.pending[k]);

  if (problems->len > 0)
    {
      g_set_error_literal (error, TALUS_KB_ERROR, TALUS_KB_ERROR_REFERENCE, problems->str);
      return FALSE;
    }

  for (guint d = 0; d < documents->len; d++)
    {
      GPtrArray *entries = documents->pdata[d];

      for (guint i = 0; i < entries->len; i++)
        {
          TalusEntry *entry = entries->pdata[i];
          Index *index = &self->index[kind_of (entry)];
          TalusEntry *old = g_hash_table_lookup (index->by_id, talus_entry_get_id (entry));
          guint position;

          /* an overridden entry leaves for good: relink () only reaches the ones that stay */
          if (old != NULL)
            clear_entry_links (old);
          if (old != NULL && g_list_store_find (index->list, old, &position))
            g_list_store_splice (index->list, position, 1, (gpointer *) &entry, 1);
          else
            g_list_store_append (index->list, entry);

          g_hash_table_replace (index->by_id, g_strdup (talus_entry_get_id (entry)),
                                g_object_ref (entry));
        }
    }

  relink (self);

  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static GBytes *
read_capped (GFile   *file,
             GError **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  guint8 chunk[64 * 1024];

  if (!(stream = g_file_read (file, NULL, &local_error)))
    {
      g_set_error (error, TALUS_KB_ERROR, TALUS_KB_ERROR_READ, "%s:1: %s", name,
                   local_error->message);
      return NULL;
    }

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, NULL,
                                      &local_error);
      if (n < 0)
        {
          g_set_error (error, TALUS_KB_ERROR, TALUS_KB_ERROR_READ, "%s:1: %s", name,
                       local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
      if (buffer->len + (gsize) n > TALUS_KB_MAX_FILE_SIZE)
        {
          g_set_error (error, TALUS_KB_ERROR, TALUS_KB_ERROR_READ,
                       _("%s:1: the file is larger than %d MiB"), name,
                       TALUS_KB_MAX_FILE_SIZE / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (buffer, chunk, (guint) n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static void
talus_knowledge_base_dispose (GObject *object)
{
  TalusKnowledgeBase *self = TALUS_KNOWLEDGE_BASE (object);

  /* entries and conditions refer to each other through list stores: break the cycles */
  if (self->index[0].by_id != NULL)
    clear_links (self);

  for (guint k = 0; k < N_KINDS; k++)
    {
      g_clear_pointer (&self->index[k].by_id, g_hash_table_unref);
      g_clear_object (&self->index[k].list);
    }
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (talus_knowledge_base_parent_class)->dispose (object);
}

static void
talus_knowledge_base_class_init (TalusKnowledgeBaseClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = talus_knowledge_base_dispose;
}

static void
talus_knowledge_base_init (TalusKnowledgeBase *self)
{
  GType kind_types[N_KINDS] = {
    TALUS_TYPE_REGION, TALUS_TYPE_STRUCTURE, TALUS_TYPE_SYMPTOM, TALUS_TYPE_DIAGNOSTIC,
    TALUS_TYPE_CARE_OPTION, TALUS_TYPE_RED_FLAG, TALUS_TYPE_REFERENCE, TALUS_TYPE_CONDITION,
  };

  for (guint k = 0; k < N_KINDS; k++)
    {
      self->index[k].by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                    g_object_unref);
      self->index[k].list = g_list_store_new (kind_types[k]);
    }
}

TalusKnowledgeBase *
talus_knowledge_base_new (void)
{
  return g_object_new (TALUS_TYPE_KNOWLEDGE_BASE, NULL);
}

/**
 * talus_knowledge_base_set_catalog:
 * @catalog: (nullable): the language to translate the KB's text into as files are loaded;
 *   %NULL (the default) for the desktop's language, through gettext
 *
 * Set it before loading anything: entries already loaded keep the language they were read in.
 * Handouts made from this knowledge base are written in the same language.
 */
void
talus_knowledge_base_set_catalog (TalusKnowledgeBase *self,
                                  TalusCatalog       *catalog)
{
  g_return_if_fail (TALUS_IS_KNOWLEDGE_BASE (self));
  g_return_if_fail (catalog == NULL || TALUS_IS_CATALOG (catalog));

  g_set_object (&self->catalog, catalog);
}

TalusCatalog *
talus_knowledge_base_get_catalog (TalusKnowledgeBase *self)
{
  g_return_val_if_fail (TALUS_IS_KNOWLEDGE_BASE (self), NULL);

  return self->catalog;
}

gboolean
talus_knowledge_base_load_shipped (TalusKnowledgeBase  *self,
                                   GError             **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (TALUS_IS_KNOWLEDGE_BASE (self), FALSE);

  /* Referencing the resource keeps its object, and the constructor that registers it, in any
   * program that links this static library. */
  g_assert (talus_data_get_resource () != NULL);

  names = g_resources_enumerate_children (APP_PATH "/kb/", 0, error);
  if (names == NULL)
    return FALSE;

  /* a stable order: the same on every machine */
  qsort (names, g_strv_length (names), sizeof (char *), compare_strings);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *display = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      GPtrArray *entries;

      if (!g_str_has_suffix (names[i], ".xml"))
        continue;

      path = g_strconcat (APP_PATH "/kb/", names[i], NULL);
      display = g_strconcat ("resource://", path, NULL);
      bytes = g_resources_lookup_data (path, 0, error);
      if (bytes == NULL)
        return FALSE;

      if (!(entries = talus_kb_parse_document (bytes, display, self->catalog, &local_error)))
        {
          if (problems->len > 0)
            g_string_append_c (problems, '\n');
          g_string_append (problems, local_error->message);
          continue;
        }
      g_ptr_array_add (documents, entries);
    }

  if (problems->len > 0)
    {
      g_set_error_literal (error, TALUS_KB_ERROR, TALUS_KB_ERROR_SCHEMA, problems->str);
      return FALSE;
    }

  return add_documents (self, documents, error);
}

static char *
describe_entries (GPtrArray *entries)
{
  static const char *plural[N_KINDS] = {
    "regions", "structures", "symptoms", "diagnostics", "care options", "red flags",
    "references", "conditions",
  };
  guint counts[N_KINDS] = { 0 };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    counts[kind_of (entries->pdata[i])]++;

  for (guint k = 0; k < N_KINDS; k++)
    g_string_append_printf (out, "%s%u %s", k ? ", " : "", counts[k], plural[k]);

  return g_string_free (out, FALSE);
}

gboolean
talus_knowledge_base_add_bytes (TalusKnowledgeBase  *self,
                                GBytes              *bytes,
                                const char          *display_name,
                                GError             **error)
{
  return talus_knowledge_base_add_bytes_full (self, bytes, display_name, NULL, error);
}

gboolean
talus_knowledge_base_add_bytes_full (TalusKnowledgeBase  *self,
                                     GBytes              *bytes,
                                     const char          *display_name,
                                     char               **summary,
                                     GError             **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *entries;

  g_return_val_if_fail (TALUS_IS_KNOWLEDGE_BASE (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  if (g_bytes_get_size (bytes) > TALUS_KB_MAX_FILE_SIZE)
    {
      g_set_error (error, TALUS_KB_ERROR, TALUS_KB_ERROR_READ,
                   _("%s:1: the file is larger than %d MiB"), display_name,
                   TALUS_KB_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }

  if (!(entries = talus_kb_parse_document (bytes, display_name, self->catalog, error)))
    return FALSE;
  g_ptr_array_add (documents, entries);

  if (!add_documents (self, documents, error))
    return FALSE;

  if (summary != NULL)
    *summary = describe_entries (entries);

  return TRUE;
}

gboolean
talus_knowledge_base_add_file (TalusKnowledgeBase  *self,
                               GFile               *file,
                               GError             **error)
{
  return talus_knowledge_base_add_file_full (self, file, NULL, error);
}

gboolean
talus_knowledge_base_add_file_full (TalusKnowledgeBase  *self,
                                    GFile               *file,
                                    char               **summary,
                                    GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TALUS_IS_KNOWLEDGE_BASE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(bytes = read_capped (file, error)))
    return FALSE;

  name = g_file_get_parse_name (file);
  return talus_knowledge_base_add_bytes_full (self, bytes, name, summary, error);
}

guint
talus_knowledge_base_add_directory (TalusKnowledgeBase *self,
                                    GFile              *dir,
                                    GPtrArray          *errors)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  guint added = 0;

  g_return_val_if_fail (TALUS_IS_KNOWLEDGE_BASE (self), 0);
  g_return_val_if_fail (G_IS_FILE (dir), 0);

  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (enumerator == NULL)
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) && errors != NULL)
        {
          g_autofree char *name = g_file_get_parse_name (dir);
          g_ptr_array_add (errors, g_error_new (TALUS_KB_ERROR, TALUS_KB_ERROR_READ, "%s:1: %s",
                                                name, local_error->message));
        }
      return 0;
    }

  for (;;)
    {
      GFileInfo *info = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, &local_error))
        {
          if (errors != NULL)
            {
              g_autofree char *name = g_file_get_parse_name (dir);
              g_ptr_array_add (errors, g_error_new (TALUS_KB_ERROR, TALUS_KB_ERROR_READ,
                                                    "%s:1: %s", name, local_error->message));
            }
          break;
        }
      if (info == NULL)
        break;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          g_str_has_suffix (g_file_info_get_name (info), ".xml"))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
    }

  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (dir, names->pdata[i]);
      g_autoptr(GError) file_error = NULL;

      if (talus_knowledge_base_add_file (self, file, &file_error))
        added++;
      else if (errors != NULL)
        g_ptr_array_add (errors, g_steal_pointer (&file_error));
    }

  return added;
}

/**
 * talus_knowledge_base_load_default:
 * @user_errors: (nullable): where the errors of skipped user files go (GError*)
 *
 * What the window and the command line read: talus_knowledge_base_load_shipped(), then every
 * file of talus_knowledge_base_get_user_dir() over it, in the knowledge base's catalogue.
 *
 * Returns: whether the shipped knowledge base loaded; the user's files are added either way.
 */
gboolean
talus_knowledge_base_load_default (TalusKnowledgeBase  *self,
                                   GPtrArray           *user_errors,
                                   GError             **error)
{
  g_autoptr(GFile) user_dir = talus_knowledge_base_get_user_dir ();
  gboolean shipped;

  g_return_val_if_fail (TALUS_IS_KNOWLEDGE_BASE (self), FALSE);

  shipped = talus_knowledge_base_load_shipped (self, error);
  talus_knowledge_base_add_directory (self, user_dir, user_errors);
  return shipped;
}

GFile *
talus_knowledge_base_get_user_dir (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "talus", "kb", NULL);
}

#define LIST_GETTER(name, kind) \
GListModel * \
talus_knowledge_base_get_##name (TalusKnowledgeBase *self) \
{ \
  g_return_val_if_fail (TALUS_IS_KNOWLEDGE_BASE (self), NULL); \
  return G_LIST_MODEL (self->index[kind].list); \
}

LIST_GETTER (regions, KIND_REGION)
LIST_GETTER (structures, KIND_STRUCTURE)
LIST_GETTER (symptoms, KIND_SYMPTOM)
LIST_GETTER (diagnostics, KIND_DIAGNOSTIC)
LIST_GETTER (care_options, KIND_CARE)
LIST_GETTER (red_flags, KIND_RED_FLAG)
LIST_GETTER (references, KIND_REFERENCE)
LIST_GETTER (conditions, KIND_CONDITION)

#define LOOKUP(name, Type, kind) \
Type * \
talus_knowledge_base_lookup_##name (TalusKnowledgeBase *self, const char *id) \
{ \
  g_return_val_if_fail (TALUS_IS_KNOWLEDGE_BASE (self), NULL); \
  if (id == NULL) \
    return NULL; \
  return g_hash_table_lookup (self->index[kind].by_id, id); \
}

LOOKUP (region, TalusRegion, KIND_REGION)
LOOKUP (structure, TalusStructure, KIND_STRUCTURE)
LOOKUP (symptom, TalusSymptom, KIND_SYMPTOM)
LOOKUP (diagnostic, TalusDiagnostic, KIND_DIAGNOSTIC)
LOOKUP (care_option, TalusCareOption, KIND_CARE)
LOOKUP (red_flag, TalusRedFlag, KIND_RED_FLAG)
LOOKUP (reference, TalusReference, KIND_REFERENCE)
LOOKUP (condition, TalusCondition, KIND_CONDITION)

TalusEntry *
talus_knowledge_base_lookup (TalusKnowledgeBase *self,
                             const char         *id)
{
  g_return_val_if_fail (TALUS_IS_KNOWLEDGE_BASE (self), NULL);

  if (id == NULL)
    return NULL;

  /* conditions first: an id shared across kinds most likely means the condition */
  for (int k = N_KINDS - 1; k >= 0; k--)
    {
      TalusEntry *entry = g_hash_table_lookup (self->index[k].by_id, id);
      if (entry != NULL)
        return entry;
    }

  return NULL;
}
